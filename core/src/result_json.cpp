// Serializes results to the JSON shapes of interfaces.md, with spans in UTF-8 bytes or UTF-16 units.
#include "conndiag/result_json.h"

#include <algorithm>
#include <cmath>

namespace conndiag {
namespace {

using json = nlohmann::ordered_json;

json OrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }
json FirstOrNull(const std::vector<std::string>& v) { return v.empty() ? json(nullptr) : json(v.front()); }

std::string InLanguage(const Localized& texts, const std::string& lang) {
  if (auto it = texts.find(lang); it != texts.end()) return it->second;
  if (auto it = texts.find("en"); it != texts.end()) return it->second;
  return texts.empty() ? std::string() : texts.begin()->second;
}

}  // namespace

std::vector<std::size_t> Utf16Offsets(std::string_view text, const std::vector<std::size_t>& offsets) {
  std::vector<std::size_t> sorted = offsets;
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::size_t> converted_sorted;
  converted_sorted.reserve(sorted.size());
  std::size_t byte = 0;
  std::size_t units = 0;
  for (std::size_t target : sorted) {
    while (byte < target && byte < text.size()) {
      const auto b = static_cast<unsigned char>(text[byte]);
      std::size_t len = 1;
      if (b >= 0xF0 && b <= 0xF4) len = 4;
      else if (b >= 0xE0) len = 3;
      else if (b >= 0xC2 && b < 0xE0) len = 2;
      bool valid = len > 1 && byte + len <= text.size();
      for (std::size_t k = 1; valid && k < len; ++k) {
        valid = (static_cast<unsigned char>(text[byte + k]) & 0xC0) == 0x80;
      }
      if (!valid) len = 1;
      units += (valid && len == 4) ? 2 : 1;
      byte += len;
    }
    converted_sorted.push_back(units);
  }
  std::vector<std::size_t> out;
  out.reserve(offsets.size());
  for (std::size_t o : offsets) {
    const auto at = static_cast<std::size_t>(std::lower_bound(sorted.begin(), sorted.end(), o) - sorted.begin());
    out.push_back(converted_sorted[at]);
  }
  return out;
}

nlohmann::ordered_json FieldsToJson(const Fields& f) {
  return json{
      {"http_status", f.http_status ? json(*f.http_status) : json(nullptr)},
      {"http_reason", OrNull(f.http_reason)},
      {"aadsts", f.aadsts},
      {"af_code", FirstOrNull(f.af_codes)},
      {"af_codes", f.af_codes},
      {"okta_codes", f.okta_codes},
      {"exception", FirstOrNull(f.exceptions)},
      {"exceptions", f.exceptions},
      {"oauth_error", OrNull(f.oauth_error)},
      {"oauth_error_description", OrNull(f.oauth_error_description)},
      {"error_code", OrNull(f.error_code)},
      {"error_message", OrNull(f.error_message)},
      {"tenant_id", OrNull(f.tenant_id)},
      {"guids", f.guids},
      {"urls", f.urls},
      {"hosts", f.hosts},
  };
}

nlohmann::ordered_json ResultToJson(const KnowledgeBase& kb, const Result& result, const Options& options, std::string_view text,
                  OffsetUnit unit) {
  json matches = json::array();
  for (const Match& m : result.matches) {
    std::vector<std::size_t> offsets;
    for (const Span& s : m.spans) {
      offsets.push_back(s.begin);
      offsets.push_back(s.end);
    }
    if (unit == OffsetUnit::kUtf16Units) offsets = Utf16Offsets(text, offsets);
    json spans = json::array();
    for (std::size_t i = 0; i + 1 < offsets.size(); i += 2) spans.push_back({offsets[i], offsets[i + 1]});
    const App* app = kb.FindApp(m.app);
    matches.push_back({
        {"id", m.entry->id},
        {"app", m.app},
        {"app_name", app ? InLanguage(app->name, options.lang) : m.app},
        {"score", std::round(m.score * 1000.0) / 1000.0},
        {"confident", m.confident},
        {"cause", m.cause},
        {"fix", m.fix},
        {"spans", spans},
        {"evidence", m.evidence},
        {"kind", m.entry->kind},
        {"action", m.entry->action},
        {"source", m.entry->source},
        {"row", m.entry->row > 0 ? json(m.entry->row) : json(nullptr)},
        {"message", InLanguage(m.entry->message, options.lang)},
        {"link", OrNull(m.entry->link)},
    });
  }
  return json{
      {"matches", matches},
      {"app_guess", result.app_guess ? json(*result.app_guess) : json(nullptr)},
      {"fields", FieldsToJson(result.fields)},
      {"warnings", result.warnings},
  };
}

nlohmann::ordered_json LogEventToJson(const KnowledgeBase& kb, const LogEvent& event, const Options& options, OffsetUnit unit) {
  json out = ResultToJson(kb, event.result, options, event.text, unit);
  json line{{"line", event.line}, {"last_line", event.last_line}, {"count", event.count}, {"text", event.text}};
  line.update(out);
  return line;
}

}  // namespace conndiag
