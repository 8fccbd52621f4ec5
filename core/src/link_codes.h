// Codes and rows: a code-table entry found in the text becomes the connector row it is the same event as.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rank.h"

namespace conndiag {

// For each code candidate whose entry names rows in `same_event`: picks the row of the app the person
// chose (else the app the text names; else the only row listed) and answers with that row, keeping the
// code (Candidate::code) for its specific reason. When the row matched too, the two become one candidate.
// A code whose rows are all for other apps stays a code answer.
void LinkCodesToRows(const KnowledgeBase& kb, const Options& options, const std::optional<std::string>& app_guess,
                     std::vector<Candidate>& candidates);

}  // namespace conndiag
