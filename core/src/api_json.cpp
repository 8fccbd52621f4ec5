// The WebAssembly API's options, knowledge-base info and refusals, read and written without a JSON tree library.
#include "conndiag/api_json.h"

#include "json_tree.h"
#include "json_writer.h"

namespace conndiag {

Expected<Options> OptionsFromJson(std::string_view json) {
  JsonTree tree;
  if (!tree.Parse(json, 4) || !tree.root().is_object()) return Error{"", "options must be a JSON object"};
  Options o;
  const JsonValue root = tree.root();
  for (auto [key, field] : {std::pair{"app", &o.app}, std::pair{"lang", &o.lang}}) {
    auto value = root.find(key);
    if (!value) continue;
    if (!value->is_string()) return Error{std::string("/") + key, "must be a string"};
    *field = value->string();
  }
  if (auto top = root.find("top")) {
    if (!top->is_number()) return Error{"/top", "must be a number"};
    // A number too large for size_t (2**32 + 1 on wasm32) must not wrap to a small one: read it wide and
    // let Validate refuse anything out of range.
    const double value = top->number();
    o.top = value >= 1 && value <= static_cast<double>(kMaxTop) ? static_cast<std::size_t>(value) : 0;
  }
  return o;
}

std::string KnowledgeBaseInfoJson(const Classifier& classifier, std::string_view build_version,
                                  std::string_view build_git) {
  const KnowledgeBase& kb = classifier.knowledge_base();
  JsonWriter w;
  w.BeginObject().Key("apps").BeginArray();
  for (const App& app : kb.apps) {
    w.BeginObject().Key("key").String(app.key).Key("name").BeginObject();
    for (const auto& [lang, name] : app.name) w.Key(lang).String(name);
    w.EndObject().EndObject();
  }
  w.EndArray();
  w.Key("build").BeginObject().Key("git").String(build_git).Key("version").String(build_version).EndObject();
  w.Key("entries").Number(kb.entries.size());
  w.Key("languages").Strings(kb.languages);
  w.Key("patternsCompiled")
      .String(classifier.pattern_checks() == PatternChecks::kOnFirstUse ? "on first use" : "at load");
  w.Key("version").String(kb.version);
  w.Key("warnings").Strings(classifier.load_warnings());
  return w.EndObject().Take();
}

std::string ErrorReplyJson(std::string_view message) {
  JsonWriter w;
  return w.BeginObject().Key("error").String(message).Key("ok").Bool(false).EndObject().Take();
}

std::string StringJson(std::string_view text) {
  JsonWriter w;
  return w.String(text).Take();
}

std::string StringListJson(const std::vector<std::string>& strings) {
  JsonWriter w;
  return w.Strings(strings).Take();
}

}  // namespace conndiag
