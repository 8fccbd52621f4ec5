// Normalization of pasted text into the canonical form that patterns match, with an offset map back.
#include "conndiag/normalize.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>

#include "conndiag/utf8.h"
#include "hard_wraps.h"

namespace conndiag {
namespace {

constexpr char32_t kInvalid = kReplacementCharacter;

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Reads the 4 hex digits of a \uXXXX escape at text[i] (pointing at the digits); -1 if malformed.
long ReadHex4(std::string_view text, std::size_t i) {
  if (i + 4 > text.size()) return -1;
  long value = 0;
  for (std::size_t k = 0; k < 4; ++k) {
    const int h = HexValue(text[i + k]);
    if (h < 0) return -1;
    value = value * 16 + h;
  }
  return value;
}

// Folding of U+00C0..U+00FF to lowercase ASCII; "" keeps the character (× and ÷).
constexpr std::array<std::string_view, 64> kLatin1Fold = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y"};

enum class Class { kSpace, kDrop, kText };

// Writes the normalized text and, when asked, the source range of every byte written. The white-space
// and colon rules live here so that every path (ASCII fast path, escapes, non-ASCII) shares them.
template <bool kOffsets>
class Writer {
 public:
  // The output never grows longer than the input (each byte written stands for at least one input byte),
  // so the buffers are sized once and written through pointers: this loop runs on every log line.
  Writer(NormalizedText& out, std::size_t input_size) : out_(out) {
    out_.text.resize(input_size);
    text_ = out_.text.data();
    if constexpr (kOffsets) {
      out_.source_begin.resize(input_size);
      out_.source_end.resize(input_size);
      begin_ = out_.source_begin.data();
      end_ = out_.source_end.data();
    }
  }

  // Trims the buffers to what was written.
  void Finish() {
    out_.text.resize(size_);
    if constexpr (kOffsets) {
      out_.source_begin.resize(size_);
      out_.source_end.resize(size_);
    }
  }

  void Space(std::size_t src_begin, std::size_t src_end) {
    if (!pending_space_) pending_begin_ = src_begin;
    pending_space_ = true;
    pending_end_ = src_end;
  }

  void Char(char c, std::size_t src_begin, std::size_t src_end) {
    if (c == ':') {
      // No space before ':' (French typography), none after it (JSON "a": "b").
      pending_space_ = false;
    } else if (pending_space_) {
      pending_space_ = false;
      if (size_ > 0 && text_[size_ - 1] != ':') Put(' ', pending_begin_, pending_end_);
    }
    Put(c, src_begin, src_end);
  }

  // Input byte `at` as `c`, right after a Char: neither ':' nor white space comes between (a plain run).
  void Next(char c, std::size_t at) { Put(c, at, at + 1); }

  void Text(std::string_view bytes, std::size_t src_begin, std::size_t src_end) {
    for (char c : bytes) Char(c, src_begin, src_end);
  }

 private:
  void Put(char c, std::size_t src_begin, std::size_t src_end) {
    text_[size_] = c;
    if constexpr (kOffsets) {
      begin_[size_] = static_cast<std::uint32_t>(src_begin);
      end_[size_] = static_cast<std::uint32_t>(src_end);
    }
    ++size_;
  }

  NormalizedText& out_;
  char* text_ = nullptr;
  std::uint32_t* begin_ = nullptr;
  std::uint32_t* end_ = nullptr;
  std::size_t size_ = 0;
  bool pending_space_ = false;
  std::size_t pending_begin_ = 0;
  std::size_t pending_end_ = 0;
};

// What an ASCII byte becomes: 0 = white space, 1 = an escape to decode ('\\' or '&'), else the byte itself.
constexpr char kEscape = 1;
constexpr std::array<char, 128> MakeAsciiTable() {
  std::array<char, 128> t{};
  for (int c = 0; c < 128; ++c) {
    if (c < 0x20 || c == 0x7F || c == ' ') t[static_cast<std::size_t>(c)] = 0;
    else if (c >= 'A' && c <= 'Z') t[static_cast<std::size_t>(c)] = static_cast<char>(c - 'A' + 'a');
    else t[static_cast<std::size_t>(c)] = static_cast<char>(c);
  }
  t['\\'] = kEscape;
  t['&'] = kEscape;
  return t;
}
constexpr std::array<char, 128> kAscii = MakeAsciiTable();

// HTML and XML named entities that occur in error text copied from web pages, mail and SOAP bodies.
struct NamedEntity {
  std::string_view name;
  char32_t cp;
};
constexpr std::array<NamedEntity, 30> kEntities = {{
    {"quot", '"'},     {"amp", '&'},       {"apos", '\''},    {"lt", '<'},        {"gt", '>'},
    {"nbsp", 0xA0},    {"eacute", 0xE9},   {"egrave", 0xE8},   {"ecirc", 0xEA},    {"euml", 0xEB},
    {"agrave", 0xE0},  {"acirc", 0xE2},    {"ccedil", 0xE7},   {"icirc", 0xEE},    {"iuml", 0xEF},
    {"ocirc", 0xF4},   {"ugrave", 0xF9},   {"ucirc", 0xFB},    {"Eacute", 0xC9},   {"Egrave", 0xC8},
    {"Agrave", 0xC0},  {"Ccedil", 0xC7},   {"laquo", 0xAB},    {"raquo", 0xBB},    {"lsquo", 0x2018},
    {"rsquo", 0x2019}, {"ldquo", 0x201C},  {"rdquo", 0x201D},  {"ndash", 0x2013},  {"hellip", 0x2026},
}};

struct Entity {
  char32_t cp;
  std::size_t length;  // bytes from the '&' through the ';'
};

// Decodes the entity whose name starts at text[i], just after its '&': "quot;", "#39;", "#x27;". The length
// counts from text[i] through the ';'; 0 when it is not an entity.
Entity ReadEntity(std::string_view text, std::size_t i) {
  const std::size_t limit = std::min(text.size(), i + 9);
  std::size_t semi = i;
  while (semi < limit && text[semi] != ';') ++semi;
  if (semi >= limit || semi - i < 2) return {0, 0};
  const std::string_view body = text.substr(i, semi - i);
  if (body[0] == '#') {
    const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    const std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty()) return {0, 0};
    unsigned long value = 0;
    for (char c : digits) {
      const int v = hex ? HexValue(c) : (c >= '0' && c <= '9' ? c - '0' : -1);
      if (v < 0) return {0, 0};
      value = value * (hex ? 16 : 10) + static_cast<unsigned long>(v);
    }
    if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return {kInvalid, semi - i + 1};
    return {static_cast<char32_t>(value), semi - i + 1};
  }
  for (const auto& e : kEntities) {
    if (e.name == body) return {e.cp, semi - i + 1};
  }
  return {0, 0};
}


// Emits the canonical form of one code point that stands for original bytes [begin, end).
template <class W>
void Emit(W& w, char32_t cp, std::size_t begin, std::size_t end) {
  if (cp < 0x80) {
    const char c = kAscii[cp];
    if (c == 0) return w.Space(begin, end);
    return w.Char(c == kEscape ? static_cast<char>(cp) : c, begin, end);
  }
  switch (cp) {
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F:
    case 0x3000: case kInvalid:
      return w.Space(begin, end);
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: case 0xAD:
      return;  // zero-width characters and soft hyphens carry nothing
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
      return w.Text("'", begin, end);
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0xAB: case 0xBB:
      return w.Text("\"", begin, end);
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
      return w.Text("-", begin, end);
    case 0x2026:
      return w.Text("...", begin, end);
    case 0x152: case 0x153:
      return w.Text("oe", begin, end);
    case 0x178:
      return w.Text("y", begin, end);
    default:
      break;
  }
  if (cp >= 0x2000 && cp <= 0x200A) return w.Space(begin, end);
  // Combining marks: a decomposed "é" (e + U+0301) reads as the "e" it decorates, as the composed one does.
  if ((cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
      (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F)) {
    return;
  }
  if (cp >= 0xC0 && cp <= 0xFF && !kLatin1Fold[cp - 0xC0].empty()) {
    return w.Text(kLatin1Fold[cp - 0xC0], begin, end);
  }
  std::string bytes;
  AppendUtf8(bytes, cp);
  w.Text(bytes, begin, end);
}

}  // namespace

Span NormalizedText::ToSource(Span normalized) const {
  return {source_begin[normalized.begin], source_end[normalized.end - 1]};
}

namespace {

template <bool kOffsets>
void NormalizeInto(std::string_view text, NormalizedText& out) {
  Writer<kOffsets> w(out, text.size());
  std::size_t i = 0;
  const std::size_t n = text.size();
  const std::vector<std::size_t> wraps = WrapBreaks(text);
  std::size_t next_wrap = 0;
  while (i < n) {
    if (next_wrap < wraps.size() && i == wraps[next_wrap]) {
      // A line break that cut a word: the two halves join.
      i += text[i] == '\r' ? std::size_t{2} : std::size_t{1};
      ++next_wrap;
      continue;
    }
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      const char c = kAscii[byte];
      if (c == 0) {
        w.Space(i, i + 1);
        ++i;
        continue;
      }
      if (c != kEscape) {
        w.Char(c, i, i + 1);
        ++i;
        // The run of bytes after it that are only looked up (not white space, ':', an escape or beyond
        // ASCII), up to the next wrap, written on directly: most of a text is such runs.
        const std::size_t stop = next_wrap < wraps.size() ? std::min(n, wraps[next_wrap]) : n;
        for (; i < stop; ++i) {
          const auto b = static_cast<unsigned char>(text[i]);
          const char d = b < 0x80 ? kAscii[b] : 0;
          if (d == 0 || d == kEscape || d == ':') break;
          w.Next(d, i);
        }
        continue;
      }
      if (byte == '&') {
        // An HTML or XML entity; "&amp;quot;" (escaped twice, as in a page quoting a SOAP body) is one.
        Entity e = ReadEntity(text, i + 1);
        std::size_t end = i + 1 + e.length;
        if (e.cp == '&' && e.length > 0) {
          const Entity inner = ReadEntity(text, end);
          if (inner.length > 0 && inner.cp != '&') {
            e = inner;
            end += inner.length;
          }
        }
        if (e.length == 0) {
          w.Char('&', i, i + 1);
          ++i;
        } else {
          Emit(w, e.cp, i, end);
          i = end;
        }
        continue;
      }
      // A run of backslashes: JSON escaping, possibly applied more than once.
      std::size_t j = i;
      while (j < n && text[j] == '\\') ++j;
      if (j == n) {
        w.Char('\\', i, j);
        break;
      }
      const char next = text[j];
      if (next == '"' || next == '/' || next == '\'') {
        w.Char(next, i, j + 1);
        i = j + 1;
        continue;
      }
      if (next == 'n' || next == 'r' || next == 't') {
        w.Space(i, j + 1);
        i = j + 1;
        continue;
      }
      if (next == 'u') {
        const long unit = ReadHex4(text, j + 1);
        if (unit >= 0) {
          std::size_t end = j + 5;
          auto cp = static_cast<char32_t>(unit);
          if (cp >= 0xD800 && cp <= 0xDBFF && end + 1 < n && text[end] == '\\' && text[end + 1] == 'u') {
            const long low = ReadHex4(text, end + 2);
            if (low >= 0xDC00 && low <= 0xDFFF) {
              cp = 0x10000 + ((cp - 0xD800) << 10) + (static_cast<char32_t>(low) - 0xDC00);
              end += 6;
            }
          }
          if (cp >= 0xD800 && cp <= 0xDFFF) cp = kInvalid;  // a lone surrogate
          Emit(w, cp, i, end);
          i = end;
          continue;
        }
      }
      w.Char('\\', i, j);
      i = j;
      continue;
    }
    const Utf8Char d = DecodeUtf8(text, i);
    Emit(w, d.cp, i, i + d.length);
    i += d.length;
  }
  w.Finish();
}

}  // namespace

void Normalize(std::string_view text, NormalizedText& out, bool keep_offsets) {
  if (keep_offsets) {
    NormalizeInto<true>(text, out);
  } else {
    out.source_begin.clear();
    out.source_end.clear();
    NormalizeInto<false>(text, out);
  }
}

NormalizedText Normalize(std::string_view text, bool keep_offsets) {
  NormalizedText out;
  Normalize(text, out, keep_offsets);
  return out;
}

}  // namespace conndiag
