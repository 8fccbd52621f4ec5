// The bytes of a prepared knowledge base (internal to core): numbers as varints, and texts either as a
// reference to a string of the knowledge base's JSON that has that text, or, when none has, written out.
// A prepared knowledge base travels beside its JSON (the page has both), so its texts cost a byte or two
// each: a reference is the distance, in strings, from the one referred to before, and the knowledge base is
// written in about the order of its JSON. A text written out once is referred to after that (the patterns
// made from a status's wordings are long, and each is also in the list of patterns).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "json_tree.h"

namespace conndiag {

// A 64-bit hash of the whole text: ties a prepared knowledge base to the exact JSON it was made from (a JSON edited
// since, or another one, is not read through an index of this one). Not a defence against a crafted file: the reader
// checks every offset and id on its own.
std::uint64_t TextFingerprint(std::string_view text);

// A JSON string as written: from the byte after its opening quote, up to its closing one.
struct StringToken {
  std::size_t offset = 0;
  std::size_t size = 0;
  bool escaped = false;  // it has escapes: its text is not its bytes
};
// Every string of a JSON text (keys too), in order, found by their quotes.
std::vector<StringToken> StringTokens(std::string_view json);

class PreparedWriter {
 public:
  explicit PreparedWriter(std::string_view json);

  void Number(std::uint64_t value);
  void Text(std::string_view text);
  std::string Take() { return std::move(out_); }

 private:
  std::unordered_map<std::string, std::vector<std::size_t>> in_json_;  // text -> its strings, in order
  std::size_t last_string_ = 0;                                        // the string referred to last
  std::unordered_map<std::string, std::size_t> written_;               // text written out -> its number, in order
  std::string out_;
};

// Reads what a PreparedWriter wrote; `json` and `bytes` must outlive it (it keeps views of both).
class PreparedReader {
 public:
  PreparedReader(std::string_view json, std::string_view bytes)
      : json_(json), strings_(StringTokens(json)), bytes_(bytes) {}

  // Each returns false, and records why, when the bytes are cut short or out of range; after a failure
  // every call returns false.
  bool Number(std::uint64_t& value, std::uint64_t max);
  // A count of items that each take at least one byte: never more than the bytes left (a corrupt count
  // cannot make the reader reserve gigabytes).
  bool Count(std::size_t& count);
  bool Text(std::string& text);
  bool AtEnd() const { return at_ == bytes_.size(); }
  bool Fail(std::string why);

  const std::string& error() const { return error_; }

 private:
  std::string_view json_;
  std::vector<StringToken> strings_;
  std::string_view bytes_;
  std::size_t at_ = 0;
  std::size_t last_string_ = 0;
  std::vector<std::string_view> written_;  // the texts written out so far, in order (views of bytes_)
  JsonTree unescaper_;                     // reads the strings that have escapes
  std::string error_;
};

}  // namespace conndiag
