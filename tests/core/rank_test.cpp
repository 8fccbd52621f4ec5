// Tests of core/src/rank.cpp: specificity, app agreement, ties and confidence.
#include <catch2/catch.hpp>

#include "rank.h"

using namespace conndiag;

namespace {

KnowledgeBase TwoApps() {
  KnowledgeBase kb;
  kb.languages = {"en"};
  kb.apps = {App{"okta", {{"en", "Okta"}}, {"okta.com"}}, App{"box", {{"en", "Box"}}, {"com.box."}},
             App{"all", {{"en", "Any app"}}, {}}};
  auto entry = [](std::string id, std::string app) {
    Entry e;
    e.id = std::move(id);
    e.source = "connector";
    e.apps = {std::move(app)};
    return e;
  };
  kb.entries = {entry("okta-x", "okta"), entry("box-x", "box"), entry("all-x", "all")};
  return kb;
}

Candidate Cand(const Entry& e, std::size_t covered) {
  Candidate c;
  c.entry = &e;
  c.normalized_spans = {{0, covered}};
  c.covered = covered;
  return c;
}

}  // namespace

TEST_CASE("the entry that explains more text ranks first", "[rank]") {
  const auto kb = TwoApps();
  std::vector<Candidate> c{Cand(kb.entries[0], 10), Cand(kb.entries[0], 40)};
  RankCandidates(Options{}, std::nullopt, c);
  CHECK(c[0].covered == 40);
  CHECK(c[0].score > c[1].score);
}

TEST_CASE("equal evidence for two apps is a tie: nothing is confident", "[rank]") {
  const auto kb = TwoApps();
  std::vector<Candidate> c{Cand(kb.entries[0], 40), Cand(kb.entries[1], 40)};
  RankCandidates(Options{}, std::nullopt, c);
  CHECK(c[0].score == Approx(c[1].score));
  CHECK_FALSE(c[0].confident);
  CHECK(c[0].entry->id == "okta-x");  // ties keep knowledge-base order: deterministic
}

TEST_CASE("the app named in the text breaks the tie", "[rank]") {
  const auto kb = TwoApps();
  std::vector<Candidate> c{Cand(kb.entries[0], 40), Cand(kb.entries[1], 40)};
  RankCandidates(Options{}, std::string("box"), c);
  CHECK(c[0].entry->id == "box-x");
  CHECK(c[0].confident);
  CHECK(c[1].off_app);
}

TEST_CASE("a chosen app drops other apps' rows, keeps rows for every app", "[rank]") {
  const auto kb = TwoApps();
  std::vector<Candidate> c{Cand(kb.entries[0], 40), Cand(kb.entries[1], 40), Cand(kb.entries[2], 20)};
  Options o;
  o.app = "okta";
  RankCandidates(o, std::nullopt, c);
  REQUIRE(c.size() == 2);
  CHECK(c[0].entry->id == "okta-x");
  CHECK(c[0].confident);
  CHECK(c[1].entry->id == "all-x");
}

TEST_CASE("a chosen app that nothing matches keeps the other rows, never confident", "[rank]") {
  const auto kb = TwoApps();
  std::vector<Candidate> c{Cand(kb.entries[1], 40)};
  Options o;
  o.app = "okta";
  RankCandidates(o, std::nullopt, c);
  REQUIRE(c.size() == 1);
  CHECK(c[0].off_app);
  CHECK_FALSE(c[0].confident);
}

TEST_CASE("a weak match is not confident even alone", "[rank]") {
  const auto kb = TwoApps();
  std::vector<Candidate> c{Cand(kb.entries[0], 5)};
  RankCandidates(Options{}, std::nullopt, c);
  CHECK(c[0].score < 0.5);
  CHECK_FALSE(c[0].confident);
}

TEST_CASE("fallback entries are never confident", "[rank]") {
  auto kb = TwoApps();
  kb.entries[0].fallback = true;
  std::vector<Candidate> c{Cand(kb.entries[0], 100)};
  RankCandidates(Options{}, std::string("okta"), c);
  CHECK_FALSE(c[0].confident);
}

TEST_CASE("scores stay within 0..1", "[rank]") {
  const auto kb = TwoApps();
  std::vector<Candidate> c{Cand(kb.entries[0], 100000), Cand(kb.entries[1], 0)};
  RankCandidates(Options{}, std::string("okta"), c);
  for (const auto& x : c) {
    CHECK(x.score >= 0.0);
    CHECK(x.score <= 1.0);
  }
}

TEST_CASE("a decisive signature is strong however short its match, and confident with the app", "[rank]") {
  const auto kb = TwoApps();
  std::vector<Candidate> c{Cand(kb.entries[0], 8)};
  c[0].decisive = true;
  RankCandidates(Options{}, std::string("okta"), c);
  CHECK(c[0].score >= 0.85);
  CHECK(c[0].confident);
  std::vector<Candidate> plain{Cand(kb.entries[0], 8)};
  RankCandidates(Options{}, std::string("okta"), plain);
  CHECK_FALSE(plain[0].confident);
}

TEST_CASE("a similarity proposal is never confident, however similar and whatever the app", "[rank]") {
  const auto kb = TwoApps();
  std::vector<Candidate> c{Cand(kb.entries[0], 200)};
  c[0].similar = true;
  c[0].similarity = 1.0;
  Options o;
  o.app = "okta";
  RankCandidates(o, std::nullopt, c);
  CHECK(c[0].score < 0.5);
  CHECK_FALSE(c[0].confident);
}

TEST_CASE("a catch-all goes when a specific entry matched", "[rank]") {
  auto kb = TwoApps();
  kb.entries[1].fallback = true;
  std::vector<Candidate> c{Cand(kb.entries[1], 40), Cand(kb.entries[0], 10)};
  RankCandidates(Options{}, std::nullopt, c);
  REQUIRE(c.size() == 1);
  CHECK(c[0].entry->id == "okta-x");
  std::vector<Candidate> alone{Cand(kb.entries[1], 40)};
  RankCandidates(Options{}, std::nullopt, alone);
  CHECK(alone.size() == 1);
}

TEST_CASE("a weak signature (a bare status) is at most possible, even with the app chosen, and keeps the catch-all", "[rank]") {
  auto kb = TwoApps();
  kb.entries[2].fallback = true;
  std::vector<Candidate> c{Cand(kb.entries[0], 60), Cand(kb.entries[2], 12)};
  c[0].weak = true;
  Options o;
  o.app = "okta";
  RankCandidates(o, std::nullopt, c);
  REQUIRE(c.size() == 2);
  CHECK(c[0].entry->id == "okta-x");
  CHECK(c[0].score < 0.5);
  CHECK_FALSE(c[0].confident);
}

TEST_CASE("a bare status ranks below a vendor code the text carries, even an unlisted one", "[rank]") {
  auto kb = TwoApps();
  kb.entries[2].fallback = true;
  kb.entries[2].source = "code-table";  // the catch-all of a code table ("an AADSTS code not listed")
  std::vector<Candidate> c{Cand(kb.entries[0], 15), Cand(kb.entries[2], 12)};
  c[0].weak = true;
  Options o;
  o.app = "okta";
  RankCandidates(o, std::nullopt, c);
  REQUIRE(c.size() == 2);
  CHECK(c[0].entry->id == "all-x");
  CHECK(c[1].score < c[0].score);
  CHECK_FALSE(c[0].confident);  // still a catch-all: never confident
  CHECK_FALSE(c[1].confident);

  // Without the code, the same status keeps its rank over a connector catch-all (the test above).
  kb.entries[2].source = "connector";
  std::vector<Candidate> no_code{Cand(kb.entries[0], 15), Cand(kb.entries[2], 12)};
  no_code[0].weak = true;
  RankCandidates(o, std::nullopt, no_code);
  CHECK(no_code[0].entry->id == "okta-x");
}

TEST_CASE("a chosen app that nothing matches drops other apps' bare statuses, keeps their other rows", "[rank]") {
  // Another app's row for a 403 says nothing of this app's 403: with Box chosen, Okta's weak status row
  // goes even when nothing of Box matched, while Okta's specific row stays as a fallback.
  const auto kb = TwoApps();
  Candidate status = Cand(kb.entries[0], 40);
  status.weak = true;
  std::vector<Candidate> only_status{status};
  Options box;
  box.app = "box";
  RankCandidates(box, std::nullopt, only_status);
  CHECK(only_status.empty());

  std::vector<Candidate> specific{Cand(kb.entries[0], 40)};
  RankCandidates(box, std::nullopt, specific);
  REQUIRE(specific.size() == 1);
  CHECK(specific[0].off_app);
  CHECK_FALSE(specific[0].confident);

  // Without a chosen app, the bare status stays: it may be the right app's.
  std::vector<Candidate> unchosen{status};
  RankCandidates(Options{}, std::nullopt, unchosen);
  CHECK(unchosen.size() == 1);
}
