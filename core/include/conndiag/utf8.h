// UTF-8 as every part of conndiag reads it: decoding the way browsers do, encoding, counting UTF-16 units.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace conndiag {

inline constexpr char32_t kReplacementCharacter = 0xFFFD;

// One character decoded from UTF-8.
struct Utf8Char {
  char32_t cp = 0;         // the code point; U+FFFD when `valid` is false
  std::size_t length = 0;  // bytes it takes (at least 1)
  bool valid = false;
};

// Decodes the character that starts at text[i] (i < text.size()). An ill-formed sequence decodes as one
// U+FFFD per *maximal subpart* (the longest prefix that could still have begun a valid sequence), the
// rule of the WHATWG Encoding Standard: "ED A0 80" (a surrogate) is three U+FFFD, "F0 9F 98" before an
// ASCII byte is one. So the core counts characters exactly as the page's TextDecoder does.
Utf8Char DecodeUtf8(std::string_view text, std::size_t i);

// Appends the UTF-8 encoding of a code point (at most U+10FFFF) to `out`.
void AppendUtf8(std::string& out, char32_t cp);

// UTF-16 code units of a decoded character: 2 above U+FFFF, else 1 (U+FFFD for a bad sequence is 1).
inline std::size_t Utf16Units(const Utf8Char& c) { return c.valid && c.cp > 0xFFFF ? 2 : 1; }

// Converts byte offsets into `text` (UTF-8, possibly ill-formed) to UTF-16 code-unit indices, as a
// JavaScript string decoded from the same bytes by TextDecoder counts them. `offsets` need not be sorted;
// each must be <= text.size(). An offset inside a character counts that character as passed.
std::vector<std::size_t> Utf16Offsets(std::string_view text, const std::vector<std::size_t>& offsets);

// The longest prefix of `text` of at most `max_bytes` bytes that does not end inside a character.
std::string_view CutAtCharacter(std::string_view text, std::size_t max_bytes);

}  // namespace conndiag
