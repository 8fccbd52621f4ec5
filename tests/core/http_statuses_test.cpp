// Tests of core/src/http_statuses.cpp and the loader's "status" signatures: the shared wordings of an HTTP
// status, written once in "http_statuses", make the first pattern of every signature that names the status.
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

json StatusKb() {
  return json::parse(R"({
    "version": "t1",
    "languages": ["en", "fr"],
    "apps": {"box": {"name": {"en": "Box", "fr": "Box"}, "clues": ["com.box."]}},
    "http_statuses": {
      "name": {"en": "an HTTP {status} in any wording", "fr": "un HTTP {status}, quelle que soit la formulation"},
      "before_number": ["status code ", "http:"],
      "statuses": {"401": {"reasons": ["unauthori[sz]ed", "non autorise"], "alone": ["net::httpunauthorized"]},
                   "429": {"reasons": ["too many requests"]}},
      "sources": ["https://example.com/wordings", "https://example.com/shared"]
    },
    "entries": [{
      "id": "box-401", "source": "custom", "apps": ["box"], "kind": "authentication", "action": "reconnect",
      "message": {"en": "Request failed with status code 401"},
      "signatures": [{"id": "status", "status": 401, "sources": ["https://example.com/shared", "https://example.com/own"]}],
      "cause": {"en": "c", "fr": "c"}, "fix": {"en": ["s"], "fr": ["s"]}
    }]
  })");
}

std::string LoadError(const json& kb) { return conndiag::testing::LoadError(kb.dump()); }

}  // namespace

TEST_CASE("a status signature gets the status's pattern from http_statuses, a name, the shared sources, and is weak", "[kb][status]") {
  auto kb = ParseKnowledgeBase(StatusKb().dump());
  REQUIRE(kb.ok());
  const auto& sig = kb.value().entries[0].signatures[0];
  CHECK(sig.status == 401);
  REQUIRE(sig.patterns.size() == 1);
  CHECK(sig.patterns[0] ==
        R"(\b401\)?[ :|-]{0,3}\(?(?:(?:client|server) error:)?(?:unauthori[sz]ed|non autorise)\b|(?:status code 401|http:401)\b|\bnet::httpunauthorized\b)");
  CHECK(sig.name.at("en") == "an HTTP 401 in any wording");
  CHECK(sig.name.at("fr") == "un HTTP 401, quelle que soit la formulation");
  // Its own first, then the shared ones it does not already list.
  CHECK(sig.sources == std::vector<std::string>{"https://example.com/shared", "https://example.com/own",
                                                "https://example.com/wordings"});
  CHECK(sig.weak);
}

TEST_CASE("a status signature recognizes every wording of its status, and not the number alone or inside another", "[kb][status]") {
  auto loaded = Classifier::FromJson(StatusKb().dump());
  REQUIRE(loaded.ok());
  const Classifier& c = loaded.value();
  conndiag::Options o;
  o.app = "box";
  for (const char* text : {"The remote server returned an error: (401) Unauthorized.", "Request failed with status code 401",
                           "HTTP:401 from com.box.sdk", "Net::HTTPUnauthorized", "Le serveur distant a retourné une erreur : (401) Non autorisé.",
                           "it throws a 401 Client Error: Unauthorized for url."}) {
    const auto result = c.Classify(text, o);
    INFO(text);
    REQUIRE_FALSE(result.matches.empty());
    CHECK(result.matches[0].entry->id == "box-401");
    CHECK_FALSE(result.matches[0].confident);  // weak: at most possible
  }
  for (const char* text : {"user 401 logged in", "status code 4012", "HTTP 401"}) {
    const auto result = c.Classify(text, o);
    INFO(text);
    CHECK((result.matches.empty() || result.matches[0].similar));
  }
}

TEST_CASE("a status signature's own patterns follow the status's, must all match, and keep their own paths", "[kb][status]") {
  auto kb = StatusKb();
  auto& sig = kb["entries"][0]["signatures"][0];
  sig["patterns"] = {"\\bbox\\b"};
  sig["name"] = {{"en", "a 401 from Box"}};
  sig["weak"] = false;
  auto parsed = ParseKnowledgeBase(kb.dump());
  REQUIRE(parsed.ok());
  const auto& loaded = parsed.value().entries[0].signatures[0];
  REQUIRE(loaded.patterns.size() == 2);
  CHECK(loaded.patterns[0].find("status code 401") != std::string::npos);
  CHECK(loaded.patterns[1] == "\\bbox\\b");
  CHECK(loaded.name.at("en") == "a 401 from Box");
  CHECK_FALSE(loaded.weak);

  auto c = Classifier::FromJson(kb.dump());
  REQUIRE(c.ok());
  CHECK(c.value().Classify("Request failed with status code 401", {}).matches.empty());
  const auto both = c.value().Classify("Box: Request failed with status code 401", {});
  REQUIRE_FALSE(both.matches.empty());
  CHECK(both.matches[0].entry->id == "box-401");

  // Decisive (its own pattern names the event) is not weak, without saying "weak": false.
  sig.erase("weak");
  sig["decisive"] = true;
  auto decisive = ParseKnowledgeBase(kb.dump());
  REQUIRE(decisive.ok());
  CHECK(decisive.value().entries[0].signatures[0].decisive);
  CHECK_FALSE(decisive.value().entries[0].signatures[0].weak);

  // An error in its own first pattern is reported there, not at the status's.
  sig["patterns"] = {"(unclosed"};
  CHECK_THAT(LoadError(kb), Catch::Contains("/entries/0/signatures/0/patterns/0"));
}

TEST_CASE("status signatures and http_statuses are checked, each problem at its JSON path", "[kb][status]") {
  {
    auto kb = StatusKb();
    kb.erase("http_statuses");
    CHECK_THAT(LoadError(kb), Catch::Contains("/entries/0/signatures/0/status") && Catch::Contains("/http_statuses"));
  }
  {
    auto kb = StatusKb();
    kb["entries"][0]["signatures"][0]["status"] = 403;
    CHECK_THAT(LoadError(kb), Catch::Contains("no wordings for HTTP 403"));
  }
  for (const json& bad : {json("401"), json(4010), json(99), json(401.5)}) {
    auto kb = StatusKb();
    kb["entries"][0]["signatures"][0]["status"] = bad;
    CHECK_THAT(LoadError(kb), Catch::Contains("/entries/0/signatures/0/status: must be an HTTP status number"));
  }
  {
    auto kb = StatusKb();
    kb["entries"][0]["signatures"][0].erase("status");
    CHECK_THAT(LoadError(kb), Catch::Contains("/entries/0/signatures/0/patterns: required field is missing"));
  }
  {
    auto kb = StatusKb();
    kb["http_statuses"]["name"]["fr"] = "un HTTP";
    CHECK_THAT(LoadError(kb), Catch::Contains("/http_statuses/name/fr: must contain {status}"));
  }
  {
    auto kb = StatusKb();
    kb["http_statuses"]["statuses"]["4xx"] = {{"reasons", {"client error"}}};
    CHECK_THAT(LoadError(kb), Catch::Contains("/http_statuses/statuses/4xx: status keys are HTTP status numbers"));
  }
  {
    auto kb = StatusKb();
    kb["http_statuses"]["statuses"]["401"].erase("reasons");
    CHECK_THAT(LoadError(kb), Catch::Contains("/http_statuses/statuses/401/reasons: required field is missing"));
  }
  {
    auto kb = StatusKb();
    kb["http_statuses"]["colour"] = "blue";
    CHECK_THAT(LoadError(kb), Catch::Contains("/http_statuses/colour: unknown field"));
  }
  {
    // A wording in uppercase would never match normalized text: refused where the status is used.
    auto kb = StatusKb();
    kb["http_statuses"]["statuses"]["401"]["reasons"] = {"Unauthorized"};
    CHECK_THAT(LoadError(kb), Catch::Contains("/entries/0/signatures/0/status") && Catch::Contains("lowercase"));
  }
}

TEST_CASE("the built-in knowledge base writes its status wordings once", "[kb][status]") {
  auto kb = ParseKnowledgeBase(conndiag::DefaultKnowledgeBase());
  REQUIRE(kb.ok());
  std::size_t status_signatures = 0;
  for (const auto& e : kb.value().entries) {
    for (const auto& sig : e.signatures) {
      if (sig.status == 0) continue;
      ++status_signatures;
      INFO(e.id << " / " << sig.id);
      CHECK(sig.patterns[0].find("status[ -]code") != std::string::npos);
      CHECK_FALSE(sig.sources.empty());
    }
  }
  CHECK(status_signatures >= 10);
}

TEST_CASE("a portal file that extends the built-in knowledge base can name a status in its own signatures", "[kb][status]") {
  const json overlay = json::parse(R"({
    "extends": "conndiag",
    "entries": [{
      "id": "contoso-proxy-403", "apps": ["box"], "kind": "permission", "action": "contact-support",
      "message": {"en": "Contoso proxy: Request failed with status code 403"},
      "signatures": [{"id": "proxy-403", "status": 403, "patterns": ["\\bcontoso proxy\\b"], "weak": false}],
      "cause": {"en": "The company proxy refused the call.", "fr": "Le proxy de l'entreprise a refusé l'appel."},
      "fix": {"en": ["Ask the network team."], "fr": ["Demandez à l'équipe réseau."]}
    }]
  })");
  auto c = Classifier::FromJsonExtending(conndiag::DefaultKnowledgeBase(), overlay.dump());
  REQUIRE(c.ok());
  conndiag::Options o;
  o.app = "box";
  const auto result = c.value().Classify("Contoso proxy: Request failed with status code 403", o);
  REQUIRE_FALSE(result.matches.empty());
  CHECK(result.matches[0].entry->id == "contoso-proxy-403");
  CHECK(result.matches[0].confident);  // "weak": false, and its own pattern names the proxy
}

TEST_CASE("a portal file can add a status the built-in rows do not use, and its row names it", "[kb][status]") {
  const json overlay = json::parse(R"json({
    "extends": "conndiag",
    "http_statuses": {"statuses": {"407": {"reasons": ["proxy authentication required", "authentification proxy requise"]}}},
    "entries": [{
      "id": "contoso-proxy-407", "apps": ["office365"], "kind": "configuration", "action": "enable-setting",
      "message": {"en": "Request failed with status code 407 (proxy.contoso.com)"},
      "signatures": [{"id": "proxy-407", "status": 407, "patterns": ["proxy\\.contoso\\.com"], "weak": false}],
      "cause": {"en": "The proxy asked for credentials.", "fr": "Le proxy a demandé des identifiants."},
      "fix": {"en": ["Ask the network team."], "fr": ["Demandez à l'équipe réseau."]}
    }]
  })json");
  auto c = Classifier::FromJsonExtending(conndiag::DefaultKnowledgeBase(), overlay.dump());
  REQUIRE(c.ok());
  conndiag::Options o;
  o.app = "office365";
  for (const char* text : {"Request failed with status code 407 (proxy.contoso.com)",
                           "407 Proxy Authentication Required from proxy.contoso.com:8080"}) {
    INFO(text);
    const auto result = c.value().Classify(text, o);
    REQUIRE_FALSE(result.matches.empty());
    CHECK(result.matches[0].entry->id == "contoso-proxy-407");
  }
  // The built-in statuses are still there: a built-in 401 row still answers its wordings.
  const auto builtin = c.value().Classify("The remote server returned an error: (401) Unauthorized.", o);
  REQUIRE_FALSE(builtin.matches.empty());
  CHECK(builtin.matches[0].entry->id != "contoso-proxy-407");

  // Not an object: refused before merging, at the file's own path.
  auto bad = overlay;
  bad["http_statuses"] = json::array();
  auto refused = Classifier::FromJsonExtending(conndiag::DefaultKnowledgeBase(), bad.dump());
  REQUIRE_FALSE(refused.ok());
  CHECK_THAT(refused.error().What(), Catch::StartsWith("/http_statuses: must be an object"));
}
