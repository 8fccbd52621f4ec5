// Checked fields of a knowledge base's JSON: types, limits, languages, and the JSON pointer of a problem.
#include "kb_fields.h"

#include <algorithm>

namespace conndiag {

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

bool JsonFields::Known(const JsonValue& obj, const std::string& path, std::initializer_list<std::string_view> keys) {
  for (const auto& [key, value] : obj.members()) {
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      std::string list;
      for (auto k : keys) list += (list.empty() ? "" : ", ") + std::string(k);
      Fail(path + "/" + Token(key), "unknown field \"" + std::string(key) + "\" (expected one of: " + list + ")");
      return false;
    }
  }
  return true;
}

bool JsonFields::String(const JsonValue& obj, const std::string& path, const char* key, std::string& out,
                        bool required) {
  auto it = obj.find(key);
  if (!it) {
    if (required) Fail(path + "/" + key, "required field is missing");
    return !required;
  }
  if (!it->is_string()) return Fail(path + "/" + key, "must be a string"), false;
  out = it->string();
  if (required && out.empty()) return Fail(path + "/" + key, "must not be empty"), false;
  return true;
}

bool JsonFields::StringList(const JsonValue& obj, const std::string& path, const char* key,
                            std::vector<std::string>& out, bool required, std::size_t max_len) {
  auto it = obj.find(key);
  const std::string here = path + "/" + key;
  if (!it) {
    if (required) Fail(here, "required field is missing");
    return !required;
  }
  if (!it->is_array()) return Fail(here, "must be an array of strings"), false;
  if (required && it->empty()) return Fail(here, "must not be empty"), false;
  for (std::size_t i = 0; i < it->size(); ++i) {
    const JsonValue v = (*it)[i];
    // The item's path is made only for an error: a knowledge base has thousands of items.
    const auto at = [&] { return here + "/" + std::to_string(i); };
    if (!v.is_string()) return Fail(at(), "must be a string"), false;
    const std::string_view s = v.string();
    if (s.empty()) return Fail(at(), "must not be empty"), false;
    if (s.size() > max_len) return Fail(at(), "longer than " + std::to_string(max_len) + " characters"), false;
    out.emplace_back(s);
  }
  return true;
}

// A {lang: text} object that has every language of the knowledge base.
bool JsonFields::Texts(const JsonValue& obj, const std::string& path, const char* key, Localized& out,
                       bool all_languages) {
  auto it = obj.find(key);
  const std::string here = path + "/" + key;
  if (!it) return Fail(here, "required field is missing"), false;
  if (!it->is_object() || it->empty()) return Fail(here, "must be an object of texts by language"), false;
  for (const auto& [lang, text] : it->members()) {
    if (!text.is_string() || text.string().empty()) {
      return Fail(here + "/" + Token(lang), "must be a non-empty string"), false;
    }
    out[std::string(lang)] = text.string();
  }
  if (all_languages) {
    for (const auto& lang : *languages_) {
      if (!out.count(lang)) return Fail(here + "/" + lang, "missing the \"" + lang + "\" text"), false;
    }
  }
  return true;
}

bool JsonFields::Steps(const JsonValue& obj, const std::string& path, LocalizedSteps& out) {
  auto it = obj.find("fix");
  const std::string here = path + "/fix";
  if (!it) return Fail(here, "required field is missing"), false;
  if (!it->is_object()) return Fail(here, "must be an object of step lists by language"), false;
  for (const auto& lang : *languages_) {
    if (!it->contains(lang)) return Fail(here + "/" + lang, "missing the \"" + lang + "\" steps"), false;
  }
  for (const auto& [lang, steps] : it->members()) {
    std::vector<std::string> list;
    const std::string key(lang);
    if (!StringList(*it, here, key.c_str(), list, true, 4000)) return false;
    out[key] = std::move(list);
  }
  return true;
}

namespace {
constexpr std::size_t kMaxAddress = 2000;

// Only https: a page shows these as links, and anything else (javascript:, data:, http:) is refused.
bool IsHttpsAddress(const std::string& s) { return s.rfind("https://", 0) == 0 && s.size() <= kMaxAddress; }
}  // namespace

bool JsonFields::HttpsAddress(const JsonValue& obj, const std::string& path, const char* key, std::string& out,
                              bool required) {
  if (!String(obj, path, key, out, required)) return false;
  if (!out.empty() && !IsHttpsAddress(out)) return Fail(path + "/" + key, "must be an https:// address"), false;
  return true;
}

bool JsonFields::Urls(const JsonValue& obj, const std::string& path, const char* key, std::vector<std::string>& out) {
  if (!StringList(obj, path, key, out, false, kMaxAddress)) return false;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (!IsHttpsAddress(out[i])) {
      return Fail(path + "/" + key + "/" + std::to_string(i), "must be an https:// address"), false;
    }
  }
  return true;
}

}  // namespace conndiag
