// Classifier: compiles a knowledge base once; then, for each paste: normalize, find literals, infer the app,
// match signatures, link codes to rows, rank, explain, extract fields.
#include "conndiag/classifier.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>

#include "conndiag/literal_prefilter.h"
#include "explain.h"
#include "kb_overlay.h"
#include "link_codes.h"
#include "match.h"
#include "rank.h"
#include "similarity.h"
#include "understand.h"

namespace conndiag {

namespace {

struct Clue {
  std::size_t app_index;
  std::uint32_t literal_id;
  std::string text;
};

// An entry's signature, as the prefilter indexes it.
struct SignatureRef {
  std::uint32_t entry;
  std::uint32_t signature;
};

}  // namespace

struct Classifier::Compiled {
  KnowledgeBase kb;
  std::vector<CompiledEntry> entries;
  std::vector<Clue> clues;
  MultiLiteralMatcher all_literals;                       // pattern and clue literals
  std::vector<std::vector<SignatureRef>> by_literal;      // literal id -> signatures whose patterns use it
  bool some_signature_unfiltered = false;                 // a signature with a pattern that has no provable literal
  SimilarityIndex similarity;                             // every known text, for pastes no signature matches
};

Classifier::Classifier(std::unique_ptr<Compiled> compiled) : compiled_(std::move(compiled)) {}
Classifier::Classifier(Classifier&&) noexcept = default;
Classifier& Classifier::operator=(Classifier&&) noexcept = default;
Classifier::~Classifier() = default;

const KnowledgeBase& Classifier::knowledge_base() const { return compiled_->kb; }

Expected<Classifier> Classifier::FromJson(std::string_view json) {
  auto parsed = ParseKnowledgeBase(json);
  if (!parsed.ok()) return parsed.error();
  auto c = std::make_unique<Compiled>();
  c->kb = std::move(parsed).value();
  LiteralTable table;
  for (const Entry& e : c->kb.entries) {
    auto ce = CompileEntry(e, table);
    if (!ce.ok()) return ce.error();
    c->entries.push_back(std::move(ce).value());
  }
  for (std::size_t a = 0; a < c->kb.apps.size(); ++a) {
    for (const auto& clue : c->kb.apps[a].clues) c->clues.push_back({a, table.Id(clue), clue});
  }
  c->all_literals = MultiLiteralMatcher(table.list());
  c->by_literal.resize(table.list().size());
  for (std::size_t i = 0; i < c->entries.size(); ++i) {
    const auto& signatures = c->entries[i].signatures;
    for (std::size_t s = 0; s < signatures.size(); ++s) {
      // A signature is indexed under one literal of each pattern; a pattern without a provable literal
      // must always run, so then no line can be skipped.
      for (const auto& p : signatures[s].patterns) {
        if (p.literal_ids.empty()) c->some_signature_unfiltered = true;
        for (std::uint32_t id : p.literal_ids) {
          c->by_literal[id].push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(s)});
        }
      }
    }
  }
  c->similarity = SimilarityIndex(c->kb);
  return Classifier(std::move(c));
}

Expected<Classifier> Classifier::FromJsonExtending(std::string_view base_json, std::string_view overlay_json) {
  if (!ExtendsAnother(overlay_json)) return FromJson(overlay_json);
  auto merged = MergeOverlay(base_json, overlay_json);
  if (!merged.ok()) return merged.error();
  auto loaded = FromJson(merged.value().json);
  if (!loaded.ok()) return InOverlayTerms(loaded.error(), merged.value().origin);
  return loaded;
}

std::optional<Error> Classifier::Validate(const Options& options) const {
  const KnowledgeBase& kb = compiled_->kb;
  if (!options.app.empty() && !kb.FindApp(options.app)) {
    std::string keys;
    for (const auto& app : kb.apps) keys += (keys.empty() ? "" : ", ") + app.key;
    return Error{"app", "unknown app \"" + options.app + "\"; valid apps: " + keys};
  }
  if (std::find(kb.languages.begin(), kb.languages.end(), options.lang) == kb.languages.end()) {
    std::string langs;
    for (const auto& l : kb.languages) langs += (langs.empty() ? "" : ", ") + l;
    return Error{"lang", "unknown language \"" + options.lang + "\"; valid languages: " + langs};
  }
  if (options.top == 0 || options.top > kMaxTop) {
    return Error{"top", "top must be a whole number from 1 to " + std::to_string(kMaxTop)};
  }
  return std::nullopt;
}

bool Classifier::MightMatch(std::string_view text) const {
  // Per thread, reused: log mode calls this for every line.
  const Compiled& c = *compiled_;
  if (c.some_signature_unfiltered) return true;
  thread_local NormalizedText normalized;
  thread_local std::vector<std::uint8_t> found;
  thread_local std::vector<std::uint32_t> hits;
  Normalize(text, normalized, /*keep_offsets=*/false);
  c.all_literals.Scan(normalized.text, found, hits);
  // Only signatures that use a literal that occurred can be possible.
  for (std::uint32_t id : hits) {
    for (const SignatureRef& ref : c.by_literal[id]) {
      if (Possible(c.entries[ref.entry].signatures[ref.signature], found)) return true;
    }
  }
  return false;
}

Result Classifier::Classify(std::string_view text, const Options& options) const {
  const Compiled& c = *compiled_;
  Result result;
  if (text.size() > kMaxPasteBytes) {
    text = text.substr(0, kMaxPasteBytes);
    result.warnings.push_back("the text is longer than " + std::to_string(kMaxPasteBytes >> 20) +
                              " MB; only its beginning was read (use log mode for logs)");
  }
  const NormalizedText normalized = Normalize(text);
  std::vector<std::uint8_t> found;
  c.all_literals.Scan(normalized.text, found);

  // Which apps the text names, and by which clue.
  std::vector<AppEvidence> app_evidence(c.kb.apps.size());
  for (const Clue& clue : c.clues) {
    if (!found[clue.literal_id]) continue;
    AppEvidence& ev = app_evidence[clue.app_index];
    ++ev.clue_count;
    if (ev.first_clue.empty()) {
      // Reported as the person wrote it, not in normalized form.
      const auto at = normalized.text.find(clue.text);
      const Span src = normalized.ToSource({at, at + clue.text.size()});
      ev.first_clue = std::string(text.substr(src.begin, src.end - src.begin));
    }
  }
  result.app_guess = GuessApp(c.kb, app_evidence);

  std::vector<Candidate> candidates;
  for (std::size_t i = 0; i < c.entries.size(); ++i) {
    auto m = MatchEntry(c.entries[i], normalized.text, found, result.warnings);
    if (!m) continue;
    Candidate cand;
    cand.entry = &c.kb.entries[i];
    cand.signature = &cand.entry->signatures[m->signature];
    cand.decisive = cand.signature->decisive;
    cand.weak = cand.signature->weak;
    cand.normalized_spans = std::move(m->spans);
    cand.covered = m->covered;
    candidates.push_back(std::move(cand));
  }
  LinkCodesToRows(c.kb, options, result.app_guess, candidates);
  if (candidates.empty() && options.similar) candidates = c.similarity.Closest(normalized.text);

  RankCandidates(options, result.app_guess, candidates);
  Explain(c.kb, options, text, normalized, app_evidence, result.app_guess, candidates, result);
  try {
    result.fields = ExtractFields(text, normalized);
  } catch (const std::exception& e) {
    result.warnings.push_back(std::string("some fields were not extracted: ") + e.what());
  }
  std::string clue;
  for (std::size_t a = 0; a < c.kb.apps.size(); ++a) {
    if (result.app_guess && c.kb.apps[a].key == *result.app_guess) clue = app_evidence[a].first_clue;
  }
  result.understood = Understand(c.kb, options, result.fields, result.app_guess, clue);
  return result;
}

}  // namespace conndiag
