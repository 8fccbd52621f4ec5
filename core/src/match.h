// Matching: an entry's signatures compiled once, then run against a normalized text (internal to core).
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <boost/regex.hpp>

#include "candidate.h"
#include "conndiag/expected.h"
#include "conndiag/knowledge_base.h"
#include "conndiag/match_trace.h"
#include "conndiag/normalize.h"
#include "conndiag/pattern_checks.h"
#include "literal_search.h"
#include "plain_pattern.h"

namespace conndiag {

// Boost.Regex over the C library's character traits: the default C++-locale traits drag std::locale and
// its facets into the module (tens of KB of wasm) for nothing: patterns match normalized text, in which
// letters are lowercase ASCII and character classes need no locale.
using Regex = boost::basic_regex<char, boost::c_regex_traits<char>>;

// A pattern's regex, compiled once, when first asked for (thread-safe).
class PatternRegex {
 public:
  explicit PatternRegex(std::string source) : source_(std::move(source)) {}
  // The compiled regex, or nullptr when the source does not compile (then error() says why).
  const Regex* Get() const;
  const std::string& error() const { return error_; }
  const std::string& source() const { return source_; }
  bool compiled() const { return done_; }  // whether Get has run (for tests)

 private:
  std::string source_;
  mutable std::once_flag once_;
  mutable std::optional<Regex> re_;
  mutable std::string error_;
  mutable std::atomic<bool> done_{false};
};

// A regex and the prefilter literals it cannot match without (none: always run it).
struct CompiledPattern {
  std::shared_ptr<const PatternRegex> re;  // shared by every pattern with the same source (see PatternCache)
  std::shared_ptr<const PlainPattern> plain;         // when the pattern is only literal text: found without `re`
  std::vector<std::uint32_t> literal_ids;            // one of these occurs in the text of every match
  std::vector<std::vector<std::uint32_t>> also_ids;  // and one of each of these (AnalyzeLiterals' `also`)
  // When every match starts with one of these: where searching may begin. prefixes[k] is the literal
  // literal_ids[k] (the scan's `found` says which occur).
  std::vector<LiteralSearch> prefixes;
  std::string path;                   // JSON pointer, for warnings
};

struct CompiledSignature {
  std::vector<CompiledPattern> patterns;
  std::vector<CompiledPattern> hints;
  bool weak = false;  // the signature's "weak": it yields to any other signature of its entry that matches
};

struct CompiledEntry {
  std::vector<CompiledSignature> signatures;
};

// Literal strings in one table, each with one id, shared by patterns and clues.
class LiteralTable {
 public:
  // `word_start`: the user needs the literal only where a word boundary comes right before it;
  // `digits_after`: only where that many digits follow it. A literal keeps what all its users give.
  std::uint32_t Id(const std::string& literal, bool word_start = false, std::uint8_t digits_after = 0);
  const std::vector<std::string>& list() const { return list_; }
  // The literals by id, with what every user of each needs around it (see Id).
  struct Literals {
    std::vector<std::string> list;
    std::vector<bool> word_starts;
    std::vector<std::uint8_t> digits_after;
  };
  // All of it, moved out: the table is done with (its ids stay valid for what it compiled).
  Literals Take() {
    ids_.clear();
    return {std::move(list_), std::move(word_start_), std::move(digits_after_)};
  }

 private:
  std::unordered_map<std::string, std::uint32_t> ids_;  // ids come from list_'s order, not from this map's
  std::vector<std::string> list_;
  std::vector<bool> word_start_;
  std::vector<std::uint8_t> digits_after_;
};

// Compiles one pattern, adding its required literals to `table`. Errors name `path`. With
// PatternChecks::kOnFirstUse the regex itself is left for its first use (the literals are found now).
Expected<CompiledPattern> CompilePattern(const std::string& source, const std::string& path, LiteralTable& table,
                                         PatternChecks checks = PatternChecks::kAtLoad);

// Patterns compiled once per source text while a knowledge base loads: a third of its patterns repeat
// (each app's status wordings, common hints), and compiling them again was a tenth of the load's work.
class PatternCache {
 public:
  explicit PatternCache(PatternChecks checks = PatternChecks::kAtLoad) : checks_(checks) {}
  // As CompilePattern; a source seen before gets the same regex and literals, with its own `path`.
  Expected<CompiledPattern> Compile(const std::string& source, const std::string& path, LiteralTable& table);

 private:
  PatternChecks checks_;
  std::unordered_map<std::string, CompiledPattern> compiled_;
};

// The JSON pointer of a signature's k-th pattern (its first is "/status" when it has one) and k-th hint.
std::string PatternPath(const Signature& signature, std::size_t k);
std::string HintPath(const Signature& signature, std::size_t k);

// Compiles every signature of an entry; errors name the pattern's JSON pointer.
Expected<CompiledEntry> CompileEntry(const Entry& entry, LiteralTable& table, PatternCache& cache);

// Whether every pattern of the signature has one of its required literals in the text, so it may match.
// (The literal prefilter is sound per signature: a signature it rules out cannot match.)
bool Possible(const CompiledSignature& signature, const std::vector<std::uint8_t>& found);

// How an entry matched: through which signature, and the normalized ranges its patterns and hints cover.
struct SignatureMatch {
  std::size_t signature = 0;     // index into the entry's signatures
  std::vector<Span> spans;       // ranges its patterns and hints matched
  std::size_t covered = 0;       // normalized bytes in the union of the spans
};

// What the patterns run on one text gave, by regex: identical patterns (a status's wordings, common hints)
// share one compiled regex, so each is run once per text however many signatures use it.
using PatternResults = std::unordered_map<const PatternRegex*, std::optional<Span>>;

// The entry's signature that explains the most of the text (a weak one only when no other matches), or
// nullopt when none matches. Regex work that exceeds Boost's limits skips that pattern and adds a warning.
// `results`, when given, holds what the patterns already run on this same text (with the same `found`)
// gave, and receives the new ones.
std::optional<SignatureMatch> MatchEntry(const CompiledEntry& entry, const std::string& normalized,
                                         const std::vector<std::uint8_t>& found, std::vector<std::string>& warnings,
                                         PatternResults* results = nullptr);

// Every entry's compiled signatures, indexed by the literals their patterns need: the prefilter's question
// (could anything match, given the literals found?) and the matching itself.
class SignatureSet {
 public:
  SignatureSet() = default;
  // Compiles every entry of `kb` (its patterns' literals go into `table`); errors name the JSON pointer.
  static Expected<SignatureSet> Compile(const KnowledgeBase& kb, LiteralTable& table,
                                        PatternChecks checks = PatternChecks::kAtLoad);
  // The set of entries compiled already (a prepared knowledge base's), indexed by their literals: ids below
  // `literal_count`, the patterns' (see literal_count()).
  static SignatureSet FromEntries(std::vector<CompiledEntry> entries, std::size_t literal_count);
  const std::vector<CompiledEntry>& entries() const { return entries_; }

  // Whether some signature could match a text in which the literals `hits` (ids, each once) occur;
  // `found` is the same set by id. Sound: false means no signature can match.
  bool AnyPossible(const std::vector<std::uint8_t>& found, const std::vector<std::uint32_t>& hits) const;
  // The literals the patterns need: ids 0 to literal_count() - 1 of the table Compile was given (later ids,
  // such as app clues, are the table's other users').
  std::size_t literal_count() const { return by_literal_.size(); }
  // Whether some signature's pattern needs literal `id` (one hints alone use decides nothing).
  bool NeededByPatterns(std::uint32_t id) const { return id < needed_.size() && needed_[id]; }

  // The entries (of the `kb` compiled) that match the normalized text, one candidate each, in
  // knowledge-base order. `hits` lists the literals found (as MultiLiteralMatcher::Scan lists them): only
  // entries indexed under one of them, or that no literal can rule out, are looked at. Regex work that
  // exceeds Boost's limits skips that pattern with a warning.
  std::vector<Candidate> Match(const KnowledgeBase& kb, const std::string& normalized,
                               const std::vector<std::uint8_t>& found, const std::vector<std::uint32_t>& hits,
                               std::vector<std::string>& warnings) const;

  // Every entry with a signature the prefilter lets through, and for each of its signatures what each
  // pattern and hint did on the normalized text (all of them run, not only up to the first that fails).
  std::vector<EntryTrace> Trace(const KnowledgeBase& kb, const std::string& normalized,
                                const std::vector<std::uint8_t>& found, std::vector<std::string>& warnings) const;

 private:
  struct Ref {
    std::uint32_t entry;
    std::uint32_t signature;
  };
  std::vector<CompiledEntry> entries_;
  std::vector<std::vector<Ref>> by_literal_;  // literal id -> signatures indexed under it (one per pattern)
  std::vector<std::uint8_t> needed_;          // literal id -> some pattern needs it (indexed or in `also_ids`)
  bool some_unfiltered_ = false;              // a pattern with no provable literal: no text can be ruled out
  std::vector<std::uint32_t> unfiltered_entries_;  // entries with a signature no literal can rule out
};

// Merges ranges into a sorted list of disjoint ranges.
std::vector<Span> MergeSpans(std::vector<Span> spans);

// Bytes covered by a list of (possibly overlapping) ranges.
std::size_t Covered(const std::vector<Span>& spans);

}  // namespace conndiag
