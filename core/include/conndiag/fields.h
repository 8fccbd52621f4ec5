// Field extraction: the facts a connector error carries (status, codes, exception, OAuth error, hosts).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "conndiag/normalize.h"

namespace conndiag {

struct Fields {
  std::optional<int> http_status;           // 401
  std::string http_reason;                  // as written: "Unauthorized", "Non autorisé"
  std::vector<std::string> aadsts;          // digits only, in order of appearance: "70002", "70008"
  std::vector<std::string> af_codes;        // "AF20012"
  std::vector<std::string> okta_codes;      // "E0000011"
  std::vector<std::string> exceptions;      // as written, outermost first: "TokenRefreshException"
  std::string oauth_error;                  // "invalid_grant"
  std::string oauth_error_description;
  std::string error_code;                   // a JSON payload's "code", if not an HTTP status
  std::string error_message;                // a JSON payload's "message"
  std::string tenant_id;                    // the GUID named as a tenant, if any
  std::vector<std::string> guids;
  std::vector<std::string> urls;
  std::vector<std::string> hosts;
};

// Extracts fields from a text and its normalized form (which must have offsets). Values are reported
// as written in `original`, so exception names keep their case and French reasons their accents.
Fields ExtractFields(std::string_view original, const NormalizedText& normalized);

}  // namespace conndiag
