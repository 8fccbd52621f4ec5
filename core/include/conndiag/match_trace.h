// How a text was matched, pattern by pattern: what `conndiag kb explain` shows a knowledge-base author.
#pragma once

#include <string>
#include <vector>

namespace conndiag {

// One pattern or hint of a signature, and what became of it on the text.
struct PatternTrace {
  enum class Outcome {
    kMatched,         // the regular expression found a match
    kNotMatched,      // it ran and found none
    kLiteralsAbsent,  // not run: none of the literals it cannot match without occurs (the prefilter)
  };
  std::string source;  // as the knowledge base writes it
  Outcome outcome = Outcome::kNotMatched;
};

struct SignatureTrace {
  std::string id;
  bool possible = false;  // every pattern has one of its literals in the text, so the patterns were run
  bool matched = false;   // every pattern matched
  std::vector<PatternTrace> patterns;
  std::vector<PatternTrace> hints;
};

// An entry with at least one signature the prefilter let through.
struct EntryTrace {
  std::string id;
  std::vector<SignatureTrace> signatures;  // all of the entry's, possible or not
};

struct MatchTrace {
  std::string normalized;             // the text as patterns see it
  std::vector<std::string> literals;  // the prefilter's literals found in it (patterns' and app clues')
  std::vector<EntryTrace> candidates;  // in knowledge-base order
  std::vector<std::string> warnings;  // regex work over Boost's limits, as in Classify
};

}  // namespace conndiag
