// Tests of core/src/extract_fields.cpp: the facts an error carries, reported as written.
#include <catch2/catch.hpp>

#include "conndiag/fields.h"

using conndiag::ExtractFields;
using conndiag::Fields;
using conndiag::Normalize;

namespace {
Fields Extract(const std::string& text) { return ExtractFields(text, Normalize(text)); }
}  // namespace

TEST_CASE("HTTP status and reason, in English and French, as written", "[fields]") {
  auto f = Extract("HttpRequestFailure: Server returned: 401 Unauthorized");
  REQUIRE(f.http_status);
  CHECK(*f.http_status == 401);
  CHECK(f.http_reason == "Unauthorized");
  f = Extract("HttpRequestFailure : Retourné par le serveur : 404 Introuvable");
  CHECK(f.http_status == 404);
  CHECK(f.http_reason == "Introuvable");
  f = Extract("Get events: Request failed with status code 402. Payment Required.");
  CHECK(f.http_status == 402);
  f = Extract("GoogleJsonResponseException: 403 Forbidden");
  CHECK(f.http_status == 403);
  CHECK(f.http_reason == "Forbidden");
}

TEST_CASE("a status inside a JSON payload counts", "[fields]") {
  auto f = Extract(R"(Get events: {"code":403,"serverResponse":{"body":"{\"error\":\"permission denied\"}"}})");
  CHECK(f.http_status == 403);
  CHECK(f.oauth_error == "permission denied");
}

TEST_CASE("no status in text without one", "[fields]") {
  CHECK_FALSE(Extract("NullPointerException").http_status);
  CHECK_FALSE(Extract("version 1.401 build 500").http_status);
}

TEST_CASE("AADSTS, AF and Okta codes in order, without repeats", "[fields]") {
  const auto f = Extract(
      "AADSTS70002: Error validating credentials. AADSTS70008: expired. aadsts70002 again. "
      R"({"error":{"code":"AF20012"}} {"errorCode":"E0000011"})");
  CHECK(f.aadsts == std::vector<std::string>{"70002", "70008"});
  CHECK(f.af_codes == std::vector<std::string>{"AF20012"});
  CHECK(f.okta_codes == std::vector<std::string>{"E0000011"});
  CHECK(f.error_code == "AF20012");
}

TEST_CASE("exception class names keep their case, prose 'failure' is not one", "[fields]") {
  const auto f = Extract(
      "ContextManagerServiceException: com.adallom.adalib.httputils.exceptions.TokenRefreshException: "
      "the failure of java.lang.NullPointerException");
  CHECK(f.exceptions ==
        std::vector<std::string>{"ContextManagerServiceException", "TokenRefreshException", "NullPointerException"});
}

TEST_CASE("OAuth error and description, from JSON or from an unterminated fragment", "[fields]") {
  auto f = Extract(R"(TokenRefreshException: {"error":"invalid_grant","error_description":"AADSTS70008: expired)");
  CHECK(f.oauth_error == "invalid_grant");
  CHECK(f.oauth_error_description == "AADSTS70008: expired");
  f = Extract(R"(x {"error": "invalid_client", "error_description": "Bad client"} y)");
  CHECK(f.oauth_error == "invalid_client");
  CHECK(f.oauth_error_description == "Bad client");
}

TEST_CASE("JSON error objects give code and message", "[fields]") {
  const auto f = Extract(R"({"error":{"code":"AF20023","message":"The subscription was disabled."}})");
  CHECK(f.error_code == "AF20023");
  CHECK(f.error_message == "The subscription was disabled.");
}

TEST_CASE("tenant id, GUIDs, URLs and hosts", "[fields]") {
  const auto f = Extract(
      "Tenant 998cea7e-35cd-46a5-ab3c-8ec88a45d7d5 does not exist; see "
      "https://login.microsoftonline.com/common/oauth2/token. Trace 0f3b8c1e-7d2a-4a3e-9d8b-1c2f3e4d5a6b "
      "on contoso.my.salesforce.com");
  CHECK(f.tenant_id == "998cea7e-35cd-46a5-ab3c-8ec88a45d7d5");
  CHECK(f.guids.size() == 2);
  CHECK(f.urls == std::vector<std::string>{"https://login.microsoftonline.com/common/oauth2/token"});
  CHECK(f.hosts == std::vector<std::string>{"login.microsoftonline.com", "contoso.my.salesforce.com"});
}

TEST_CASE("a GUID not named as a tenant is not the tenant id", "[fields]") {
  const auto f = Extract("Correlation ID: 5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d");
  CHECK(f.tenant_id.empty());
  CHECK(f.guids.size() == 1);
}

TEST_CASE("lists are capped on hostile input", "[fields]") {
  std::string text;
  for (int i = 0; i < 500; ++i) text += "AADSTS" + std::to_string(10000 + i) + " ";
  CHECK(Extract(text).aadsts.size() == 20);
}

TEST_CASE("malformed and deeply nested JSON does not break extraction", "[fields]") {
  CHECK(Extract(std::string(5000, '{')).oauth_error.empty());
  CHECK(Extract("{\"error\": [1, 2, {\"error\": \"x\"}]}").oauth_error == "x");
  CHECK(Extract("{\"a\": \"unterminated").error_code.empty());
}
