// The classifier: a compiled knowledge base that says which entry a pasted error is, for which app, and why.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "conndiag/expected.h"
#include "conndiag/fields.h"
#include "conndiag/knowledge_base.h"
#include "conndiag/match_trace.h"
#include "conndiag/normalize.h"
#include "conndiag/pattern_checks.h"

namespace conndiag {

class RawLineFilter;  // internal to the core: see Classifier::LogLineFilter

struct Options {
  std::string app;          // app key the error came from; empty: infer it from the text
  std::string lang = "en";  // output language; must be one of the knowledge base's languages
  std::size_t top = 3;      // at most this many matches
  bool similar = true;      // when no signature matches, or only other apps' rows do, propose the known
                            // texts the paste resembles
};

struct Match {
  const Entry* entry = nullptr;      // points into the Classifier that produced it
  std::string app;                   // the app this match is for (one of entry->apps)
  double score = 0;                  // 0..1
  bool confident = false;            // false when several apps fit or the evidence is weak
  std::string cause;                 // in Options::lang
  std::vector<std::string> fix;      // in Options::lang
  std::vector<Span> spans;           // byte ranges of the input that matched, sorted, non-overlapping
  std::vector<std::string> evidence; // why, in Options::lang
  const Signature* signature = nullptr;  // the signature that recognized it; null for a similarity proposal
  const Entry* code = nullptr;           // the code-table entry found, when this row is the same event
  std::string code_reason;               // that code's own reason, in Options::lang
  bool similar = false;                  // proposed because the text resembles a known one: never confident
  std::vector<std::string> shared;       // when similar: distinctive words the text shares with the known one
  std::vector<std::string> missing;      // when similar: distinctive words it lacks
};

struct Result {
  std::vector<Match> matches;               // best first
  std::optional<std::string> app_guess;     // the app the text names, if any
  Fields fields;
  std::vector<std::string> understood;      // what the text says, in Options::lang (status, codes, app)
  std::vector<std::string> warnings;        // e.g. a pattern skipped for excessive regex work
};

// One distinct error event of a log and how it classified.
struct LogEvent {
  std::size_t line = 0;   // first line (1-based) where it occurred
  std::size_t last_line = 0;
  std::size_t count = 0;  // occurrences
  std::string text;       // the first occurrence, with its continuation lines
  Result result;
};

// The most matches a classification returns (Options::top is 1..kMaxTop).
inline constexpr std::size_t kMaxTop = 1000;

// Single pastes longer than this are classified on their first kMaxPasteBytes, with a warning.
inline constexpr std::size_t kMaxPasteBytes = 16u << 20;
// Log events (a line plus its stack trace) longer than this are cut, with a warning.
inline constexpr std::size_t kMaxEventBytes = 64u << 10;

class Classifier {
 public:
  // Loads and compiles a knowledge base. Errors name the JSON pointer of the first problem,
  // e.g. "/entries/3/patterns/0: invalid regular expression: ...".
  static Expected<Classifier> FromJson(std::string_view json, PatternChecks checks = PatternChecks::kAtLoad);

  // Loads `overlay_json`, a knowledge base that extends `base_json` ("extends": "conndiag": its entries
  // add rows or replace fields of existing ones), or replaces it (no "extends"). Errors name the overlay's
  // own JSON path ("/entries/0/patterns/0: ..."), or say that the merged base is meant. Every pattern is
  // compiled at load: an overlay is someone's own writing.
  static Expected<Classifier> FromJsonExtending(std::string_view base_json, std::string_view overlay_json);

  // The knowledge base `json` prepared for FromPrepared: loaded and checked as FromJson does with every
  // pattern compiled, then written as bytes (the build does this once for the page's own knowledge base).
  static Expected<std::string> Prepare(std::string_view json);
  // Loads a knowledge base from what Prepare made of `json`, with `json` itself beside it (the prepared
  // bytes refer to its texts): no JSON parsing, checking or pattern analysis, only reading back; regexes
  // are compiled when first used. An Error, and nothing loaded, when the bytes were made from another JSON
  // (edited since), by another format, or are corrupt: the caller then loads `json` with FromJson.
  static Expected<Classifier> FromPrepared(std::string_view json, std::string_view prepared);

  Classifier(Classifier&&) noexcept;
  Classifier& operator=(Classifier&&) noexcept;
  Classifier(const Classifier&) = delete;
  Classifier& operator=(const Classifier&) = delete;
  ~Classifier();

  // Checks options against this knowledge base: an unknown app key or language is an Error that
  // lists the valid ones. Classify assumes options that passed.
  std::optional<Error> Validate(const Options& options) const;

  // Classifies one pasted error (any size; see kMaxPasteBytes). Deterministic; thread-safe.
  // Never throws: regex work that exceeds Boost's limits skips that pattern and adds a warning.
  Result Classify(std::string_view text, const Options& options) const;

  // False when no signature of the knowledge base can match the text (the literals its patterns need
  // are absent): the cheap test that lets a log skip the great majority of its lines. Sound: a text
  // for which it is false gets no signature match from Classify.
  bool MightMatch(std::string_view text) const;

  // The same two calls for a text already normalized, so that a caller that needs the normalized form
  // too (log mode: the repeat key) does not normalize again. `normalized` must be Normalize(text).
  // Classify reads it whole (no kMaxPasteBytes cut) and needs its offsets to point spans into `text`:
  // given it without them, it normalizes `text` again with them.
  bool MightMatch(const NormalizedText& normalized) const;
  Result Classify(std::string_view text, const NormalizedText& normalized, const Options& options) const;

  // Whether Classify would give `normalized` any match with options.similar off (log mode's setting),
  // without the rest of its work (offsets, app, fields, explanations): log mode asks it of each new line
  // that might match but does not read as an error, and only such a line that matches is classified.
  bool AnySignatureMatches(const NormalizedText& normalized) const;

  // Log mode's first look at a line (one line, no line break), read as it is, without normalizing it: true
  // when no signature can match the line (AnySignatureMatches would be false; it looks for the patterns'
  // literals where they must be, after a \b, before the digits of a code) and the line does not read as an
  // error (a warn or error level, an error word), so that log mode can pass it by. False also when the raw
  // bytes cannot tell (non-ASCII text, escapes, entities): normalize the line and look. Sound; thread-safe.
  // `filter` comes from LogLineFilter, made once per log: `sample`, the log's first bytes, picks which few
  // bytes of each literal it looks for, so that they are rare in that log (about a millisecond to make).
  std::shared_ptr<const RawLineFilter> LogLineFilter(std::string_view sample) const;
  bool SkippableLogLine(const RawLineFilter& filter, std::string_view line) const;

  // How `text` is matched, pattern by pattern (for knowledge-base authors: `conndiag kb explain`): its
  // normalized form, the literals found, and each entry the prefilter lets through with what each of its
  // patterns and hints did. Classify gives the answer; this shows why.
  MatchTrace Trace(std::string_view text) const;

  const KnowledgeBase& knowledge_base() const;

  // What loading found that is not an error: a language the knowledge base declares that the core has
  // no words for (explanations in it fall back to English), as "/languages/2: ...".
  const std::vector<std::string>& load_warnings() const;
  // When this knowledge base's regexes are compiled (FromJson's `checks`).
  PatternChecks pattern_checks() const;

 private:
  struct Compiled;
  explicit Classifier(std::unique_ptr<Compiled> compiled);
  std::unique_ptr<Compiled> compiled_;
};

}  // namespace conndiag
