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
constexpr double kDecisiveSpecificity = 0.9;  // what a decisive signature is worth, however short its match
constexpr double kSimilarCeiling = 0.45;      // similarity proposals stay below the confident score
constexpr double kStatusBesideCode = 0.9;     // a bare status ranks below a vendor code the text carries

bool HasApp(const Entry& e, const std::string& app) {
  return std::find(e.apps.begin(), e.apps.end(), app) != e.apps.end();
}

}  // namespace

bool AnyForApp(const Options& options, const std::optional<std::string>& app_guess,
               const std::vector<Candidate>& candidates) {
  const std::string& app = !options.app.empty() && options.app != "all" ? options.app : app_guess.value_or("");
  if (app.empty()) return true;
  return std::any_of(candidates.begin(), candidates.end(),
                     [&](const Candidate& c) { return HasApp(*c.entry, app) || HasApp(*c.entry, "all"); });
}

void RankCandidates(const Options& options, const std::optional<std::string>& app_guess,
                    std::vector<Candidate>& candidates) {
  const std::string& chosen = options.app;
  for (Candidate& c : candidates) {
    const Entry& e = *c.entry;
    const std::size_t covered = c.covered;
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
    double specificity = covered_d / (covered_d + kSpecificityHalf);
    // An exact vendor code or phrase names the event however short it is.
    if (c.decisive) specificity = std::max(specificity, kDecisiveSpecificity);
    // A similarity proposal is worth its similarity, scaled below what a signature match can reach.
    if (c.similar) specificity = c.similarity * kSimilarCeiling;
    // A bare status says little: the app's row for it is possible, never more.
    if (c.weak) specificity = std::min(specificity, kSimilarCeiling);
    double score = specificity * app_factor;
    if (e.source == "code-table") score *= kCodeTable;
    if (e.fallback) score *= kFallback;
    c.score = std::clamp(score, 0.0, 1.0);
  }

  // A status says how an error came back; a vendor code in the same text says why. So a bare status
  // ranks below any code-table answer the text gave, the catch-all for an unlisted code included: an
  // unlisted AADSTS code inside a 400 is a sign-in error, not the app's "malformed request" row.
  double best_code = 0;
  for (const Candidate& c : candidates) {
    if (c.entry->source == "code-table" && !c.similar && !c.off_app) best_code = std::max(best_code, c.score);
  }
  if (best_code > 0) {
    for (Candidate& c : candidates) {
      if (c.weak) c.score = std::min(c.score, best_code * kStatusBesideCode);
    }
  }

  // A catch-all says "no more specific entry matched": it goes when one did (a bare status is not one).
  if (std::any_of(candidates.begin(), candidates.end(), [](const Candidate& c) { return !c.entry->fallback && !c.weak; })) {
    std::erase_if(candidates, [](const Candidate& c) { return c.entry->fallback; });
  }

  // The person's choice of app is a filter: other apps' rows go, unless nothing else matched.
  if (!chosen.empty()) {
    const bool any_on_app = std::any_of(candidates.begin(), candidates.end(), [](const Candidate& c) {
      return !c.off_app;
    });
    if (any_on_app) {
      std::erase_if(candidates, [](const Candidate& c) { return c.off_app; });
    } else {
      // A bare status is read as the app's own row for it: another app's 403 row says nothing of
      // this app's 403, so it never stands in for one.
      std::erase_if(candidates, [](const Candidate& c) { return c.off_app && c.weak; });
    }
  }

  std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.covered > b.covered;
  });

  if (candidates.empty()) return;
  Candidate& top = candidates.front();
  bool confident = top.score >= kConfidentScore && !top.entry->fallback && !top.off_app && !top.similar && !top.weak;
  for (std::size_t i = 1; i < candidates.size() && confident; ++i) {
    const Candidate& other = candidates[i];
    if (other.app != top.app && other.score >= top.score - kTieMargin) confident = false;
  }
  top.confident = confident;
}

}  // namespace conndiag
