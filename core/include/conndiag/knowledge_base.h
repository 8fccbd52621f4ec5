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

  bool operator==(const App&) const = default;
};

// One way an entry's error shows up in text: the connector's own wrapper, the vendor's API body, an
// SDK's exception, a localized operating-system message. An entry is recognized by any of them.
struct Signature {
  std::string id;                     // unique within its entry: "connector", "box-oauth-invalid-refresh"
  Localized name;                     // what it is, for the explanation; may be empty (the id is shown)
  int status = 0;                     // an HTTP status whose shared wordings make its first pattern, or 0
  std::vector<std::string> patterns;  // all must match (regexes over normalized text)
  std::vector<std::string> hints;     // optional regexes; each one that matches adds evidence
  std::vector<std::string> sources;   // public addresses where this exact wording appears
  std::vector<std::string> examples;  // texts it must recognize (verbatim from the sources)
  bool decisive = false;              // names the event on its own (an exact vendor code or phrase)
  bool weak = false;                  // says little on its own (a bare HTTP status): at most "possible"
  std::string path;                   // JSON pointer of its patterns' parent, for error messages

  bool operator==(const Signature&) const = default;
};

// Where a row of Microsoft's troubleshooting table was last compared with Microsoft's page, so a maintainer
// sees which rows are stale when the page changes. Exactly one of `checked` and `missing` is set.
struct Reference {
  std::string url;       // https:// address of the page; empty: the entry has no reference
  std::string checked;   // YYYY-MM-DD: the row's error text was on the page that day
  std::string missing;   // YYYY-MM-DD: the row's error text was not on the page that day
  std::string revision;  // the page's docs commit (hex) compared against, or empty

  bool operator==(const Reference&) const = default;
};

struct Entry {
  std::string id;                     // stable: tests, links and bookmarks use it
  int row = 0;                        // row of the troubleshooting table; 0 for code-table entries
  std::string source;                 // "connector" (Microsoft's table), "vendor" (from vendor documentation),
                                      // "code-table" or "custom"
  std::vector<std::string> apps;      // app keys
  std::string kind;                   // authentication, license, permission, ...
  std::string action;                 // reconnect, test-now, contact-support, ...
  Localized message;                  // the error text as the product prints it, verbatim
  std::vector<Signature> signatures;  // at least one; a file's plain "patterns"/"hints" make one
  Localized cause;
  LocalizedSteps fix;
  std::string link;                   // the vendor's page for this code, or empty
  std::vector<std::string> sources;   // where the cause and fix come from (public addresses)
  Reference reference;                // rows of Microsoft's table: the page and when it was last checked
  // Code entries only: the connector rows that are the same event (one per app). When the code is
  // found and the row's app is known, the answer is the row, with the code's reason.
  std::vector<std::string> same_event;
  bool fallback = false;              // a catch-all: ranks below specific entries, never confident

  bool operator==(const Entry&) const = default;
};

struct KnowledgeBase {
  std::string version;
  std::vector<std::string> languages;  // every Localized field has each of these
  std::vector<App> apps;
  std::vector<Entry> entries;

  // The app with this key, or nullptr.
  const App* FindApp(std::string_view key) const;
  // The entry with this id, or nullptr.
  const Entry* FindEntry(std::string_view id) const;

  bool operator==(const KnowledgeBase&) const = default;
};

// Limits on a knowledge base, so a hostile custom file cannot exhaust memory or time at load.
inline constexpr std::size_t kMaxKnowledgeBaseBytes = 8u << 20;
inline constexpr std::size_t kMaxEntries = 10000;
inline constexpr std::size_t kMaxPatternLength = 2000;
inline constexpr std::size_t kMaxSignatures = 64;  // per entry

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
