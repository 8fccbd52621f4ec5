// Knowledge bases that extend the built-in one: one merge, in the core, for the CLI, the page and the element.
#include "kb_overlay.h"

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "conndiag/knowledge_base.h"
#include "json_scan.h"

namespace conndiag {
namespace {

using nlohmann::json;
constexpr int kMaxNesting = 64;

Expected<json> Parse(std::string_view text, const char* what) {
  if (text.size() > kMaxKnowledgeBaseBytes) {
    return Error{"", std::string(what) + " is " + std::to_string(text.size()) + " bytes; the limit is " +
                         std::to_string(kMaxKnowledgeBaseBytes)};
  }
  if (ScanJsonValue(text, 0, text.size(), kMaxNesting).too_deep) {
    return Error{"", std::string(what) + " nests deeper than " + std::to_string(kMaxNesting) + " levels"};
  }
  json root = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) return Error{"", std::string(what) + " is not valid JSON"};
  if (!root.is_object()) return Error{"", std::string(what) + " must be a JSON object"};
  return root;
}

}  // namespace

bool ExtendsAnother(std::string_view text) {
  if (text.size() > kMaxKnowledgeBaseBytes || ScanJsonValue(text, 0, text.size(), kMaxNesting).too_deep) return false;
  const json root = json::parse(text, nullptr, false);
  return root.is_object() && root.contains("extends");
}

Expected<MergedKnowledgeBase> MergeOverlay(std::string_view base_json, std::string_view overlay_json) {
  auto parsed = Parse(overlay_json, "the knowledge base");
  if (!parsed.ok()) return parsed.error();
  const json& overlay = parsed.value();
  for (const auto& [key, value] : overlay.items()) {
    static const std::vector<std::string> kKnown = {"$schema", "description", "version", "extends", "apps",
                                                    "http_statuses", "entries"};
    if (std::find(kKnown.begin(), kKnown.end(), key) == kKnown.end()) {
      return Error{"/" + key, "unknown field \"" + key + "\" (expected one of: $schema, description, version, extends, apps, "
                              "http_statuses, entries)"};
    }
  }
  if (!overlay.contains("extends") || overlay["extends"] != "conndiag") {
    return Error{"/extends", "must be \"conndiag\" (the built-in knowledge base)"};
  }
  for (const char* key : {"$schema", "description", "version"}) {
    if (overlay.contains(key) && !overlay[key].is_string()) return Error{std::string("/") + key, "must be a string"};
  }
  if (overlay.contains("version") && overlay["version"].get<std::string>().empty()) return Error{"/version", "must not be empty"};
  if (overlay.contains("apps") && !overlay["apps"].is_object()) return Error{"/apps", "must be an object keyed by app"};
  if (overlay.contains("entries") && !overlay["entries"].is_array()) return Error{"/entries", "must be an array"};
  if (overlay.contains("http_statuses") && !overlay["http_statuses"].is_object()) {
    return Error{"/http_statuses", "must be an object"};
  }

  auto base_parsed = Parse(base_json, "the base knowledge base");
  if (!base_parsed.ok()) return base_parsed.error();
  json merged = std::move(base_parsed).value();
  merged.erase("$schema");
  if (overlay.contains("version")) {
    // Read through a pointer, not json::value(): GCC's -Wnull-dereference sees a null `this` in
    // value()'s inlined body at -O3 (a false positive that -Werror turns into a failed build).
    const json* base_version = merged.contains("version") ? &merged["version"] : nullptr;
    const std::string base = base_version && base_version->is_string() ? base_version->get<std::string>() : "";
    merged["version"] = base + "+" + overlay["version"].get<std::string>();
  }
  std::vector<std::string> given;  // see MergedKnowledgeBase::given
  if (overlay.contains("apps")) {
    for (const auto& [key, app] : overlay["apps"].items()) {
      if (!app.is_object()) return Error{"/apps/" + key, "must be an object"};
      json& target = merged["apps"][key];
      if (!target.is_object()) target = json::object();
      for (const auto& [field, value] : app.items()) {
        target[field] = value;
        given.push_back("/apps/" + key + "/" + field);
      }
    }
  }
  // Status wordings: the file's statuses join the built-in ones (a status it gives replaces the built-in
  // one), so a portal row can name a status the built-in rows do not use (407 through a proxy); its other
  // fields, when given, replace the built-in ones.
  if (overlay.contains("http_statuses")) {
    json& target = merged["http_statuses"];
    if (!target.is_object()) target = json::object();
    for (const auto& [field, value] : overlay["http_statuses"].items()) {
      if (field == "statuses" && value.is_object() && target["statuses"].is_object()) {
        for (const auto& [status, forms] : value.items()) {
          target["statuses"][status] = forms;
          given.push_back("/http_statuses/statuses/" + status);
        }
      } else {
        target[field] = value;
        given.push_back("/http_statuses/" + field);
      }
    }
  }
  MergedKnowledgeBase out;
  out.given = std::move(given);
  json& entries = merged["entries"];
  out.origin.assign(entries.size(), -1);
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (entries[i].is_object() && entries[i].contains("id") && entries[i]["id"].is_string()) {
      index.emplace(entries[i]["id"].get<std::string>(), i);
    }
  }
  if (overlay.contains("entries")) {
    const json& patches = overlay["entries"];
    for (std::size_t i = 0; i < patches.size(); ++i) {
      const json& patch = patches[i];
      const std::string at = "/entries/" + std::to_string(i);
      if (!patch.is_object() || !patch.contains("id") || !patch["id"].is_string()) {
        return Error{at, "each entry needs a string \"id\""};
      }
      const std::string id = patch["id"].get<std::string>();
      if (auto it = index.find(id); it != index.end()) {
        for (const auto& [field, value] : patch.items()) entries[it->second][field] = value;
        // An entry given signatures replaces its patterns, and the other way round.
        if (patch.contains("signatures")) { entries[it->second].erase("patterns"); entries[it->second].erase("hints"); }
        if (patch.contains("patterns")) entries[it->second].erase("signatures");
        out.origin[it->second] = static_cast<long>(i);
      } else {
        json added = patch;
        if (!added.contains("source")) added["source"] = "custom";
        index.emplace(id, entries.size());
        entries.push_back(std::move(added));
        out.origin.push_back(static_cast<long>(i));
      }
    }
  }
  out.json = merged.dump();
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
