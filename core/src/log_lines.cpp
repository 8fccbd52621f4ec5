// Log lines: where an event's lines end, which lines continue it, and the key its repeats share.
#include "log_lines.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

#include "eight_bytes.h"
#include "multi_literal_matcher.h"

namespace conndiag {
namespace {

// Words (normalized: lowercase, accents folded) that say something went wrong, in English and French.
const std::vector<std::string>& ErrorWordList() {
  static const std::vector<std::string> words{
      "error", "exception", "fail", "fatal", "critical", "severe", "warn", "denied", "unauthorized", "forbidden",
      "refused", "timed out", "timeout", "invalid", "unable to", "could not", "cannot", "erreur", "echec",
      "refuse", "non autorise", "interdit", "impossible", "expired"};
  return words;
}

const MultiLiteralMatcher& ErrorWords() {
  static const MultiLiteralMatcher matcher(ErrorWordList());
  return matcher;
}

// The level words of lines that report no problem, whatever they say.
constexpr std::array<std::string_view, 4> kQuietLevels = {"trace", "debug", "info", "notice"};
// The level words that make a line read as a problem (LooksLikeError); each holds an error word but "err".
constexpr std::array<std::string_view, 7> kProblemLevels = {"warn", "warning", "error", "err", "fatal", "critical",
                                                            "severe"};

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

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }

// Length of a clock time "hh:mm:ss" (with an optional fraction) at t[i], or 0.
std::size_t ClockAt(std::string_view t, std::size_t i) {
  if (i + 8 > t.size() || !IsDigit(t[i]) || !IsDigit(t[i + 1]) || t[i + 2] != ':' || !IsDigit(t[i + 3]) ||
      !IsDigit(t[i + 4]) || t[i + 5] != ':' || !IsDigit(t[i + 6]) || !IsDigit(t[i + 7])) {
    return 0;
  }
  std::size_t p = i + 8;
  if (p + 1 < t.size() && (t[p] == '.' || t[p] == ',') && IsDigit(t[p + 1])) {
    ++p;
    while (p < t.size() && IsDigit(t[p])) ++p;
  }
  return p - i;
}

// Length of the timestamp that opens a log line at t[i], or 0: ISO ("2026-11-25t10:00:01.5z", a time and
// an optional zone), syslog ("nov 25 10:00:01") or a bare clock ("10:00:01,5").
std::size_t LineTimestampAt(std::string_view t, std::size_t i) {
  const std::size_t iso = TimestampAt(t, i);
  if (iso > 10) {  // a date alone is not a log timestamp
    std::size_t p = i + iso;
    // A numeric zone ("+02:00", "-0500") after the time.
    if (t[p - 1] != 'z' && p + 5 <= t.size() && (t[p] == '+' || t[p] == '-') && IsDigit(t[p + 1]) &&
        IsDigit(t[p + 2])) {
      const std::size_t m = t[p + 3] == ':' ? p + 4 : p + 3;
      if (m + 2 <= t.size() && IsDigit(t[m]) && IsDigit(t[m + 1])) p = m + 2;
    }
    return p - i;
  }
  if (i + 3 < t.size() && IsLower(t[i]) && IsLower(t[i + 1]) && IsLower(t[i + 2]) && t[i + 3] == ' ') {
    std::size_t p = i + 4;
    while (p < t.size() && t[p] == ' ') ++p;
    const std::size_t day = p;
    while (p < t.size() && p - day < 2 && IsDigit(t[p])) ++p;
    if (p > day && p < t.size() && t[p] == ' ' && ClockAt(t, p + 1) >= 8) return p + 1 + 8 - i;  // no fraction
    return 0;
  }
  return ClockAt(t, i);
}

bool IsNameByte(char c) { return IsLower(c) || IsDigit(c) || c == '.' || c == '-' || c == '_' || c == '/'; }

// After a syslog timestamp ("nov 25 00:28:54 "), the length of the host and the tag that syslog puts
// before the message ("mdca-conn-02 connector-agent[2003]:", normalized: no space after ':'), or 0. They
// name the machine and the process, not the event: repeats from other hosts and processes are one event,
// and the level after them ("info", "error") is the line's level.
std::size_t SyslogSourceAt(std::string_view t, std::size_t p) {
  constexpr std::size_t kMaxName = 64;
  std::size_t host = p;
  while (host < t.size() && host - p <= kMaxName && IsNameByte(t[host])) ++host;
  if (host == p || host >= t.size() || t[host] != ' ') return 0;
  std::size_t tag = host + 1;
  while (tag < t.size() && tag - host <= kMaxName && IsNameByte(t[tag])) ++tag;
  if (tag == host + 1 || tag >= t.size()) return 0;
  if (t[tag] == '[') {
    std::size_t pid = tag + 1;
    while (pid < t.size() && IsDigit(t[pid])) ++pid;
    if (pid == tag + 1 || pid >= t.size() || t[pid] != ']') return 0;
    tag = pid + 1;
  }
  if (tag >= t.size() || t[tag] != ':') return 0;
  ++tag;
  if (tag < t.size() && t[tag] == ' ') ++tag;
  return tag - p;
}

struct LinePrefix {
  std::size_t length = 0;  // bytes of timestamp, level and bracketed thread/logger names
  std::string_view level;  // "error", "info"...; empty when there is none
};

// The leading prefix most log formats put before the message, in normalized text: a timestamp (required,
// optionally in brackets; after a syslog one, the host and tag), then an optional level word ("error",
// "[warn]", "info:"), then any bracketed names ("[worker-1]", at most 80 bytes each). Hand-written, not a
// regex: it runs on every error-looking line of a log, and a regex there made logs twice as slow in the page.
LinePrefix PrefixOf(std::string_view t) {
  LinePrefix prefix;
  std::size_t p = t.size() > 0 && t[0] == '[' ? 1 : 0;
  const std::size_t stamp = LineTimestampAt(t, p);
  if (stamp == 0) return prefix;
  const bool syslog = IsLower(t[p]);  // "nov 25 00:28:54", not an ISO date or a clock
  p += stamp;
  if (p < t.size() && t[p] == ']') ++p;
  if (p < t.size() && t[p] == ' ') ++p;
  if (syslog) p += SyslogSourceAt(t, p);
  std::size_t word = p < t.size() && t[p] == '[' ? p + 1 : p;
  std::size_t end = word;
  while (end < t.size() && IsLower(t[end])) ++end;
  const std::string_view level = t.substr(word, end - word);
  if (std::find(kQuietLevels.begin(), kQuietLevels.end(), level) != kQuietLevels.end() ||
      std::find(kProblemLevels.begin(), kProblemLevels.end(), level) != kProblemLevels.end()) {
    prefix.level = level;
    p = end;
    if (p < t.size() && t[p] == ']') ++p;
    if (p < t.size() && t[p] == ':') ++p;
    if (p < t.size() && t[p] == ' ') ++p;
  }
  while (p < t.size() && t[p] == '[') {
    const std::size_t close = t.find(']', p + 1);
    if (close == std::string_view::npos || close - p - 1 > 80) break;
    p = close + 1;
    if (p < t.size() && t[p] == ' ') ++p;
  }
  prefix.length = p;
  return prefix;
}

// Replaces GUIDs, timestamps and ids with '#', so that repeats of one event share a key.
// Length of a request or trace id at t[i] (a word start), or 0: a word of 8 or more hex digits with at
// least one digit ("ce15eee24730"), 12 or more without ("fbdbdefbffff": no word is that), or of 6 or more
// digits. Shorter numbers (a status, an attempt count)
// stay: they tell events apart.
std::size_t IdAt(std::string_view t, std::size_t i) {
  if (i > 0 && (IsHex(t[i - 1]) || (t[i - 1] >= 'g' && t[i - 1] <= 'z'))) return 0;
  std::size_t end = i;
  bool hex = true;
  bool digits_only = true;
  bool any_digit = false;
  while (end < t.size() && ((t[end] >= 'a' && t[end] <= 'z') || IsDigit(t[end]))) {
    hex = hex && IsHex(t[end]);
    digits_only = digits_only && IsDigit(t[end]);
    any_digit = any_digit || IsDigit(t[end]);
    ++end;
  }
  const std::size_t length = end - i;
  if ((hex && (any_digit ? length >= 8 : length >= 12)) || (digits_only && length >= 6)) return length;
  return 0;
}

// Hands `put` the text with GUIDs, timestamps and ids replaced by '#', byte by byte: a key is either built
// (RepeatKey) or hashed as it goes, with no copy (RepeatKeyHash, on every error-looking line of a log).
template <class Put>
void MaskVolatile(std::string_view t, Put&& put) {
  for (std::size_t i = 0; i < t.size();) {
    std::size_t skip = 0;
    if (IsHex(t[i])) skip = GuidAt(t, i);
    if (skip == 0 && IsDigit(t[i])) skip = TimestampAt(t, i);
    if (skip == 0 && IsHex(t[i])) skip = IdAt(t, i);
    if (skip > 0) {
      put('#');
      i += skip;
    } else {
      put(t[i++]);
    }
  }
}

constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
constexpr std::uint64_t kFnvPrime = 0x100000001b3ULL;

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

std::string RepeatKey(std::string_view normalized) {
  std::string key;
  key.reserve(normalized.size());
  MaskVolatile(normalized.substr(PrefixOf(normalized).length), [&](char c) { key.push_back(c); });
  return key;
}

std::uint64_t RepeatKeyHash(std::string_view normalized) {
  std::uint64_t h = kFnvOffset;
  MaskVolatile(normalized.substr(PrefixOf(normalized).length), [&](char c) {
    h ^= static_cast<unsigned char>(c);
    h *= kFnvPrime;
  });
  return h;
}

bool LooksLikeError(std::string_view normalized) {
  // The level first: it reads a few bytes and decides most lines (info, debug, warn, error) without a scan.
  const std::string_view level = PrefixOf(normalized).level;
  if (std::find(kQuietLevels.begin(), kQuietLevels.end(), level) != kQuietLevels.end()) return false;
  if (!level.empty()) return true;  // warn, error, fatal...: the line says so itself
  thread_local std::vector<std::uint8_t> found;
  thread_local std::vector<std::uint32_t> hits;
  ErrorWords().Scan(normalized, found, hits);
  return !hits.empty();
}

std::vector<RawLineFilter::Literal> ErrorLiterals() {
  std::vector<RawLineFilter::Literal> literals;
  for (const std::string& word : ErrorWordList()) literals.push_back({word, false, false, 0});
  for (std::string_view level : kProblemLevels) {
    const bool has_word = std::any_of(ErrorWordList().begin(), ErrorWordList().end(),
                                      [&](const std::string& w) { return level.find(w) != std::string_view::npos; });
    if (!has_word) literals.push_back({std::string(level), /*no_letter_after=*/true, /*word_start=*/false, 0});
  }
  return literals;
}

std::uint64_t KeyHash(std::string_view key) {
  std::uint64_t h = kFnvOffset;
  for (char c : key) {
    h ^= static_cast<unsigned char>(c);
    h *= kFnvPrime;
  }
  return h;
}

std::size_t FindLineEnd(std::string_view text, std::size_t from) {
  if (from >= text.size()) return text.size();
#ifdef __EMSCRIPTEN__
  // In WebAssembly, memchr reads a byte at a time: one pass that tests 8 bytes at once for '\n' or '\r'
  // (a zero byte in x ^ pattern) took a tenth of a log's time off.
  const char* p = text.data() + from;
  const char* end = text.data() + text.size();
  while (end - p >= 8) {
    const std::uint64_t word = LoadEight(p);
    if (HasByte(word, '\n') || HasByte(word, '\r')) break;  // one of these 8 bytes ends the line
    p += 8;
  }
  while (p < end && *p != '\n' && *p != '\r') ++p;
  return static_cast<std::size_t>(p - text.data());
#else
  // Two memchr calls beat find_first_of("\r\n"), which tests every byte against the set one by one.
  const char* begin = text.data() + from;
  const std::size_t rest = text.size() - from;
  const void* lf = std::memchr(begin, '\n', rest);
  const std::size_t lf_at = lf ? static_cast<std::size_t>(static_cast<const char*>(lf) - begin) : rest;
  const void* cr = std::memchr(begin, '\r', lf_at);
  const std::size_t at = cr ? static_cast<std::size_t>(static_cast<const char*>(cr) - begin) : lf_at;
  return from + at;
#endif
}

}  // namespace conndiag
