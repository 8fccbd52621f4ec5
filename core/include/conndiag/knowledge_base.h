// The knowledge base as plain data, and its loader from JSON (data/kb.json's format).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "conndiag/expected.h"

namespace conndiag {

// Text in several languages, keyed by language code ("en", "fr").
using Localized = std::map<std::string, std::string>;
using LocalizedSteps = std::map<std::string, std::vector<std::string>>;

struct App {
  std::string key;                 // "office365"; "all" for rows that apply to every app
  Localized name;                  // "Microsoft 365 (Office 365)"
  std::vector<std::string> clues;  // literals in normalized form whose presence names this app
};

struct Entry {
  std::string id;                     // stable: tests, links and bookmarks use it
  int row = 0;                        // row of the troubleshooting table; 0 for code-table entries
  std::string source;                 // "connector" or "code-table"
  std::vector<std::string> apps;      // app keys
  std::string kind;                   // authentication, license, permission, ...
  std::string action;                 // reconnect, test-now, contact-support, ...
  Localized message;                  // the error text as the product prints it, verbatim
  std::vector<std::string> patterns;  // all must match (regexes over normalized text)
  std::vector<std::string> hints;     // optional regexes; each one that matches adds evidence
  Localized cause;
  LocalizedSteps fix;
  std::string link;                   // the vendor's page for this code, or empty
  bool fallback = false;              // a catch-all: ranks below specific entries, never confident
};

struct KnowledgeBase {
  std::string version;
  std::vector<std::string> languages;  // every Localized field has each of these
  std::vector<App> apps;
  std::vector<Entry> entries;

  // The app with this key, or nullptr.
  const App* FindApp(std::string_view key) const;
};

// Limits on a knowledge base, so a hostile custom file cannot exhaust memory or time at load.
inline constexpr std::size_t kMaxKnowledgeBaseBytes = 8u << 20;
inline constexpr std::size_t kMaxEntries = 10000;
inline constexpr std::size_t kMaxPatternLength = 2000;

// The text in `lang`, else the English one, else any; the same for step lists. Empty when there is none.
std::string InLanguage(const Localized& texts, const std::string& lang);
std::vector<std::string> InLanguage(const LocalizedSteps& texts, const std::string& lang);

// The app's display name in `lang`, or the key itself for an unknown app.
std::string AppName(const KnowledgeBase& kb, std::string_view key, const std::string& lang);

// Parses and checks the structure of a knowledge base: required fields and types, unique ids, known
// app keys, every language present. Patterns are not compiled here (Classifier does that).
// On failure the error names the JSON pointer of the first problem.
Expected<KnowledgeBase> ParseKnowledgeBase(std::string_view json);

}  // namespace conndiag
