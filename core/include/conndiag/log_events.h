// Log mode: splits a log into error events, classifies each distinct event once, and counts repeats.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "conndiag/classifier.h"

namespace conndiag {

// How a log event stands: recognized (its best match is confident), ambiguous (it matched, but not
// confidently: a message several apps share, or a weak wording), or unrecognized (it reads as an error
// and nothing matched).
enum class EventStatus { kRecognized, kAmbiguous, kUnrecognized };
EventStatus StatusOf(const Result& result);
// "recognized", "ambiguous" or "unrecognized": the word the JSON output uses.
const char* StatusName(EventStatus status);

// Caps that keep log mode's memory bounded whatever the log (one event's own size is capped by
// kMaxEventBytes, in classifier.h):
// - kMaxDistinctEvents: distinct matching events listed; later new ones are not listed (one warning).
// - kEventTextBudget: text kept of all listed events; past it, a new event keeps only its first
//   kEventBytesOverBudget bytes (it is still classified in full and counted; one warning).
// - kMaxRememberedMisses: distinct events that matched nothing, remembered so that a repeated near miss
//   is classified once; past it, such events are classified again each time (slower, never wrong).
inline constexpr std::size_t kMaxDistinctEvents = 10000;
inline constexpr std::size_t kEventTextBudget = 32u << 20;
inline constexpr std::size_t kEventBytesOverBudget = 4u << 10;
inline constexpr std::size_t kMaxRememberedMisses = 100000;
// - kMaxUnrecognizedEvents: distinct unrecognized error events listed (with their text); later new ones are
//   still counted in unrecognized_lines() (one warning).
inline constexpr std::size_t kMaxUnrecognizedEvents = 1000;

// What a log's reader would find looking at each whole line of a piece on its own: whether the line,
// as an event by itself, can be passed by. Worked out ahead (LogClassifier::Prescanner), on another thread
// if the caller has one, it spares AddText the look that is most of a log's time.
struct LineVerdicts {
  struct Line {
    std::size_t offset;  // where the line starts in the piece
    bool skippable;      // as an event by itself, it matches no signature and does not read as an error
  };
  const char* piece = nullptr;  // the piece (its first byte) they were worked out for
  std::vector<Line> lines;      // ascending offsets; lines left out are looked at by AddText itself
};

// Feeds a log line by line (streaming: memory grows with distinct events, not with the log).
// An event is a line plus its continuation lines (indented lines, "at ...", "Caused by:", "... N more").
// Every event that matches an entry is listed, and so is every event that reads as an error but matches
// nothing (status unrecognized), so that a log's account leaves no error line out; other events are
// dropped. Identical events (ignoring timestamps, GUIDs and the leading log prefix) are classified once
// and counted.
class LogClassifier {
 public:
  LogClassifier(const Classifier& classifier, Options options);

  // The next piece of the log, cut anywhere (lines may span pieces; LF, CRLF and lone CR end lines).
  // A line longer than kMaxEventBytes keeps only its beginning, so memory stays bounded. `verdicts`, when
  // given, must come from this reader's Prescanner() for this very piece (else they are not used); the
  // events found are the same with them or without.
  void AddText(std::string_view text, const LineVerdicts* verdicts = nullptr);
  // Works out a piece's LineVerdicts without touching this reader: the function may be called on any
  // thread, while this reader reads other pieces, and stays valid as long as the Classifier. Empty until
  // the reader has seen enough of the log to make its line filter (the first 64 KB piece).
  std::function<LineVerdicts(std::string_view piece)> Prescanner() const;
  // Makes the line filter from `piece` as AddText does with the log's pieces until one is big enough,
  // without reading it: so that a reader which only judges another reader's pieces (Prescanner) has the
  // same filter as that reader, given the same pieces from the log's start.
  void PrepareLineFilter(std::string_view piece);
  // Ends the log: the events listed (see above), in order of first occurrence.
  std::vector<LogEvent> Finish();
  // The events found so far (the one being gathered excepted), for results shown while a log streams.
  const std::vector<LogEvent>& events() const { return events_; }

  std::size_t lines() const { return line_number_; }
  // Lines of unrecognized error events, the listed ones' repeats and the unlisted ones (past the cap) included.
  std::size_t unrecognized_lines() const { return unrecognized_lines_; }
  // Warnings about the log as a whole (caps reached).
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  void Flush();
  void AddWarningOnce(const std::string& warning);
  void CountUnlisted(std::uint64_t key);
  // The next line, without its line ending, and whether it was already cut to kMaxEventBytes.
  // `borrowed`: the line lies in the piece AddText is reading, so it may be held there, uncopied, until
  // the next line or the end of the piece (KeepHeldLine).
  // `verdict`: the line's LineVerdicts::Line::skippable, when worked out ahead.
  void AddLine(std::string_view line, bool cut, bool borrowed, std::optional<bool> verdict = std::nullopt);
  void KeepHeldLine();

  const Classifier& classifier_;
  Options options_;
  std::size_t line_number_ = 0;
  std::string partial_;        // AddText: the line begun in an earlier piece
  bool partial_cut_ = false;   // ... and cut to kMaxEventBytes
  bool after_cr_ = false;      // ... or the previous piece ended with CR (a leading LF belongs to it)
  std::string current_;        // the event being gathered
  std::string_view held_;      // ... or its one line, still in AddText's piece (then current_ is empty)
  NormalizedText normalized_;  // its normalized form (a member: its memory is reused line after line)
  std::size_t current_line_ = 0;
  bool current_truncated_ = false;
  bool current_one_line_ = true;  // no continuation line joined it yet
  std::optional<bool> current_skippable_;             // ... and whether its one line can be passed by, if known ahead
  std::shared_ptr<const RawLineFilter> line_filter_;  // made from the log's first piece
  std::vector<LogEvent> events_;
  // Events are told apart by a 64-bit hash of their key, not the key itself: 10,000 keys of 64 KB would
  // otherwise take 640 MB. (Two distinct keys share a hash with a probability of about 3e-12 at 10,000.)
  std::unordered_map<std::uint64_t, std::size_t> index_;  // key hash -> position in events_
  std::unordered_set<std::uint64_t> misses_;              // key hashes of events that matched nothing
                                                          // and do not read as errors
  std::unordered_set<std::uint64_t> unlisted_;            // unrecognized error events past the cap
  std::size_t unrecognized_events_ = 0;                   // listed ones
  std::size_t unrecognized_lines_ = 0;
  std::size_t text_bytes_ = 0;                            // event text kept so far
  std::vector<std::string> warnings_;
};

// Convenience: splits `text` into lines (LF, CRLF or CR) and runs a LogClassifier over them.
std::vector<LogEvent> ClassifyLog(const Classifier& classifier, std::string_view text, const Options& options);

}  // namespace conndiag
