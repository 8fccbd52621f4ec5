// Tests of cli/input.cpp: encodings, binary refusal and line streaming in bounded memory.
#include <catch2/catch.hpp>

#include <cstdio>

#include "input.h"

using namespace conndiag::cli;

namespace {

std::string Decode(const std::string& bytes, std::size_t chunk = 3) {
  InputDecoder d;
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += chunk) {
    auto err = d.Feed(std::string_view(bytes).substr(i, chunk), out);
    if (err) return "ERROR: " + *err;
  }
  if (auto err = d.Finish(out)) return "ERROR: " + *err;
  return out;
}

std::FILE* Temp(const std::string& contents) {
  std::FILE* f = std::tmpfile();
  std::fwrite(contents.data(), 1, contents.size(), f);
  std::rewind(f);
  return f;
}

}  // namespace

TEST_CASE("UTF-8 passes through, its BOM is dropped", "[input]") {
  CHECK(Decode("Retourné") == "Retourné");
  CHECK(Decode("\xEF\xBB\xBFok") == "ok");
  CHECK(Decode("ab") == "ab");  // shorter than the detection window
  CHECK(Decode("") == "");
}

TEST_CASE("UTF-16 with a BOM, little and big endian, across chunk boundaries", "[input]") {
  const std::string le("\xFF\xFE" "4\0" "0\0" "1\0" "\xE9\0" "=\xD8\x00\xDE", 14);  // "401é😀"
  CHECK(Decode(le, 1) == "401é\U0001F600");
  CHECK(Decode(le, 5) == "401é\U0001F600");
  const std::string be("\xFE\xFF\0" "O\0" "K", 6);
  CHECK(Decode(be) == "OK");
}

TEST_CASE("UTF-16 without a BOM is recognized from ASCII's NUL pattern", "[input]") {
  CHECK(Decode(std::string("I\0O\0E\0", 6)) == "IOE");
}

TEST_CASE("broken UTF-16 becomes replacement characters, not garbage or a crash", "[input]") {
  CHECK(Decode(std::string("\xFF\xFE" "A\0" "\x00\xD8", 6)) == "A\uFFFD");  // lone high surrogate at the end
  CHECK(Decode(std::string("\xFF\xFE" "A\0" "B", 5)) == "A\uFFFD");         // odd byte count
}

TEST_CASE("NUL bytes in 8-bit text mean binary input: refused with the offset", "[input]") {
  CHECK(Decode(std::string("PK\x03\x04\0\0\0", 7)) == "ERROR: the input looks binary (a NUL byte at offset 4); give the text of the error or log");
}

TEST_CASE("ReadAll refuses input over the limit with a pointer to --log", "[input]") {
  std::FILE* f = Temp(std::string(3u << 20, 'a'));
  std::string text;
  auto err = ReadAll(f, 1u << 20, text);
  std::fclose(f);
  REQUIRE(err);
  CHECK(*err == "the input is larger than 1 MB; a single error is never that long: for a log use --log");
}

TEST_CASE("ForEachChunk hands over the whole decoded input and reports progress", "[input]") {
  // Line splitting (LF, CRLF, lone CR, over-long lines) is LogClassifier::AddText's, tested with it.
  const std::string content = "one\r\ntwo\rthree\n" + std::string(3u << 20, 'x') + "\nlast";
  std::FILE* f = Temp(content);
  std::string joined;
  std::size_t pieces = 0;
  std::size_t progress = 0;
  auto err = ForEachChunk(
      f, [&](std::string_view t) -> std::optional<std::string> { joined.append(t); ++pieces; return std::nullopt; },
      [&](std::size_t b) { progress = b; });
  std::fclose(f);
  REQUIRE_FALSE(err);
  CHECK(joined == content);
  CHECK(pieces >= 4);
  CHECK(progress == content.size());
}

TEST_CASE("ForEachChunk stops at the first error its consumer returns", "[input]") {
  std::FILE* f = Temp(std::string(3u << 20, 'a'));
  std::size_t pieces = 0;
  auto err = ForEachChunk(
      f, [&](std::string_view) -> std::optional<std::string> { ++pieces; return std::string("stop"); },
      [](std::size_t) {});
  std::fclose(f);
  REQUIRE(err);
  CHECK(*err == "stop");
  CHECK(pieces == 1);
}

TEST_CASE("8-bit text that is not UTF-8 is read as Windows-1252, valid UTF-8 never", "[input]") {
  conndiag::cli::InputDecoder latin;
  std::string out;
  REQUIRE_FALSE(latin.Feed("Retourn\xE9 par le serveur \x93x\x94 \x80", out));
  REQUIRE_FALSE(latin.Finish(out));
  CHECK(out == "Retourn\xC3\xA9 par le serveur \xE2\x80\x9Cx\xE2\x80\x9D \xE2\x82\xAC");
  CHECK(latin.windows1252());

  // Decided by the first non-ASCII bytes: UTF-8 stays UTF-8, even with a stray bad byte later.
  conndiag::cli::InputDecoder utf8;
  std::string kept;
  REQUIRE_FALSE(utf8.Feed("Retourn\xC3\xA9 ", kept));
  REQUIRE_FALSE(utf8.Feed("then \xFF", kept));
  REQUIRE_FALSE(utf8.Finish(kept));
  CHECK(kept == "Retourn\xC3\xA9 then \xFF");
  CHECK_FALSE(utf8.windows1252());

  // A UTF-8 character cut between two reads is not mistaken for Windows-1252.
  conndiag::cli::InputDecoder cut;
  std::string joined;
  REQUIRE_FALSE(cut.Feed("abcd Retourn\xC3", joined));
  REQUIRE_FALSE(cut.Feed("\xA9", joined));
  REQUIRE_FALSE(cut.Finish(joined));
  CHECK(joined == "abcd Retourn\xC3\xA9");
  CHECK_FALSE(cut.windows1252());
}
