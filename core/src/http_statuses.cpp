// The shared wordings of an HTTP status: read from "http_statuses", expanded into one pattern per status.
#include "http_statuses.h"

#include <string_view>

namespace conndiag {
namespace {

constexpr std::string_view kPlaceholder = "{status}";
constexpr std::size_t kMaxWordings = 64;

std::string Alternation(const std::vector<std::string>& items, std::string_view after = "") {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += '|';
    out += item;
    out += after;
  }
  return out;
}

bool StatusForms(JsonFields& fields, const JsonValue& v, const std::string& path, HttpStatusWordings::Forms& forms) {
  if (!v.is_object()) return fields.Fail(path, "must be an object: {\"reasons\", \"alone\"}"), false;
  if (!fields.Known(v, path, {"reasons", "alone"})) return false;
  if (!fields.StringList(v, path, "reasons", forms.reasons, true, kMaxPatternLength)) return false;
  if (!fields.StringList(v, path, "alone", forms.alone, false, kMaxPatternLength)) return false;
  if (forms.reasons.size() > kMaxWordings || forms.alone.size() > kMaxWordings) {
    return fields.Fail(path, "more than " + std::to_string(kMaxWordings) + " wordings"), false;
  }
  return true;
}

}  // namespace

bool ReadHttpStatuses(JsonFields& fields, const JsonValue& root, HttpStatusWordings& out) {
  auto it = root.find("http_statuses");
  if (!it) return true;
  const std::string here = "/http_statuses";
  if (!it->is_object()) return fields.Fail(here, "must be an object"), false;
  if (!fields.Known(*it, here, {"name", "before_number", "statuses", "sources"})) return false;
  if (!fields.Texts(*it, here, "name", out.name, true)) return false;
  for (const auto& [lang, text] : out.name) {
    if (text.find(kPlaceholder) == std::string::npos) {
      return fields.Fail(here + "/name/" + Token(lang), "must contain {status}, where the number goes"), false;
    }
  }
  if (!fields.StringList(*it, here, "before_number", out.before_number, true, 200)) return false;
  if (out.before_number.size() > kMaxWordings) {
    return fields.Fail(here + "/before_number", "more than " + std::to_string(kMaxWordings) + " wordings"), false;
  }
  if (!fields.Urls(*it, here, "sources", out.sources)) return false;
  auto statuses = it->find("statuses");
  if (!statuses) return fields.Fail(here + "/statuses", "required field is missing"), false;
  if (!statuses->is_object() || statuses->empty()) {
    return fields.Fail(here + "/statuses", "must be a non-empty object keyed by status number (\"401\")"), false;
  }
  for (const auto& [key, value] : statuses->members()) {
    const std::string at = here + "/statuses/" + Token(key);
    const bool three_digits = key.size() == 3 && key[0] >= '1' && key[0] <= '5' &&
                              key[1] >= '0' && key[1] <= '9' && key[2] >= '0' && key[2] <= '9';
    if (!three_digits) return fields.Fail(at, "status keys are HTTP status numbers, 100 to 599"), false;
    if (!StatusForms(fields, value, at, out.statuses[std::stoi(std::string(key))])) return false;
  }
  return true;
}

std::string StatusPattern(const HttpStatusWordings& wordings, int status) {
  const std::string number = std::to_string(status);
  const HttpStatusWordings::Forms& forms = wordings.statuses.at(status);
  // "401 Unauthorized", "(401) Unauthorized", "401 - Unauthorized", "401: (Unauthorized)", and Python
  // requests' "401 Client Error: Unauthorized for url"
  std::string pattern =
      "\\b" + number + "\\)?[ :|-]{0,3}\\(?(?:(?:client|server) error:)?(?:" + Alternation(forms.reasons) + ")\\b";
  // "status code 401", "HTTP:401": the number ends a word, so "error 4012" is not a 401
  if (!wordings.before_number.empty()) pattern += "|(?:" + Alternation(wordings.before_number, number) + ")\\b";
  for (const auto& alone : forms.alone) pattern += "|\\b" + alone + "\\b";
  return pattern;
}

Localized StatusName(const HttpStatusWordings& wordings, int status) {
  Localized out;
  for (const auto& [lang, text] : wordings.name) {
    std::string named = text;
    named.replace(named.find(kPlaceholder), kPlaceholder.size(), std::to_string(status));
    out[lang] = std::move(named);
  }
  return out;
}

}  // namespace conndiag
