// Classifier: for each paste, runs the steps in order over the compiled knowledge base (classifier_load.cpp
// compiles it) and hands each one's output to the next: normalize, find literals, infer the app, match
// signatures, link codes to rows, propose similar texts, rank, explain, extract fields, understand.
#include "conndiag/classifier.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "classifier_compiled.h"
#include "conndiag/join.h"
#include "explain.h"
#include "infer_app.h"
#include "link_codes.h"
#include "log_lines.h"
#include "match.h"
#include "multi_literal_matcher.h"
#include "rank.h"
#include "raw_line_filter.h"
#include "similarity.h"
#include "understand.h"

namespace conndiag {

Classifier::Classifier(std::unique_ptr<Compiled> compiled) : compiled_(std::move(compiled)) {}
Classifier::Classifier(Classifier&&) noexcept = default;
Classifier& Classifier::operator=(Classifier&&) noexcept = default;
Classifier::~Classifier() = default;

const KnowledgeBase& Classifier::knowledge_base() const { return compiled_->kb; }
const std::vector<std::string>& Classifier::load_warnings() const { return compiled_->load_warnings; }
PatternChecks Classifier::pattern_checks() const { return compiled_->pattern_checks; }

std::optional<Error> Classifier::Validate(const Options& options) const {
  const KnowledgeBase& kb = compiled_->kb;
  if (!options.app.empty() && !kb.FindApp(options.app)) {
    std::vector<std::string_view> keys;
    for (const auto& app : kb.apps) keys.push_back(app.key);
    return Error{"app", "unknown app \"" + options.app + "\"; valid apps: " + JoinWithCommas(keys)};
  }
  if (std::find(kb.languages.begin(), kb.languages.end(), options.lang) == kb.languages.end()) {
    return Error{"lang", "unknown language \"" + options.lang + "\"; valid languages: " + JoinWithCommas(kb.languages)};
  }
  if (options.top == 0 || options.top > kMaxTop) {
    return Error{"top", "top must be a whole number from 1 to " + std::to_string(kMaxTop)};
  }
  return std::nullopt;
}

bool Classifier::MightMatch(std::string_view text) const {
  // Per thread, reused: log mode calls this for every line.
  thread_local NormalizedText normalized;
  Normalize(text, normalized, /*keep_offsets=*/false);
  return MightMatch(normalized);
}

bool Classifier::MightMatch(const NormalizedText& normalized) const {
  thread_local std::vector<std::uint8_t> found;
  thread_local std::vector<std::uint32_t> hits;
  compiled_->all_literals.Scan(normalized.text, found, hits);
  return compiled_->signatures.AnyPossible(found, hits);
}

std::shared_ptr<const RawLineFilter> Classifier::LogLineFilter(std::string_view sample) const {
  // The patterns' literals, with their ids (those only hints use left empty: never looked for), then the
  // words that make a line read as an error.
  const Compiled& c = *compiled_;
  std::vector<RawLineFilter::Literal> wanted;
  for (std::uint32_t id = 0; id < c.signatures.literal_count(); ++id) {
    if (!c.signatures.NeededByPatterns(id)) {
      wanted.push_back({});
      continue;
    }
    wanted.push_back({c.literals.list[id], false, c.literals.word_starts[id], c.literals.digits_after[id]});
  }
  for (auto& word : ErrorLiterals()) wanted.push_back(std::move(word));
  return std::make_shared<const RawLineFilter>(wanted, sample);
}

bool Classifier::AnySignatureMatches(const NormalizedText& normalized) const {
  // Classify's candidates before ranking: ranking and linking drop some of them, never all.
  const Compiled& c = *compiled_;
  thread_local std::vector<std::uint8_t> found;
  thread_local std::vector<std::uint32_t> hits;
  c.all_literals.Scan(normalized.text, found, hits);
  std::vector<std::string> warnings;
  return !c.signatures.Match(c.kb, normalized.text, found, hits, warnings).empty();
}

bool Classifier::SkippableLogLine(const RawLineFilter& filter, std::string_view line) const {
  const Compiled& c = *compiled_;
  thread_local std::vector<std::uint8_t> found;
  thread_local std::vector<std::uint32_t> hits;
  if (!filter.Scan(line, found, hits)) return false;
  const std::size_t pattern_literals = c.signatures.literal_count();
  for (std::uint32_t id : hits) {
    if (id >= pattern_literals) return false;  // an error word: the line may read as an error
  }
  return !c.signatures.AnyPossible(found, hits);
}

MatchTrace Classifier::Trace(std::string_view text) const {
  const Compiled& c = *compiled_;
  MatchTrace trace;
  const NormalizedText normalized = Normalize(text.substr(0, std::min(text.size(), kMaxPasteBytes)), false);
  trace.normalized = normalized.text;
  std::vector<std::uint8_t> found;
  std::vector<std::uint32_t> hits;
  c.all_literals.Scan(normalized.text, found, hits);
  std::sort(hits.begin(), hits.end());
  for (std::uint32_t id : hits) trace.literals.push_back(c.literals.list[id]);
  trace.candidates = c.signatures.Trace(c.kb, normalized.text, found, trace.warnings);
  return trace;
}

Result Classifier::Classify(std::string_view text, const Options& options) const {
  std::vector<std::string> warnings;
  if (text.size() > kMaxPasteBytes) {
    text = text.substr(0, kMaxPasteBytes);
    warnings.push_back("the text is longer than " + std::to_string(kMaxPasteBytes >> 20) +
                       " MB; only its beginning was read (use log mode for logs)");
  }
  Result result = Classify(text, Normalize(text), options);
  result.warnings.insert(result.warnings.begin(), warnings.begin(), warnings.end());
  return result;
}

Result Classifier::Classify(std::string_view text, const NormalizedText& normalized, const Options& options) const {
  if (!normalized.has_offsets() && !text.empty()) return Classify(text, Normalize(text), options);
  const Compiled& c = *compiled_;
  Result result;
  std::vector<std::uint8_t> found;
  std::vector<std::uint32_t> hits;
  c.all_literals.Scan(normalized.text, found, hits);
  const AppInference apps = InferApp(c.kb, c.clues, text, normalized, found);
  result.app_guess = apps.guess;

  std::vector<Candidate> candidates = c.signatures.Match(c.kb, normalized.text, found, hits, result.warnings);
  LinkCodesToRows(c.kb, options, apps.guess, candidates);
  // Only other apps' rows matched (a bare status the app has no row for): the app's own known texts
  // may still resemble the paste, and those, if any, are the better answer; ranking decides.
  if (options.similar && (candidates.empty() || !AnyForApp(options, apps.guess, candidates))) {
    std::vector<Candidate> similar = c.Similarity().Closest(normalized.text);
    candidates.insert(candidates.end(), std::make_move_iterator(similar.begin()),
                      std::make_move_iterator(similar.end()));
  }
  RankCandidates(options, apps.guess, candidates);
  Explain(c.kb, options, text, normalized, apps, candidates, result);
  try {
    result.fields = ExtractFields(text, normalized);
  } catch (const std::exception& e) {
    result.warnings.push_back(std::string("some fields were not extracted: ") + e.what());
  }
  const std::string clue = apps.guess ? apps.ClueFor(c.kb, *apps.guess) : std::string();
  result.understood = Understand(c.kb, options, result.fields, apps.guess, clue);
  return result;
}

}  // namespace conndiag
