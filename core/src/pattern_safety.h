// A static check for regular expressions whose matching time can explode (for custom knowledge bases).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace conndiag {

// Why `pattern` risks catastrophic backtracking, or nullopt when no known risky shape is found.
// Flags an unboundedly repeated group that itself contains an unbounded repeat ("(a+)+", "(?:x*y)*",
// "(\w+\s?){2,}"), the classic exponential shape. Overlapping alternatives under one repeat ("(a|aa)+")
// are not detected here; the runtime limit on regex work catches those.
std::optional<std::string> UnsafePattern(std::string_view pattern);

}  // namespace conndiag
