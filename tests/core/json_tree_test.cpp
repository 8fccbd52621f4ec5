// Tests of core/src/json_tree.cpp: it accepts exactly the texts nlohmann::json::parse accepts, reads the
// same values from them (compared through nlohmann's own serialization), and says where a text goes wrong.
#include <random>
#include <string>
#include <utility>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "conndiag/default_kb.h"
#include "json_tree.h"
#include "json_tree_as_nlohmann.h"

using conndiag::JsonTree;
using conndiag::JsonValue;
using nlohmann::json;

namespace {

constexpr int kDepth = 64;

// Both readers on `text`: the same verdict, and the same value when it is JSON.
void Agree(const std::string& text) {
  CAPTURE(text);
  JsonTree tree;
  const bool ours = tree.Parse(text, kDepth);
  const json theirs = json::parse(text, nullptr, /*allow_exceptions=*/false);
  REQUIRE(ours == !theirs.is_discarded());
  if (ours) CHECK(conndiag::testing::AsNlohmann(tree.root()).dump() == theirs.dump());
}

}  // namespace

TEST_CASE("reads every kind of value as nlohmann does", "[json_tree]") {
  for (const char* text : {"null",
                           "true",
                           "false",
                           "0",
                           "-0",
                           "12",
                           "-12",
                           "1.5",
                           "-1.5e3",
                           "1E+2",
                           "2e-2",
                           "0.0",
                           "\"\"",
                           "\"a\"",
                           "[]",
                           "{}",
                           "[1,[2,[3]],{\"a\":{}}]",
                           " \t\r\n[ 1 , 2 ]\n ",
                           "{\"b\":1,\"a\":2}",
                           "9223372036854775807",
                           "-9223372036854775808",
                           "9223372036854775808",
                           "18446744073709551615",
                           "18446744073709551616",
                           "-9223372036854775809",
                           "1e308",
                           "1e-400",
                           "123456789012345678901234567890"}) {
    Agree(text);
  }
}

TEST_CASE("refuses what nlohmann refuses", "[json_tree]") {
  for (const char* text : {"",
                           " ",
                           "nul",
                           "truex",
                           "[1,]",
                           "[1 2]",
                           "{\"a\" 1}",
                           "{\"a\":1,}",
                           "{a:1}",
                           "{\"a\":}",
                           "01",
                           "-",
                           "1.",
                           ".5",
                           "1e",
                           "1e+",
                           "+1",
                           "--1",
                           "\"abc",
                           "[",
                           "{",
                           "]",
                           "}",
                           "1 2",
                           "\"\\x\"",
                           "\"\\u12\"",
                           "\"\\u12G4\"",
                           "1e309",
                           "-1e309",
                           "[1]]",
                           "\"tab\there\"",
                           "\"\\ud800\"",
                           "\"\\udc00\"",
                           "\"\\ud800\\u0041\"",
                           "\"\\ud800x\"",
                           "'a'",
                           "NaN",
                           "Infinity",
                           "[01]"}) {
    Agree(text);
  }
}

TEST_CASE("strings are unescaped and checked as UTF-8 like nlohmann's", "[json_tree]") {
  for (std::string text :
       {R"("\"\\\/\b\f\n\r\t")", R"("\u0041\u00e9\u20ac\ud83d\ude00")", R"("\u0000")", "\"caf\xC3\xA9\"",
        "\"\xE2\x82\xAC \xF0\x9F\x98\x80\"", "\"\xC3\"", "\"\xC0\x80\"", "\"\xE0\x80\x80\"", "\"\xED\xA0\x80\"",
        "\"\xF4\x90\x80\x80\"", "\"\xF5\x80\x80\x80\"", "\"\x80\"", "\"\xFF\"", "\"\x7F\"",
        "\"a long plain run of more than eight bytes \\n and then more of them\""}) {
    Agree(text);
  }
}

TEST_CASE("a byte order mark may open the text, and a NUL byte ends it where a token would start", "[json_tree]") {
  Agree("\xEF\xBB\xBF{\"a\":1}");
  Agree("\xEF\xBB{\"a\":1}");
  Agree(std::string("{\"a\":1}\0 trailing", 17));
  Agree(std::string("[1,\0]", 5));
  Agree(std::string("\"a\0\"", 4));
  Agree(std::string("\0", 1));
}

TEST_CASE("members are in key order and a repeated key keeps its last value", "[json_tree]") {
  JsonTree tree;
  REQUIRE(tree.Parse(R"({"b":1,"a":2,"c":3,"a":4})", kDepth));
  const JsonValue root = tree.root();
  REQUIRE(root.size() == 3);
  CHECK(root.key(0) == "a");
  CHECK(root.key(1) == "b");
  CHECK(root.key(2) == "c");
  CHECK(root.find("a")->integer() == 4);
  CHECK_FALSE(root.find("d").has_value());
  CHECK_FALSE(root.find("a")->find("x").has_value());  // find on a number finds nothing
  Agree(R"({"b":1,"a":2,"c":3,"a":4})");
}

TEST_CASE("a large object out of order is sorted stably with repeated keys", "[json_tree]") {
  std::string text = "{";
  for (int i = 0; i < 200; ++i) {
    if (i) text += ',';
    text += "\"k" + std::to_string((i * 37) % 50) + "\":" + std::to_string(i);
  }
  text += "}";
  Agree(text);
}

TEST_CASE("a refusal says what went wrong, at which line and column", "[json_tree]") {
  const std::pair<std::string, std::string> kRefusals[] = {
      {"[1,]", "not a JSON value at line 1, column 4"},
      {"{\"a\":1 \"b\":2}", "expected ',' or '}' at line 1, column 8"},
      {"\"\xC0\x80\"", "a string that is not UTF-8 at line 1, column 2"},
      {"{\n  \"a\": [1,\n    2,,\n  ]\n}", "not a JSON value at line 3, column 7"},
      {"[1e999]", "number overflow (too large for a double) at line 1, column 2"},
      {"[1,", "unexpected end of the text at line 1, column 4"},
  };
  for (const auto& [text, error] : kRefusals) {
    CAPTURE(text);
    JsonTree tree;
    CHECK_FALSE(tree.Parse(text, kDepth));
    CHECK(tree.error() == error);
  }
}

TEST_CASE("nesting deeper than allowed is refused, not recursed into", "[json_tree]") {
  JsonTree tree;
  const std::string ok = std::string(kDepth, '[') + std::string(kDepth, ']');
  CHECK(tree.Parse(ok, kDepth));
  CHECK_FALSE(tree.too_deep());
  const std::string deep = std::string(kDepth + 1, '[') + std::string(kDepth + 1, ']');
  CHECK_FALSE(tree.Parse(deep, kDepth));
  CHECK(tree.too_deep());
  CHECK_THAT(tree.error(), Catch::StartsWith("nested too deep"));
  CHECK_FALSE(tree.Parse("[1,]", kDepth));
  CHECK_FALSE(tree.too_deep());  // another refusal after a deep one is not called deep
}

TEST_CASE("the built-in knowledge base reads the same with both readers", "[json_tree]") {
  Agree(std::string(conndiag::DefaultKnowledgeBase()));
}

namespace {

// A random JSON value written with random spacing, escapes and key order: the kinds of text the readers must
// agree on, beyond the hand-picked ones above.
class RandomJson {
 public:
  explicit RandomJson(std::uint32_t seed) : rng_(seed) {}

  std::string Value(int depth) {
    switch (Pick(depth > 3 ? 6 : 8)) {
      case 0:
        return "null";
      case 1:
        return Pick(2) ? "true" : "false";
      case 2:
        return Number();
      case 3:
      case 4:
      case 5:
        return String();
      case 6: {
        std::string out = "[";
        out += Space();
        const int n = Pick(5);
        for (int i = 0; i < n; ++i) {
          if (i) out += ',';
          out += Space();
          out += Value(depth + 1);
          out += Space();
        }
        return out + "]";
      }
      default: {
        std::string out = "{";
        const int n = Pick(6);
        for (int i = 0; i < n; ++i) {
          if (i) out += ',';
          out += Space();
          out += Key();
          out += Space();
          out += ':';
          out += Space();
          out += Value(depth + 1);
        }
        out += Space();
        return out + "}";
      }
    }
  }

  // `text` with one byte changed, inserted or removed: mostly broken JSON, sometimes still JSON.
  std::string Mutate(std::string text) {
    if (text.empty()) return "x";
    const std::size_t at = static_cast<std::size_t>(Pick(static_cast<int>(text.size())));
    static constexpr char kBytes[] = "{}[]\",:\\/ \t\n0123456789.-+eEtfnulrbu\x80\xC3\xA9\xED\xF0";
    const char b = kBytes[static_cast<std::size_t>(Pick(static_cast<int>(sizeof kBytes - 1)))];
    switch (Pick(3)) {
      case 0:
        text[at] = b;
        break;
      case 1:
        text.insert(at, 1, b);
        break;
      default:
        text.erase(at, 1);
    }
    return text;
  }

 private:
  int Pick(int n) { return static_cast<int>(rng_() % static_cast<std::uint32_t>(n)); }

  std::string Space() {
    static const char* kSpaces[] = {"", "", "", " ", "\n  ", "\t", "\r\n"};
    return kSpaces[Pick(7)];
  }

  std::string Key() {
    if (!Pick(3)) return String();
    std::string key = "\"a\"";
    key[1] = static_cast<char>('a' + Pick(5));
    return key;
  }

  std::string Number() {
    static const char* kNumbers[] = {"0",
                                     "-0",
                                     "7",
                                     "-42",
                                     "3.25",
                                     "-0.5e-3",
                                     "6E10",
                                     "9223372036854775807",
                                     "9223372036854775808",
                                     "-9223372036854775808",
                                     "18446744073709551616",
                                     "1e300",
                                     "4.9e-324",
                                     "100000000000000000000"};
    return kNumbers[Pick(14)];
  }

  std::string String() {
    static const char* kPieces[] = {"a",
                                    "plain words here",
                                    "\\\"",
                                    "\\\\",
                                    "\\/",
                                    "\\n",
                                    "\\t",
                                    "\\u00e9",
                                    "\\u20AC",
                                    "\\ud83d\\ude00",
                                    "\xC3\xA9",
                                    "\xE2\x82\xAC",
                                    "\xF0\x9F\x98\x80",
                                    "{",
                                    "]",
                                    ":",
                                    ",",
                                    "0123456789abcdef"};
    std::string out = "\"";
    const int n = Pick(6);
    for (int i = 0; i < n; ++i) out += kPieces[Pick(18)];
    return out + "\"";
  }

  std::mt19937 rng_;
};

}  // namespace

TEST_CASE("random JSON texts, and the same texts with a byte changed, read the same as nlohmann reads them",
          "[json_tree]") {
  RandomJson random(20261128);  // fixed: every run checks the same texts
  for (int i = 0; i < 3000; ++i) {
    const std::string text = random.Value(0);
    Agree(text);
    Agree(random.Mutate(text));
  }
}
