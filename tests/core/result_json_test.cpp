// Tests of core/src/result_json.cpp: the JSON shape of results and spans in UTF-16 units.
#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "conndiag/result_json.h"
#include "default_classifier.h"

using namespace conndiag;
using conndiag::testing::DefaultClassifier;

TEST_CASE("the result JSON has the fields docs/contracts.md promises", "[json]") {
  const std::string text = "Échec — TokenRefreshException: {\"error\":\"invalid_grant\",\"error_description\":\"AADSTS70008: x\"}";
  Options o;
  const auto r = DefaultClassifier().Classify(text, o);
  const auto j = nlohmann::json::parse(ResultToJson(DefaultClassifier().knowledge_base(), r, o, text, OffsetUnit::kUtf8Bytes));
  REQUIRE(j["matches"].is_array());
  const auto& m = j["matches"][0];
  CHECK(m["id"] == "o365-aadsts70008-token-expired");
  CHECK(m["app"] == "office365");
  CHECK(m["score"].is_number());
  CHECK(m["confident"].is_boolean());
  CHECK(m["cause"].is_string());
  CHECK(m["fix"].is_array());
  CHECK(m["spans"].is_array());
  CHECK(m["evidence"].is_array());
  CHECK(j["app_guess"] == "office365");
  CHECK(j["fields"]["aadsts"] == nlohmann::json::array({"70008"}));
  CHECK(j["fields"]["oauth_error"] == "invalid_grant");
  CHECK(j["fields"]["exception"] == "TokenRefreshException");
  CHECK(j["fields"]["http_status"].is_null());
  CHECK(j["fields"]["af_code"].is_null());
}

TEST_CASE("spans in UTF-16 units point at the same characters as the byte spans", "[json]") {
  const std::string text = "😀 é IgniteException";
  Options o;
  const auto r = DefaultClassifier().Classify(text, o);
  const auto bytes = nlohmann::json::parse(ResultToJson(DefaultClassifier().knowledge_base(), r, o, text, OffsetUnit::kUtf8Bytes));
  const auto units = nlohmann::json::parse(ResultToJson(DefaultClassifier().knowledge_base(), r, o, text, OffsetUnit::kUtf16Units));
  CHECK(bytes["matches"][0]["spans"][0] == nlohmann::json::array({8, 23}));
  CHECK(units["matches"][0]["spans"][0] == nlohmann::json::array({5, 20}));
}

namespace {

// An event of lines 4-9, seen twice, classified by the built-in knowledge base.
LogEvent EventOf(const std::string& text) {
  LogEvent e;
  e.line = 4;
  e.last_line = 9;
  e.count = 2;
  e.text = text;
  e.result = DefaultClassifier().Classify(e.text, Options{});
  return e;
}

}  // namespace

TEST_CASE("a log event line carries its position and count", "[json]") {
  const LogEvent e = EventOf("IgniteException");
  const auto j = nlohmann::json::parse(LogEventToJson(DefaultClassifier().knowledge_base(), e, Options{}, OffsetUnit::kUtf8Bytes));
  CHECK(j["line"] == 4);
  CHECK(j["last_line"] == 9);
  CHECK(j["count"] == 2);
  CHECK(j["text"] == "IgniteException");
  CHECK(j["matches"][0]["id"] == "o365-ignite-domain-user");
}

TEST_CASE("a log event for the page's log table has the table's members only, with the full event's values", "[json]") {
  const LogEvent e = EventOf("IgniteException: HttpRequestFailure: Server returned: 401 Unauthorized");
  const KnowledgeBase& kb = DefaultClassifier().knowledge_base();
  const auto full = nlohmann::json::parse(LogEventToJson(kb, e, Options{}, OffsetUnit::kUtf8Bytes));
  const auto table = nlohmann::json::parse(
      LogEventToJson(kb, e, Options{}, OffsetUnit::kUtf8Bytes, NonAscii::kUtf8, EventDetail::kLogTable));
  REQUIRE(full["matches"].size() > 1);
  nlohmann::json expected = nlohmann::json::object();
  for (const char* key : {"line", "last_line", "count", "status", "text"}) expected[key] = full[key];
  expected["matches"] = nlohmann::json::array();
  for (const auto& m : full["matches"]) {
    nlohmann::json kept = nlohmann::json::object();
    for (const char* key : {"id", "app", "app_name", "score", "confident", "cause", "fix"}) kept[key] = m[key];
    expected["matches"].push_back(kept);
  }
  CHECK(table == expected);
}

TEST_CASE("a result without its rows' text, with each row's text beside it, holds the whole result", "[json]") {
  // A Microsoft Entra code alone: its match moves onto the table row of the same event and keeps the code
  // row's signature, so signature_at names another row than row_index.
  const KnowledgeBase& kb = DefaultClassifier().knowledge_base();
  for (const std::string lang : {"en", "fr"}) {
    for (const std::string text : {"AADSTS50173: The provided grant has expired due to it being revoked.",
                                   "IgniteException: HttpRequestFailure: Server returned: 401 Unauthorized"}) {
      Options o;
      o.lang = lang;
      o.top = 5;
      const auto r = DefaultClassifier().Classify(text, o);
      const auto whole = nlohmann::json::parse(ResultToJson(kb, r, o, text, OffsetUnit::kUtf8Bytes));
      auto by_index = nlohmann::json::parse(
          ResultToJson(kb, r, o, text, OffsetUnit::kUtf8Bytes, NonAscii::kUtf8, RowText::kByIndex));
      REQUIRE(by_index["matches"].size() == whole["matches"].size());
      REQUIRE(!whole["matches"].empty());
      for (auto& m : by_index["matches"]) {
        const auto row = nlohmann::json::parse(RowTextJson(kb, m["row_index"].get<std::size_t>(), lang));
        for (const auto& [key, value] : row.items()) {
          if (key != "signatures") m[key] = value;
        }
        const auto& at = m["signature_at"];
        m["signature"] = at.is_null()
                             ? nlohmann::json()
                             : nlohmann::json::parse(RowTextJson(kb, at[0].get<std::size_t>(),
                                                                 lang))["signatures"][at[1].get<std::size_t>()];
        m.erase("row_index");
        m.erase("signature_at");
      }
      CHECK(by_index == whole);
    }
  }
  CHECK_THROWS_AS(RowTextJson(kb, kb.entries.size(), "en"), std::out_of_range);
}
