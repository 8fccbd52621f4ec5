// Plain patterns (internal to core): a pattern that is only literal text, or literal texts joined by |,
// each maybe with \b before or after, found without the regex engine.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "conndiag/normalize.h"
#include "literal_search.h"

namespace conndiag {

// Four patterns in five of the knowledge base are such ("tokenrefreshexception", "\baadsts70008\b",
// "msal|microsoft\.identity\.client|adal"). Boost.Regex set up a matcher and its state for each, to find
// what a string search finds from where the literal scan saw it; and a page compiled each one's regex when
// first needed.
struct PlainPattern {
  struct Alternative {
    LiteralSearch literal;
    bool boundary_before = false;  // \b right before the literal
    bool boundary_after = false;   // \b right after it
  };
  std::vector<Alternative> alternatives;  // in the pattern's order
};

// The pattern as a PlainPattern, or nothing when it is anything more (a class, a group, a quantifier, an
// escape other than of punctuation, \b anywhere but at an alternative's ends, an empty alternative).
std::optional<PlainPattern> PlainPatternOf(std::string_view pattern);

// Where the pattern first matches in `text` at or after `from`, as Boost.Regex's Perl search of the same
// pattern finds it (with match_prev_avail when `from` > 0): the leftmost position, and there the first
// alternative listed that fits. \b is between a word character ([A-Za-z0-9_], as Boost's traits over the
// C locale have it) and anything else, the text's two ends counting as not word characters.
std::optional<Span> FindPlain(const PlainPattern& pattern, std::string_view text, std::size_t from);

}  // namespace conndiag
