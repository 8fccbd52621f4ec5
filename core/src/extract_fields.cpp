// Field extraction from a pasted error: HTTP status, Microsoft/Okta codes, exceptions, OAuth and JSON fields.
// Hand-written scanners over the normalized text, each linear in its length: field extraction runs on every
// paste, so it must not cost a regex pass per field (a 1 KB stack trace took ~300 µs that way).
#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>


#include "conndiag/fields.h"
#include "multi_literal_matcher.h"
#include "json_scan.h"
#include "json_tree.h"

namespace conndiag {
namespace {

// Enough for any real paste; keeps the output of a hostile megabyte-long paste small.
constexpr std::size_t kMaxListed = 20;
constexpr std::size_t kMaxJsonCandidates = 8;
constexpr std::size_t kMaxJsonBytes = 64 * 1024;
constexpr int kMaxJsonDepth = 32;
constexpr std::size_t kMaxDescription = 2000;
// Longest class name or host name looked at: a scanner never walks back further, so a megabyte of
// "a.exception.exception..." costs a bounded amount per occurrence (linear, not quadratic).
constexpr std::size_t kMaxNameBack = 256;
constexpr std::size_t kMaxJsonAttempts = 64;  // '{' positions tried as a JSON payload, parsed or not

constexpr std::array<std::string_view, 18> kReasons = {
    "bad request",       "unauthorized",          "payment required", "forbidden",        "not found",
    "method not allowed", "request timeout",       "conflict",         "too many requests", "internal server error",
    "bad gateway",       "service unavailable",   "gateway timeout",  "requete incorrecte", "non autorise",
    "interdit",          "introuvable",           "erreur de serveur interne"};

// Labels after which a number is an HTTP status (normalized: no space around ':').
constexpr std::array<std::string_view, 9> kStatusLabels = {
    "server returned:", "retourne par le serveur:", "status code ", "statuscode", "\"code\":", "\"status\":",
    "\"statuscode\":",  "exception:",               "http/"};

constexpr std::array<std::string_view, 7> kTopLevelDomains = {".com", ".net", ".org", ".io", ".us", ".eu", ".cloud"};

// Every literal a scanner below starts from: one pass finds where each occurs first and last, so a scanner
// whose literal is absent does not run and one whose literal is there looks for it only between those two
// places (string_view::find went to every byte equal to the literal's first, often a common letter:
// in a stack trace, every 'e' on the way to "exception").
enum Keyword : std::size_t {
  kAadsts,
  kAfCode,
  kOkta,
  kException,
  kFailure,
  kError,
  kDescription,
  kTenant,
  kHttps,
  kHttp,
  kFirstLabel
};
const std::vector<std::string>& Keywords() {
  static const std::vector<std::string> words = [] {
    std::vector<std::string> w = {
        "aadsts", "af",       "e0000",  "exception", "failure", "\"error\":\"", "\"error_description\":\"",
        "tenant", "https://", "http://"};
    for (auto label : kStatusLabels) w.emplace_back(label);
    for (auto reason : kReasons) w.emplace_back(reason);
    for (auto tld : kTopLevelDomains) w.emplace_back(tld);
    return w;
  }();
  return words;
}
const MultiLiteralMatcher& KeywordMatcher() {
  static const MultiLiteralMatcher matcher(Keywords());
  return matcher;
}
constexpr std::size_t kFirstReason = kFirstLabel + kStatusLabels.size();
constexpr std::size_t kFirstTld = kFirstReason + kReasons.size();

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f'); }
bool IsWord(char c) { return IsDigit(c) || (c >= 'a' && c <= 'z') || c == '_'; }
bool IsNameChar(char c) { return IsWord(c) || c == '$' || c == '.'; }
bool IsHostChar(char c) { return IsDigit(c) || (c >= 'a' && c <= 'z') || c == '-' || c == '*' || c == '.'; }

class Scanner {
 public:
  Scanner(std::string_view original, const NormalizedText& n) : original_(original), n_(n), t_(n.text) {
    first_.assign(Keywords().size(), std::string_view::npos);
    last_.assign(Keywords().size(), 0);
    KeywordMatcher().ForEachOccurrence(t_, [this](std::uint32_t k, std::size_t begin) {
      if (first_[k] == std::string_view::npos) first_[k] = begin;
      last_[k] = begin;
    });
  }

  void Status(Fields& f) const {
    std::size_t best = std::string_view::npos;
    std::size_t digits = 0;
    for (std::size_t k = 0; k < kStatusLabels.size(); ++k) {
      const std::string_view label = kStatusLabels[k];
      for (std::size_t at = Find(kFirstLabel + k, 0); at != std::string_view::npos;
           at = Find(kFirstLabel + k, at + 1)) {
        if (at >= best) break;
        std::size_t p = at + label.size();
        if (label == "http/") {  // HTTP/1.1 401
          while (p < t_.size() && (IsDigit(t_[p]) || t_[p] == '.')) ++p;
        }
        if (p < t_.size() && t_[p] == '"') ++p;
        if (p < t_.size() && t_[p] == ' ') ++p;
        if (IsStatusAt(p)) {
          best = at;
          digits = p;
          break;
        }
      }
    }
    if (best == std::string_view::npos) {
      // "404 Not Found" with no label before it.
      for (std::size_t k = 0; k < kReasons.size(); ++k) {
        for (std::size_t at = Find(kFirstReason + k, 0); at != std::string_view::npos;
             at = Find(kFirstReason + k, at + 1)) {
          if (at < 4 || at - 4 >= best || t_[at - 1] != ' ' || !IsStatusAt(at - 4)) continue;
          if (at - 4 > 0 && IsWord(t_[at - 5])) continue;
          best = digits = at - 4;
          break;
        }
      }
    }
    if (best == std::string_view::npos) return;
    f.http_status = (t_[digits] - '0') * 100 + (t_[digits + 1] - '0') * 10 + (t_[digits + 2] - '0');
    std::size_t p = digits + 3;
    if (p < t_.size() && t_[p] == '"') ++p;
    if (p < t_.size() && t_[p] == ' ') ++p;
    for (std::string_view reason : kReasons) {
      if (t_.substr(p, reason.size()) == reason) {
        f.http_reason = Source(p, p + reason.size());
        break;
      }
    }
  }

  void Codes(Fields& f) const {
    for (std::size_t at = Find(kAadsts, 0); at != std::string_view::npos; at = Find(kAadsts, at + 6)) {
      const std::size_t n = DigitsAt(at + 6, 8);
      if (n >= 4 && !AddUnique(f.aadsts, std::string(t_.substr(at + 6, n)))) break;
    }
    for (std::size_t at = Find(kAfCode, 0); at != std::string_view::npos; at = Find(kAfCode, at + 2)) {
      if (at > 0 && IsWord(t_[at - 1])) continue;
      const std::size_t n = DigitsAt(at + 2, 6);
      if (n < 3 || n > 5 || (at + 2 + n < t_.size() && IsWord(t_[at + 2 + n]))) continue;
      if (!AddUnique(f.af_codes, std::string("AF").append(t_.substr(at + 2, n)))) break;
    }
    for (std::size_t at = Find(kOkta, 0); at != std::string_view::npos; at = Find(kOkta, at + 5)) {
      if (at > 0 && IsWord(t_[at - 1])) continue;
      if (DigitsAt(at + 1, 8) != 7 || (at + 8 < t_.size() && IsWord(t_[at + 8]))) continue;
      if (!AddUnique(f.okta_codes, std::string("E").append(t_.substr(at + 1, 7)))) break;
    }
  }

  // Java-style class names ending in Exception or Failure, in order of appearance, as written.
  void Exceptions(Fields& f) const {
    std::vector<std::pair<std::size_t, std::size_t>> found;  // normalized [begin, end)
    for (std::size_t k : {kException, kFailure}) {
      const std::string_view suffix = Keywords()[k];
      for (std::size_t at = Find(k, 0); at != std::string_view::npos; at = Find(k, at + 1)) {
        const std::size_t end = at + suffix.size();
        if (end < t_.size() && (IsWord(t_[end]) || t_[end] == '$')) continue;  // "exceptions."
        std::size_t begin = at;
        while (begin > 0 && at - begin < kMaxNameBack && IsNameChar(t_[begin - 1])) --begin;
        // The simple name after the last '.' of this qualified name (looked for inside the name only).
        const std::size_t dot = t_.substr(begin, end - begin).rfind('.');
        const std::size_t simple = dot != std::string_view::npos ? begin + dot + 1 : begin;
        if (simple < at) found.emplace_back(simple, end);  // a bare "exception" is a word, not a class
      }
    }
    std::sort(found.begin(), found.end());
    for (const auto& [begin, end] : found) {
      std::string name = Source(begin, end);
      // Class names are CamelCase; "a failure" in prose is not an exception.
      if (name.empty() || name[0] < 'A' || name[0] > 'Z') continue;
      if (!AddUnique(f.exceptions, std::move(name))) break;
    }
  }

  void OAuth(Fields& f) const {
    const std::string_view error_key = Keywords()[kError];  // "error":"
    for (std::size_t at = Find(kError, 0); at != std::string_view::npos; at = Find(kError, at + 1)) {
      std::size_t p = at + error_key.size();
      while (p < t_.size() && ((t_[p] >= 'a' && t_[p] <= 'z') || t_[p] == '_')) ++p;
      if (p > at + error_key.size() && p < t_.size() && t_[p] == '"') {
        f.oauth_error = std::string(t_.substr(at + error_key.size(), p - at - error_key.size()));
        break;
      }
    }
    const std::string_view description_key = Keywords()[kDescription];  // "error_description":"
    if (const std::size_t at = Find(kDescription, 0); at != std::string_view::npos) {
      const std::size_t begin = at + description_key.size();
      std::size_t end = t_.find('"', begin);
      end = std::min({end, t_.size(), begin + kMaxDescription});
      if (end > begin) f.oauth_error_description = Source(begin, end);
    }
  }

  void Identifiers(Fields& f) const {
    for (std::size_t at = Find(kTenant, 0); at != std::string_view::npos; at = Find(kTenant, at + 6)) {
      std::size_t p = at + 6;
      if (p < t_.size() && (t_[p] == ' ' || t_[p] == '_' || t_[p] == '-') && t_.substr(p + 1, 2) == "id") p += 3;
      else if (t_.substr(p, 2) == "id") p += 2;
      for (std::size_t skipped = 0; skipped <= 6 && p < t_.size(); ++skipped, ++p) {
        if (IsGuidAt(p)) {
          f.tenant_id = std::string(t_.substr(p, 36));
          break;
        }
        if (IsWord(t_[p])) break;
      }
      if (!f.tenant_id.empty()) break;
    }
    for (std::size_t dash = t_.find('-', 8); dash != std::string_view::npos; dash = t_.find('-', dash + 1)) {
      if (!IsGuidAt(dash - 8)) continue;
      if (!AddUnique(f.guids, std::string(t_.substr(dash - 8, 36)))) break;
      dash += 27;
    }
    for (std::size_t k : {kHttps, kHttp}) {
      const std::string_view scheme = Keywords()[k];
      for (std::size_t at = Find(k, 0); at != std::string_view::npos; at = Find(k, at + 1)) {
        if (at > 0 && IsWord(t_[at - 1])) continue;
        std::size_t end = at + scheme.size();
        while (end < t_.size() && std::string_view(" \"'<>()[]{}`").find(t_[end]) == std::string_view::npos) ++end;
        std::string url = Source(at, end);
        while (!url.empty() && (url.back() == '.' || url.back() == ',' || url.back() == ';')) url.pop_back();
        if (!AddUnique(f.urls, std::move(url))) break;
        at = end - 1;  // the next URL starts after this one ("https://https://..." is read once)
      }
    }
    Hosts(f);
  }

  // JSON payloads in the original text, parsed for real: the most reliable source when present.
  void JsonPayloads(Fields& f) const {
    std::size_t tried = 0;
    std::size_t attempts = 0;
    for (std::size_t at = original_.find('{'); at != std::string_view::npos && tried < kMaxJsonCandidates &&
                                              attempts < kMaxJsonAttempts;
         at = original_.find('{', at + 1)) {
      ++attempts;  // every scan counts: a megabyte of '{' must not scan 64 KB from each of them
      const std::size_t end = ScanJsonValue(original_, at, kMaxJsonBytes, kMaxJsonDepth).end;
      if (end == std::string_view::npos) continue;
      ++tried;
      JsonTree doc;
      if (!doc.Parse(original_.substr(at, end - at), kMaxJsonDepth) || !doc.root().is_object()) continue;
      Harvest(doc.root(), f, 0);
      at = end - 1;
    }
  }

 private:
  // Where keyword k occurs at `from` or after, or npos: looked for only between its first and last places.
  std::size_t Find(std::size_t k, std::size_t from) const {
    if (first_[k] == std::string_view::npos || from > last_[k]) return std::string_view::npos;
    const std::string_view keyword = Keywords()[k];
    return t_.substr(0, last_[k] + keyword.size()).find(keyword, std::max(from, first_[k]));
  }

  static bool AddUnique(std::vector<std::string>& list, std::string value) {
    if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(std::move(value));
    return list.size() < kMaxListed;
  }

  // The original text behind normalized [begin, end).
  std::string Source(std::size_t begin, std::size_t end) const {
    if (begin >= end) return {};
    const Span s = n_.ToSource({begin, end});
    return std::string(original_.substr(s.begin, s.end - s.begin));
  }

  // How many digits start at p (counting at most `limit + 1`, so "more than limit" is visible).
  std::size_t DigitsAt(std::size_t p, std::size_t limit) const {
    std::size_t n = 0;
    while (p + n < t_.size() && n <= limit && IsDigit(t_[p + n])) ++n;
    return n;
  }

  // Three digits 100-599 at p, not followed by another digit or letter.
  bool IsStatusAt(std::size_t p) const {
    if (p + 3 > t_.size() || t_[p] < '1' || t_[p] > '5' || !IsDigit(t_[p + 1]) || !IsDigit(t_[p + 2])) return false;
    return p + 3 == t_.size() || !IsWord(t_[p + 3]);
  }

  // A GUID 8-4-4-4-12 (lowercase hex) at p with word boundaries around it.
  bool IsGuidAt(std::size_t p) const {
    if (p + 36 > t_.size() || (p > 0 && IsWord(t_[p - 1])) || (p + 36 < t_.size() && IsWord(t_[p + 36]))) {
      return false;
    }
    for (std::size_t k = 0; k < 36; ++k) {
      const bool dash = k == 8 || k == 13 || k == 18 || k == 23;
      if (dash ? t_[p + k] != '-' : !IsHex(t_[p + k])) return false;
    }
    return true;
  }

  void Hosts(Fields& f) const {
    std::vector<std::pair<std::size_t, std::size_t>> found;
    for (std::size_t k = 0; k < kTopLevelDomains.size(); ++k) {
      const std::string_view tld = kTopLevelDomains[k];
      for (std::size_t at = Find(kFirstTld + k, 0); at != std::string_view::npos; at = Find(kFirstTld + k, at + 1)) {
        const std::size_t end = at + tld.size();
        if (end < t_.size() && IsWord(t_[end])) continue;
        std::size_t begin = at;
        while (begin > 0 && at - begin < kMaxNameBack && IsHostChar(t_[begin - 1])) --begin;
        while (begin < at && !IsWord(t_[begin])) ++begin;  // "*******.salesforce.com" -> "salesforce.com"
        if (begin < at) found.emplace_back(begin, end);
      }
    }
    std::sort(found.begin(), found.end());
    for (const auto& [begin, end] : found) {
      if (!AddUnique(f.hosts, std::string(t_.substr(begin, end - begin)))) break;
    }
  }

  static void Harvest(const JsonValue& obj, Fields& f, int depth) {
    auto str = [&](const char* key) -> std::string {
      auto it = obj.find(key);
      return it && it->is_string() ? std::string(it->string()) : std::string();
    };
    if (auto it = obj.find("error")) {
      if (it->is_string() && f.oauth_error.empty()) f.oauth_error = it->string();
      if (it->is_object() && depth < 3) Harvest(*it, f, depth + 1);
    }
    if (f.oauth_error_description.empty()) f.oauth_error_description = str("error_description");
    if (auto it = obj.find("code")) {
      if (it->is_string() && f.error_code.empty()) f.error_code = it->string();
      if (it->is_number_integer() && !f.http_status) {
        const auto code = it->integer();
        if (code >= 100 && code <= 599) f.http_status = static_cast<int>(code);
      }
    }
    if (f.error_message.empty()) f.error_message = str("message");
    // Workday and others wrap the vendor's reply as a JSON string inside "serverResponse"/"body".
    for (const char* key : {"serverResponse", "body"}) {
      auto it = obj.find(key);
      if (!it || depth >= 3) continue;
      if (it->is_object()) Harvest(*it, f, depth + 1);
      if (it->is_string()) {
        JsonTree inner;  // reads in place from the outer tree's string, which outlives it
        if (inner.Parse(it->string(), kMaxJsonDepth) && inner.root().is_object()) Harvest(inner.root(), f, depth + 1);
      }
    }
  }

  std::string_view original_;
  const NormalizedText& n_;
  std::string_view t_;
  std::vector<std::size_t> first_;  // by Keyword index: where it first occurs (npos: nowhere)
  std::vector<std::size_t> last_;   // and where it last occurs
};

}  // namespace

Fields ExtractFields(std::string_view original, const NormalizedText& normalized) {
  Fields f;
  const Scanner s(original, normalized);
  s.Status(f);
  s.Codes(f);
  s.Exceptions(f);
  s.OAuth(f);
  s.JsonPayloads(f);
  s.Identifiers(f);
  return f;
}

}  // namespace conndiag
