// Loads a knowledge base from JSON and checks everything the core relies on, naming the JSON path of a problem.
#include <algorithm>
#include <array>
#include <set>
#include <string>
#include <string_view>

#include "conndiag/join.h"
#include "conndiag/knowledge_base.h"
#include "http_statuses.h"
#include "json_tree.h"
#include "kb_fields.h"

namespace conndiag {
namespace {

constexpr std::array<std::string_view, 4> kSources = {"connector", "vendor", "code-table", "custom"};
constexpr std::array<std::string_view, 7> kKinds = {"authentication", "license",  "permission",   "transient",
                                                   "internal",       "quota",    "configuration"};
constexpr std::array<std::string_view, 9> kActions = {"reconnect",       "test-now",         "contact-support",
                                                     "upgrade-license", "check-app-status", "retry-later",
                                                     "reset-settings",  "enable-setting",   "check-account"};
constexpr int kMaxNesting = 64;

// "YYYY-MM-DD" naming a day that exists (2026-02-29 does not, 2028-02-29 does).
bool IsCalendarDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  const int year = std::stoi(s.substr(0, 4)), month = std::stoi(s.substr(5, 2)), day = std::stoi(s.substr(8, 2));
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return day <= kDays[static_cast<std::size_t>(month - 1)] + (month == 2 && leap ? 1 : 0);
}

template <std::size_t N>
bool OneOf(const std::array<std::string_view, N>& set, const std::string& value) {
  return std::find(set.begin(), set.end(), value) != set.end();
}

class Loader : JsonFields {
 public:
  // The fields check texts against kb_.languages, read first (only its address is taken here).
  Loader() : JsonFields(kb_.languages) {}

  Expected<KnowledgeBase> Load(const JsonValue& root) {
    if (!root.is_object()) return Fail("", "the knowledge base must be a JSON object");
    if (root.contains("extends")) {
      return Fail("/extends", "this file extends another knowledge base: load it together with the one it "
                              "extends (the CLI's --kb and the page's kb-src do)");
    }
    if (!Known(root, "", {"$schema", "description", "version", "languages", "apps", "http_statuses", "entries"})) {
      return error();
    }
    if (!String(root, "", "version", kb_.version, true)) return error();
    if (!Languages(root)) return error();
    if (!Apps(root)) return error();
    if (!ReadHttpStatuses(*this, root, statuses_)) return error();
    if (!Entries(root)) return error();
    return std::move(kb_);
  }

 private:
  bool Languages(const JsonValue& root) {
    if (!StringList(root, "", "languages", kb_.languages, true, 8)) return false;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < kb_.languages.size(); ++i) {
      if (!IsKey(kb_.languages[i], 8)) return Fail("/languages/" + std::to_string(i), "not a language code"), false;
      if (!seen.insert(kb_.languages[i]).second) {
        return Fail("/languages/" + std::to_string(i), "duplicate language"), false;
      }
    }
    return true;
  }

  bool Apps(const JsonValue& root) {
    auto it = root.find("apps");
    if (!it) return Fail("/apps", "required field is missing"), false;
    if (!it->is_object() || it->empty()) return Fail("/apps", "must be a non-empty object keyed by app"), false;
    for (const auto& [key, value] : it->members()) {
      const std::string path = "/apps/" + Token(key);
      if (!IsKey(std::string(key), 32)) return Fail(path, "app keys are lowercase letters, digits and '-'"), false;
      if (!value.is_object()) return Fail(path, "must be an object"), false;
      if (!Known(value, path, {"name", "clues"})) return false;
      App app;
      app.key = key;
      if (!Texts(value, path, "name", app.name, true)) return false;
      if (!StringList(value, path, "clues", app.clues, false, 200)) return false;
      for (std::size_t i = 0; i < app.clues.size(); ++i) {
        const auto& clue = app.clues[i];
        if (std::any_of(clue.begin(), clue.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) ||
            clue.find(' ') == 0 || clue.back() == ' ') {
          return Fail(path + "/clues/" + std::to_string(i),
                      "clues are matched against normalized text: lowercase, no leading or trailing space"),
                 false;
        }
      }
      kb_.apps.push_back(std::move(app));
    }
    return true;
  }

  bool Entries(const JsonValue& root) {
    auto it = root.find("entries");
    if (!it) return Fail("/entries", "required field is missing"), false;
    if (!it->is_array()) return Fail("/entries", "must be an array"), false;
    if (it->size() > kMaxEntries) {
      return Fail("/entries", "more than " + std::to_string(kMaxEntries) + " entries"), false;
    }
    std::set<std::string> ids;
    for (std::size_t i = 0; i < it->size(); ++i) {
      Entry e;
      const std::string path = "/entries/" + std::to_string(i);
      if (!EntryAt((*it)[i], path, e)) return false;
      if (!ids.insert(e.id).second) return Fail(path + "/id", "duplicate id \"" + e.id + "\""), false;
      kb_.entries.push_back(std::move(e));
    }
    return SameEvents();
  }

  bool SignatureAt(const JsonValue& v, const std::string& path, Signature& sig) {
    if (!v.is_object()) return Fail(path, "must be an object"), false;
    if (!Known(v, path, {"id", "name", "status", "patterns", "hints", "sources", "examples", "decisive", "weak"})) {
      return false;
    }
    if (!String(v, path, "id", sig.id, true)) return false;
    if (!IsKey(sig.id, 80)) {
      return Fail(path + "/id", "signature ids are lowercase letters, digits, '-' and '_' (at most 80)"), false;
    }
    if (v.contains("name") && !Texts(v, path, "name", sig.name, false)) return false;
    if (!StatusAt(v, path, sig)) return false;
    if (!StringList(v, path, "patterns", sig.patterns, sig.status == 0, kMaxPatternLength)) return false;
    if (!StringList(v, path, "hints", sig.hints, false, kMaxPatternLength)) return false;
    if (!Urls(v, path, "sources", sig.sources)) return false;
    if (!StringList(v, path, "examples", sig.examples, false, 64u << 10)) return false;
    if (sig.status != 0) {
      for (const auto& url : statuses_.sources) {
        if (std::find(sig.sources.begin(), sig.sources.end(), url) == sig.sources.end()) sig.sources.push_back(url);
      }
    }
    if (auto d = v.find("decisive")) {
      if (!d->is_boolean()) return Fail(path + "/decisive", "must be true or false"), false;
      sig.decisive = d->boolean();
    }
    // A status says little on its own: a status signature is weak unless it says otherwise or is decisive
    // (its own patterns may make it specific).
    sig.weak = sig.status != 0 && !sig.decisive;
    if (auto w = v.find("weak")) {
      if (!w->is_boolean()) return Fail(path + "/weak", "must be true or false"), false;
      sig.weak = w->boolean();
    }
    if (sig.decisive && sig.weak) return Fail(path + "/weak", "a signature cannot be both decisive and weak"), false;
    return true;
  }

  // "status": 401 puts that status's pattern from "http_statuses" first among the signature's patterns,
  // and names the signature after it unless it has a name.
  bool StatusAt(const JsonValue& v, const std::string& path, Signature& sig) {
    auto it = v.find("status");
    if (!it) return true;
    if (!it->is_number_integer() || it->integer() < 100 || it->integer() > 599) {
      return Fail(path + "/status", "must be an HTTP status number, 100 to 599"), false;
    }
    sig.status = static_cast<int>(it->integer());
    if (!statuses_.statuses.count(sig.status)) {
      return Fail(path + "/status", "no wordings for HTTP " + std::to_string(sig.status) +
                                        " in /http_statuses/statuses"),
             false;
    }
    sig.patterns.push_back(StatusPattern(statuses_, sig.status));
    if (sig.name.empty()) sig.name = StatusName(statuses_, sig.status);
    return true;
  }

  // An entry gives either "signatures", or "patterns" (and "hints") that make its one signature.
  bool Signatures(const JsonValue& v, const std::string& path, Entry& e) {
    const bool has_list = v.contains("signatures");
    const bool has_plain = v.contains("patterns") || v.contains("hints");
    if (has_list && has_plain) {
      return Fail(path + "/patterns", "give \"signatures\" or \"patterns\" (and \"hints\"), not both"), false;
    }
    if (!has_list) {
      Signature sig;
      sig.id = "message";
      sig.path = path;
      if (!v.contains("patterns")) return Fail(path + "/signatures", "required field is missing (or give \"patterns\")"), false;
      if (!StringList(v, path, "patterns", sig.patterns, true, kMaxPatternLength)) return false;
      if (!StringList(v, path, "hints", sig.hints, false, kMaxPatternLength)) return false;
      e.signatures.push_back(std::move(sig));
      return true;
    }
    const JsonValue list = *v.find("signatures");
    const std::string here = path + "/signatures";
    if (!list.is_array() || list.empty()) return Fail(here, "must be a non-empty array of signatures"), false;
    if (list.size() > kMaxSignatures) {
      return Fail(here, "more than " + std::to_string(kMaxSignatures) + " signatures"), false;
    }
    std::set<std::string> ids;
    for (std::size_t i = 0; i < list.size(); ++i) {
      Signature sig;
      const std::string at = here + "/" + std::to_string(i);
      if (!SignatureAt(list[i], at, sig)) return false;
      sig.path = at;
      if (!ids.insert(sig.id).second) return Fail(at + "/id", "duplicate signature id \"" + sig.id + "\""), false;
      e.signatures.push_back(std::move(sig));
    }
    return true;
  }

  // Links from code entries to the rows they are the same event as: checked once every entry is known.
  bool SameEvents() {
    for (std::size_t i = 0; i < kb_.entries.size(); ++i) {
      const Entry& e = kb_.entries[i];
      for (std::size_t k = 0; k < e.same_event.size(); ++k) {
        const std::string at = "/entries/" + std::to_string(i) + "/same_event/" + std::to_string(k);
        if (e.source != "code-table") return Fail(at, "only code-table entries name the rows they are the same event as"), false;
        const Entry* row = kb_.FindEntry(e.same_event[k]);
        if (!row) return Fail(at, "no entry has the id \"" + e.same_event[k] + "\""), false;
        if (row->source == "code-table") return Fail(at, "\"" + row->id + "\" is a code-table entry, not a row"), false;
        const bool shares_app = std::any_of(row->apps.begin(), row->apps.end(), [&](const std::string& a) {
          return std::find(e.apps.begin(), e.apps.end(), a) != e.apps.end();
        });
        if (!shares_app) return Fail(at, "\"" + row->id + "\" is for another app than this code"), false;
      }
    }
    return true;
  }

  // "reference": {"url", "checked" or "missing", "revision"}; optional, for any entry.
  bool ReferenceAt(const JsonValue& v, const std::string& path, Reference& ref) {
    auto it = v.find("reference");
    if (!it) return true;
    const std::string here = path + "/reference";
    if (!it->is_object()) return Fail(here, "must be an object: {\"url\", \"checked\" or \"missing\", \"revision\"}"), false;
    if (!Known(*it, here, {"url", "checked", "missing", "revision"})) return false;
    if (!HttpsAddress(*it, here, "url", ref.url, true)) return false;
    if (!String(*it, here, "checked", ref.checked, false) || !String(*it, here, "missing", ref.missing, false)) {
      return false;
    }
    if (ref.checked.empty() == ref.missing.empty()) {
      return Fail(here + "/checked", "give \"checked\" (the text was on the page that day) or \"missing\" (it was "
                                     "not), not both or neither"),
             false;
    }
    const char* date_key = ref.checked.empty() ? "missing" : "checked";
    if (!IsCalendarDate(ref.checked.empty() ? ref.missing : ref.checked)) {
      return Fail(here + "/" + date_key, "must be a real calendar date, YYYY-MM-DD"), false;
    }
    if (!String(*it, here, "revision", ref.revision, false)) return false;
    const bool hex = std::all_of(ref.revision.begin(), ref.revision.end(),
                                 [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
    if (it->contains("revision") && (!hex || ref.revision.size() < 7 || ref.revision.size() > 64)) {
      return Fail(here + "/revision", "must be a commit hash: 7 to 64 lowercase hex digits"), false;
    }
    return true;
  }

  bool EntryAt(const JsonValue& v, const std::string& path, Entry& e) {
    if (!v.is_object()) return Fail(path, "must be an object"), false;
    if (!Known(v, path, {"id", "row", "source", "apps", "kind", "action", "message", "patterns", "hints", "signatures",
                         "cause", "fix", "link", "sources", "reference", "same_event", "fallback"})) {
      return false;
    }
    if (!String(v, path, "id", e.id, true)) return false;
    if (!IsKey(e.id, 80)) {
      return Fail(path + "/id", "ids are lowercase letters, digits, '-' and '_' (at most 80)"), false;
    }
    if (auto row = v.find("row")) {
      if (!row->is_number_integer() || row->integer() < 0 || row->integer() > 100000) {
        return Fail(path + "/row", "must be a whole number from 0"), false;
      }
      e.row = static_cast<int>(row->integer());
    }
    if (!String(v, path, "source", e.source, true)) return false;
    if (!OneOf(kSources, e.source)) return Fail(path + "/source", "must be one of: " + JoinWithCommas(kSources)), false;
    if (!StringList(v, path, "apps", e.apps, true, 32)) return false;
    for (std::size_t k = 0; k < e.apps.size(); ++k) {
      if (!kb_.FindApp(e.apps[k])) {
        return Fail(path + "/apps/" + std::to_string(k), "unknown app \"" + e.apps[k] + "\" (not in /apps)"), false;
      }
    }
    if (!String(v, path, "kind", e.kind, true)) return false;
    if (!OneOf(kKinds, e.kind)) return Fail(path + "/kind", "must be one of: " + JoinWithCommas(kKinds)), false;
    if (!String(v, path, "action", e.action, true)) return false;
    if (!OneOf(kActions, e.action)) return Fail(path + "/action", "must be one of: " + JoinWithCommas(kActions)), false;
    if (!Texts(v, path, "message", e.message, false)) return false;
    if (!Signatures(v, path, e)) return false;
    if (!Texts(v, path, "cause", e.cause, true)) return false;
    if (!Steps(v, path, e.fix)) return false;
    if (!HttpsAddress(v, path, "link", e.link, false)) return false;
    if (!Urls(v, path, "sources", e.sources)) return false;
    if (!ReferenceAt(v, path, e.reference)) return false;
    if (!StringList(v, path, "same_event", e.same_event, false, 80)) return false;
    if (auto fb = v.find("fallback")) {
      if (!fb->is_boolean()) return Fail(path + "/fallback", "must be true or false"), false;
      e.fallback = fb->boolean();
    }
    return true;
  }

  KnowledgeBase kb_;
  HttpStatusWordings statuses_;  // "http_statuses", read before the entries that name a status
};

}  // namespace

namespace {
template <class Map>
typename Map::mapped_type PickLanguage(const Map& texts, const std::string& lang) {
  if (auto it = texts.find(lang); it != texts.end()) return it->second;
  if (auto it = texts.find("en"); it != texts.end()) return it->second;
  return texts.empty() ? typename Map::mapped_type{} : texts.begin()->second;
}
}  // namespace

std::string InLanguage(const Localized& texts, const std::string& lang) { return PickLanguage(texts, lang); }

std::vector<std::string> InLanguage(const LocalizedSteps& texts, const std::string& lang) {
  return PickLanguage(texts, lang);
}

std::string AppName(const KnowledgeBase& kb, std::string_view key, const std::string& lang) {
  const App* app = kb.FindApp(key);
  return app ? InLanguage(app->name, lang) : std::string(key);
}

const Entry* KnowledgeBase::FindEntry(std::string_view id) const {
  for (const auto& e : entries) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

const App* KnowledgeBase::FindApp(std::string_view key) const {
  for (const auto& app : apps) {
    if (app.key == key) return &app;
  }
  return nullptr;
}

Expected<KnowledgeBase> ParseKnowledgeBase(std::string_view text) {
  if (text.size() > kMaxKnowledgeBaseBytes) {
    return Error{"", "the knowledge base is " + std::to_string(text.size()) + " bytes; the limit is " +
                         std::to_string(kMaxKnowledgeBaseBytes)};
  }
  JsonTree tree;
  if (!tree.Parse(text, kMaxNesting)) {
    // The reader stops at this depth rather than recurse deeper: a hostile file cannot overflow its stack.
    if (tree.too_deep()) {
      return Error{"", "the knowledge base nests deeper than " + std::to_string(kMaxNesting) + " levels"};
    }
    return Error{"", "not valid JSON: " + tree.error()};
  }
  return Loader().Load(tree.root());
}

}  // namespace conndiag
