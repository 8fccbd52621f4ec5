// Checked fields of a knowledge base's JSON: types, limits, languages, and the JSON pointer of a problem.
#include "kb_fields.h"

#include <algorithm>

namespace conndiag {

using nlohmann::json;

bool IsKey(const std::string& s, std::size_t max_len) {
  if (s.empty() || s.size() > max_len) return false;
  auto ok = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'; };
  return std::all_of(s.begin(), s.end(), ok) && s.front() != '-';
}

// JSON pointer escaping of one reference token (RFC 6901).
std::string Token(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

Error JsonFields::Fail(std::string path, std::string message) {
  error_ = Error{std::move(path), std::move(message)};
  return error_;
}

bool JsonFields::Known(const json& obj, const std::string& path, std::initializer_list<std::string_view> keys) {
  for (const auto& [key, value] : obj.items()) {
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      std::string list;
      for (auto k : keys) list += (list.empty() ? "" : ", ") + std::string(k);
      Fail(path + "/" + Token(key), "unknown field \"" + key + "\" (expected one of: " + list + ")");
      return false;
    }
  }
  return true;
}

bool JsonFields::String(const json& obj, const std::string& path, const char* key, std::string& out, bool required) {
  auto it = obj.find(key);
  if (it == obj.end()) {
    if (required) Fail(path + "/" + key, "required field is missing");
    return !required;
  }
  if (!it->is_string()) return Fail(path + "/" + key, "must be a string"), false;
  out = *it->get_ptr<const std::string*>();
  if (required && out.empty()) return Fail(path + "/" + key, "must not be empty"), false;
  return true;
}

bool JsonFields::StringList(const json& obj, const std::string& path, const char* key, std::vector<std::string>& out,
                bool required, std::size_t max_len) {
  auto it = obj.find(key);
  const std::string here = path + "/" + key;
  if (it == obj.end()) {
    if (required) Fail(here, "required field is missing");
    return !required;
  }
  if (!it->is_array()) return Fail(here, "must be an array of strings"), false;
  if (required && it->empty()) return Fail(here, "must not be empty"), false;
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& v = (*it)[i];
    // The item's path is made only for an error: a knowledge base has thousands of items.
    const auto at = [&] { return here + "/" + std::to_string(i); };
    const auto* s = v.get_ptr<const std::string*>();
    if (!s) return Fail(at(), "must be a string"), false;
    if (s->empty()) return Fail(at(), "must not be empty"), false;
    if (s->size() > max_len) return Fail(at(), "longer than " + std::to_string(max_len) + " characters"), false;
    out.push_back(*s);
  }
  return true;
}

// A {lang: text} object that has every language of the knowledge base.
bool JsonFields::Texts(const json& obj, const std::string& path, const char* key, Localized& out, bool all_languages) {
  auto it = obj.find(key);
  const std::string here = path + "/" + key;
  if (it == obj.end()) return Fail(here, "required field is missing"), false;
  if (!it->is_object() || it->empty()) return Fail(here, "must be an object of texts by language"), false;
  for (const auto& [lang, text] : it->items()) {
    const auto* s = text.get_ptr<const std::string*>();
    if (!s || s->empty()) return Fail(here + "/" + Token(lang), "must be a non-empty string"), false;
    out[lang] = *s;
  }
  if (all_languages) {
    for (const auto& lang : *languages_) {
      if (!out.count(lang)) return Fail(here + "/" + lang, "missing the \"" + lang + "\" text"), false;
    }
  }
  return true;
}

bool JsonFields::Steps(const json& obj, const std::string& path, LocalizedSteps& out) {
  auto it = obj.find("fix");
  const std::string here = path + "/fix";
  if (it == obj.end()) return Fail(here, "required field is missing"), false;
  if (!it->is_object()) return Fail(here, "must be an object of step lists by language"), false;
  for (const auto& lang : *languages_) {
    if (!it->contains(lang)) return Fail(here + "/" + lang, "missing the \"" + lang + "\" steps"), false;
  }
  for (const auto& [lang, steps] : it->items()) {
    std::vector<std::string> list;
    if (!StringList(*it, here, lang.c_str(), list, true, 4000)) return false;
    out[lang] = std::move(list);
  }
  return true;
}

namespace {
constexpr std::size_t kMaxAddress = 2000;

// Only https: a page shows these as links, and anything else (javascript:, data:, http:) is refused.
bool IsHttpsAddress(const std::string& s) { return s.rfind("https://", 0) == 0 && s.size() <= kMaxAddress; }
}  // namespace

bool JsonFields::HttpsAddress(const json& obj, const std::string& path, const char* key, std::string& out,
                              bool required) {
  if (!String(obj, path, key, out, required)) return false;
  if (!out.empty() && !IsHttpsAddress(out)) return Fail(path + "/" + key, "must be an https:// address"), false;
  return true;
}

bool JsonFields::Urls(const json& obj, const std::string& path, const char* key, std::vector<std::string>& out) {
  if (!StringList(obj, path, key, out, false, kMaxAddress)) return false;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (!IsHttpsAddress(out[i])) {
      return Fail(path + "/" + key + "/" + std::to_string(i), "must be an https:// address"), false;
    }
  }
  return true;
}

}  // namespace conndiag
