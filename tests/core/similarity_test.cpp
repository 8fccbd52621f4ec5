// Tests of core/src/similarity.cpp: the closest known texts when no signature matches; codes and statuses
// only ever match exactly.
#include <catch2/catch.hpp>

#include "conndiag/normalize.h"
#include "similarity.h"

using namespace conndiag;

namespace {

KnowledgeBase Kb() {
  KnowledgeBase kb;
  kb.languages = {"en"};
  kb.apps = {App{"box", {{"en", "Box"}}, {}}, App{"okta", {{"en", "Okta"}}, {}}};
  auto entry = [](std::string id, std::string app, std::string message, std::vector<std::string> examples = {}) {
    Entry e;
    e.id = std::move(id);
    e.source = "connector";
    e.apps = {std::move(app)};
    e.message = {{"en", std::move(message)}};
    Signature s;
    s.id = "message";
    s.patterns = {"never"};
    s.examples = std::move(examples);
    e.signatures = {s};
    return e;
  };
  kb.entries = {
      entry("box-not-enterprise", "box", "BoxServerException: User cannot access this feature without having an enterprise"),
      entry("okta-401", "okta", "HttpRequestFailure: Server returned: 401 Unauthorized",
            {"Okta API call failed: 401 Unauthorized, invalid token provided"}),
      entry("okta-404", "okta", "HttpRequestFailure: Server returned: 404 Not Found"),
  };
  return kb;
}

std::vector<std::string> Ids(const std::vector<Candidate>& c) {
  std::vector<std::string> ids;
  for (const auto& x : c) ids.push_back(x.entry->id);
  return ids;
}

std::vector<Candidate> Closest(const SimilarityIndex& index, const std::string& text) {
  return index.Closest(Normalize(text, false).text);
}

}  // namespace

TEST_CASE("a reworded message finds its entry, with what it shares and what it lacks", "[similarity]") {
  const auto kb = Kb();
  const SimilarityIndex index(kb);
  const auto c = Closest(index, "Box: this user cannot access this feature without an enterprise account");
  REQUIRE(!c.empty());
  CHECK(c[0].entry->id == "box-not-enterprise");
  CHECK(c[0].similar);
  CHECK(c[0].similarity >= SimilarityIndex::kThreshold);
  CHECK(std::find(c[0].shared.begin(), c[0].shared.end(), "enterprise") != c[0].shared.end());
  CHECK(std::find(c[0].missing.begin(), c[0].missing.end(), "boxserverexception") != c[0].missing.end());
  CHECK(!c[0].normalized_spans.empty());
}

TEST_CASE("a different status or code is never close: numbers match exactly", "[similarity]") {
  const auto kb = Kb();
  const SimilarityIndex index(kb);
  const auto c = Closest(index, "HttpRequestFailure: Server returned: 403 Forbidden");
  CHECK(std::find(Ids(c).begin(), Ids(c).end(), "okta-401") == Ids(c).end());
  CHECK(Ids(c).empty());
}

TEST_CASE("unrelated text proposes nothing", "[similarity]") {
  const auto kb = Kb();
  const SimilarityIndex index(kb);
  CHECK(Closest(index, "Traceback (most recent call last): ZeroDivisionError: division by zero").empty());
  CHECK(Closest(index, "").empty());
}

TEST_CASE("a shared number alone proposes nothing, however short the known text", "[similarity]") {
  KnowledgeBase kb = Kb();
  kb.entries[2].message = {{"en", "(404) Not Found"}};
  const SimilarityIndex index(kb);
  CHECK(Closest(index, "2026-11-25T19:34:38Z INFO [poller-9] fetched 2599 events for tenant in 404 ms").empty());
}
