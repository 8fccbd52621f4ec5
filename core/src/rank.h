// Ranking: turns the entries whose patterns matched into scored, ordered candidates (internal to core).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "conndiag/classifier.h"

namespace conndiag {

// Candidates of different apps whose scores are this close cannot be told apart.
inline constexpr double kTieMargin = 0.05;

// What the text says about one app: how many of its clues occur, and the first as written.
struct AppEvidence {
  std::size_t clue_count = 0;
  std::string first_clue;
};

struct Candidate {
  const Entry* entry = nullptr;
  std::vector<Span> normalized_spans;  // matched ranges of the normalized text (patterns, then hints)
  std::size_t required_spans = 0;      // how many of normalized_spans come from patterns
  std::size_t covered = 0;             // normalized bytes explained by the union of the spans
  std::string app;                     // the app this candidate answers for
  bool off_app = false;                // contradicts the chosen or named app
  double score = 0;
  bool confident = false;
};

// The app with the most clues in the text, or nullopt when none or a tie.
std::optional<std::string> GuessApp(const KnowledgeBase& kb, const std::vector<AppEvidence>& evidence);

// Scores candidates, orders them best first (ties keep knowledge-base order), drops candidates of other
// apps when options.app is set and something else matched, and marks the first confident when it is.
void RankCandidates(const KnowledgeBase& kb, const Options& options, const std::optional<std::string>& app_guess,
                    std::vector<Candidate>& candidates);

// Merges ranges into a sorted list of disjoint ranges.
std::vector<Span> MergeSpans(std::vector<Span> spans);

}  // namespace conndiag
