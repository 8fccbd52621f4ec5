// Worst cases for every pattern of the built-in knowledge base: long runs of what each pattern's literals
// and classes accept, in lines up to 1 MB. Each must classify to a valid result, never throw or crash;
// when Boost's limit on regex work trips, the pattern is skipped with a warning and the rest answers.
#include <catch2/catch.hpp>

#include <set>

#include "required_literals.h"
#include "default_classifier.h"

using namespace conndiag;
using conndiag::testing::DefaultClassifier;

namespace {

std::string Repeat(std::string_view unit, std::size_t bytes) {
  std::string out;
  out.reserve(bytes + unit.size());
  while (out.size() < bytes) out += unit;
  return out;
}

void CheckValid(const Result& r, std::size_t size) {
  for (const auto& m : r.matches) {
    REQUIRE(m.score >= 0.0);
    REQUIRE(m.score <= 1.0);
    for (const auto& s : m.spans) REQUIRE((s.begin < s.end && s.end <= size));
  }
  for (const auto& w : r.warnings) CHECK_THAT(w, Catch::Contains("skipped") || Catch::Contains("only its beginning"));
}

}  // namespace

TEST_CASE("1 MB runs of the characters patterns' classes accept classify cleanly", "[adversarial]") {
  for (std::string_view unit : {"a", "0", " ", "\"", ":", "-", "a0", "\\\"", "\\u00e9", "{\"error\":", "é", "\xff"}) {
    CAPTURE(unit);
    const std::string text = Repeat(unit, 1u << 20);
    CheckValid(DefaultClassifier().Classify(text, Options{}), text.size());
  }
}

TEST_CASE("every pattern's own literals, repeated over 64 KB, classify cleanly", "[adversarial]") {
  std::set<std::string> units;
  for (const auto& e : DefaultClassifier().knowledge_base().entries) {
    for (const auto& sig : e.signatures) {
      for (const auto* list : {&sig.patterns, &sig.hints}) {
        for (const auto& p : *list) {
          for (const auto& literal : RequiredLiterals(p)) {
            units.insert(literal);            // the literal over and over: every candidate start matches
            units.insert(literal + " ");      // and separated, as in a real line
            units.insert(literal.substr(0, literal.size() - 1));  // almost the literal: the near miss
          }
        }
      }
    }
  }
  REQUIRE(units.size() > 100);
  for (const auto& unit : units) {
    if (unit.empty()) continue;
    CAPTURE(unit);
    const std::string text = Repeat(unit, 64u << 10);
    CheckValid(DefaultClassifier().Classify(text, Options{}), text.size());
  }
}

TEST_CASE("a 1 MB log line made of a real error repeated is one cut event, not a crash", "[adversarial]") {
  const std::string line = Repeat("HttpRequestFailure: Server returned: 401 Unauthorized ", 1u << 20);
  const auto r = DefaultClassifier().Classify(line, Options{});
  CheckValid(r, line.size());
  REQUIRE_FALSE(r.matches.empty());
}

TEST_CASE("1 MB of each field scanner's trigger word classifies and extracts bounded fields", "[adversarial]") {
  // Each of these once made a scanner walk back or forward over the whole text for every occurrence.
  for (std::string_view unit : {"Exception ", "a.Exception.", "Failure ", "https://", ".com", "{", "AADSTS50126 ",
                                "e0000011 ", "af20012 ", "\"error\":\"", "tenant id ", "HTTP/1.1 ", "404 Not Found "}) {
    CAPTURE(unit);
    const std::string text = Repeat(unit, 1u << 20);
    const auto r = DefaultClassifier().Classify(text, Options{});
    CheckValid(r, text.size());
    CHECK(r.fields.exceptions.size() <= 20);
    CHECK(r.fields.urls.size() <= 20);
    CHECK(r.fields.hosts.size() <= 20);
  }
}
