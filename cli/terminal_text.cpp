// Escaping of terminal control sequences and direction overrides in text that came from the input.
#include "terminal_text.h"

#include <cstdio>

#include "conndiag/utf8.h"

namespace conndiag::cli {
namespace {

std::string Hex(const char* format, unsigned value) {
  char buf[16];
  std::snprintf(buf, sizeof buf, format, value);
  return buf;
}

bool Escaped(char32_t cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

}  // namespace

std::string Printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const Utf8Char c = DecodeUtf8(text, i);
    const char32_t cp = c.cp;
    const std::size_t len = c.length;
    if (!c.valid) {
      for (std::size_t k = 0; k < len; ++k) out += Hex("\\x%02x", static_cast<unsigned char>(text[i + k]));
      i += len;
    } else if (Escaped(cp)) {
      out += cp < 0x100 ? Hex("\\x%02x", static_cast<unsigned>(cp)) : Hex("\\u%04x", static_cast<unsigned>(cp));
      i += len;
    } else {
      out.append(text.substr(i, len));
      i += len;
    }
  }
  return out;
}

}  // namespace conndiag::cli
