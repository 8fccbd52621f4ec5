// Log mode: event splitting, de-duplication of repeats and classification of each distinct event.
#include "conndiag/log_events.h"

#include <algorithm>

#include "conndiag/normalize.h"
#include "conndiag/utf8.h"
#include "log_lines.h"

namespace conndiag {
namespace {

// The raw-line filter is made from the first piece of a log that holds this much (its sample, below):
// making one takes about a millisecond, which only a log of that size repays.
constexpr std::size_t kLineFilterSample = 64 << 10;

const std::string kBudgetWarning = "the log's distinct events hold more than " + std::to_string(kEventTextBudget >> 20) +
                                   " MB of text: later events keep only their first " +
                                   std::to_string(kEventBytesOverBudget >> 10) + " KB (they are still counted)";

const std::string kUnlistedWarning = "more than " + std::to_string(kMaxUnrecognizedEvents) +
                                     " distinct error events not recognized; later new ones are counted but not listed";

// A line that starts an event, as the event holds it: its first kMaxEventBytes, which Flush judges; nothing
// for a blank line, which starts none. (AddLine and the prescanner both go by this, so that a verdict worked
// out ahead is about the very text Flush would look at.)
std::optional<std::string_view> OneLineEvent(std::string_view line) {
  if (line.find_first_not_of(" \t") == std::string_view::npos) return std::nullopt;
  return line.substr(0, kMaxEventBytes);
}

}  // namespace

LogClassifier::LogClassifier(const Classifier& classifier, Options options)
    : classifier_(classifier), options_(std::move(options)) {
  // In a log, a line that no known wording matches is not guessed at by resemblance: a log has many lines
  // that merely share words with an error, and each guess would cost a similarity pass.
  options_.similar = false;
}

void LogClassifier::AddLine(std::string_view line, bool cut, bool borrowed, std::optional<bool> verdict) {
  ++line_number_;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if ((!current_.empty() || !held_.empty()) && IsContinuationLine(line)) {
    KeepHeldLine();
    current_truncated_ = current_truncated_ || cut;
    if (current_.size() + 1 + line.size() > kMaxEventBytes) {
      current_truncated_ = true;
      return;
    }
    current_ += '\n';
    current_ += line;
    current_one_line_ = false;
    return;
  }
  Flush();
  const std::optional<std::string_view> event = OneLineEvent(line);
  if (!event) return;
  // Held where it is when it may be: most lines are passed by, and copying each one first was most of the
  // 4% of a log's time the module spent copying memory.
  if (borrowed) {
    held_ = *event;
  } else {
    current_.assign(*event);
  }
  current_truncated_ = cut || line.size() > kMaxEventBytes;
  current_one_line_ = true;
  current_skippable_ = verdict;
  current_line_ = line_number_;
}

void LogClassifier::KeepHeldLine() {
  if (held_.empty()) return;
  current_.assign(held_);
  held_ = {};
}

void LogClassifier::Flush() {
  const std::string_view text = held_.empty() ? std::string_view(current_) : held_;
  if (text.empty()) return;
  // Most lines of a log: one line that no signature can match and that does not read as an error, told
  // from its raw bytes. Normalizing every line and scanning it for literals was most of a log's time.
  // (Cleared, not moved out: the next line reuses the buffer.)
  const bool skippable = current_one_line_ && line_filter_ &&
                         (current_skippable_ ? *current_skippable_ : classifier_.SkippableLogLine(*line_filter_, text));
  if (skippable) {
    current_.clear();
    held_ = {};
    current_truncated_ = false;
    return;
  }
  std::string event(text);
  current_.clear();
  held_ = {};
  const bool truncated = current_truncated_;
  current_truncated_ = false;
  // Normalized once for the prefilter and the repeat key. Without its source map: most lines stop at the
  // prefilter, and keeping the map made the whole log 15-20% slower; a new distinct event gets it when
  // classified (see Classifier::Classify), which happens at most once per listed event.
  Normalize(event, normalized_, /*keep_offsets=*/false);
  const bool possible = classifier_.MightMatch(normalized_);  // most log lines: no literal of any row occurs
  // An event no signature can match is still accounted for when it reads as an error.
  const bool looks_like_error = LooksLikeError(normalized_.text);
  if (!possible && !looks_like_error) return;

  const std::uint64_t key = RepeatKeyHash(normalized_.text);
  if (auto it = index_.find(key); it != index_.end()) {
    LogEvent& seen = events_[it->second];
    ++seen.count;
    seen.last_line = current_line_;
    if (seen.result.matches.empty()) ++unrecognized_lines_;
    return;
  }
  if (unlisted_.count(key)) {
    ++unrecognized_lines_;
    return;
  }
  if (misses_.count(key)) return;
  if (!possible && unrecognized_events_ >= kMaxUnrecognizedEvents) {
    CountUnlisted(key);  // surely unrecognized (no signature can match): not classified
    return;
  }
  // A line that does not read as an error counts only if it matches: most that might (a code-like literal
  // in a list of ids) do not, and a yes or no costs far less than a classification.
  if (!looks_like_error && !classifier_.AnySignatureMatches(normalized_)) {
    // Remembered so that a repeated near-miss line is looked at once, not every time.
    if (misses_.size() < kMaxRememberedMisses) misses_.insert(key);
    return;
  }
  Result result = classifier_.Classify(event, normalized_, options_);
  if (result.matches.empty()) {
    if (unrecognized_events_ >= kMaxUnrecognizedEvents) {
      CountUnlisted(key);
      return;
    }
    ++unrecognized_lines_;
    ++unrecognized_events_;
  }
  if (!result.matches.empty() && events_.size() - unrecognized_events_ >= kMaxDistinctEvents) {
    AddWarningOnce("more than " + std::to_string(kMaxDistinctEvents) +
                   " distinct matching events; later new ones were not listed");
    return;
  }
  if (truncated) {
    result.warnings.push_back("the event is longer than " + std::to_string(kMaxEventBytes >> 10) +
                              " KB; only its beginning was read");
  }
  if (text_bytes_ + event.size() > kEventTextBudget && event.size() > kEventBytesOverBudget) {
    // Over the budget: the event is still counted and classified in full; only its stored text is cut
    // (at a character boundary), so memory stays bounded and nothing aborts.
    event.resize(CutAtCharacter(event, kEventBytesOverBudget).size());
    AddWarningOnce(kBudgetWarning);
  }
  event.shrink_to_fit();  // the gathering buffer's capacity (64 KB and more) must not be kept per event
  text_bytes_ += event.size();
  index_.emplace(key, events_.size());
  events_.push_back(LogEvent{current_line_, current_line_, 1, std::move(event), std::move(result)});
}

void LogClassifier::CountUnlisted(std::uint64_t key) {
  // An unrecognized error event past the cap: its lines are counted, its repeats known by key.
  ++unrecognized_lines_;
  if (unlisted_.size() < kMaxRememberedMisses) unlisted_.insert(key);
  AddWarningOnce(kUnlistedWarning);
}

void LogClassifier::AddWarningOnce(const std::string& warning) {
  if (std::find(warnings_.begin(), warnings_.end(), warning) == warnings_.end()) warnings_.push_back(warning);
}

std::function<LineVerdicts(std::string_view)> LogClassifier::Prescanner() const {
  if (!line_filter_) return {};
  // Copies of what it reads, never this reader: it runs beside AddText. The lines are split as AddText
  // splits them; a line that starts the piece but continues one from the piece before is judged too, and
  // AddText does not use that verdict.
  return [&classifier = classifier_, filter = line_filter_](std::string_view piece) {
    LineVerdicts verdicts;
    verdicts.piece = piece.data();
    for (std::size_t start = 0; start < piece.size();) {
      const std::size_t end = FindLineEnd(piece, start);
      if (end == piece.size()) break;  // goes on in the next piece: AddText joins it first
      if (const auto event = OneLineEvent(piece.substr(start, end - start))) {
        verdicts.lines.push_back({start, classifier.SkippableLogLine(*filter, *event)});
      }
      start = end + 1;
    }
    return verdicts;
  };
}

void LogClassifier::PrepareLineFilter(std::string_view piece) {
  // Its first bytes stand for the log: the filter looks for what is rare in them.
  if (!line_filter_ && piece.size() >= kLineFilterSample) {
    line_filter_ = classifier_.LogLineFilter(piece.substr(0, kLineFilterSample));
  }
}

void LogClassifier::AddText(std::string_view text, const LineVerdicts* verdicts) {
  PrepareLineFilter(text);
  // Verdicts worked out for another piece are not used (nor any before the filter exists: see Flush).
  const bool use_verdicts = verdicts && verdicts->piece == text.data();
  const char* const base = text.data();
  std::size_t next_verdict = 0;
  auto verdict_at = [&](std::size_t offset) -> std::optional<bool> {
    if (!use_verdicts) return std::nullopt;
    const auto& lines = verdicts->lines;
    while (next_verdict < lines.size() && lines[next_verdict].offset < offset) ++next_verdict;
    if (next_verdict < lines.size() && lines[next_verdict].offset == offset) return lines[next_verdict].skippable;
    return std::nullopt;
  };
  if (after_cr_ && !text.empty() && text.front() == '\n') text.remove_prefix(1);
  after_cr_ = false;
  while (!text.empty()) {
    const std::size_t end = FindLineEnd(text, 0);
    const std::string_view piece = text.substr(0, end);
    if (partial_.empty() && end < text.size()) {
      // The whole line is in this piece: no copy into partial_.
      AddLine(piece, false, true, verdict_at(static_cast<std::size_t>(piece.data() - base)));
    } else if (!partial_cut_) {
      const std::size_t room = kMaxEventBytes - std::min(kMaxEventBytes, partial_.size());
      partial_.append(piece.substr(0, room));
      partial_cut_ = piece.size() > room;
    }
    if (end == text.size()) break;  // the line goes on in the next piece
    if (!partial_.empty() || partial_cut_) {
      AddLine(partial_, partial_cut_, false);
      partial_.clear();
      partial_cut_ = false;
    }
    const bool crlf = text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n';
    after_cr_ = text[end] == '\r' && end + 1 == text.size();
    text.remove_prefix(end + (crlf ? 2 : 1));
  }
  KeepHeldLine();  // the piece goes: a line still held there is copied
}

std::vector<LogEvent> LogClassifier::Finish() {
  if (!partial_.empty()) {
    AddLine(partial_, partial_cut_, false);
    partial_.clear();
    partial_cut_ = false;
  }
  Flush();
  index_.clear();
  misses_.clear();
  return std::move(events_);
}

EventStatus StatusOf(const Result& result) {
  if (result.matches.empty()) return EventStatus::kUnrecognized;
  return result.matches.front().confident ? EventStatus::kRecognized : EventStatus::kAmbiguous;
}

const char* StatusName(EventStatus status) {
  switch (status) {
    case EventStatus::kRecognized: return "recognized";
    case EventStatus::kAmbiguous: return "ambiguous";
    case EventStatus::kUnrecognized: return "unrecognized";
  }
  return "unrecognized";
}

std::vector<LogEvent> ClassifyLog(const Classifier& classifier, std::string_view text, const Options& options) {
  LogClassifier log(classifier, options);
  log.AddText(text);
  return log.Finish();
}

}  // namespace conndiag
