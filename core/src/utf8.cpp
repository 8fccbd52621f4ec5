// UTF-8 decoding by the WHATWG rule, encoding, and UTF-16 offsets: the one place conndiag reads bytes as text.
#include "conndiag/utf8.h"

#include <algorithm>

namespace conndiag {

Utf8Char DecodeUtf8(std::string_view text, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 < 0x80) return {b0, 1, true};
  // The lead byte fixes how many continuation bytes follow and the range the first of them must be in:
  // E0 and F0 exclude overlong forms, ED excludes surrogates, F4 code points past U+10FFFF.
  std::size_t needed = 0;
  char32_t cp = 0;
  unsigned lower = 0x80;
  unsigned upper = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    needed = 1;
    cp = b0 & 0x1Fu;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    needed = 2;
    cp = b0 & 0x0Fu;
    if (b0 == 0xE0) lower = 0xA0;
    if (b0 == 0xED) upper = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    needed = 3;
    cp = b0 & 0x07u;
    if (b0 == 0xF0) lower = 0x90;
    if (b0 == 0xF4) upper = 0x8F;
  } else {
    return {kReplacementCharacter, 1, false};  // a continuation byte, C0, C1 or F5..FF: never a lead
  }
  std::size_t length = 1;
  for (; needed > 0; --needed) {
    // The byte that breaks the sequence is not part of it: it is read again as the next character.
    if (i + length >= text.size()) return {kReplacementCharacter, length, false};
    const auto b = static_cast<unsigned char>(text[i + length]);
    if (b < lower || b > upper) return {kReplacementCharacter, length, false};
    lower = 0x80;
    upper = 0xBF;
    cp = (cp << 6) | (b & 0x3Fu);
    ++length;
  }
  return {cp, length, true};
}

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::vector<std::size_t> Utf16Offsets(std::string_view text, const std::vector<std::size_t>& offsets) {
  // One walk over the text for all offsets: visit them in increasing order, then answer in the given order.
  std::vector<std::size_t> order(offsets.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return offsets[a] < offsets[b]; });
  std::vector<std::size_t> out(offsets.size());
  std::size_t byte = 0;
  std::size_t units = 0;
  for (std::size_t k : order) {
    while (byte < offsets[k] && byte < text.size()) {
      const Utf8Char c = DecodeUtf8(text, byte);
      units += Utf16Units(c);
      byte += c.length;
    }
    out[k] = units;
  }
  return out;
}

std::string_view CutAtCharacter(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  // Walk forward so that the cut respects the same character boundaries as decoding (a bad byte is one).
  std::size_t cut = 0;
  while (cut < text.size()) {
    const std::size_t next = cut + DecodeUtf8(text, cut).length;
    if (next > max_bytes) break;
    cut = next;
  }
  return text.substr(0, cut);
}

}  // namespace conndiag
