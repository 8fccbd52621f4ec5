// Log mode: event splitting, de-duplication of repeats and classification of each distinct event.
#include "conndiag/log_events.h"

#include <algorithm>
#include <cstring>

#include <boost/regex.hpp>

#include "conndiag/normalize.h"
#include "conndiag/utf8.h"

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

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f'); }

// Length of a lowercase GUID at t[i], or 0.
std::size_t GuidAt(std::string_view t, std::size_t i) {
  if (i + 36 > t.size() || t[i + 8] != '-') return 0;
  for (std::size_t k = 0; k < 36; ++k) {
    const bool dash = k == 8 || k == 13 || k == 18 || k == 23;
    if (dash ? t[i + k] != '-' : !IsHex(t[i + k])) return 0;
  }
  return 36;
}

// Length of an ISO date with optional time, fraction and zone at t[i] ("2026-11-25t10:00:01.5z"), or 0.
std::size_t TimestampAt(std::string_view t, std::size_t i) {
  auto digits = [&](std::size_t at, std::size_t n) {
    if (at + n > t.size()) return false;
    for (std::size_t k = 0; k < n; ++k) {
      if (!IsDigit(t[at + k])) return false;
    }
    return true;
  };
  if (!digits(i, 4) || i + 10 > t.size() || t[i + 4] != '-' || !digits(i + 5, 2) || t[i + 7] != '-' ||
      !digits(i + 8, 2)) {
    return 0;
  }
  std::size_t p = i + 10;
  if (p + 6 <= t.size() && (t[p] == 't' || t[p] == ' ') && digits(p + 1, 2) && t[p + 3] == ':' && digits(p + 4, 2)) {
    p += 6;
    if (p + 3 <= t.size() && t[p] == ':' && digits(p + 1, 2)) {
      p += 3;
      if (p + 1 < t.size() && (t[p] == '.' || t[p] == ',') && IsDigit(t[p + 1])) {
        ++p;
        while (p < t.size() && IsDigit(t[p])) ++p;
      }
    }
    if (p < t.size() && t[p] == 'z') ++p;
  }
  return p - i;
}

// Replaces GUIDs and timestamps with '#', so that repeats of one event share a key.
std::string MaskVolatile(std::string_view t) {
  std::string out;
  out.reserve(t.size());
  for (std::size_t i = 0; i < t.size();) {
    std::size_t skip = 0;
    if (IsHex(t[i])) skip = GuidAt(t, i);
    if (skip == 0 && IsDigit(t[i])) skip = TimestampAt(t, i);
    if (skip > 0) {
      out.push_back('#');
      i += skip;
    } else {
      out.push_back(t[i++]);
    }
  }
  return out;
}

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

const std::string kBudgetWarning = "the log's distinct events hold more than " + std::to_string(kEventTextBudget >> 20) +
                                   " MB of text: later events keep only their first " +
                                   std::to_string(kEventBytesOverBudget >> 10) + " KB (they are still counted)";

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
  } catch (const std::exception&) {
    // Too much regex work on a hostile line: the full text is still a correct, if stricter, key.
  }
  return MaskVolatile(text);
}

LogClassifier::LogClassifier(const Classifier& classifier, Options options)
    : classifier_(classifier), options_(std::move(options)) {
  // In a log, a line that no known wording matches is not guessed at by resemblance: a log has many lines
  // that merely share words with an error, and each guess would cost a similarity pass.
  options_.similar = false;
}

void LogClassifier::AddLine(std::string_view line) { AddLine(line, false); }

void LogClassifier::AddLine(std::string_view line, bool cut) {
  ++line_number_;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (!current_.empty() && IsContinuationLine(line)) {
    current_truncated_ = current_truncated_ || cut;
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
  current_truncated_ = cut || line.size() > kMaxEventBytes;
  current_line_ = line_number_;
}

void LogClassifier::Flush() {
  if (current_.empty()) return;
  std::string event;
  event.swap(current_);
  const bool truncated = current_truncated_;
  current_truncated_ = false;
  if (!classifier_.MightMatch(event)) return;  // most log lines: no literal of any row occurs

  const std::uint64_t key = KeyHash(EventKey(event));
  if (auto it = index_.find(key); it != index_.end()) {
    LogEvent& seen = events_[it->second];
    ++seen.count;
    seen.last_line = current_line_;
    return;
  }
  if (misses_.count(key)) return;
  Result result = classifier_.Classify(event, options_);
  if (result.matches.empty()) {
    // Remembered so that a repeated near-miss line is classified once, not every time.
    if (misses_.size() < kMaxRememberedMisses) misses_.insert(key);
    return;
  }
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
  if (text_bytes_ + event.size() > kEventTextBudget && event.size() > kEventBytesOverBudget) {
    // Over the budget: the event is still counted and classified in full; only its stored text is cut
    // (at a character boundary), so memory stays bounded and nothing aborts.
    event.resize(CutAtCharacter(event, kEventBytesOverBudget).size());
    if (std::find(warnings_.begin(), warnings_.end(), kBudgetWarning) == warnings_.end()) {
      warnings_.emplace_back(kBudgetWarning);
    }
  }
  event.shrink_to_fit();  // the gathering buffer's capacity (64 KB and more) must not be kept per event
  text_bytes_ += event.size();
  index_.emplace(key, events_.size());
  events_.push_back(LogEvent{current_line_, current_line_, 1, std::move(event), std::move(result)});
}

std::uint64_t KeyHash(std::string_view key) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : key) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

void LogClassifier::AddText(std::string_view text) {
  if (after_cr_ && !text.empty() && text.front() == '\n') text.remove_prefix(1);
  after_cr_ = false;
  while (!text.empty()) {
    const std::size_t end = FindLineEnd(text, 0);
    const std::string_view piece = text.substr(0, end);
    if (partial_.empty() && end < text.size()) {
      AddLine(piece, false);  // the whole line is in this piece: no copy into partial_
    } else if (!partial_cut_) {
      const std::size_t room = kMaxEventBytes - std::min(kMaxEventBytes, partial_.size());
      partial_.append(piece.substr(0, room));
      partial_cut_ = piece.size() > room;
    }
    if (end == text.size()) return;  // the line goes on in the next piece
    if (!partial_.empty() || partial_cut_) {
      AddLine(partial_, partial_cut_);
      partial_.clear();
      partial_cut_ = false;
    }
    const bool crlf = text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n';
    after_cr_ = text[end] == '\r' && end + 1 == text.size();
    text.remove_prefix(end + (crlf ? 2 : 1));
  }
}

std::vector<LogEvent> LogClassifier::Finish() {
  if (!partial_.empty()) {
    AddLine(partial_, partial_cut_);
    partial_.clear();
    partial_cut_ = false;
  }
  Flush();
  index_.clear();
  misses_.clear();
  return std::move(events_);
}

std::size_t FindLineEnd(std::string_view text, std::size_t from) {
  // Two memchr calls beat find_first_of("\r\n"), which tests every byte against the set one by one.
  if (from >= text.size()) return text.size();
  const char* begin = text.data() + from;
  const std::size_t rest = text.size() - from;
  const void* lf = std::memchr(begin, '\n', rest);
  const std::size_t lf_at = lf ? static_cast<std::size_t>(static_cast<const char*>(lf) - begin) : rest;
  const void* cr = std::memchr(begin, '\r', lf_at);
  const std::size_t at = cr ? static_cast<std::size_t>(static_cast<const char*>(cr) - begin) : lf_at;
  return from + at;
}

std::vector<LogEvent> ClassifyLog(const Classifier& classifier, std::string_view text, const Options& options) {
  LogClassifier log(classifier, options);
  log.AddText(text);
  return log.Finish();
}

}  // namespace conndiag
