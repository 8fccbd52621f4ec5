// Codes and rows: one answer for one event, the row's fix with the code's specific reason.
#include "link_codes.h"

#include <algorithm>

#include "match.h"

namespace conndiag {
namespace {

bool HasApp(const Entry& e, const std::string& app) {
  return std::find(e.apps.begin(), e.apps.end(), app) != e.apps.end();
}

const Entry* RowFor(const KnowledgeBase& kb, const Entry& code, const std::string& app) {
  if (app.empty()) return code.same_event.size() == 1 ? kb.FindEntry(code.same_event.front()) : nullptr;
  for (const auto& id : code.same_event) {
    const Entry* row = kb.FindEntry(id);
    if (row && HasApp(*row, app)) return row;
  }
  return nullptr;
}

}  // namespace

void LinkCodesToRows(const KnowledgeBase& kb, const Options& options, const std::optional<std::string>& app_guess,
                     std::vector<Candidate>& candidates) {
  const std::string app = !options.app.empty() && options.app != "all" ? options.app : app_guess.value_or("");
  std::vector<bool> merged(candidates.size(), false);
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    Candidate& c = candidates[i];
    if (c.code || c.entry->same_event.empty()) continue;
    const Entry* row = RowFor(kb, *c.entry, app);
    if (!row) continue;
    auto same = std::find_if(candidates.begin(), candidates.end(), [&](const Candidate& o) { return o.entry == row; });
    if (same == candidates.end()) {
      c.code = c.entry;
      c.entry = row;
      continue;
    }
    // The row matched on its own too: one candidate, explained by both.
    same->code = c.entry;
    same->decisive = same->decisive || c.decisive;
    same->weak = same->weak && c.weak;
    same->normalized_spans.insert(same->normalized_spans.end(), c.normalized_spans.begin(), c.normalized_spans.end());
    same->covered = Covered(same->normalized_spans);
    merged[i] = true;
  }
  std::vector<Candidate> kept;
  for (std::size_t k = 0; k < candidates.size(); ++k) {
    if (!merged[k]) kept.push_back(std::move(candidates[k]));
  }
  candidates = std::move(kept);
}

}  // namespace conndiag
