// Tests of core/src/explain.cpp, through Classify: evidence in both languages and spans in original bytes.
#include <catch2/catch.hpp>

#include "default_classifier.h"

using namespace conndiag;
using conndiag::testing::DefaultClassifier;

namespace {
bool HasEvidence(const Match& m, const std::string& needle) {
  for (const auto& e : m.evidence) {
    if (e.find(needle) != std::string::npos) return true;
  }
  return false;
}
}  // namespace

TEST_CASE("evidence names the app clue as the person wrote it", "[explain]") {
  const auto r = DefaultClassifier().Classify(
      "AuthFatalFailureException: com.box.boxjavalibv2.exceptions.BoxServerException: "
      "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid refresh token\"}",
      Options{});
  REQUIRE_FALSE(r.matches.empty());
  CHECK(HasEvidence(r.matches[0], "app: Box, from “com.box.”"));
  CHECK(HasEvidence(r.matches[0], "Invalid refresh token”"));
}

TEST_CASE("evidence names the signature that recognized the text, and the code behind a row", "[explain]") {
  Options o;
  o.app = "box";
  const auto r = DefaultClassifier().Classify(
      "com.box.sdk.BoxAPIException: The API returned an error code: 400\n"
      "{\"error\":\"invalid_grant\",\"error_description\":\"Refresh token has expired\"}", o);
  REQUIRE_FALSE(r.matches.empty());
  CHECK(r.matches[0].entry->id == "box-authfatal-invalid-refresh-token");
  REQUIRE(r.matches[0].signature);
  CHECK(r.matches[0].signature->id != "connector");
  CHECK(HasEvidence(r.matches[0], "recognized as: "));

  const auto code = DefaultClassifier().Classify("{\"errorCode\":\"E0000011\",\"errorSummary\":\"Invalid token provided\"}", Options{});
  REQUIRE_FALSE(code.matches.empty());
  CHECK(code.matches[0].entry->id == "okta-401-token-invalid");
  REQUIRE(code.matches[0].code);
  CHECK(code.matches[0].code->id == "okta-e0000011");
  CHECK(HasEvidence(code.matches[0], "code E0000011 found: the same event as this row"));
  CHECK_FALSE(code.matches[0].code_reason.empty());
}

TEST_CASE("a shared message says which apps it fits and asks to choose", "[explain]") {
  const auto r = DefaultClassifier().Classify("HttpRequestFailure: Server returned: 404 Not Found", Options{});
  REQUIRE(r.matches.size() >= 2);
  CHECK(HasEvidence(r.matches[0], "the same message is known for: Okta, Exchange Online; choose the app"));
}

TEST_CASE("evidence and texts are in French when asked", "[explain]") {
  Options fr;
  fr.lang = "fr";
  const auto r = DefaultClassifier().Classify("HttpRequestFailure : Retourné par le serveur : 404 Introuvable", fr);
  REQUIRE_FALSE(r.matches.empty());
  CHECK(HasEvidence(r.matches[0], "correspond à « Retourné par le serveur : 404 »"));
  CHECK(HasEvidence(r.matches[0], "le même message existe pour"));
  CHECK_THAT(r.matches[0].cause, Catch::Contains("Okta"));
  CHECK_THAT(r.matches[0].fix.front(), Catch::StartsWith("Sélectionnez"));
}

TEST_CASE("spans are byte ranges of the original text, accents and escapes included", "[explain]") {
  const std::string text = "Erreur — HttpRequestFailure : Retourné par le serveur : 500 Erreur de serveur interne";
  const auto r = DefaultClassifier().Classify(text, Options{});
  REQUIRE_FALSE(r.matches.empty());
  REQUIRE(r.matches[0].entry->id == "all-500-app-error");
  const auto& spans = r.matches[0].spans;
  REQUIRE_FALSE(spans.empty());
  std::string covered;
  for (const auto& s : spans) covered += text.substr(s.begin, s.end - s.begin) + "|";
  CHECK(covered == "HttpRequestFailure|Retourné par le serveur : 500 Erreur de serveur interne|");
}

TEST_CASE("code-table answers say where they come from", "[explain]") {
  const auto r = DefaultClassifier().Classify("Sign-in failed: AADSTS50126: Error validating credentials", Options{});
  REQUIRE_FALSE(r.matches.empty());
  CHECK(r.matches[0].entry->id == "aadsts-50126");
  CHECK(HasEvidence(r.matches[0], "error-code table"));
}

TEST_CASE("a chosen app is said to be chosen", "[explain]") {
  Options o;
  o.app = "okta";
  const auto r = DefaultClassifier().Classify("HttpRequestFailure: Server returned: 404 Not Found", o);
  REQUIRE_FALSE(r.matches.empty());
  CHECK(HasEvidence(r.matches[0], "app: Okta (chosen)"));
}
