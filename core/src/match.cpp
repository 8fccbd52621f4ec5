// Matching: runs the compiled signatures that the literals found make possible (signature_compile.cpp
// compiles them).
#include "match.h"

#include <algorithm>
#include <utility>

#include "multi_literal_matcher.h"

namespace conndiag {
namespace {

bool AnyFound(const std::vector<std::uint32_t>& ids, const std::vector<std::uint8_t>& found) {
  return ids.empty() || std::any_of(ids.begin(), ids.end(), [&](std::uint32_t id) { return found[id]; });
}

// Whether the literals found leave the pattern a chance: one of its literals, and one of each other set.
bool MayMatch(const CompiledPattern& p, const std::vector<std::uint8_t>& found) {
  return AnyFound(p.literal_ids, found) &&
         std::all_of(p.also_ids.begin(), p.also_ids.end(), [&](const auto& ids) { return AnyFound(ids, found); });
}

// The nearest occurrence at or after `from` of a prefix literal of `p` (match.h): only those the scan found
// are looked for (one it did not find is not there; looking for each of a pattern's alternatives in the
// whole text was a fifth of a paste's matching).
std::size_t NextPrefix(const CompiledPattern& p, const std::string& text, const std::vector<std::uint8_t>& found,
                       std::size_t from) {
  std::size_t next = std::string::npos;
  for (std::size_t k = 0; k < p.prefixes.size(); ++k) {
    if (found[p.literal_ids[k]]) next = std::min(next, Find(text, p.prefixes[k], from));
  }
  return next;
}

// How many occurrences of a pattern's prefix literals Run tries the regex at, anchored, before searching.
constexpr int kAnchoredTries = 8;

// Runs one pattern that MayMatch let through (callers ask it first: a signature's patterns all at once in
// Possible); a match's normalized span goes to `spans`. Regex-work limits become warnings (and are not
// remembered in `results`, so each pattern that hits them says so).
bool Run(const CompiledPattern& p, const std::string& text, const std::vector<std::uint8_t>& found,
         std::vector<Span>& spans, std::vector<std::string>& warnings, PatternResults* results = nullptr) {
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
    start = NextPrefix(p, text, found, 0);
    if (start == std::string::npos) {
      if (results) results->emplace(p.re.get(), std::nullopt);
      return false;
    }
  }
  if (p.plain) {
    const std::optional<Span> span = FindPlain(*p.plain, text, start);
    if (results) results->emplace(p.re.get(), span);
    if (span && span->end > span->begin) spans.push_back(*span);
    return span.has_value();
  }
  const Regex* re = p.re->Get();
  if (!re) {  // only in a knowledge base loaded with PatternChecks::kOnFirstUse
    warnings.push_back(p.path + ": skipped, " + p.re->error());
    return false;
  }
  boost::match_results<std::string::const_iterator> m;
  const auto search = [&](std::size_t from, boost::match_flag_type anchored) {
    const auto flags = from > 0 ? boost::match_prev_avail : boost::match_default;  // \b looks one back
    return boost::regex_search(text.begin() + static_cast<std::ptrdiff_t>(from), text.end(), m, *re, flags | anchored);
  };
  try {
    // A match starts with a prefix literal: the regex is tried anchored at each of their first few occurrences
    // (the first that matches is what a search finds), not at every place in between where the pattern's
    // first character occurs. A text with more occurrences is searched from the next one.
    bool matched = false;
    for (int tries = 0; !p.prefixes.empty() && start != std::string::npos && tries < kAnchoredTries; ++tries) {
      if ((matched = search(start, boost::match_continuous))) break;
      start = NextPrefix(p, text, found, start + 1);
    }
    if (!matched && start != std::string::npos) matched = search(start, boost::match_default);
    if (!matched) {
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

bool Possible(const CompiledSignature& signature, const std::vector<std::uint8_t>& found) {
  return std::all_of(signature.patterns.begin(), signature.patterns.end(),
                     [&](const CompiledPattern& p) { return MayMatch(p, found); });
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
    for (const auto& h : sig.hints) {
      if (MayMatch(h, found)) Run(h, normalized, found, m.spans, warnings, results);
    }
    m.covered = Covered(m.spans);
    // A signature that is not weak wins over a weak one (a bare status, generic words), which must not turn
    // a strong recognition of the same entry into a "possible" one by covering a few more characters; then
    // the one that explains most of the text wins; on a tie, the first listed.
    const auto rank = [&](const SignatureMatch& x) { return std::pair(!entry.signatures[x.signature].weak, x.covered); };
    if (!best || rank(m) > rank(*best)) best = std::move(m);
  }
  return best;
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
                                           const std::vector<std::uint32_t>& hits,
                                           std::vector<std::string>& warnings) const {
  // The entries worth a look, in knowledge-base order: asking every signature of every entry whether it is
  // possible was a tenth of a paste's classification, and most have none of their literals in the text.
  std::vector<std::uint8_t> look(entries_.size(), 0);
  for (std::uint32_t i : unfiltered_entries_) look[i] = 1;
  for (std::uint32_t id : hits) {
    if (id >= by_literal_.size()) continue;  // a literal only app clues use
    for (const Ref& ref : by_literal_[id]) look[ref.entry] = 1;
  }
  std::vector<Candidate> candidates;
  PatternResults results;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    if (!look[i]) continue;
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
        if (!MayMatch(p, found)) return PatternTrace::Outcome::kLiteralsAbsent;
        return Run(p, normalized, found, spans, warnings) ? PatternTrace::Outcome::kMatched
                                                          : PatternTrace::Outcome::kNotMatched;
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
