// Tests of core/src/utf8.cpp: decoding by the WHATWG rule, UTF-16 offsets, cuts at character boundaries.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "conndiag/utf8.h"

using namespace conndiag;

namespace {

// The decoder's characters as (code point, length) pairs, for comparing whole strings at once.
std::vector<std::pair<char32_t, std::size_t>> Chars(std::string_view text) {
  std::vector<std::pair<char32_t, std::size_t>> out;
  for (std::size_t i = 0; i < text.size();) {
    const Utf8Char c = DecodeUtf8(text, i);
    out.emplace_back(c.cp, c.length);
    i += c.length;
  }
  return out;
}

using Chars_t = std::vector<std::pair<char32_t, std::size_t>>;

}  // namespace

TEST_CASE("well-formed UTF-8 decodes to its code points", "[utf8]") {
  CHECK(Chars("a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80") ==
        Chars_t{{'a', 1}, {0xE9, 2}, {0x20AC, 3}, {0x1F600, 4}});
}

TEST_CASE("an ill-formed sequence is one replacement character per maximal subpart", "[utf8]") {
  const char32_t bad = kReplacementCharacter;
  CHECK(Chars("\xED\xA0\x80") == Chars_t{{bad, 1}, {bad, 1}, {bad, 1}});  // an encoded surrogate
  CHECK(Chars("\xF0\x9F\x98" "a") == Chars_t{{bad, 3}, {'a', 1}});          // a 4-byte sequence cut short
  CHECK(Chars("\xE0\x80\x80") == Chars_t{{bad, 1}, {bad, 1}, {bad, 1}});  // overlong
  CHECK(Chars("\xC0\xAF") == Chars_t{{bad, 1}, {bad, 1}});
  CHECK(Chars("\xF4\x90\x80\x80") == Chars_t{{bad, 1}, {bad, 1}, {bad, 1}, {bad, 1}});  // past U+10FFFF
  CHECK(Chars("\xE2\x82") == Chars_t{{bad, 2}});                           // cut by the end of the text
  CHECK(Chars("\x80\xFF") == Chars_t{{bad, 1}, {bad, 1}});
}

TEST_CASE("encoding and decoding agree on every kind of code point", "[utf8]") {
  for (char32_t cp : {char32_t{0}, char32_t{0x7F}, char32_t{0x80}, char32_t{0x7FF}, char32_t{0x800}, char32_t{0xFFFD},
                      char32_t{0xFFFF}, char32_t{0x10000}, char32_t{0x10FFFF}}) {
    std::string bytes;
    AppendUtf8(bytes, cp);
    const Utf8Char c = DecodeUtf8(bytes, 0);
    CHECK(c.valid);
    CHECK(c.cp == cp);
    CHECK(c.length == bytes.size());
  }
}

TEST_CASE("UTF-16 offsets count BMP characters as one unit and others as two", "[utf8]") {
  const std::string text = "aé€\U0001F600b";  // 1 + 2 + 3 + 4 + 1 bytes
  CHECK(Utf16Offsets(text, {0, 1, 3, 6, 10, 11}) == std::vector<std::size_t>{0, 1, 2, 3, 5, 6});
  CHECK(Utf16Offsets(text, {11, 0}) == std::vector<std::size_t>{6, 0});
}

TEST_CASE("UTF-16 offsets count each maximal subpart of bad bytes as one unit, as TextDecoder does", "[utf8]") {
  CHECK(Utf16Offsets("a\xff" "b", {3}) == std::vector<std::size_t>{3});
  CHECK(Utf16Offsets("a\xe2\x82", {3}) == std::vector<std::size_t>{2});            // "a\uFFFD"
  CHECK(Utf16Offsets("\xED\xA0\x80" "x", {3, 4}) == std::vector<std::size_t>{3, 4});  // three U+FFFD, then x
}

TEST_CASE("a cut never splits a character", "[utf8]") {
  CHECK(CutAtCharacter("abcdé", 5) == "abcd");  // é is 2 bytes: cut before it
  CHECK(CutAtCharacter("abcdé", 6) == "abcdé");
  CHECK(CutAtCharacter("ab", 10) == "ab");
  CHECK(CutAtCharacter("ab\xF0\x9F\x98" "c", 4) == "ab");  // a bad 3-byte subpart is one unit too
  CHECK(CutAtCharacter("ab\xF0\x9F\x98" "c", 5) == "ab\xF0\x9F\x98");
}
