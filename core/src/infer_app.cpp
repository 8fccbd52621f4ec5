// App inference: counts each app's clues among the literals found, and names the app with the most.
#include "infer_app.h"

namespace conndiag {

const std::string& AppInference::ClueFor(const KnowledgeBase& kb, std::string_view app) const {
  static const std::string kNone;
  for (std::size_t a = 0; a < kb.apps.size() && a < evidence.size(); ++a) {
    if (kb.apps[a].key == app) return evidence[a].first_clue;
  }
  return kNone;
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

AppInference InferApp(const KnowledgeBase& kb, const std::vector<AppClue>& clues, std::string_view original,
                      const NormalizedText& normalized, const std::vector<std::uint8_t>& found) {
  AppInference inference;
  inference.evidence.resize(kb.apps.size());
  for (const AppClue& clue : clues) {
    if (!found[clue.literal_id]) continue;
    AppEvidence& ev = inference.evidence[clue.app_index];
    ++ev.clue_count;
    if (ev.first_clue.empty()) {
      // Reported as the person wrote it, not in normalized form.
      const auto at = normalized.text.find(clue.text);
      const Span src = normalized.ToSource({at, at + clue.text.size()});
      ev.first_clue = std::string(original.substr(src.begin, src.end - src.begin));
    }
  }
  inference.guess = GuessApp(kb, inference.evidence);
  return inference;
}

}  // namespace conndiag
