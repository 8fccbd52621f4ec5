// Ranking: specificity (how much of the text an entry explains) times agreement with the app evidence.
#include "rank.h"

#include <algorithm>

namespace conndiag {
namespace {

// Score = specificity x app agreement x source weight. Specificity covered/(covered + k) grows with the
// number of characters the entry explains, so the longer, more specific row beats its prefix (row 1 over
// row 18, row 17 over row 13). k sets how long a match must be to count as strong: a bare
// "NullPointerException" (20 chars) gives 0.67, a full connector message over 0.9.
constexpr double kSpecificityHalf = 10.0;
constexpr double kAppChosen = 1.0;        // the person said which app
constexpr double kAppNamed = 1.0;         // the text names the entry's app
constexpr double kAppAllNamed = 0.9;      // a row for every app, when the text names an app
constexpr double kAppUnknown = 0.9;       // the text names no app: shared messages then tie, unique ones still win
constexpr double kAppContradicted = 0.5;  // the text or the person names another app
constexpr double kCodeTable = 0.9;        // a code-table answer yields to a connector row
constexpr double kFallback = 0.6;         // catch-alls yield to everything
constexpr double kConfidentScore = 0.5;

bool HasApp(const Entry& e, const std::string& app) {
  return std::find(e.apps.begin(), e.apps.end(), app) != e.apps.end();
}

}  // namespace

std::vector<Span> MergeSpans(std::vector<Span> spans) {
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  });
  std::vector<Span> merged;
  for (const Span& s : spans) {
    if (!merged.empty() && s.begin <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, s.end);
    } else {
      merged.push_back(s);
    }
  }
  return merged;
}

std::optional<std::string> GuessApp(const KnowledgeBase& kb, const std::vector<AppEvidence>& evidence) {
  std::size_t best = 0;
  const App* winner = nullptr;
  bool tie = false;
  for (std::size_t i = 0; i < kb.apps.size(); ++i) {
    if (evidence[i].clue_count == 0 || kb.apps[i].key == "all") continue;
    if (evidence[i].clue_count > best) {
      best = evidence[i].clue_count;
      winner = &kb.apps[i];
      tie = false;
    } else if (evidence[i].clue_count == best) {
      tie = true;
    }
  }
  if (!winner || tie) return std::nullopt;
  return winner->key;
}

void RankCandidates(const KnowledgeBase& kb, const Options& options, const std::optional<std::string>& app_guess,
                    std::vector<Candidate>& candidates) {
  (void)kb;
  const std::string& chosen = options.app;
  for (Candidate& c : candidates) {
    const Entry& e = *c.entry;
    std::size_t covered = 0;
    for (const Span& s : MergeSpans(c.normalized_spans)) covered += s.end - s.begin;
    c.covered = covered;
    const bool for_all = HasApp(e, "all");
    double app_factor = kAppUnknown;
    c.app = e.apps.front();
    if (!chosen.empty() && chosen != "all") {
      if (HasApp(e, chosen)) {
        app_factor = kAppChosen;
        c.app = chosen;
      } else if (for_all) {
        app_factor = kAppChosen;
      } else {
        app_factor = kAppContradicted;
        c.off_app = true;
      }
    } else if (app_guess) {
      if (HasApp(e, *app_guess)) {
        app_factor = kAppNamed;
        c.app = *app_guess;
      } else if (for_all) {
        app_factor = kAppAllNamed;
      } else {
        app_factor = kAppContradicted;
        c.off_app = true;
      }
    } else if (chosen == "all" && for_all) {
      app_factor = kAppChosen;
    }
    const double covered_d = static_cast<double>(covered);
    double score = covered_d / (covered_d + kSpecificityHalf) * app_factor;
    if (e.source == "code-table") score *= kCodeTable;
    if (e.fallback) score *= kFallback;
    c.score = std::clamp(score, 0.0, 1.0);
  }

  // The person's choice of app is a filter: other apps' rows go, unless nothing else matched.
  if (!chosen.empty()) {
    const bool any_on_app = std::any_of(candidates.begin(), candidates.end(), [](const Candidate& c) {
      return !c.off_app;
    });
    if (any_on_app) {
      std::erase_if(candidates, [](const Candidate& c) { return c.off_app; });
    }
  }

  std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.covered > b.covered;
  });

  if (candidates.empty()) return;
  Candidate& top = candidates.front();
  bool confident = top.score >= kConfidentScore && !top.entry->fallback && !top.off_app;
  for (std::size_t i = 1; i < candidates.size() && confident; ++i) {
    const Candidate& other = candidates[i];
    if (other.app != top.app && other.score >= top.score - kTieMargin) confident = false;
  }
  top.confident = confident;
}

}  // namespace conndiag
