// A quick structural scan of JSON text: where a value ends and how deep it nests.
#include "json_scan.h"

#include <algorithm>

namespace conndiag {

JsonScan ScanJsonValue(std::string_view text, std::size_t begin, std::size_t limit, int max_depth) {
  int depth = 0;
  bool in_string = false;
  const std::size_t stop = std::min(text.size(), begin + limit);
  for (std::size_t i = begin; i < stop; ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > max_depth) return {std::string_view::npos, true};
    } else if (c == '}' || c == ']') {
      if (--depth == 0) return {i + 1, false};
    }
  }
  return {std::string_view::npos, false};
}

}  // namespace conndiag
