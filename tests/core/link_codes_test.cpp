// Tests of core/src/link_codes.cpp: a code found becomes the row it is the same event as, for the right app.
#include <catch2/catch.hpp>

#include "link_codes.h"

using namespace conndiag;

namespace {

KnowledgeBase Kb() {
  KnowledgeBase kb;
  kb.languages = {"en"};
  kb.apps = {App{"office365", {{"en", "Microsoft 365"}}, {}}, App{"exchange", {{"en", "Exchange"}}, {}}};
  Entry row;
  row.id = "o365-token-expired";
  row.source = "connector";
  row.apps = {"office365"};
  Entry code;
  code.id = "aadsts-70008";
  code.source = "code-table";
  code.apps = {"office365", "exchange"};
  code.same_event = {"o365-token-expired"};
  kb.entries = {row, code};
  return kb;
}

Candidate Cand(const Entry& e, Span span, bool decisive = false) {
  Candidate c;
  c.entry = &e;
  c.normalized_spans = {span};
  c.covered = span.end - span.begin;
  c.decisive = decisive;
  return c;
}

}  // namespace

TEST_CASE("a code alone becomes its row, keeping the code", "[link]") {
  const auto kb = Kb();
  std::vector<Candidate> c{Cand(kb.entries[1], {0, 11}, true)};
  LinkCodesToRows(kb, Options{}, std::string("office365"), c);
  REQUIRE(c.size() == 1);
  CHECK(c[0].entry->id == "o365-token-expired");
  CHECK(c[0].code->id == "aadsts-70008");
  CHECK(c[0].decisive);
}

TEST_CASE("a code and its row found together are one candidate, explained by both", "[link]") {
  const auto kb = Kb();
  std::vector<Candidate> c{Cand(kb.entries[0], {20, 60}), Cand(kb.entries[1], {0, 11}, true)};
  LinkCodesToRows(kb, Options{}, std::nullopt, c);
  REQUIRE(c.size() == 1);
  CHECK(c[0].entry->id == "o365-token-expired");
  CHECK(c[0].code->id == "aadsts-70008");
  CHECK(c[0].covered == 51);
  CHECK(c[0].decisive);
}

TEST_CASE("a code whose rows are for another app than the chosen one stays a code answer", "[link]") {
  const auto kb = Kb();
  std::vector<Candidate> c{Cand(kb.entries[1], {0, 11}, true)};
  Options o;
  o.app = "exchange";
  LinkCodesToRows(kb, o, std::nullopt, c);
  REQUIRE(c.size() == 1);
  CHECK(c[0].entry->id == "aadsts-70008");
  CHECK(c[0].code == nullptr);
}
