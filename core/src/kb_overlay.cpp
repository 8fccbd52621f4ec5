// Knowledge bases that extend the built-in one: one merge, in the core, for the CLI, the page and the element.
#include "kb_overlay.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>

#include "conndiag/knowledge_base.h"
#include "json_tree.h"
#include "json_writer.h"

namespace conndiag {
namespace {

constexpr int kMaxNesting = 64;

// Reads a whole file's JSON into `tree`; an error when it is too large, not JSON, too deep or not an object.
std::optional<Error> Parse(JsonTree& tree, std::string_view text, const std::string& what) {
  if (text.size() > kMaxKnowledgeBaseBytes) {
    return Error{"", what + " is " + std::to_string(text.size()) + " bytes; the limit is " +
                         std::to_string(kMaxKnowledgeBaseBytes)};
  }
  if (!tree.Parse(text, kMaxNesting)) {
    if (tree.too_deep()) return Error{"", what + " nests deeper than " + std::to_string(kMaxNesting) + " levels"};
    return Error{"", what + " is not valid JSON: " + tree.error()};
  }
  if (!tree.root().is_object()) return Error{"", what + " must be a JSON object"};
  return std::nullopt;
}

// A value of the merged knowledge base: a value of one of the two files, unchanged, or an object, array or
// string the merge makes. Only what the merge changes is opened; the rest is written out as it was read.
struct Merged {
  enum class Kind { kGiven, kObject, kArray, kString } kind = Kind::kObject;
  std::optional<JsonValue> given;         // kGiven
  std::map<std::string, Merged> members;  // kObject, written in key order (as nlohmann wrote them)
  std::vector<Merged> elements;           // kArray
  std::string text;                       // kString

  static Merged Of(JsonValue value) {
    Merged m;
    m.kind = Kind::kGiven;
    m.given = value;
    return m;
  }
  static Merged String(std::string text) {
    Merged m;
    m.kind = Kind::kString;
    m.text = std::move(text);
    return m;
  }
  bool IsGiven(JsonValue::Kind of) const { return kind == Kind::kGiven && given->kind() == of; }

  // This value as an object whose members can change: a given object is opened member by member; anything
  // else becomes an empty object.
  Merged& AsObject() {
    if (kind == Kind::kObject) return *this;
    Merged opened;
    if (IsGiven(JsonValue::Kind::kObject)) {
      for (const auto& [key, value] : given->members()) opened.members.emplace(key, Of(value));
    }
    return *this = std::move(opened);
  }
  // The same for an array.
  Merged& AsArray() {
    if (kind == Kind::kArray) return *this;
    Merged opened;
    opened.kind = Kind::kArray;
    if (IsGiven(JsonValue::Kind::kArray)) {
      for (std::size_t i = 0; i < given->size(); ++i) opened.elements.push_back(Of((*given)[i]));
    }
    return *this = std::move(opened);
  }
};

void Write(JsonWriter& w, const JsonValue& v) {
  switch (v.kind()) {
    case JsonValue::Kind::kNull:
      w.Null();
      break;
    case JsonValue::Kind::kFalse:
      w.Bool(false);
      break;
    case JsonValue::Kind::kTrue:
      w.Bool(true);
      break;
    case JsonValue::Kind::kInteger:
      w.RawNumber(std::to_string(v.integer()));
      break;
    case JsonValue::Kind::kUnsigned:
      w.RawNumber(std::to_string(v.unsigned_integer()));
      break;
    case JsonValue::Kind::kNumber: {
      char digits[32];  // %.17g reads back as the same double, and is a JSON number for any finite one
      std::snprintf(digits, sizeof digits, "%.17g", v.number());
      w.RawNumber(digits);
      break;
    }
    case JsonValue::Kind::kString:
      w.String(v.string());
      break;
    case JsonValue::Kind::kArray:
      w.BeginArray();
      for (std::size_t i = 0; i < v.size(); ++i) Write(w, v[i]);
      w.EndArray();
      break;
    case JsonValue::Kind::kObject:
      w.BeginObject();
      for (const auto& [key, value] : v.members()) Write(w.Key(key), value);
      w.EndObject();
      break;
  }
}

void Write(JsonWriter& w, const Merged& m) {
  switch (m.kind) {
    case Merged::Kind::kGiven:
      Write(w, *m.given);
      break;
    case Merged::Kind::kString:
      w.String(m.text);
      break;
    case Merged::Kind::kArray:
      w.BeginArray();
      for (const Merged& e : m.elements) Write(w, e);
      w.EndArray();
      break;
    case Merged::Kind::kObject:
      w.BeginObject();
      for (const auto& [key, value] : m.members) Write(w.Key(key), value);
      w.EndObject();
      break;
  }
}

}  // namespace

bool ExtendsAnother(std::string_view text) {
  JsonTree tree;
  return text.size() <= kMaxKnowledgeBaseBytes && tree.Parse(text, kMaxNesting) && tree.root().contains("extends");
}

Expected<MergedKnowledgeBase> MergeOverlay(std::string_view base_json, std::string_view overlay_json) {
  JsonTree overlay_tree;
  if (auto refused = Parse(overlay_tree, overlay_json, "the knowledge base")) return *refused;
  const JsonValue overlay = overlay_tree.root();
  for (const auto& [key, value] : overlay.members()) {
    static const std::vector<std::string_view> kKnown = {"$schema", "description",   "version", "extends",
                                                         "apps",    "http_statuses", "entries"};
    if (std::find(kKnown.begin(), kKnown.end(), key) == kKnown.end()) {
      const std::string name(key);
      return Error{"/" + name, "unknown field \"" + name +
                                   "\" (expected one of: $schema, description, version, "
                                   "extends, apps, http_statuses, entries)"};
    }
  }
  const auto extends = overlay.find("extends");
  if (!extends || !extends->is_string() || extends->string() != "conndiag") {
    return Error{"/extends", "must be \"conndiag\" (the built-in knowledge base)"};
  }
  for (const char* key : {"$schema", "description", "version"}) {
    if (auto v = overlay.find(key); v && !v->is_string()) return Error{std::string("/") + key, "must be a string"};
  }
  const auto version = overlay.find("version");
  if (version && version->string().empty()) return Error{"/version", "must not be empty"};
  const auto apps = overlay.find("apps");
  if (apps && !apps->is_object()) return Error{"/apps", "must be an object keyed by app"};
  const auto patches = overlay.find("entries");
  if (patches && !patches->is_array()) return Error{"/entries", "must be an array"};
  const auto statuses = overlay.find("http_statuses");
  if (statuses && !statuses->is_object()) return Error{"/http_statuses", "must be an object"};

  JsonTree base_tree;
  if (auto refused = Parse(base_tree, base_json, "the base knowledge base")) return *refused;
  Merged merged = Merged::Of(base_tree.root());
  merged.AsObject().members.erase("$schema");
  if (version) {
    const auto base = merged.members.find("version");
    const bool named = base != merged.members.end() && base->second.IsGiven(JsonValue::Kind::kString);
    merged.members["version"] =
        Merged::String((named ? std::string(base->second.given->string()) : "") + "+" + std::string(version->string()));
  }
  std::vector<std::string> given;  // see MergedKnowledgeBase::given
  if (apps) {
    Merged& target_apps = merged.members["apps"].AsObject();
    for (const auto& [key, app] : apps->members()) {
      const std::string at = "/apps/" + std::string(key);
      if (!app.is_object()) return Error{at, "must be an object"};
      Merged& target = target_apps.members[std::string(key)].AsObject();
      for (const auto& [field, value] : app.members()) {
        target.members[std::string(field)] = Merged::Of(value);
        given.push_back(at + "/" + std::string(field));
      }
    }
  }
  // Status wordings: the file's statuses join the built-in ones (a status it gives replaces the built-in
  // one), so a portal row can name a status the built-in rows do not use (407 through a proxy); its other
  // fields, when given, replace the built-in ones.
  if (statuses) {
    Merged& target = merged.members["http_statuses"].AsObject();
    for (const auto& [field, value] : statuses->members()) {
      const auto base = target.members.find("statuses");
      const bool base_object = base != target.members.end() && (base->second.kind == Merged::Kind::kObject ||
                                                                base->second.IsGiven(JsonValue::Kind::kObject));
      if (field == "statuses" && value.is_object() && base_object) {
        Merged& target_statuses = base->second.AsObject();
        for (const auto& [status, forms] : value.members()) {
          target_statuses.members[std::string(status)] = Merged::Of(forms);
          given.push_back("/http_statuses/statuses/" + std::string(status));
        }
      } else {
        target.members[std::string(field)] = Merged::Of(value);
        given.push_back("/http_statuses/" + std::string(field));
      }
    }
  }
  MergedKnowledgeBase out;
  out.given = std::move(given);
  Merged& entries = merged.members["entries"].AsArray();
  out.origin.assign(entries.elements.size(), -1);
  std::map<std::string, std::size_t, std::less<>> index;
  for (std::size_t i = 0; i < entries.elements.size(); ++i) {
    const auto id = entries.elements[i].given->find("id");
    if (id && id->is_string()) index.emplace(id->string(), i);
  }
  for (std::size_t i = 0; patches && i < patches->size(); ++i) {
    const JsonValue patch = (*patches)[i];
    const auto id = patch.find("id");
    if (!patch.is_object() || !id || !id->is_string()) {
      return Error{"/entries/" + std::to_string(i), "each entry needs a string \"id\""};
    }
    if (auto it = index.find(id->string()); it != index.end()) {
      Merged& target = entries.elements[it->second].AsObject();
      for (const auto& [field, value] : patch.members()) target.members[std::string(field)] = Merged::Of(value);
      // An entry given signatures replaces its patterns, and the other way round.
      if (patch.contains("signatures")) {
        target.members.erase("patterns");
        target.members.erase("hints");
      }
      if (patch.contains("patterns")) target.members.erase("signatures");
      out.origin[it->second] = static_cast<long>(i);
    } else {
      Merged added = Merged::Of(patch);
      if (!patch.contains("source")) added.AsObject().members["source"] = Merged::String("custom");
      index.emplace(id->string(), entries.elements.size());
      entries.elements.push_back(std::move(added));
      out.origin.push_back(static_cast<long>(i));
    }
  }
  JsonWriter w;
  Write(w, merged);
  out.json = w.Take();
  if (out.json.size() > kMaxKnowledgeBaseBytes) {
    return Error{"", "the merged knowledge base is larger than " + std::to_string(kMaxKnowledgeBaseBytes >> 20) + " MB"};
  }
  return out;
}

Error InOverlayTerms(const Error& merged, const MergedKnowledgeBase& how) {
  const std::vector<long>& origin = how.origin;
  for (const std::string& given : how.given) {
    if (merged.path.rfind(given, 0) == 0 && (merged.path.size() == given.size() || merged.path[given.size()] == '/')) {
      return merged;  // the overlay's own value, at the same path in the overlay
    }
  }
  constexpr std::string_view kEntries = "/entries/";
  if (merged.path.rfind(kEntries, 0) == 0) {
    std::size_t end = kEntries.size();
    while (end < merged.path.size() && merged.path[end] >= '0' && merged.path[end] <= '9') ++end;
    if (end > kEntries.size()) {
      const std::size_t index = std::stoul(merged.path.substr(kEntries.size(), end - kEntries.size()));
      if (index < origin.size() && origin[index] >= 0) {
        return Error{std::string(kEntries) + std::to_string(origin[index]) + merged.path.substr(end), merged.message};
      }
    }
  }
  return Error{"(merged with the built-in knowledge base) " + merged.path, merged.message};
}

}  // namespace conndiag
