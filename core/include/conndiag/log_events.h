// Log mode: splits a log into error events, classifies each distinct event once, and counts repeats.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "conndiag/classifier.h"

namespace conndiag {

// Caps that keep memory bounded whatever the log: distinct events kept, the text kept of them all (past
// this budget, a new event keeps only its first kEventBytesOverBudget bytes, with a warning), and the
// distinct non-matching events remembered (so that a repeated near miss is classified once).
inline constexpr std::size_t kMaxDistinctEvents = 10000;
inline constexpr std::size_t kEventTextBudget = 32u << 20;
inline constexpr std::size_t kEventBytesOverBudget = 4u << 10;
inline constexpr std::size_t kMaxRememberedMisses = 100000;

// Feeds a log line by line (streaming: memory grows with distinct matching events, not with the log).
// An event is a line plus its continuation lines (indented lines, "at ...", "Caused by:", "... N more").
// Events that match nothing are dropped; identical events (ignoring timestamps, GUIDs and the leading
// log prefix) are classified once and counted.
class LogClassifier {
 public:
  LogClassifier(const Classifier& classifier, Options options);

  // The next line, without its line ending (a trailing '\r' is ignored).
  void AddLine(std::string_view line);
  // The next piece of the log, cut anywhere (lines may span pieces; LF, CRLF and lone CR end lines).
  // A line longer than kMaxEventBytes keeps only its beginning, so memory stays bounded.
  void AddText(std::string_view text);
  // Ends the log: the events that matched something, in order of first occurrence.
  std::vector<LogEvent> Finish();
  // The events found so far (the one being gathered excepted), for results shown while a log streams.
  const std::vector<LogEvent>& events() const { return events_; }

  std::size_t lines() const { return line_number_; }
  // Warnings about the log as a whole (caps reached).
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  void Flush();
  // AddLine, knowing whether the line was already cut to kMaxEventBytes.
  void AddLine(std::string_view line, bool cut);

  const Classifier& classifier_;
  Options options_;
  std::size_t line_number_ = 0;
  std::string partial_;        // AddText: the line begun in an earlier piece
  bool partial_cut_ = false;   // ... and cut to kMaxEventBytes
  bool after_cr_ = false;      // ... or the previous piece ended with CR (a leading LF belongs to it)
  std::string current_;        // the event being gathered
  std::size_t current_line_ = 0;
  bool current_truncated_ = false;
  std::vector<LogEvent> events_;
  // Events are told apart by a 64-bit hash of their key, not the key itself: 10,000 keys of 64 KB would
  // otherwise take 640 MB. (Two distinct keys share a hash with a probability of about 3e-12 at 10,000.)
  std::unordered_map<std::uint64_t, std::size_t> index_;  // key hash -> position in events_
  std::unordered_set<std::uint64_t> misses_;              // key hashes of events that matched nothing
  std::size_t text_bytes_ = 0;                            // event text kept so far
  std::vector<std::string> warnings_;
};

// Whether a line continues the event above it (stack frames, "Caused by:", indented lines).
bool IsContinuationLine(std::string_view line);

// The key under which repeats of an event are merged: normalized text without the log's leading
// timestamp/level prefix, with timestamps and GUIDs masked.
std::string EventKey(std::string_view event);

// A 64-bit FNV-1a hash of a key: the same on every platform (the page's wasm and the CLI agree).
std::uint64_t KeyHash(std::string_view key);

// The end of the line starting at `from`: the first '\n' or '\r' at or after it, or text.size().
std::size_t FindLineEnd(std::string_view text, std::size_t from);

// Convenience: splits `text` into lines (LF, CRLF or CR) and runs a LogClassifier over them.
std::vector<LogEvent> ClassifyLog(const Classifier& classifier, std::string_view text, const Options& options);

}  // namespace conndiag
