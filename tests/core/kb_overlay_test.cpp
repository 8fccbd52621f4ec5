// Tests of core/src/kb_overlay.cpp through Classifier::FromJsonExtending: portal files that extend the
// built-in knowledge base are merged once, in the core, and held to the same rules as a whole one.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "conndiag/classifier.h"
#include "conndiag/default_kb.h"
#include "kb_overlay.h"

using namespace conndiag;
using nlohmann::json;

namespace {

Expected<Classifier> Extend(const json& overlay) {
  return Classifier::FromJsonExtending(DefaultKnowledgeBase(), overlay.dump());
}

std::string ErrorOf(const json& overlay) {
  auto loaded = Extend(overlay);
  REQUIRE_FALSE(loaded.ok());
  return loaded.error().What();
}

const json kNewRow = {{"id", "portal-vpn"}, {"apps", {"office365"}}, {"kind", "configuration"},
                      {"action", "enable-setting"}, {"message", {{"en", "ConnectorProxyException: VPN required"}}},
                      {"patterns", {"connectorproxyexception", "vpn required"}},
                      {"cause", {{"en", "VPN"}, {"fr", "VPN"}}}, {"fix", {{"en", {"Connect."}}, {"fr", {"Connectez."}}}}};

}  // namespace

TEST_CASE("an extending file adds rows, overrides given fields only, merges apps and versions", "[overlay]") {
  json patch = {{"id", "box-rest-failed-parse"}};
  patch["fix"] = {{"en", {"Call the help desk."}}, {"fr", {"Appelez."}}};
  json overlay = {{"extends", "conndiag"}, {"version", "portal-1"}};
  overlay["apps"]["box"]["name"] = {{"en", "Box (corporate)"}, {"fr", "Box (entreprise)"}};
  overlay["entries"] = json::array({patch, kNewRow});
  auto loaded = Extend(overlay);
  REQUIRE(loaded.ok());
  const auto& c = loaded.value();
  const auto& kb = c.knowledge_base();
  const auto base = json::parse(DefaultKnowledgeBase());
  CHECK(kb.version == base["version"].get<std::string>() + "+portal-1");
  CHECK(kb.entries.size() == base["entries"].size() + 1);
  const Entry* patched = kb.FindEntry("box-rest-failed-parse");
  REQUIRE(patched);
  CHECK(patched->fix.at("en") == std::vector<std::string>{"Call the help desk."});
  CHECK(patched->signatures.size() > 1);  // its signatures were not given, so they stay
  CHECK(kb.FindEntry("portal-vpn")->source == "custom");
  CHECK(kb.FindApp("box")->name.at("en") == "Box (corporate)");
  CHECK_FALSE(kb.FindApp("box")->clues.empty());
  Options o;
  o.app = "office365";
  CHECK(c.Classify("ConnectorProxyException: VPN required", o).matches.at(0).entry->id == "portal-vpn");
}

TEST_CASE("an overlay is held to the rules of a whole knowledge base, errors in its own terms", "[overlay]") {
  CHECK(ErrorOf({{"extends", "conndiag"}, {"entires", json::array()}}) ==
        "/entires: unknown field \"entires\" (expected one of: $schema, description, version, extends, apps, "
        "http_statuses, entries)");
  CHECK(ErrorOf({{"extends", "conndiag"}, {"version", json::object()}}) == "/version: must be a string");
  CHECK(ErrorOf({{"extends", "other"}}) == "/extends: must be \"conndiag\" (the built-in knowledge base)");
  CHECK(ErrorOf({{"extends", "conndiag"}, {"entries", json::object()}}) == "/entries: must be an array");
  CHECK(ErrorOf({{"extends", "conndiag"}, {"entries", {json::object()}}}) == "/entries/0: each entry needs a string \"id\"");
  json bad = kNewRow;
  bad["patterns"] = {"(unclosed"};
  CHECK_THAT(ErrorOf({{"extends", "conndiag"}, {"entries", {bad}}}),
             Catch::StartsWith("/entries/0/patterns/0: invalid regular expression"));
  json typo = kNewRow;
  typo["fixx"] = "x";
  CHECK_THAT(ErrorOf({{"extends", "conndiag"}, {"entries", {typo}}}), Catch::StartsWith("/entries/0/fixx: unknown field"));
  // What the file gives at a path of the merged base is its own: reported at that path.
  CHECK_THAT(ErrorOf({{"extends", "conndiag"}, {"apps", {{"box", {{"name", 3}}}}}}),
             Catch::StartsWith("/apps/box/name: "));
  CHECK_THAT(ErrorOf({{"extends", "conndiag"}, {"http_statuses", {{"statuses", {{"407", {{"reasons", {3}}}}}}}}}),
             Catch::StartsWith("/http_statuses/statuses/407/reasons/0: must be a string"));
  CHECK_THAT(ErrorOf({{"extends", "conndiag"}, {"http_statuses", {{"before_number", "status"}}}}),
             Catch::StartsWith("/http_statuses/before_number: "));
  // A status wording that breaks a built-in row's pattern: refused where the row uses it, pointing at the
  // wordings to mend.
  const json broken_401 = {{"statuses", {{"401", {{"reasons", {"(unclosed"}}}}}}};
  CHECK_THAT(ErrorOf({{"extends", "conndiag"}, {"http_statuses", broken_401}}),
             Catch::StartsWith("(merged with the built-in knowledge base) /entries/") &&
                 Catch::Contains("/status: invalid regular expression") &&
                 Catch::Contains("(made from the wordings of /http_statuses/statuses/401 and "
                                 "/http_statuses/before_number)"));
}

TEST_CASE("an overlay over 8 MB is refused before it is parsed", "[overlay]") {
  std::string huge = R"({"extends": "conndiag", "description": ")" + std::string(9u << 20, 'x') + "\"}";
  auto loaded = Classifier::FromJsonExtending(DefaultKnowledgeBase(), huge);
  REQUIRE_FALSE(loaded.ok());
  CHECK_THAT(loaded.error().What(), Catch::Contains("the limit is"));
}

TEST_CASE("a file without extends replaces the base, as FromJson would load it", "[overlay]") {
  auto loaded = Classifier::FromJsonExtending(DefaultKnowledgeBase(), DefaultKnowledgeBase());
  REQUIRE(loaded.ok());
  CHECK_FALSE(loaded.value().knowledge_base().entries.empty());
}

TEST_CASE("a file that extends and changes nothing merges into the base knowledge base value for value", "[kb_overlay]") {
  // Every value of the base is written out again by the merge (strings with escapes and accents, numbers,
  // booleans): nothing may be lost or changed on the way.
  auto merged = MergeOverlay(DefaultKnowledgeBase(), R"({"extends": "conndiag"})");
  REQUIRE(merged.ok());
  json base = json::parse(DefaultKnowledgeBase());
  base.erase("$schema");
  CHECK(json::parse(merged.value().json) == base);
  const json odd = {{"version", "1"}, {"entries", json::array()}, {"apps", json::object()},
                    {"values", {-9223372036854775807LL - 1, 18446744073709551615ULL, 1.5e300, -0.30000000000000004, true, false, nullptr,
                                "quote \" backslash \\ tab \t nul \\u0000 \xC3\xA9 \xF0\x9F\x98\x80"}}};
  auto again = MergeOverlay(odd.dump(), R"({"extends": "conndiag"})");
  REQUIRE(again.ok());
  CHECK(json::parse(again.value().json) == odd);
}
