// Required literals (internal to core): which literals a regex cannot match without.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "plain_pattern.h"

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
// also: other sets the pattern needs as well, each with one literal in the text of every match (a
// positive look-around's phrase, a second run of the same sequence). A prefilter that asks for one of
// each, beside one of `literals`, runs fewer patterns: "(?<=the remote server returned an error:)\(401\)
// unauthorized" needs the phrase and "unauthorized", and most texts that hold one lack the other.
struct PatternLiterals {
  std::vector<std::string> literals;
  bool prefix = false;
  bool word_start = false;
  std::vector<std::uint8_t> digits_after;
  std::vector<std::vector<std::string>> also;
};
// A set of `also` whose shortest literal is shorter than min_also_length is left out (it would rule out
// too little to be worth a literal of the prefilter); tests lower it to exercise the analysis.
PatternLiterals AnalyzeLiterals(std::string_view pattern, std::size_t min_also_length = 4);

// AnalyzeLiterals of a plain pattern, read off its alternatives instead of parsing the pattern again: their
// texts, sorted and each once; every match starts with one; word_start when \b stands before each. Four
// patterns in five are plain, and parsing them was much of what compiling a knowledge base's patterns cost
// in the page (wasm code that runs once, in V8's baseline tier).
PatternLiterals PlainPatternLiterals(const PlainPattern& plain);

}  // namespace conndiag
