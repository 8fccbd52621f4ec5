// Tests of core/src/infer_app.cpp: clues counted per app, the guess, and the clue quoted as written.
#include <catch2/catch.hpp>

#include "infer_app.h"

using namespace conndiag;

namespace {

KnowledgeBase TwoApps() {
  KnowledgeBase kb;
  kb.languages = {"en"};
  kb.apps = {App{"okta", {{"en", "Okta"}}, {"okta.com", "e0000"}}, App{"box", {{"en", "Box"}}, {"com.box."}},
             App{"all", {{"en", "Any app"}}, {}}};
  return kb;
}

const std::vector<AppClue> kClues = {{0, 0, "okta.com"}, {0, 1, "e0000"}, {1, 2, "com.box."}};

}  // namespace

TEST_CASE("the app with the most clues is the guess, a tie names none", "[infer_app]") {
  const auto kb = TwoApps();
  CHECK(GuessApp(kb, {{2, "x"}, {1, "y"}, {0, ""}}) == std::optional<std::string>("okta"));
  CHECK_FALSE(GuessApp(kb, {{1, "x"}, {1, "y"}, {0, ""}}));
  CHECK_FALSE(GuessApp(kb, {{0, ""}, {0, ""}, {0, ""}}));
}

TEST_CASE("clues found name their app, and the first is quoted as the person wrote it", "[infer_app]") {
  const auto kb = TwoApps();
  const std::string text = "Call to https://Contoso.OKTA.com failed: E0000011 (not com.box.)";
  const NormalizedText normalized = Normalize(text);
  const AppInference inference = InferApp(kb, kClues, text, normalized, {1, 1, 1});
  CHECK(inference.evidence[0].clue_count == 2);
  CHECK(inference.evidence[1].clue_count == 1);
  CHECK(inference.guess == std::optional<std::string>("okta"));
  CHECK(inference.ClueFor(kb, "okta") == "OKTA.com");
  CHECK(inference.ClueFor(kb, "box") == "com.box.");
  CHECK(inference.ClueFor(kb, "nosuchapp").empty());
}

TEST_CASE("clues the prefilter did not find count for nothing", "[infer_app]") {
  const auto kb = TwoApps();
  const std::string text = "com.box. and okta.com";
  const AppInference inference = InferApp(kb, kClues, text, Normalize(text), {0, 0, 1});
  CHECK(inference.guess == std::optional<std::string>("box"));
  CHECK(inference.evidence[0].clue_count == 0);
}
