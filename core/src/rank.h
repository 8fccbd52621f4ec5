// Ranking: turns the entries whose patterns matched into scored, ordered candidates (internal to core).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "candidate.h"
#include "conndiag/classifier.h"

namespace conndiag {

// Candidates of different apps whose scores are this close cannot be told apart.
inline constexpr double kTieMargin = 0.05;

// Scores candidates, orders them best first (ties keep knowledge-base order), drops candidates of other
// apps when options.app is set and something else matched, and marks the first confident when it is.
void RankCandidates(const Options& options, const std::optional<std::string>& app_guess,
                    std::vector<Candidate>& candidates);

// Whether any candidate is a row of the app the error is for: the one chosen, else the one the text
// names ("all" rows count for every app). True when no app is known: then every row is as good as any.
bool AnyForApp(const Options& options, const std::optional<std::string>& app_guess,
               const std::vector<Candidate>& candidates);

}  // namespace conndiag
