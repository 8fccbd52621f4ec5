// Loading a knowledge base: parse it, compile its signatures and build the literal automaton, once. Kept
// apart from classifying so that the module can build this code for size: see core/CMakeLists.txt.
#include <memory>
#include <utility>

#include "classifier_compiled.h"
#include "conndiag/classifier.h"
#include "kb_overlay.h"
#include "words.h"

namespace conndiag {

Expected<Classifier> Classifier::FromJson(std::string_view json, PatternChecks checks) {
  auto parsed = ParseKnowledgeBase(json);
  if (!parsed.ok()) return parsed.error();
  auto c = std::make_unique<Compiled>();
  c->kb = std::move(parsed).value();
  LiteralTable table;
  auto signatures = SignatureSet::Compile(c->kb, table, checks);
  if (!signatures.ok()) return signatures.error();
  c->signatures = std::move(signatures).value();
  for (std::size_t a = 0; a < c->kb.apps.size(); ++a) {
    for (const auto& clue : c->kb.apps[a].clues) c->clues.push_back({a, table.Id(clue), clue});
  }
  c->literals = table.Take();
  c->all_literals = MultiLiteralMatcher(c->literals.list);
  c->load_warnings = MissingWordWarnings(c->kb.languages);
  c->pattern_checks = checks;
  return Classifier(std::move(c));
}

Expected<Classifier> Classifier::FromJsonExtending(std::string_view base_json, std::string_view overlay_json) {
  if (!ExtendsAnother(overlay_json)) return FromJson(overlay_json);
  auto merged = MergeOverlay(base_json, overlay_json);
  if (!merged.ok()) return merged.error();
  auto loaded = FromJson(merged.value().json);
  if (!loaded.ok()) return InOverlayTerms(loaded.error(), merged.value());
  return loaded;
}

}  // namespace conndiag
