// Golden table: every case of tests/golden/*.jsonl must rank as recorded (add a case: add a line, no C++).
#include <catch2/catch.hpp>

#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "default_classifier.h"

using namespace conndiag;
using conndiag::testing::DefaultClassifier;
using conndiag::testing::Ids;
using conndiag::testing::ReadSourceFile;

namespace {

struct Case {
  std::string text;
  std::string expect;  // empty: must not match confidently
  std::string app;     // the app to give; empty: the expected entry's first app
  std::string variant;
  std::size_t line;
};

std::vector<Case> Load(const std::string& file) {
  std::vector<Case> cases;
  std::istringstream in(ReadSourceFile(file));
  std::string line;
  for (std::size_t n = 1; std::getline(in, line); ++n) {
    if (line.empty()) continue;
    const auto j = nlohmann::json::parse(line);
    cases.push_back({j.at("text").get<std::string>(), j.at("expect").is_null() ? "" : j.at("expect").get<std::string>(),
                     j.value("app", ""), j.value("variant", ""), n});
  }
  return cases;
}

const std::vector<Case>& Rows() {
  static const auto cases = Load("tests/golden/rows.jsonl");
  return cases;
}

const std::vector<Case>& NoMatch() {
  static const auto cases = Load("tests/golden/no_match.jsonl");
  return cases;
}

const Entry* FindEntry(const std::string& id) {
  for (const auto& e : DefaultClassifier().knowledge_base().entries) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("golden: each case ranks its row first given the app, and in the top three without it", "[golden]") {
  const auto i = GENERATE(range(std::size_t{0}, Rows().size()));
  const Case& c = Rows()[i];
  CAPTURE(c.line, c.expect, c.variant, c.text);
  const Entry* entry = FindEntry(c.expect);
  REQUIRE(entry);
  Options with_app;
  with_app.app = c.app.empty() ? entry->apps.front() : c.app;
  const auto given = Ids(DefaultClassifier().Classify(c.text, with_app));
  REQUIRE_FALSE(given.empty());
  CHECK(given.front() == c.expect);
  const auto alone = Ids(DefaultClassifier().Classify(c.text, Options{}));
  CHECK(std::find(alone.begin(), alone.end(), c.expect) != alone.end());
}

TEST_CASE("golden: unrelated or ambiguous texts never match confidently", "[golden]") {
  const auto i = GENERATE(range(std::size_t{0}, NoMatch().size()));
  const Case& c = NoMatch()[i];
  CAPTURE(c.line, c.variant, c.text);
  const auto r = DefaultClassifier().Classify(c.text, Options{});
  CHECK((r.matches.empty() || !r.matches.front().confident));
}

TEST_CASE("golden: every table row has English, French and at least four variants", "[golden]") {
  REQUIRE(NoMatch().size() >= 20);
  std::map<std::string, std::vector<std::string>> variants;
  for (const auto& c : Rows()) variants[c.expect].push_back(c.variant);
  for (const auto& e : DefaultClassifier().knowledge_base().entries) {
    if (e.row == 0) continue;
    CAPTURE(e.id);
    const auto& v = variants[e.id];
    CHECK(v.size() >= 4);
    CHECK(std::find(v.begin(), v.end(), "english original") != v.end());
    if (e.message.count("fr")) CHECK(std::find(v.begin(), v.end(), "french rendering") != v.end());
  }
}

TEST_CASE("golden: the verbatim messages of the knowledge base classify as their own row", "[golden]") {
  for (const auto& e : DefaultClassifier().knowledge_base().entries) {
    if (e.source != "connector") continue;
    for (const auto& [lang, message] : e.message) {
      CAPTURE(e.id, lang, message);
      Options o;
      o.app = e.apps.front() == "all" ? "" : e.apps.front();
      const auto ids = Ids(DefaultClassifier().Classify(message, o));
      REQUIRE_FALSE(ids.empty());
      CHECK(ids.front() == e.id);
    }
  }
}
