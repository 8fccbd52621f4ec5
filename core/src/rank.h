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

// The app with the most clues in the text, or nullopt when none or a tie.
std::optional<std::string> GuessApp(const KnowledgeBase& kb, const std::vector<AppEvidence>& evidence);

// Scores candidates, orders them best first (ties keep knowledge-base order), drops candidates of other
// apps when options.app is set and something else matched, and marks the first confident when it is.
void RankCandidates(const Options& options, const std::optional<std::string>& app_guess,
                    std::vector<Candidate>& candidates);

}  // namespace conndiag
