// App inference (internal to core): which apps a text names, by which clue, and the one it names most.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "conndiag/knowledge_base.h"
#include "conndiag/normalize.h"

namespace conndiag {

// One app clue ("com.box.", "googleapiclient") with the prefilter's id for it.
struct AppClue {
  std::size_t app_index = 0;  // into KnowledgeBase::apps
  std::uint32_t literal_id = 0;
  std::string text;           // normalized form
};

// What the text says about one app: how many of its clues occur, and the first as written.
struct AppEvidence {
  std::size_t clue_count = 0;
  std::string first_clue;
};

struct AppInference {
  std::vector<AppEvidence> evidence;  // one per app of the knowledge base
  std::optional<std::string> guess;   // the app the text names most; none when no clue or a tie

  // The clue that named `app`, as the person wrote it; empty when the text names it by none.
  const std::string& ClueFor(const KnowledgeBase& kb, std::string_view app) const;
};

// The app with the most clues in the text, or nullopt when none or a tie ("all" is never guessed).
std::optional<std::string> GuessApp(const KnowledgeBase& kb, const std::vector<AppEvidence>& evidence);

// Reads the apps a text names from the clue literals the prefilter found (`found`, by literal id).
// `original` and `normalized` give the clue as written.
AppInference InferApp(const KnowledgeBase& kb, const std::vector<AppClue>& clues, std::string_view original,
                      const NormalizedText& normalized, const std::vector<std::uint8_t>& found);

}  // namespace conndiag
