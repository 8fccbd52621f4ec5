// A candidate answer (internal to core): what matching proposes, linking and ranking refine, explaining words.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "conndiag/knowledge_base.h"
#include "conndiag/normalize.h"

namespace conndiag {

struct Candidate {
  const Entry* entry = nullptr;
  const Signature* signature = nullptr;  // the signature that matched (of `entry`, or of `code`)
  const Entry* code = nullptr;           // the code entry found, when `entry` is the row it is the same event as
  std::vector<Span> normalized_spans;    // matched ranges of the normalized text (patterns, then hints)
  std::size_t covered = 0;               // normalized bytes explained by the union of the spans
  bool decisive = false;                 // a decisive signature matched (an exact code or phrase)
  bool weak = false;                     // only a weak signature matched (a bare status): never confident
  bool similar = false;                  // proposed by similarity, not by a signature: never confident
  double similarity = 0;                 // when similar: how much of the known text the paste contains (0..1)
  std::vector<std::string> shared;       // when similar: distinctive words the paste shares with the known text
  std::vector<std::string> missing;      // when similar: those it lacks
  std::string app;                       // the app this candidate answers for
  bool off_app = false;                  // contradicts the chosen or named app
  double score = 0;
  bool confident = false;
};

}  // namespace conndiag
