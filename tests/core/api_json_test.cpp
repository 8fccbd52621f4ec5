// Tests of core/src/api_json.cpp: the WebAssembly API's options, knowledge-base info and refusals.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "conndiag/api_json.h"
#include "default_classifier.h"

using conndiag::OptionsFromJson;
using nlohmann::json;

TEST_CASE("options are read with their defaults, and a value of the wrong type is refused", "[api_json]") {
  auto o = OptionsFromJson(R"({"app":"box","lang":"fr","top":5})");
  REQUIRE(o.ok());
  CHECK(o.value().app == "box");
  CHECK(o.value().lang == "fr");
  CHECK(o.value().top == 5);
  auto defaults = OptionsFromJson("{}");
  REQUIRE(defaults.ok());
  CHECK(defaults.value().app.empty());
  CHECK(defaults.value().lang == "en");
  CHECK(defaults.value().top == 3);
  CHECK(OptionsFromJson(R"({"app":5})").error().What() == "/app: must be a string");
  CHECK(OptionsFromJson(R"({"top":"3"})").error().What() == "/top: must be a number");
  CHECK(OptionsFromJson("[]").error().What() == "options must be a JSON object");
  CHECK(OptionsFromJson("{").error().What() == "options must be a JSON object");
}

TEST_CASE("a top out of range reads as 0, which Validate refuses, never as a wrapped small number", "[api_json]") {
  for (const char* text : {R"({"top":4294967297})", R"({"top":0})", R"({"top":-1})", R"({"top":1e300})"}) {
    CAPTURE(text);
    auto o = OptionsFromJson(text);
    REQUIRE(o.ok());
    CHECK(o.value().top == 0);
    CHECK(conndiag::testing::DefaultClassifier().Validate(o.value()).has_value());
  }
}

TEST_CASE("the knowledge base's info names its version, entries, apps, languages, build and pattern checks",
          "[api_json]") {
  const auto& c = conndiag::testing::DefaultClassifier();
  const json info = json::parse(conndiag::KnowledgeBaseInfoJson(c, "9.9.9", "abc123"));
  CHECK(info["version"] == c.knowledge_base().version);
  CHECK(info["entries"] == c.knowledge_base().entries.size());
  CHECK(info["apps"].size() == c.knowledge_base().apps.size());
  CHECK(info["apps"][0]["key"] == c.knowledge_base().apps[0].key);
  CHECK(info["apps"][0]["name"]["fr"] == c.knowledge_base().apps[0].name.at("fr"));
  CHECK(info["languages"] == json(c.knowledge_base().languages));
  CHECK(info["build"] == json{{"version", "9.9.9"}, {"git", "abc123"}});
  CHECK(info["patternsCompiled"] == "at load");
  CHECK(info["warnings"].is_array());
}

TEST_CASE("a refusal, a string and a list of warnings are valid JSON whatever their bytes", "[api_json]") {
  const json error = json::parse(conndiag::ErrorReplyJson("bad \"quote\" \xFF"));
  CHECK(error["ok"] == false);
  CHECK(error["error"] == "bad \"quote\" \xEF\xBF\xBD");
  CHECK(json::parse(conndiag::StringListJson({"a", "\n"})) == json{"a", "\n"});
  CHECK(conndiag::StringListJson({}) == "[]");
  CHECK(json::parse(conndiag::StringJson("a \"b\"\n")) == "a \"b\"\n");
}
