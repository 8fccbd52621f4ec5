// Classifier: compiles a knowledge base once, then matches, scores and explains each pasted error.
#include "conndiag/classifier.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <utility>

#include <boost/regex.hpp>

#include "conndiag/literal_prefilter.h"
#include "conndiag/pattern_safety.h"
#include "explain.h"
#include "rank.h"

namespace conndiag {

namespace {

// A regex and the prefilter literals it cannot match without (none: always run it).
struct CompiledPattern {
  boost::regex re;
  std::vector<std::uint32_t> literal_ids;
  std::vector<std::string> prefixes;  // when every match starts with one of these: where searching may begin
  std::string path;  // JSON pointer, for warnings
};

struct CompiledEntry {
  std::vector<CompiledPattern> patterns;
  std::vector<CompiledPattern> hints;
};

struct Clue {
  std::size_t app_index;
  std::uint32_t literal_id;
  std::string text;
};

// Literal strings in one table, each with one id, shared by patterns and clues.
class LiteralTable {
 public:
  std::uint32_t Id(const std::string& literal) {
    auto [it, inserted] = ids_.try_emplace(literal, static_cast<std::uint32_t>(list_.size()));
    if (inserted) list_.push_back(literal);
    return it->second;
  }
  const std::vector<std::string>& list() const { return list_; }

 private:
  std::map<std::string, std::uint32_t> ids_;
  std::vector<std::string> list_;
};

bool HasUppercaseLiteral(const std::string& pattern) {
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\') {
      ++i;  // \D \W \S \B are classes, not literals
    } else if (pattern[i] >= 'A' && pattern[i] <= 'Z') {
      return true;
    }
  }
  return false;
}

Expected<CompiledPattern> CompilePattern(const std::string& source, const std::string& path, LiteralTable& table) {
  if (HasUppercaseLiteral(source)) {
    return Error{path, "patterns match normalized (lowercase) text: write letters in lowercase"};
  }
  if (auto unsafe = UnsafePattern(source)) return Error{path, *unsafe};
  CompiledPattern p;
  p.path = path;
  try {
    p.re.assign(source, boost::regex::perl);
  } catch (const boost::regex_error& e) {
    return Error{path, std::string("invalid regular expression: ") + e.what()};
  }
  try {
    if (boost::regex_search(std::string(), p.re)) {
      return Error{path, "the pattern matches empty text, so it would match every paste"};
    }
  } catch (const std::exception& e) {
    return Error{path, std::string("the pattern cannot be run: ") + e.what()};
  }
  PatternLiterals literals = AnalyzeLiterals(source);
  for (const auto& literal : literals.literals) p.literal_ids.push_back(table.Id(literal));
  if (literals.prefix) p.prefixes = std::move(literals.literals);
  return p;
}

}  // namespace

struct Classifier::Compiled {
  KnowledgeBase kb;
  std::vector<CompiledEntry> entries;
  std::vector<Clue> clues;
  MultiLiteralMatcher all_literals;    // pattern and clue literals
  std::vector<std::vector<std::uint32_t>> entries_by_literal;  // literal id -> entries whose patterns use it
  bool some_entry_unfiltered = false;  // an entry none of whose patterns has a provable literal
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
  for (std::size_t i = 0; i < c->kb.entries.size(); ++i) {
    const Entry& e = c->kb.entries[i];
    CompiledEntry ce;
    const std::string base = "/entries/" + std::to_string(i);
    for (std::size_t k = 0; k < e.patterns.size(); ++k) {
      auto p = CompilePattern(e.patterns[k], base + "/patterns/" + std::to_string(k), table);
      if (!p.ok()) return p.error();
      ce.patterns.push_back(std::move(p).value());
    }
    for (std::size_t k = 0; k < e.hints.size(); ++k) {
      auto p = CompilePattern(e.hints[k], base + "/hints/" + std::to_string(k), table);
      if (!p.ok()) return p.error();
      ce.hints.push_back(std::move(p).value());
    }
    c->entries.push_back(std::move(ce));
  }
  for (std::size_t a = 0; a < c->kb.apps.size(); ++a) {
    for (const auto& clue : c->kb.apps[a].clues) c->clues.push_back({a, table.Id(clue), clue});
  }
  c->all_literals = MultiLiteralMatcher(table.list());
  c->entries_by_literal.resize(table.list().size());
  for (std::size_t i = 0; i < c->entries.size(); ++i) {
    bool filtered = false;
    for (const auto& p : c->entries[i].patterns) {
      for (std::uint32_t id : p.literal_ids) {
        auto& list = c->entries_by_literal[id];
        if (list.empty() || list.back() != i) list.push_back(static_cast<std::uint32_t>(i));
        filtered = true;
      }
    }
    c->some_entry_unfiltered = c->some_entry_unfiltered || !filtered;
  }
  return Classifier(std::move(c));
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
  if (options.top == 0) return Error{"top", "top must be at least 1"};
  return std::nullopt;
}

namespace {

// Whether every pattern of the entry has one of its required literals in the text (so it may match).
bool Possible(const CompiledEntry& entry, const std::vector<std::uint8_t>& found) {
  return std::all_of(entry.patterns.begin(), entry.patterns.end(), [&](const CompiledPattern& p) {
    return p.literal_ids.empty() ||
           std::any_of(p.literal_ids.begin(), p.literal_ids.end(), [&](std::uint32_t id) { return found[id]; });
  });
}

}  // namespace

bool Classifier::MightMatch(std::string_view text) const {
  // Per thread, reused: log mode calls this for every line.
  const Compiled& c = *compiled_;
  if (c.some_entry_unfiltered) return true;
  thread_local NormalizedText normalized;
  thread_local std::vector<std::uint8_t> found;
  thread_local std::vector<std::uint32_t> hits;
  Normalize(text, normalized, /*keep_offsets=*/false);
  c.all_literals.Scan(normalized.text, found, hits);
  // Only entries that use a literal that occurred can be possible.
  for (std::uint32_t id : hits) {
    for (std::uint32_t entry : c.entries_by_literal[id]) {
      if (Possible(c.entries[entry], found)) return true;
    }
  }
  return false;
}

namespace {

// Runs one pattern; a match's normalized span goes to `spans`. Regex-work limits become warnings.
bool Run(const CompiledPattern& p, const std::string& text, const std::vector<std::uint8_t>& found,
         std::vector<Span>& spans, std::vector<std::string>& warnings) {
  if (!p.literal_ids.empty() &&
      std::none_of(p.literal_ids.begin(), p.literal_ids.end(), [&](std::uint32_t id) { return found[id]; })) {
    return false;
  }
  // A match cannot begin before the first occurrence of a prefix literal: skip what comes before it.
  std::size_t start = 0;
  if (!p.prefixes.empty()) {
    start = std::string::npos;
    for (const auto& prefix : p.prefixes) start = std::min(start, text.find(prefix));
    if (start == std::string::npos) return false;
  }
  boost::smatch m;
  try {
    const auto flags = start > 0 ? boost::match_prev_avail : boost::match_default;  // \b looks one back
    if (!boost::regex_search(text.begin() + static_cast<std::ptrdiff_t>(start), text.end(), m, p.re, flags)) {
      return false;
    }
  } catch (const std::exception& e) {
    warnings.push_back(p.path + ": skipped, the regular expression needed too much work on this text (" +
                       e.what() + ")");
    return false;
  }
  const auto begin = static_cast<std::size_t>(m[0].first - text.begin());
  const auto end = begin + static_cast<std::size_t>(m.length(0));
  if (end > begin) spans.push_back({begin, end});
  return true;
}

}  // namespace

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
    const CompiledEntry& ce = c.entries[i];
    if (!Possible(ce, found)) continue;
    Candidate cand;
    cand.entry = &c.kb.entries[i];
    bool all = true;
    for (const auto& p : ce.patterns) {
      if (!Run(p, normalized.text, found, cand.normalized_spans, result.warnings)) {
        all = false;
        break;
      }
    }
    if (!all) continue;
    cand.required_spans = cand.normalized_spans.size();
    for (const auto& h : ce.hints) Run(h, normalized.text, found, cand.normalized_spans, result.warnings);
    candidates.push_back(std::move(cand));
  }

  RankCandidates(c.kb, options, result.app_guess, candidates);
  Explain(c.kb, options, text, normalized, app_evidence, result.app_guess, candidates, result);
  try {
    result.fields = ExtractFields(text, normalized);
  } catch (const std::exception& e) {
    result.warnings.push_back(std::string("some fields were not extracted: ") + e.what());
  }
  return result;
}

}  // namespace conndiag
