// Tests of core/src/knowledge_base.cpp and the loading half of Classifier::FromJson: every problem named by its JSON path.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "conndiag/classifier.h"
#include "conndiag/default_kb.h"
#include "conndiag/knowledge_base.h"
#include "default_classifier.h"

using conndiag::Classifier;
using conndiag::ParseKnowledgeBase;
using nlohmann::json;

namespace {

json MinimalKb() {
  return json::parse(R"({
    "version": "t1",
    "languages": ["en", "fr"],
    "apps": {"box": {"name": {"en": "Box", "fr": "Box"}, "clues": ["com.box."]}},
    "entries": [{
      "id": "box-x", "source": "custom", "apps": ["box"], "kind": "internal", "action": "test-now",
      "message": {"en": "BoxX"}, "patterns": ["boxx"],
      "cause": {"en": "c", "fr": "c"}, "fix": {"en": ["s"], "fr": ["s"]}
    }]
  })");
}

std::string LoadError(const json& kb) { return conndiag::testing::LoadError(kb.dump()); }

}  // namespace

TEST_CASE("the built-in knowledge base loads, with all 36 table rows and both languages", "[kb]") {
  auto kb = ParseKnowledgeBase(conndiag::DefaultKnowledgeBase());
  REQUIRE(kb.ok());
  std::size_t rows = 0;
  for (const auto& e : kb.value().entries) rows += e.row > 0 ? 1 : 0;
  CHECK(rows == 36);
  CHECK(kb.value().languages == std::vector<std::string>{"en", "fr"});
  CHECK_FALSE(kb.value().version.empty());
}

TEST_CASE("a minimal valid knowledge base loads", "[kb]") {
  auto loaded = Classifier::FromJson(MinimalKb().dump());
  REQUIRE(loaded.ok());
  CHECK(loaded.value().knowledge_base().entries.size() == 1);
}

TEST_CASE("not JSON, or not an object, is refused with the parser's position", "[kb]") {
  auto bad = Classifier::FromJson("{\"version\": ");
  REQUIRE_FALSE(bad.ok());
  CHECK_THAT(bad.error().What(), Catch::Contains("not valid JSON"));
  CHECK_THAT(LoadError(json::array()), Catch::Contains("must be a JSON object"));
  CHECK_THAT(Classifier::FromJson("").error().What(), Catch::Contains("not valid JSON"));
}

TEST_CASE("a number too large for a double is refused, not thrown (found by the kb fuzzer)", "[kb]") {
  const auto r = Classifier::FromJson(R"({"version": 99999999999999999900000000000.00e99999999"$schu)");
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.error().What(), Catch::StartsWith("not valid JSON") && Catch::Contains("number overflow"));
}

TEST_CASE("an invalid regular expression names its JSON path", "[kb]") {
  json kb = MinimalKb();
  kb["entries"][0]["patterns"] = {"ok", "(unclosed"};
  CHECK_THAT(LoadError(kb), Catch::StartsWith("/entries/0/patterns/1: invalid regular expression"));
}

TEST_CASE("a pattern that matches empty text is refused", "[kb]") {
  json kb = MinimalKb();
  kb["entries"][0]["hints"] = {"x*"};
  CHECK_THAT(LoadError(kb), Catch::StartsWith("/entries/0/hints/0: the pattern matches empty text"));
}

TEST_CASE("a pattern with uppercase letters is refused: text is matched lowercased", "[kb]") {
  json kb = MinimalKb();
  kb["entries"][0]["patterns"] = {"BoxX"};
  CHECK_THAT(LoadError(kb), Catch::StartsWith("/entries/0/patterns/0: patterns match normalized"));
  kb["entries"][0]["patterns"] = {R"(\d+\S)"};  // escapes are not letters
  CHECK(Classifier::FromJson(kb.dump()).ok());
}

TEST_CASE("duplicate ids are refused", "[kb]") {
  json kb = MinimalKb();
  kb["entries"].push_back(kb["entries"][0]);
  CHECK(LoadError(kb) == "/entries/1/id: duplicate id \"box-x\"");
}

TEST_CASE("wrong types and missing fields name their path", "[kb]") {
  json kb = MinimalKb();
  kb["entries"][0]["patterns"] = "boxx";
  CHECK(LoadError(kb) == "/entries/0/patterns: must be an array of strings");
  kb = MinimalKb();
  kb["entries"][0].erase("cause");
  CHECK(LoadError(kb) == "/entries/0/cause: required field is missing");
  kb = MinimalKb();
  kb["entries"][0]["fix"]["fr"] = json::array();
  CHECK(LoadError(kb) == "/entries/0/fix/fr: must not be empty");
  kb = MinimalKb();
  kb.erase("version");
  CHECK(LoadError(kb) == "/version: required field is missing");
  kb = MinimalKb();
  kb["entries"][0]["row"] = -1;
  CHECK(LoadError(kb) == "/entries/0/row: must be a whole number from 0");
}

TEST_CASE("every language of the knowledge base must be present", "[kb]") {
  json kb = MinimalKb();
  kb["entries"][0]["cause"].erase("fr");
  CHECK(LoadError(kb) == "/entries/0/cause/fr: missing the \"fr\" text");
  kb = MinimalKb();
  kb["apps"]["box"]["name"].erase("fr");
  CHECK(LoadError(kb) == "/apps/box/name/fr: missing the \"fr\" text");
}

TEST_CASE("unknown fields, apps, kinds and actions are refused", "[kb]") {
  json kb = MinimalKb();
  kb["entries"][0]["pattern"] = {"typo"};
  CHECK_THAT(LoadError(kb), Catch::StartsWith("/entries/0/pattern: unknown field \"pattern\""));
  kb = MinimalKb();
  kb["entries"][0]["apps"] = {"dropbox"};
  CHECK(LoadError(kb) == "/entries/0/apps/0: unknown app \"dropbox\" (not in /apps)");
  kb = MinimalKb();
  kb["entries"][0]["kind"] = "weird";
  CHECK_THAT(LoadError(kb), Catch::StartsWith("/entries/0/kind: must be one of"));
  kb = MinimalKb();
  kb["entries"][0]["action"] = "pray";
  CHECK_THAT(LoadError(kb), Catch::StartsWith("/entries/0/action: must be one of"));
  kb = MinimalKb();
  kb["entries"][0]["link"] = "javascript:alert(1)";
  CHECK(LoadError(kb) == "/entries/0/link: must be an https:// address");
}

TEST_CASE("a portal file that extends another base is refused alone, with what to do instead", "[kb]") {
  json kb = MinimalKb();
  kb["extends"] = "conndiag";
  CHECK_THAT(LoadError(kb), Catch::StartsWith("/extends: this file extends another knowledge base: load it together"));
}

TEST_CASE("clues must be in normalized form", "[kb]") {
  json kb = MinimalKb();
  kb["apps"]["box"]["clues"] = {"Com.Box."};
  CHECK_THAT(LoadError(kb), Catch::StartsWith("/apps/box/clues/0: clues are matched against normalized text"));
}

TEST_CASE("hostile files: huge, deeply nested, or too many entries, are refused without recursing or reading it all", "[kb]") {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  CHECK_THAT(Classifier::FromJson(deep).error().What(), Catch::Contains("nests deeper than"));
  const std::string huge(conndiag::kMaxKnowledgeBaseBytes + 1, ' ');
  CHECK_THAT(Classifier::FromJson(huge).error().What(), Catch::Contains("the limit is"));
  json kb = MinimalKb();
  for (std::size_t i = 0; i < conndiag::kMaxEntries; ++i) kb["entries"].push_back(kb["entries"][0]);
  CHECK_THAT(LoadError(kb), Catch::StartsWith("/entries: more than"));
}

TEST_CASE("every table row of the built-in knowledge base records Microsoft's page and when it was checked", "[kb]") {
  auto kb = ParseKnowledgeBase(conndiag::DefaultKnowledgeBase());
  REQUIRE(kb.ok());
  for (const auto& e : kb.value().entries) {
    if (e.source != "connector" || e.row == 0) continue;
    CAPTURE(e.id);
    CHECK(e.reference.url.rfind("https://learn.microsoft.com/", 0) == 0);
    CHECK(e.reference.checked.empty() != e.reference.missing.empty());
    CHECK(e.reference.revision.size() == 40);
  }
}

TEST_CASE("a reference is refused with its JSON path: not https, not a real date, both or neither date", "[kb]") {
  auto with = [](json reference) {
    json kb = MinimalKb();
    kb["entries"][0]["reference"] = std::move(reference);
    return kb;
  };
  const std::string page = "https://learn.microsoft.com/x";
  REQUIRE(Classifier::FromJson(with({{"url", page}, {"checked", "2028-02-29"}, {"revision", "7b46068"}}).dump()).ok());
  REQUIRE(Classifier::FromJson(with({{"url", page}, {"missing", "2026-11-27"}}).dump()).ok());
  CHECK_THAT(LoadError(with({{"url", "http://learn.microsoft.com/x"}, {"checked", "2026-11-27"}})),
             Catch::Contains("/entries/0/reference/url") && Catch::Contains("https://"));
  CHECK_THAT(LoadError(with({{"url", "javascript:alert(1)"}, {"checked", "2026-11-27"}})),
             Catch::Contains("/entries/0/reference/url"));
  CHECK_THAT(LoadError(with({{"url", page}, {"checked", "2026-02-30"}})),
             Catch::Contains("/entries/0/reference/checked") && Catch::Contains("calendar date"));
  CHECK_THAT(LoadError(with({{"url", page}, {"checked", "2026-13-01"}})), Catch::Contains("/entries/0/reference/checked"));
  CHECK_THAT(LoadError(with({{"url", page}, {"checked", "27/11/2026"}})), Catch::Contains("/entries/0/reference/checked"));
  CHECK_THAT(LoadError(with({{"url", page}, {"missing", "2025-02-29"}})), Catch::Contains("/entries/0/reference/missing"));
  CHECK_THAT(LoadError(with({{"url", page}})), Catch::Contains("/entries/0/reference/checked"));
  CHECK_THAT(LoadError(with({{"url", page}, {"checked", "2026-11-27"}, {"missing", "2026-11-27"}})),
             Catch::Contains("not both"));
  CHECK_THAT(LoadError(with({{"url", page}, {"checked", "2026-11-27"}, {"revision", "HEAD"}})),
             Catch::Contains("/entries/0/reference/revision"));
  CHECK_THAT(LoadError(with({{"url", page}, {"checked", "2026-11-27"}, {"by", "me"}})),
             Catch::Contains("/entries/0/reference/by"));
  CHECK_THAT(LoadError(with("https://learn.microsoft.com/x")), Catch::Contains("/entries/0/reference"));
}
