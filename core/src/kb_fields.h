// Checked fields of a knowledge base's JSON (internal to core): each reader checks one field's type and
// limits and, on a problem, keeps the first error with the JSON pointer of where it is.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "conndiag/expected.h"
#include "conndiag/knowledge_base.h"
#include "json_tree.h"

namespace conndiag {

// Whether `s` is a key: 1..max_len of lowercase letters, digits, '-' and '_', not starting with '-'.
bool IsKey(const std::string& s, std::size_t max_len);

// JSON pointer escaping of one reference token (RFC 6901).
std::string Token(std::string_view key);

class JsonFields {
 public:
  // `languages`: the knowledge base's, once read; texts by language are checked against them.
  explicit JsonFields(const std::vector<std::string>& languages) : languages_(&languages) {}

  const Error& error() const { return error_; }

  // Records the problem (the last one recorded is kept) and returns it.
  Error Fail(std::string path, std::string message);
  // False (with the error) when `obj` has a key not in `keys`.
  bool Known(const JsonValue& obj, const std::string& path, std::initializer_list<std::string_view> keys);
  // obj[key] as a string; a required one must be present and non-empty.
  bool String(const JsonValue& obj, const std::string& path, const char* key, std::string& out, bool required);
  // obj[key] as an array of non-empty strings of at most max_len characters, appended to `out`.
  bool StringList(const JsonValue& obj, const std::string& path, const char* key, std::vector<std::string>& out,
                  bool required, std::size_t max_len);
  // A {lang: text} object; with all_languages, it has every language of the knowledge base.
  bool Texts(const JsonValue& obj, const std::string& path, const char* key, Localized& out, bool all_languages);
  // obj["fix"]: step lists by language, one for every language of the knowledge base.
  bool Steps(const JsonValue& obj, const std::string& path, LocalizedSteps& out);
  // obj[key] as one https:// address (a page a user may be sent to), at most 2,000 characters.
  bool HttpsAddress(const JsonValue& obj, const std::string& path, const char* key, std::string& out, bool required);
  // obj[key] as a list of https:// addresses.
  bool Urls(const JsonValue& obj, const std::string& path, const char* key, std::vector<std::string>& out);

 private:
  const std::vector<std::string>* languages_;
  Error error_;
};

}  // namespace conndiag
