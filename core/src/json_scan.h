// A quick structural scan of JSON text (strings, brackets) without parsing it (internal to core).
#pragma once

#include <cstddef>
#include <string_view>

namespace conndiag {

struct JsonScan {
  std::size_t end;  // one past the bracket that closes the value begun at `begin`, or npos
  bool too_deep;    // brackets nested deeper than allowed before the value closed
};

// Scans from text[begin] (an opening bracket, or white space before one) over at most `limit` bytes.
// Lets callers refuse deep nesting before a recursive parser sees it, and find where an embedded
// JSON payload ends inside a larger text.
JsonScan ScanJsonValue(std::string_view text, std::size_t begin, std::size_t limit, int max_depth);

}  // namespace conndiag
