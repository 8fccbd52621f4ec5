// The one way lists are written in messages: "a, b, c" (valid apps, entry ids, shared words).
#pragma once

#include <string>
#include <string_view>

namespace conndiag {

template <typename Range>
std::string JoinWithCommas(const Range& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ", ";
    out += std::string_view(item);
  }
  return out;
}

}  // namespace conndiag
