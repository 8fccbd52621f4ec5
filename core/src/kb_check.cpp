// The knowledge-base check: load it as the front ends do, then classify every entry's own texts.
#include "conndiag/kb_check.h"

#include <string>

#include "conndiag/classifier.h"
#include "kb_overlay.h"

namespace conndiag {
namespace {

// "/entries/<merged index>/rest" in the checked file's terms, or "" for an entry that is not the file's.
std::string InFileTerms(std::size_t merged_index, const std::vector<long>& origin, const std::string& rest) {
  if (origin.empty()) return "/entries/" + std::to_string(merged_index) + rest;  // a complete file
  if (merged_index >= origin.size() || origin[merged_index] < 0) return {};
  return "/entries/" + std::to_string(origin[merged_index]) + rest;
}

// What a signature's path (its patterns' parent in the merged knowledge base) adds after "/entries/N".
std::string AfterEntry(const std::string& signature_path) {
  const std::size_t entries = signature_path.find("/entries/");
  if (entries == std::string::npos) return {};
  const std::size_t slash = signature_path.find('/', entries + 9);
  return slash == std::string::npos ? std::string() : signature_path.substr(slash);
}

// Dates are YYYY-MM-DD, so their order as strings is their order in time.
void CountTableRow(const Entry& entry, KnowledgeBaseCheck& check) {
  ++check.table_rows;
  const Reference& ref = entry.reference;
  if (ref.url.empty()) {
    check.unreferenced.push_back(entry.id);
  } else if (!ref.missing.empty()) {
    check.not_on_page.push_back(entry.id);
  } else {
    if (check.oldest_check.empty() || ref.checked < check.oldest_check) check.oldest_check = ref.checked;
    if (ref.checked > check.newest_check) check.newest_check = ref.checked;
  }
}

}  // namespace

Expected<KnowledgeBaseCheck> CheckKnowledgeBase(std::string_view base_json, std::string_view json) {
  // Loaded once: the file itself, or (for an extending file) its merge with the base, whose entry origins
  // give the paths in the file's own terms.
  const bool extends = ExtendsAnother(json);
  MergedKnowledgeBase merged;  // empty: a complete file, its paths are its own
  if (extends) {
    auto merging = MergeOverlay(base_json, json);
    if (!merging.ok()) return merging.error();
    merged = std::move(merging).value();
  }
  Expected<Classifier> loaded = Classifier::FromJson(extends ? std::string_view(merged.json) : json);
  if (!loaded.ok()) return extends ? InOverlayTerms(loaded.error(), merged) : loaded.error();
  const Classifier& classifier = loaded.value();
  const KnowledgeBase& kb = classifier.knowledge_base();

  KnowledgeBaseCheck check;
  check.version = kb.version;
  for (std::size_t i = 0; i < kb.entries.size(); ++i) {
    const Entry& entry = kb.entries[i];
    // Catch-alls answer last; the base's own entries are not the file's.
    if (entry.fallback || InFileTerms(i, merged.origin, "").empty()) continue;
    ++check.entries;
    if (entry.source == "connector" && entry.row > 0) CountTableRow(entry, check);
    std::vector<std::pair<std::string, std::string>> own;  // path, text
    if (entry.source != "code-table") {  // a code entry's message is the bare code
      for (const auto& [lang, text] : entry.message) {
        own.emplace_back(InFileTerms(i, merged.origin, "/message/" + lang), text);
      }
    }
    for (std::size_t s = 0; s < entry.signatures.size(); ++s) {
      const Signature& sig = entry.signatures[s];
      for (std::size_t k = 0; k < sig.examples.size(); ++k) {
        own.emplace_back(InFileTerms(i, merged.origin, AfterEntry(sig.path) + "/examples/" + std::to_string(k)),
                         sig.examples[k]);
      }
    }
    Options options;
    // A row for every app is checked as a Box error would be: Box has no timeout or 500 row of its own.
    options.app = entry.apps.empty() || entry.apps.front() == "all" ? "box" : entry.apps.front();
    if (!kb.FindApp(options.app)) options.app.clear();
    for (const auto& [path, text] : own) {
      ++check.texts;
      const Result result = classifier.Classify(text, options);
      const Match* top = result.matches.empty() ? nullptr : &result.matches.front();
      const bool right = top && !top->similar &&
                         (top->entry->id == entry.id || (top->code && top->code->id == entry.id));
      if (right) continue;
      check.misses.push_back({path, entry.id, text, top ? top->entry->id : std::string(), top && top->similar});
    }
  }
  return check;
}

}  // namespace conndiag
