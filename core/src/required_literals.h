// Required literals (internal to core): which literals a regex cannot match without.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace conndiag {

// A set of literals at least one of which occurs in every match of `pattern` (Perl syntax).
// Returns an empty vector when no such set can be proven (the pattern must then always be run).
// Sound, not complete: it understands literals, escapes, classes, groups, alternation, quantifiers
// and look-arounds, and gives up on anything else (\Q, inline flags, conditionals).
std::vector<std::string> RequiredLiterals(std::string_view pattern);

// RequiredLiterals, and whether every match *starts* with one of them (then a search need not begin
// before the first occurrence of a literal), and whether the pattern puts a word boundary (\b) right
// before each of them (then only an occurrence there counts: "af1" in "\baf1\d{4}" not inside a GUID).
// digits_after[i]: how many digits follow literals[i] in every match where it occurs as the set promises
// ("af1" in "af[1-5]\d{4}": 4).
struct PatternLiterals {
  std::vector<std::string> literals;
  bool prefix = false;
  bool word_start = false;
  std::vector<std::uint8_t> digits_after;
};
PatternLiterals AnalyzeLiterals(std::string_view pattern);

}  // namespace conndiag
