// Log lines: where an event's lines end, which lines continue it, and the key its repeats share.
#include "log_lines.h"

#include <array>
#include <cstring>
#include <vector>

#include <boost/regex.hpp>

#include "multi_literal_matcher.h"

namespace conndiag {
namespace {

// The leading prefix most log formats put before the message: timestamp, level (group 1), thread, logger.
const boost::regex& LogPrefix() {
  static const boost::regex re(
      "^(?:\\[?(?:\\d{4}-\\d\\d-\\d\\d[t ]\\d\\d:\\d\\d(?::\\d\\d(?:[.,]\\d+)?)?(?:z|[+-]\\d\\d:?\\d\\d)?|"
      "[a-z]{3} +\\d{1,2} \\d\\d:\\d\\d:\\d\\d|\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d+)?)\\]? ?)"
      "(?:\\[?(trace|debug|info|notice|warn|warning|error|err|fatal|critical|severe)\\]?:? ?)?"
      "(?:\\[[^\\]]{0,80}\\] ?)*");
  return re;
}

// Words (normalized: lowercase, accents folded) that say something went wrong, in English and French.
const MultiLiteralMatcher& ErrorWords() {
  static const MultiLiteralMatcher matcher(std::vector<std::string>{
      "error", "exception", "fail", "fatal", "critical", "severe", "warn", "denied", "unauthorized", "forbidden",
      "refused", "timed out", "timeout", "invalid", "unable to", "could not", "cannot", "erreur", "echec",
      "refuse", "non autorise", "interdit", "impossible", "expired"});
  return matcher;
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

std::string MaskVolatile(std::string_view t) {
  std::string out;
  out.reserve(t.size());
  for (std::size_t i = 0; i < t.size();) {
    std::size_t skip = 0;
    if (IsHex(t[i])) skip = GuidAt(t, i);
    if (skip == 0 && IsDigit(t[i])) skip = TimestampAt(t, i);
    if (skip == 0 && IsHex(t[i])) skip = IdAt(t, i);
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

std::string RepeatKey(std::string normalized) {
  boost::smatch prefix;
  try {
    if (boost::regex_search(normalized, prefix, LogPrefix(), boost::match_continuous)) {
      normalized.erase(0, static_cast<std::size_t>(prefix.length(0)));
    }
  } catch (const std::exception&) {
    // Too much regex work on a hostile line: the full text is still a correct, if stricter, key.
  }
  return MaskVolatile(normalized);
}

bool LooksLikeError(std::string_view normalized) {
  thread_local std::vector<std::uint8_t> found;
  thread_local std::vector<std::uint32_t> hits;
  ErrorWords().Scan(normalized, found, hits);
  if (hits.empty()) return false;
  // Run only on lines with an error word (a minority of a log), so the prefix regex costs little here.
  // Searched in a std::string, as everywhere else: a second iterator type would instantiate Boost.Regex's
  // matcher twice (30 KB more wasm). The prefix sits in the first few hundred bytes.
  constexpr std::size_t kPrefixBytes = 512;
  const std::string head(normalized.substr(0, kPrefixBytes));
  boost::smatch prefix;
  try {
    if (boost::regex_search(head, prefix, LogPrefix(), boost::match_continuous) &&
        prefix[1].matched) {
      const std::string level = prefix[1].str();
      for (std::string_view quiet : std::array<std::string_view, 4>{"trace", "debug", "info", "notice"}) {
        if (level == quiet) return false;
      }
    }
  } catch (const std::exception&) {
    // Too much regex work on a hostile line: judged by its words alone.
  }
  return true;
}

std::uint64_t KeyHash(std::string_view key) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : key) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
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

}  // namespace conndiag
