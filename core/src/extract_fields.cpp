// Field extraction from a pasted error: HTTP status, Microsoft/Okta codes, exceptions, OAuth and JSON fields.
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

#include <boost/regex.hpp>
#include <nlohmann/json.hpp>

#include "conndiag/fields.h"

namespace conndiag {
namespace {

// Enough for any real paste; keeps the output of a hostile megabyte-long paste small.
constexpr std::size_t kMaxListed = 20;
constexpr std::size_t kMaxJsonCandidates = 8;
constexpr std::size_t kMaxJsonBytes = 64 * 1024;
constexpr int kMaxJsonDepth = 32;

const char* const kReasons =
    "bad request|unauthorized|payment required|forbidden|not found|method not allowed|request timeout|"
    "conflict|too many requests|internal server error|bad gateway|service unavailable|gateway timeout|"
    "requete incorrecte|non autorise|interdit|introuvable|erreur de serveur interne";

const boost::regex& StatusAfterLabel() {
  static const boost::regex re(
      std::string("(?:server returned|retourne par le serveur|status code|statuscode|http/\\d(?:\\.\\d)?|"
                  "\"code\":|\"status\":|\"statuscode\":|exception:)\"? ?([1-5]\\d\\d)\\b(?:\"? ?(") +
      kReasons + "))?");
  return re;
}

const boost::regex& StatusWithReason() {
  static const boost::regex re(std::string("\\b([1-5]\\d\\d) (") + kReasons + ")\\b");
  return re;
}

const boost::regex& AfCode() {
  static const boost::regex re("\\baf(\\d{3,5})\\b");
  return re;
}

const boost::regex& OktaCode() {
  static const boost::regex re("\\be(0000\\d{3})\\b");
  return re;
}

const boost::regex& ExceptionName() {
  static const boost::regex re("\\b(?:[a-z_$][a-z0-9_$]*\\.)*[a-z_$][a-z0-9_$]*(?:exception|failure)\\b");
  return re;
}

const boost::regex& OAuthError() {
  static const boost::regex re("\"error\":\"([a-z_]+)\"");
  return re;
}

const boost::regex& OAuthDescription() {
  static const boost::regex re("\"error_description\":\"([^\"]{1,2000})");
  return re;
}

const boost::regex& Guid() {
  static const boost::regex re("\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b");
  return re;
}

const boost::regex& TenantGuid() {
  static const boost::regex re(
      "tenant(?:[ _-]?id)?[^0-9a-z]{0,6}([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\b");
  return re;
}

const boost::regex& Url() {
  static const boost::regex re("\\bhttps?://[^ \"'<>()\\[\\]{}`]+");
  return re;
}

const boost::regex& Host() {
  static const boost::regex re("\\b(?:[a-z0-9*-]+\\.)+(?:com|net|org|io|us|eu|cloud)\\b");
  return re;
}

class Extractor {
 public:
  Extractor(std::string_view original, const NormalizedText& n) : original_(original), n_(n) {}

  // The original text behind normalized [begin, end).
  std::string Source(std::size_t begin, std::size_t end) const {
    if (begin >= end) return {};
    const Span s = n_.ToSource({begin, end});
    return std::string(original_.substr(s.begin, s.end - s.begin));
  }

  template <class Fn>
  void ForEach(const boost::regex& re, Fn&& fn) const {
    const std::string& t = n_.text;
    for (boost::sregex_iterator it(t.begin(), t.end(), re), end; it != end; ++it) {
      if (!fn(*it)) break;
    }
  }

  std::size_t Pos(const boost::ssub_match& m) const {
    return static_cast<std::size_t>(m.first - n_.text.begin());
  }
  std::string SourceOf(const boost::ssub_match& m) const {
    return Source(Pos(m), Pos(m) + static_cast<std::size_t>(m.length()));
  }

  void Status(Fields& f) const {
    boost::smatch m;
    if (boost::regex_search(n_.text, m, StatusAfterLabel()) ||
        boost::regex_search(n_.text, m, StatusWithReason())) {
      f.http_status = std::stoi(m.str(1));
      if (m[2].matched) f.http_reason = SourceOf(m[2]);
    }
  }

  void Codes(Fields& f) const {
    const std::string& t = n_.text;
    for (std::size_t at = t.find("aadsts"); at != std::string::npos; at = t.find("aadsts", at + 6)) {
      std::size_t end = at + 6;
      while (end < t.size() && end - at - 6 < 8 && t[end] >= '0' && t[end] <= '9') ++end;
      if (end - at - 6 >= 4 && !AddUnique(f.aadsts, t.substr(at + 6, end - at - 6))) break;
    }
    ForEach(AfCode(), [&](const boost::smatch& m) { return AddUnique(f.af_codes, std::string("AF").append(m.str(1))); });
    ForEach(OktaCode(), [&](const boost::smatch& m) { return AddUnique(f.okta_codes, std::string("E").append(m.str(1))); });
  }

  void Exceptions(Fields& f) const {
    ForEach(ExceptionName(), [&](const boost::smatch& m) {
      std::string name = SourceOf(m[0]);
      const auto dot = name.rfind('.');
      if (dot != std::string::npos) name.erase(0, dot + 1);
      // Class names are CamelCase; a lowercase "failure" in prose is not an exception.
      if (name.empty() || name[0] < 'A' || name[0] > 'Z') return true;
      return AddUnique(f.exceptions, name);
    });
  }

  void OAuth(Fields& f) const {
    boost::smatch m;
    if (boost::regex_search(n_.text, m, OAuthError())) f.oauth_error = m.str(1);
    if (boost::regex_search(n_.text, m, OAuthDescription())) f.oauth_error_description = SourceOf(m[1]);
  }

  void Identifiers(Fields& f) const {
    boost::smatch m;
    if (boost::regex_search(n_.text, m, TenantGuid())) f.tenant_id = m.str(1);
    ForEach(Guid(), [&](const boost::smatch& g) { return AddUnique(f.guids, g.str(0)); });
    ForEach(Url(), [&](const boost::smatch& u) {
      std::string url = SourceOf(u[0]);
      while (!url.empty() && (url.back() == '.' || url.back() == ',' || url.back() == ';')) url.pop_back();
      return AddUnique(f.urls, url);
    });
    ForEach(Host(), [&](const boost::smatch& h) { return AddUnique(f.hosts, h.str(0)); });
  }

  // JSON payloads in the original text, parsed for real: the most reliable source when present.
  void JsonPayloads(Fields& f) const {
    std::size_t tried = 0;
    for (std::size_t at = original_.find('{'); at != std::string_view::npos && tried < kMaxJsonCandidates;
         at = original_.find('{', at + 1)) {
      const std::size_t end = BalancedEnd(at);
      if (end == std::string_view::npos) continue;
      ++tried;
      auto doc = nlohmann::json::parse(original_.substr(at, end - at), nullptr, false);
      if (doc.is_discarded() || !doc.is_object()) continue;
      Harvest(doc, f, 0);
      at = end - 1;
    }
  }

 private:
  static bool AddUnique(std::vector<std::string>& list, std::string value) {
    if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(std::move(value));
    return list.size() < kMaxListed;
  }

  // End (exclusive) of the JSON object starting at `begin`, or npos if it does not close within limits.
  std::size_t BalancedEnd(std::size_t begin) const {
    int depth = 0;
    bool in_string = false;
    const std::size_t limit = std::min(original_.size(), begin + kMaxJsonBytes);
    for (std::size_t i = begin; i < limit; ++i) {
      const char c = original_[i];
      if (in_string) {
        if (c == '\\') ++i;
        else if (c == '"') in_string = false;
      } else if (c == '"') {
        in_string = true;
      } else if (c == '{' || c == '[') {
        if (++depth > kMaxJsonDepth) return std::string_view::npos;
      } else if (c == '}' || c == ']') {
        if (--depth == 0) return i + 1;
      }
    }
    return std::string_view::npos;
  }

  static void Harvest(const nlohmann::json& obj, Fields& f, int depth) {
    auto str = [&](const char* key) -> std::string {
      auto it = obj.find(key);
      return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    if (auto it = obj.find("error"); it != obj.end()) {
      if (it->is_string() && f.oauth_error.empty()) f.oauth_error = it->get<std::string>();
      if (it->is_object() && depth < 3) Harvest(*it, f, depth + 1);
    }
    if (f.oauth_error_description.empty()) f.oauth_error_description = str("error_description");
    if (auto it = obj.find("code"); it != obj.end()) {
      if (it->is_string() && f.error_code.empty()) f.error_code = it->get<std::string>();
      if (it->is_number_integer() && !f.http_status) {
        const auto code = it->get<long long>();
        if (code >= 100 && code <= 599) f.http_status = static_cast<int>(code);
      }
    }
    if (f.error_message.empty()) f.error_message = str("message");
    // Workday and others wrap the vendor's reply as a JSON string inside "serverResponse"/"body".
    for (const char* key : {"serverResponse", "body"}) {
      auto it = obj.find(key);
      if (it == obj.end() || depth >= 3) continue;
      if (it->is_object()) Harvest(*it, f, depth + 1);
      if (it->is_string()) {
        auto inner = nlohmann::json::parse(it->get<std::string>(), nullptr, false);
        if (!inner.is_discarded() && inner.is_object()) Harvest(inner, f, depth + 1);
      }
    }
  }

  std::string_view original_;
  const NormalizedText& n_;
};

}  // namespace

Fields ExtractFields(std::string_view original, const NormalizedText& normalized) {
  Fields f;
  const Extractor x(original, normalized);
  x.Status(f);
  x.Codes(f);
  x.Exceptions(f);
  x.OAuth(f);
  x.JsonPayloads(f);
  x.Identifiers(f);
  return f;
}

}  // namespace conndiag
