// Tests of cli/terminal_text.cpp: nothing from the input can drive the terminal.
#include <catch2/catch.hpp>

#include "terminal_text.h"

using conndiag::cli::Printable;

TEST_CASE("control sequences, C1 controls, direction overrides and bad bytes print as visible escapes", "[terminal]") {
  CHECK(Printable("\x1b]0;pwned\x07\x1b[2J\x1b[31mALL CONNECTORS OK\x1b[0m") ==
        "\\x1b]0;pwned\\x07\\x1b[2J\\x1b[31mALL CONNECTORS OK\\x1b[0m");
  CHECK(Printable("a\tb\rc\nd\x7f") == "a\\x09b\\x0dc\\x0ad\\x7f");
  CHECK(Printable("csi \xC2\x9B" "31m") == "csi \\x9b31m");          // U+009B, the 8-bit CSI
  CHECK(Printable("abc\xE2\x80\xAE" "fed") == "abc\\u202efed");      // right-to-left override
  CHECK(Printable("bad \xff byte") == "bad \\xff byte");
}

TEST_CASE("ordinary text, accents, quotes and emoji pass unchanged", "[terminal]") {
  const std::string text = "Retourné par le serveur : « 404 » — “ok” 👍";
  CHECK(Printable(text) == text);
}
