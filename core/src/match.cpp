// Matching: compiles each signature's patterns (with the literals the prefilter needs) and runs them.
#include "match.h"

#include <algorithm>
#include <utility>

#include "multi_literal_matcher.h"
#include "pattern_safety.h"
#include "required_literals.h"

namespace conndiag {
namespace {

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

// Runs one pattern; a match's normalized span goes to `spans`. Regex-work limits become warnings (and are
// not remembered in `results`, so each pattern that hits them says so).
bool Run(const CompiledPattern& p, const std::string& text, const std::vector<std::uint8_t>& found,
         std::vector<Span>& spans, std::vector<std::string>& warnings, PatternResults* results = nullptr) {
  if (!p.literal_ids.empty() &&
      std::none_of(p.literal_ids.begin(), p.literal_ids.end(), [&](std::uint32_t id) { return found[id]; })) {
    return false;
  }
  if (results) {
    if (auto known = results->find(p.re.get()); known != results->end()) {
      if (!known->second) return false;
      if (known->second->end > known->second->begin) spans.push_back(*known->second);
      return true;
    }
  }
  // A match cannot begin before the first occurrence of a prefix literal: skip what comes before it.
  std::size_t start = 0;
  if (!p.prefixes.empty()) {
    start = std::string::npos;
    for (const auto& prefix : p.prefixes) start = std::min(start, text.find(prefix));
    if (start == std::string::npos) {
      if (results) results->emplace(p.re.get(), std::nullopt);
      return false;
    }
  }
  boost::match_results<std::string::const_iterator> m;
  try {
    const auto flags = start > 0 ? boost::match_prev_avail : boost::match_default;  // \b looks one back
    if (!boost::regex_search(text.begin() + static_cast<std::ptrdiff_t>(start), text.end(), m, *p.re, flags)) {
      if (results) results->emplace(p.re.get(), std::nullopt);
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
  if (results) results->emplace(p.re.get(), Span{begin, end});
  return true;
}

}  // namespace

std::uint32_t LiteralTable::Id(const std::string& literal, bool word_start, std::uint8_t digits_after) {
  auto [it, inserted] = ids_.try_emplace(literal, static_cast<std::uint32_t>(list_.size()));
  if (inserted) {
    list_.push_back(literal);
    word_start_.push_back(word_start);
    digits_after_.push_back(digits_after);
  } else {
    word_start_[it->second] = word_start_[it->second] && word_start;
    digits_after_[it->second] = std::min(digits_after_[it->second], digits_after);
  }
  return it->second;
}

Expected<CompiledPattern> CompilePattern(const std::string& source, const std::string& path, LiteralTable& table) {
  if (HasUppercaseLiteral(source)) {
    return Error{path, "patterns match normalized (lowercase) text: write letters in lowercase"};
  }
  if (auto unsafe = UnsafePattern(source)) return Error{path, *unsafe};
  CompiledPattern p;
  p.path = path;
  try {
    p.re = std::make_shared<const Regex>(source, Regex::perl);
  } catch (const boost::regex_error& e) {
    return Error{path, std::string("invalid regular expression: ") + e.what()};
  }
  try {
    if (boost::regex_search(std::string(), *p.re)) {
      return Error{path, "the pattern matches empty text, so it would match every paste"};
    }
  } catch (const std::exception& e) {
    return Error{path, std::string("the pattern cannot be run: ") + e.what()};
  }
  PatternLiterals literals = AnalyzeLiterals(source);
  for (std::size_t k = 0; k < literals.literals.size(); ++k) {
    p.literal_ids.push_back(table.Id(literals.literals[k], literals.word_start, literals.digits_after[k]));
  }
  if (literals.prefix) p.prefixes = std::move(literals.literals);
  return p;
}

Expected<CompiledPattern> PatternCache::Compile(const std::string& source, const std::string& path,
                                                LiteralTable& table) {
  if (auto it = compiled_.find(source); it != compiled_.end()) {
    CompiledPattern p = it->second;
    p.path = path;
    return p;
  }
  auto p = CompilePattern(source, path, table);
  if (p.ok()) compiled_.emplace(source, p.value());
  return p;
}

Expected<CompiledEntry> CompileEntry(const Entry& entry, LiteralTable& table, PatternCache& cache) {
  CompiledEntry ce;
  for (const Signature& sig : entry.signatures) {
    CompiledSignature cs;
    cs.weak = sig.weak;
    // A status signature's first pattern is made from "http_statuses" for its "status"; its own follow.
    const std::size_t own_from = sig.status != 0 ? 1 : 0;
    for (std::size_t k = 0; k < sig.patterns.size(); ++k) {
      const std::string path = k < own_from ? sig.path + "/status" : sig.path + "/patterns/" + std::to_string(k - own_from);
      auto p = cache.Compile(sig.patterns[k], path, table);
      if (!p.ok() && k < own_from) {
        // Refused where the status is used; what to mend is in "http_statuses" (maybe in a portal file).
        const std::string status = std::to_string(sig.status);
        return Error{p.error().path, p.error().message + " (made from the wordings of /http_statuses/statuses/" +
                                         status + " and /http_statuses/before_number)"};
      }
      if (!p.ok()) return p.error();
      cs.patterns.push_back(std::move(p).value());
    }
    for (std::size_t k = 0; k < sig.hints.size(); ++k) {
      auto p = cache.Compile(sig.hints[k], sig.path + "/hints/" + std::to_string(k), table);
      if (!p.ok()) return p.error();
      cs.hints.push_back(std::move(p).value());
    }
    ce.signatures.push_back(std::move(cs));
  }
  return ce;
}

bool Possible(const CompiledSignature& signature, const std::vector<std::uint8_t>& found) {
  return std::all_of(signature.patterns.begin(), signature.patterns.end(), [&](const CompiledPattern& p) {
    return p.literal_ids.empty() ||
           std::any_of(p.literal_ids.begin(), p.literal_ids.end(), [&](std::uint32_t id) { return found[id]; });
  });
}

std::optional<SignatureMatch> MatchEntry(const CompiledEntry& entry, const std::string& normalized,
                                         const std::vector<std::uint8_t>& found, std::vector<std::string>& warnings,
                                         PatternResults* results) {
  std::optional<SignatureMatch> best;
  for (std::size_t s = 0; s < entry.signatures.size(); ++s) {
    const CompiledSignature& sig = entry.signatures[s];
    if (!Possible(sig, found)) continue;
    SignatureMatch m;
    m.signature = s;
    bool all = true;
    for (const auto& p : sig.patterns) {
      if (!Run(p, normalized, found, m.spans, warnings, results)) {
        all = false;
        break;
      }
    }
    if (!all) continue;
    for (const auto& h : sig.hints) Run(h, normalized, found, m.spans, warnings, results);
    m.covered = Covered(m.spans);
    // A signature that is not weak wins over a weak one (a bare status, generic words), which must not turn
    // a strong recognition of the same entry into a "possible" one by covering a few more characters; then
    // the one that explains most of the text wins; on a tie, the first listed.
    const auto rank = [&](const SignatureMatch& x) { return std::pair(!entry.signatures[x.signature].weak, x.covered); };
    if (!best || rank(m) > rank(*best)) best = std::move(m);
  }
  return best;
}

Expected<SignatureSet> SignatureSet::Compile(const KnowledgeBase& kb, LiteralTable& table) {
  SignatureSet set;
  PatternCache cache;
  for (const Entry& e : kb.entries) {
    auto compiled = CompileEntry(e, table, cache);
    if (!compiled.ok()) return compiled.error();
    set.entries_.push_back(std::move(compiled).value());
  }
  set.by_literal_.resize(table.list().size());
  for (std::size_t i = 0; i < set.entries_.size(); ++i) {
    const auto& signatures = set.entries_[i].signatures;
    for (std::size_t s = 0; s < signatures.size(); ++s) {
      // A signature is indexed under one literal of each pattern; a pattern without a provable literal
      // must always run, so then no text can be ruled out.
      for (const auto& p : signatures[s].patterns) {
        if (p.literal_ids.empty()) set.some_unfiltered_ = true;
        for (std::uint32_t id : p.literal_ids) {
          set.by_literal_[id].push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(s)});
        }
      }
    }
  }
  return set;
}

bool SignatureSet::AnyPossible(const std::vector<std::uint8_t>& found, const std::vector<std::uint32_t>& hits) const {
  if (some_unfiltered_) return true;
  // Only signatures that use a literal that occurred can be possible.
  for (std::uint32_t id : hits) {
    if (id >= by_literal_.size()) continue;  // a literal only app clues use
    for (const Ref& ref : by_literal_[id]) {
      if (Possible(entries_[ref.entry].signatures[ref.signature], found)) return true;
    }
  }
  return false;
}

std::vector<Candidate> SignatureSet::Match(const KnowledgeBase& kb, const std::string& normalized,
                                           const std::vector<std::uint8_t>& found,
                                           std::vector<std::string>& warnings) const {
  std::vector<Candidate> candidates;
  PatternResults results;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    auto m = MatchEntry(entries_[i], normalized, found, warnings, &results);
    if (!m) continue;
    Candidate c;
    c.entry = &kb.entries[i];
    c.signature = &c.entry->signatures[m->signature];
    c.decisive = c.signature->decisive;
    c.weak = c.signature->weak;
    c.normalized_spans = std::move(m->spans);
    c.covered = m->covered;
    candidates.push_back(std::move(c));
  }
  return candidates;
}

std::vector<EntryTrace> SignatureSet::Trace(const KnowledgeBase& kb, const std::string& normalized,
                                            const std::vector<std::uint8_t>& found,
                                            std::vector<std::string>& warnings) const {
  std::vector<EntryTrace> traces;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const CompiledEntry& compiled = entries_[i];
    const Entry& entry = kb.entries[i];
    if (std::none_of(compiled.signatures.begin(), compiled.signatures.end(),
                     [&](const CompiledSignature& s) { return Possible(s, found); })) {
      continue;
    }
    EntryTrace trace{entry.id, {}};
    for (std::size_t s = 0; s < compiled.signatures.size(); ++s) {
      const CompiledSignature& sig = compiled.signatures[s];
      const Signature& written = entry.signatures[s];
      SignatureTrace st;
      st.id = written.id;
      st.possible = Possible(sig, found);
      const auto outcome = [&](const CompiledPattern& p) {
        std::vector<Span> spans;
        const bool absent = !p.literal_ids.empty() &&
                            std::none_of(p.literal_ids.begin(), p.literal_ids.end(), [&](std::uint32_t id) { return found[id]; });
        if (absent) return PatternTrace::Outcome::kLiteralsAbsent;
        return Run(p, normalized, found, spans, warnings) ? PatternTrace::Outcome::kMatched : PatternTrace::Outcome::kNotMatched;
      };
      st.matched = true;
      for (std::size_t k = 0; k < sig.patterns.size(); ++k) {
        st.patterns.push_back({written.patterns[k], outcome(sig.patterns[k])});
        st.matched = st.matched && st.patterns.back().outcome == PatternTrace::Outcome::kMatched;
      }
      for (std::size_t k = 0; k < sig.hints.size(); ++k) st.hints.push_back({written.hints[k], outcome(sig.hints[k])});
      trace.signatures.push_back(std::move(st));
    }
    traces.push_back(std::move(trace));
  }
  return traces;
}

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

std::size_t Covered(const std::vector<Span>& spans) {
  std::size_t covered = 0;
  for (const Span& s : MergeSpans(spans)) covered += s.end - s.begin;
  return covered;
}

}  // namespace conndiag
