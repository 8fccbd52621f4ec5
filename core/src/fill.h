// Filling localized sentence templates ("matched “{1}”"), shared by the layers that explain (internal).
#pragma once

#include <string>
#include <utility>

namespace conndiag {

// Replaces the first "{1}" with `one` and the first "{2}" with `two`.
inline std::string Fill(std::string pattern, const std::string& one, const std::string& two = {}) {
  for (auto [marker, value] : {std::pair{"{1}", &one}, std::pair{"{2}", &two}}) {
    const auto at = pattern.find(marker);
    if (at != std::string::npos) pattern.replace(at, 3, *value);
  }
  return pattern;
}

}  // namespace conndiag
