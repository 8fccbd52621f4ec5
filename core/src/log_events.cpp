// Log mode: event splitting, de-duplication of repeats and classification of each distinct event.
#include "conndiag/log_events.h"

#include <algorithm>

#include <boost/regex.hpp>

#include "conndiag/normalize.h"

namespace conndiag {
namespace {

// The leading prefix most log formats put before the message: timestamp, level, thread, logger.
const boost::regex& LogPrefix() {
  static const boost::regex re(
      "^(?:\\[?(?:\\d{4}-\\d\\d-\\d\\d[t ]\\d\\d:\\d\\d(?::\\d\\d(?:[.,]\\d+)?)?(?:z|[+-]\\d\\d:?\\d\\d)?|"
      "[a-z]{3} +\\d{1,2} \\d\\d:\\d\\d:\\d\\d|\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d+)?)\\]? ?)"
      "(?:\\[?(?:trace|debug|info|notice|warn|warning|error|err|fatal|critical|severe)\\]?:? ?)?"
      "(?:\\[[^\\]]{0,80}\\] ?)*");
  return re;
}

const boost::regex& Volatile() {
  static const boost::regex re(
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|"
      "\\d{4}-\\d\\d-\\d\\d[t ]\\d\\d:\\d\\d(?::\\d\\d(?:[.,]\\d+)?)?(?:z|[+-]\\d\\d:?\\d\\d)?");
  return re;
}

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

}  // namespace

bool IsContinuationLine(std::string_view line) {
  if (line.empty()) return false;
  if (line[0] == ' ' || line[0] == '\t') {
    // Indented: a stack frame or wrapped text. An indented line that is blank is not.
    return line.find_first_not_of(" \t") != std::string_view::npos;
  }
  return StartsWith(line, "Caused by:") || StartsWith(line, "Suppressed:") || StartsWith(line, "at ") ||
         StartsWith(line, "... ");
}

std::string EventKey(std::string_view event) {
  std::string text = Normalize(event, /*keep_offsets=*/false).text;
  boost::smatch prefix;
  try {
    if (boost::regex_search(text, prefix, LogPrefix(), boost::match_continuous)) {
      text.erase(0, static_cast<std::size_t>(prefix.length(0)));
    }
    text = boost::regex_replace(text, Volatile(), "#");
  } catch (const std::exception&) {
    // Too much regex work on a hostile line: the unmasked text is still a correct, if stricter, key.
  }
  return text;
}

LogClassifier::LogClassifier(const Classifier& classifier, Options options)
    : classifier_(classifier), options_(std::move(options)) {}

void LogClassifier::AddLine(std::string_view line) {
  ++line_number_;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (!current_.empty() && IsContinuationLine(line)) {
    if (current_.size() + 1 + line.size() > kMaxEventBytes) {
      current_truncated_ = true;
      return;
    }
    current_ += '\n';
    current_ += line;
    return;
  }
  Flush();
  if (line.find_first_not_of(" \t") == std::string_view::npos) return;
  current_.assign(line.substr(0, kMaxEventBytes));
  current_truncated_ = line.size() > kMaxEventBytes;
  current_line_ = line_number_;
}

void LogClassifier::Flush() {
  if (current_.empty()) return;
  std::string event;
  event.swap(current_);
  const bool truncated = current_truncated_;
  current_truncated_ = false;
  if (!classifier_.MightMatch(event)) return;  // most log lines: no literal of any row occurs

  std::string key = EventKey(event);
  if (auto it = index_.find(key); it != index_.end()) {
    LogEvent& seen = events_[it->second];
    ++seen.count;
    seen.last_line = current_line_;
    return;
  }
  Result result = classifier_.Classify(event, options_);
  if (result.matches.empty()) return;
  if (events_.size() >= kMaxDistinctEvents) {
    if (warnings_.empty()) {
      warnings_.push_back("more than " + std::to_string(kMaxDistinctEvents) +
                          " distinct matching events; later new ones were not listed");
    }
    return;
  }
  if (truncated) {
    result.warnings.push_back("the event is longer than " + std::to_string(kMaxEventBytes >> 10) +
                              " KB; only its beginning was read");
  }
  index_.emplace(std::move(key), events_.size());
  events_.push_back(LogEvent{current_line_, current_line_, 1, std::move(event), std::move(result)});
}

std::vector<LogEvent> LogClassifier::Finish() {
  Flush();
  index_.clear();
  return std::move(events_);
}

std::vector<LogEvent> ClassifyLog(const Classifier& classifier, std::string_view text, const Options& options) {
  LogClassifier log(classifier, options);
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find_first_of("\r\n", start), text.size());
    log.AddLine(text.substr(start, end - start));
    if (end == text.size()) break;
    const bool crlf = text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n';
    start = end + (crlf ? 2 : 1);
  }
  return log.Finish();
}

}  // namespace conndiag
