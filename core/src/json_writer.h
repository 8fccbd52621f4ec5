// A minimal streaming JSON writer (internal to core): result serialization is on every classification's
// path, and building a DOM first (nlohmann::json) cost twice as much as classifying.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "conndiag/result_json.h"

namespace conndiag {

// Writes compact JSON into a string. Commas are managed per nesting level; keys and values must
// alternate inside objects. Strings are escaped; ill-formed UTF-8 becomes U+FFFD as TextDecoder decodes it, so
// output is always valid. Characters beyond ASCII are written as `non_ascii` says.
class JsonWriter {
 public:
  explicit JsonWriter(NonAscii non_ascii = NonAscii::kUtf8) : non_ascii_(non_ascii) {}

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view value);
  JsonWriter& StringOrNull(std::string_view value);  // null when empty
  JsonWriter& Number(std::size_t value);
  JsonWriter& Score(double value);  // 0..1, three decimals at most ("0.915", "1", "0")
  JsonWriter& Bool(bool value);
  JsonWriter& Null();
  // A number already written as JSON ("-12", "1.5e+300"), appended as it is: the caller vouches for it.
  JsonWriter& RawNumber(std::string_view digits);
  JsonWriter& Strings(const std::vector<std::string>& values);

  const std::string& str() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  void BeforeValue();
  void EscapeUnit(std::uint32_t unit);  // one UTF-16 unit as \uXXXX
  void EscapeCodePoint(char32_t cp);    // \uXXXX, or a surrogate pair of them

  NonAscii non_ascii_;
  std::string out_;
  std::vector<bool> first_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

}  // namespace conndiag
