// Tests of core/src/classifier.cpp: the table's hard cases, options, limits and hostile input.
#include <catch2/catch.hpp>

#include <thread>

#include <nlohmann/json.hpp>

#include "conndiag/default_kb.h"

#include "default_classifier.h"

using namespace conndiag;
using conndiag::testing::DefaultClassifier;
using conndiag::testing::Ids;

namespace {
Result Classify(const std::string& text, const std::string& app = "") {
  Options o;
  o.app = app;
  return DefaultClassifier().Classify(text, o);
}

// A custom knowledge base of two Box rows: `troubled_id` with `troubled_pattern`, then "sane" with its own.
std::string TroubledAndSane(const std::string& troubled_id, const std::string& troubled_pattern,
                            const std::string& sane_pattern) {
  nlohmann::json kb = {{"version", "t"}, {"languages", {"en"}}, {"apps", {{"box", {{"name", {{"en", "Box"}}}}}}}};
  for (const auto& [id, pattern] :
       {std::pair(troubled_id, troubled_pattern), std::pair(std::string("sane"), sane_pattern)}) {
    kb["entries"].push_back({{"id", id},
                             {"source", "custom"},
                             {"apps", {"box"}},
                             {"kind", "internal"},
                             {"action", "test-now"},
                             {"message", {{"en", "x"}}},
                             {"patterns", {pattern}},
                             {"cause", {{"en", "c"}}},
                             {"fix", {{"en", {"s"}}}}});
  }
  return kb.dump();
}
}  // namespace

TEST_CASE("the longer, more specific row beats its prefix: row 1 over row 18", "[classifier]") {
  const auto r = Classify(
      "HttpRequestFailure: Server returned: 400 Bad Request: {\"error\":{\"code\":\"AF20012\",\"message\":"
      "\"Specified tenant ID (1b2c3d4e-0000-4000-8000-123456789abc) is incorrectly configured in the system.\"}}");
  REQUIRE_FALSE(r.matches.empty());
  CHECK(r.matches[0].entry->id == "o365-af20012-no-license");
  CHECK(r.matches[0].confident);
  CHECK(r.app_guess == std::optional<std::string>("office365"));
}

TEST_CASE("row 17 (wrapped) beats row 13, and row 13 wins without the wrapper", "[classifier]") {
  const std::string inner =
      "TokenRefreshException: {\"error\":\"invalid_grant\",\"error_description\":\"AADSTS70002: Error validating "
      "credentials. AADSTS70008: The provided authorization code or refresh token is expired.";
  CHECK(Ids(Classify(inner)).front() == "o365-aadsts70008-token-expired");
  CHECK(Ids(Classify("ContextManagerServiceException: com.adallom.adalib.httputils.exceptions." + inner)).front() ==
        "o365-contextmanager-aadsts70008-domain-user");
}

TEST_CASE("a message shared by several apps yields every candidate and no confident one", "[classifier]") {
  const auto r = Classify("HttpRequestFailure: Server returned: 401 Unauthorized");
  REQUIRE(r.matches.size() == 3);
  CHECK_FALSE(r.matches[0].confident);
  std::vector<std::string> apps;
  for (const auto& m : r.matches) apps.push_back(m.app);
  std::sort(apps.begin(), apps.end());
  CHECK(apps == std::vector<std::string>{"exchange", "office365", "okta"});
  CHECK_FALSE(r.app_guess);
}

TEST_CASE("app evidence in the text decides a shared message", "[classifier]") {
  const auto r = Classify("HttpRequestFailure: Server returned: 401 Unauthorized at https://contoso.okta.com/api/v1/logs");
  REQUIRE_FALSE(r.matches.empty());
  CHECK(r.matches[0].entry->id == "okta-401-token-invalid");
  CHECK(r.matches[0].confident);
}

TEST_CASE("an explicit app overrides the text's evidence", "[classifier]") {
  const auto r = Classify("HttpRequestFailure: Server returned: 401 Unauthorized at https://contoso.okta.com", "exchange");
  REQUIRE_FALSE(r.matches.empty());
  CHECK(r.matches[0].entry->id == "exchange-401-bad-credentials");
  CHECK(r.matches[0].app == "exchange");
}

TEST_CASE("invalid_grant alone never decides the app", "[classifier]") {
  const auto r = Classify("{\"error\":\"invalid_grant\",\"error_description\":\"Bad token\"}");
  CHECK((r.matches.empty() || !r.matches[0].confident));
  CHECK(r.fields.oauth_error == "invalid_grant");
}

TEST_CASE("a code the table lacks still gets the code-table answer", "[classifier]") {
  auto r = Classify("AADSTS53003: Access has been blocked by Conditional Access policies.");
  REQUIRE_FALSE(r.matches.empty());
  CHECK(r.matches[0].entry->id == "aadsts-53003");
  CHECK(r.matches[0].entry->source == "code-table");
  r = Classify("AADSTS999999: something new");
  REQUIRE_FALSE(r.matches.empty());
  CHECK(r.matches[0].entry->id == "aadsts-other");
  CHECK_FALSE(r.matches[0].confident);
}

TEST_CASE("unrelated text yields no match, but its fields are still extracted", "[classifier]") {
  const auto r = Classify("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>");
  CHECK(r.matches.empty());
  CHECK(r.fields.http_status == 502);
}

TEST_CASE("top limits the number of matches", "[classifier]") {
  Options o;
  o.top = 1;
  CHECK(DefaultClassifier().Classify("HttpRequestFailure: Server returned: 401 Unauthorized", o).matches.size() == 1);
}

TEST_CASE("options are validated with the valid values listed", "[classifier]") {
  Options o;
  o.app = "dropbox";
  auto e = DefaultClassifier().Validate(o);
  REQUIRE(e);
  CHECK_THAT(e->What(), Catch::Contains("unknown app \"dropbox\"") && Catch::Contains("okta"));
  o.app.clear();
  o.lang = "de";
  e = DefaultClassifier().Validate(o);
  REQUIRE(e);
  CHECK_THAT(e->What(), Catch::Contains("valid languages: en, fr"));
  o.lang = "fr";
  CHECK_FALSE(DefaultClassifier().Validate(o));
}

TEST_CASE("empty, binary-looking and invalid UTF-8 text gives a clean no-match", "[classifier]") {
  CHECK(Classify("").matches.empty());
  CHECK(Classify(std::string("\0\0\xff\xfe\x01", 5)).matches.empty());
  const auto r = Classify("IgniteException \xc3\x28 \xa0\xa1");
  REQUIRE_FALSE(r.matches.empty());
  CHECK(r.matches[0].entry->id == "o365-ignite-domain-user");
}

TEST_CASE("an oversized paste is cut with a warning, not refused or crashed on", "[classifier]") {
  std::string big(kMaxPasteBytes + 100, 'a');
  big.replace(0, 16, "IgniteException ");
  const auto r = Classify(big);
  REQUIRE_FALSE(r.warnings.empty());
  CHECK_THAT(r.warnings[0], Catch::Contains("only its beginning was read"));
  REQUIRE_FALSE(r.matches.empty());
  CHECK(r.matches.front().entry->id == "o365-ignite-domain-user");
}

TEST_CASE("MightMatch is true for rows' literals and false for plain noise", "[classifier]") {
  CHECK(DefaultClassifier().MightMatch("x NullPointerException y"));
  CHECK(DefaultClassifier().MightMatch("Retourné par le serveur : 404"));
  CHECK_FALSE(DefaultClassifier().MightMatch("2026-01-01 INFO request served in 12 ms"));
}

TEST_CASE("classification is deterministic", "[classifier]") {
  const std::string text = "SocketTimeoutException: Read timed out";
  const auto a = Ids(Classify(text));
  for (int i = 0; i < 5; ++i) CHECK(Ids(Classify(text)) == a);
}

TEST_CASE("a pattern needing too much regex work is skipped with a warning and the rest still answers",
          "[classifier]") {
  // A custom knowledge base with a catastrophic pattern, and a sane row beside it.
  auto c = Classifier::FromJson(TroubledAndSane("slow", "(?:a|aa)+(?:a|aa)+b", "aaaa"));
  REQUIRE(c.ok());
  const auto r = c.value().Classify(std::string(5000, 'a'), Options{});
  REQUIRE(Ids(r) == std::vector<std::string>{"sane"});
  REQUIRE_FALSE(r.warnings.empty());
  CHECK_THAT(r.warnings[0], Catch::StartsWith("/entries/0/patterns/0: skipped"));
}

TEST_CASE("the similarity index, built on the first paste no signature matches, answers the same from "
          "threads that all need it at once",
          "[classifier]") {
  // Classify is documented thread-safe, and the index is built lazily (not at load): threads that reach
  // it together on a fresh classifier must get one index and the same proposals as a single thread.
  const std::string reworded = "Box: this user cannot access this feature without an enterprise account";
  const auto expected = Ids(Classify(reworded));
  REQUIRE(!expected.empty());
  REQUIRE(Classify(reworded).matches[0].similar);

  auto fresh = Classifier::FromJson(DefaultKnowledgeBase());
  REQUIRE(fresh.ok());
  std::vector<std::vector<std::string>> answers(4);
  std::vector<std::thread> threads;
  for (auto& answer : answers) {
    threads.emplace_back([&] { answer = Ids(fresh.value().Classify(reworded, Options{})); });
  }
  for (auto& t : threads) t.join();
  for (const auto& answer : answers) CHECK(answer == expected);
}

TEST_CASE("when only other apps' rows match the chosen app's own similar text is the answer", "[classifier]") {
  // The paste says "permission denied", a wording only the other app's row knows; the chosen app has a
  // known text the paste resembles. Before, the other app's row was the only answer (the app filter
  // keeps other apps' rows when nothing else matched) and the similar text was never looked for.
  const auto kb = nlohmann::json::parse(R"({
    "version": "t", "languages": ["en"],
    "apps": {"box": {"name": {"en": "Box"}}, "okta": {"name": {"en": "Okta"}}},
    "entries": [
      {"id": "okta-permission", "source": "custom", "apps": ["okta"], "kind": "permission", "action": "test-now",
       "message": {"en": "permission denied"}, "patterns": ["permission denied"], "cause": {"en": "c"}, "fix": {"en": ["s"]}},
      {"id": "box-collaboration", "source": "custom", "apps": ["box"], "kind": "permission", "action": "test-now",
       "message": {"en": "The service account is not a collaborator on the folder it lists"},
       "patterns": ["never written"], "cause": {"en": "c"}, "fix": {"en": ["s"]}}
    ]})");
  auto c = Classifier::FromJson(kb.dump());
  REQUIRE(c.ok());
  const std::string paste = "permission denied: the service account is not a collaborator on the folder it lists";
  Options box;
  box.app = "box";
  const auto r = c.value().Classify(paste, box);
  REQUIRE_FALSE(r.matches.empty());
  CHECK(r.matches[0].entry->id == "box-collaboration");
  CHECK(r.matches[0].similar);
  CHECK_FALSE(r.matches[0].confident);
  // The other app's row goes: the choice of app is a filter once something of that app is there.
  CHECK(Ids(r) == std::vector<std::string>{"box-collaboration"});

  // With the other app chosen, its own row answers and nothing similar is looked for.
  Options okta;
  okta.app = "okta";
  CHECK(Ids(c.value().Classify(paste, okta)) == std::vector<std::string>{"okta-permission"});
}

TEST_CASE("the built-in knowledge base answers the same with its patterns compiled on first use, from several "
          "threads at once",
          "[classifier]") {
  // The CLI and the page load the built-in knowledge base this way (DefaultClassifier compiles every pattern
  // at load, which is what vouches for them). Each entry's messages and signature examples, classified by
  // four threads on a fresh classifier that has compiled nothing yet, must get what the fully compiled one
  // gives: the same entries, scores and confidence, and the same warnings.
  auto lazy = Classifier::FromJson(DefaultKnowledgeBase(), PatternChecks::kOnFirstUse);
  REQUIRE(lazy.ok());
  CHECK(lazy.value().pattern_checks() == PatternChecks::kOnFirstUse);
  CHECK(DefaultClassifier().pattern_checks() == PatternChecks::kAtLoad);
  std::vector<std::string> texts;
  for (const Entry& e : lazy.value().knowledge_base().entries) {
    for (const auto& [lang, message] : e.message) texts.push_back(message);
    for (const Signature& s : e.signatures) texts.insert(texts.end(), s.examples.begin(), s.examples.end());
  }
  REQUIRE(texts.size() > 300);
  const auto answer = [](const Classifier& c, const std::string& text) {
    const Result r = c.Classify(text, Options{});
    std::vector<std::string> parts;
    for (const Match& m : r.matches) {
      parts.push_back(m.entry->id + " " + std::to_string(m.score) + (m.confident ? " confident" : ""));
    }
    parts.insert(parts.end(), r.warnings.begin(), r.warnings.end());
    return parts;
  };
  std::vector<std::vector<std::string>> expected;
  for (const auto& text : texts) expected.push_back(answer(DefaultClassifier(), text));
  std::vector<std::size_t> differing(4, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < differing.size(); ++t) {
    threads.emplace_back([&, t] {
      // Each thread starts at another text, so that threads compile different patterns at the same time.
      for (std::size_t k = 0; k < texts.size(); ++k) {
        const std::size_t i = (k + t * texts.size() / differing.size()) % texts.size();
        if (answer(lazy.value(), texts[i]) != expected[i]) ++differing[t];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (std::size_t d : differing) CHECK(d == 0);
}

TEST_CASE("on first use a pattern that does not compile is skipped with a warning, at load it is refused",
          "[classifier]") {
  const std::string kb = TroubledAndSane("bad", "(unclosed group", "group");
  const auto refused = Classifier::FromJson(kb);
  REQUIRE_FALSE(refused.ok());
  CHECK_THAT(refused.error().What(), Catch::StartsWith("/entries/0/patterns/0: invalid regular expression"));

  auto loaded = Classifier::FromJson(kb, PatternChecks::kOnFirstUse);
  REQUIRE(loaded.ok());
  const auto r = loaded.value().Classify("(unclosed group", Options{});
  CHECK(Ids(r) == std::vector<std::string>{"sane"});
  REQUIRE(r.warnings.size() == 1);
  CHECK_THAT(r.warnings[0], Catch::StartsWith("/entries/0/patterns/0: skipped, invalid regular expression"));
}
