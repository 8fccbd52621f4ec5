// Tests of core/src/words.cpp: words per language, the English fallback, and the check at load time.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "conndiag/classifier.h"
#include "words.h"

using namespace conndiag;
using nlohmann::json;

namespace {

// A knowledge base in English, French and German: German causes and fixes, but no German words in core.
std::string ThreeLanguages() {
  return json::parse(R"({
    "version": "t1",
    "languages": ["en", "fr", "de"],
    "apps": {"box": {"name": {"en": "Box", "fr": "Box", "de": "Box"}, "clues": ["com.box."]}},
    "entries": [{
      "id": "box-x", "source": "custom", "apps": ["box"], "kind": "internal", "action": "test-now",
      "message": {"en": "BoxX"}, "patterns": ["boxx"],
      "cause": {"en": "cause", "fr": "cause-fr", "de": "Ursache"},
      "fix": {"en": ["step"], "fr": ["etape"], "de": ["Schritt"]}
    }]
  })").dump();
}

}  // namespace

TEST_CASE("every language has its own words, and another language falls back to English", "[words]") {
  CHECK(WordLanguages() == std::vector<std::string>{"en", "fr"});
  CHECK(std::string(WordsFor("fr").evidence.matched) == "correspond à « {1} »");
  CHECK(std::string(WordsFor("en").evidence.matched) == "matched “{1}”");
  CHECK(&WordsFor("de") == &WordsFor("en"));
  CHECK(&WordsFor("") == &WordsFor("en"));
}

TEST_CASE("a knowledge base's language without words is reported at load, and explains with English words", "[words]") {
  auto loaded = Classifier::FromJson(ThreeLanguages());
  REQUIRE(loaded.ok());
  const Classifier& c = loaded.value();
  REQUIRE(c.load_warnings().size() == 1);
  CHECK_THAT(c.load_warnings()[0], Catch::StartsWith("/languages/2: \"de\""));
  CHECK_THAT(c.load_warnings()[0], Catch::Contains("fall back to English"));

  Options o;
  o.lang = "de";
  REQUIRE_FALSE(c.Validate(o));
  const Result r = c.Classify("com.box. BoxX", o);
  REQUIRE(r.matches.size() == 1);
  CHECK(r.matches[0].cause == "Ursache");  // the knowledge base's own German
  CHECK(r.matches[0].fix == std::vector<std::string>{"Schritt"});
  CHECK_THAT(r.matches[0].evidence[0], Catch::StartsWith("matched “"));  // the core's English words
}

TEST_CASE("the built-in knowledge base's languages all have words", "[words]") {
  CHECK(MissingWordWarnings({"en", "fr"}).empty());
  CHECK(MissingWordWarnings({"en", "it", "fr", "de"}).size() == 2);
}
