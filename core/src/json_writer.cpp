// A minimal streaming JSON writer: escaping, UTF-8 repair and comma bookkeeping.
#include "json_writer.h"

#include <cmath>
#include <cstdint>

#include "conndiag/utf8.h"
#include "eight_bytes.h"

namespace conndiag {
void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) out_ += ',';
    first_.back() = false;
  }
}

JsonWriter& JsonWriter::BeginObject() {
  BeforeValue();
  out_ += '{';
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::EndObject() {
  out_ += '}';
  first_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::BeginArray() {
  BeforeValue();
  out_ += '[';
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::EndArray() {
  out_ += ']';
  first_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::Key(std::string_view key) {
  String(key);
  out_ += ':';
  after_key_ = true;
  return *this;
}

namespace {

// Printable ASCII other than '"' and '\\': written as it is.
bool IsPlainJsonByte(unsigned char c) { return c >= 0x20 && c < 0x7F && c != '"' && c != '\\'; }

}  // namespace

void JsonWriter::EscapeUnit(std::uint32_t unit) {
  static constexpr char kHex[] = "0123456789abcdef";
  const char escape[] = {'\\', 'u', kHex[(unit >> 12) & 0xF], kHex[(unit >> 8) & 0xF], kHex[(unit >> 4) & 0xF],
                         kHex[unit & 0xF]};
  out_.append(escape, sizeof escape);
}

void JsonWriter::EscapeCodePoint(char32_t cp) {
  if (cp < 0x10000) {
    EscapeUnit(cp);
  } else {  // a surrogate pair
    const std::uint32_t above = static_cast<std::uint32_t>(cp) - 0x10000;
    EscapeUnit(0xD800 + (above >> 10));
    EscapeUnit(0xDC00 + (above & 0x3FF));
  }
}

JsonWriter& JsonWriter::String(std::string_view value) {
  BeforeValue();
  out_ += '"';
  for (std::size_t i = 0; i < value.size();) {
    // Runs that need no escape are appended whole: a byte-by-byte append was most of the time a result
    // took to serialize (and in the page, serializing is a large part of an answer's time).
    std::size_t plain = i;
    while (plain + 8 <= value.size() && AllPlainJson(LoadEight(value.data() + plain))) plain += 8;
    while (plain < value.size() && IsPlainJsonByte(static_cast<unsigned char>(value[plain]))) ++plain;
    if (plain > i) {
      out_.append(value.data() + i, plain - i);
      i = plain;
      continue;
    }
    const auto c = static_cast<unsigned char>(value[i]);
    if (c >= 0x80) {
      // An ill-formed sequence becomes U+FFFD per maximal subpart: the string a TextDecoder would give.
      const Utf8Char d = DecodeUtf8(value, i);
      if (non_ascii_ == NonAscii::kEscaped) {
        EscapeCodePoint(d.cp);  // U+FFFD when ill-formed
      } else if (d.valid) {
        out_.append(value, i, d.length);
      } else {
        out_ += "\xEF\xBF\xBD";
      }
      i += d.length;
      continue;
    }
    switch (c) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case '\n': out_ += "\\n"; break;
      case '\r': out_ += "\\r"; break;
      case '\t': out_ += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          EscapeUnit(c);
        } else {
          out_ += static_cast<char>(c);
        }
    }
    ++i;
  }
  out_ += '"';
  return *this;
}

JsonWriter& JsonWriter::StringOrNull(std::string_view value) { return value.empty() ? Null() : String(value); }

JsonWriter& JsonWriter::Number(std::size_t value) {
  BeforeValue();
  out_ += std::to_string(value);
  return *this;
}

JsonWriter& JsonWriter::Score(double value) {
  BeforeValue();
  const long thousandths = std::lround(std::fmin(1.0, std::fmax(0.0, value)) * 1000.0);
  if (thousandths == 1000 || thousandths == 0) {
    out_ += thousandths == 0 ? '0' : '1';
    return *this;
  }
  std::string digits = std::to_string(thousandths);
  digits.insert(0, 3 - digits.size(), '0');
  while (digits.back() == '0') digits.pop_back();
  out_ += "0.";
  out_ += digits;
  return *this;
}

JsonWriter& JsonWriter::Bool(bool value) {
  BeforeValue();
  out_ += value ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::RawNumber(std::string_view digits) {
  BeforeValue();
  out_ += digits;
  return *this;
}

JsonWriter& JsonWriter::Null() {
  BeforeValue();
  out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::Strings(const std::vector<std::string>& values) {
  BeginArray();
  for (const auto& v : values) String(v);
  return EndArray();
}

}  // namespace conndiag
