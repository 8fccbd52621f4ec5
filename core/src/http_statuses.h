// The wordings of an HTTP status (internal to core): a knowledge base writes them once, in "http_statuses",
// and a signature that gives "status": 401 gets the one pattern they make for 401, so a new wording of a
// status is added in one place for every row that answers it.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "conndiag/knowledge_base.h"
#include "kb_fields.h"

namespace conndiag {

struct HttpStatusWordings {
  struct Forms {
    std::vector<std::string> reasons;  // the reason phrase after the number: "unauthori[sz]ed", "non autorise"
    std::vector<std::string> alone;    // wordings that name the status without its number: "net::httpunauthorized"
  };
  Localized name;                          // the signature's default name, "{status}" standing for the number
  std::vector<std::string> before_number;  // what precedes the bare number: "status[ -]code ", "http:"
  std::map<int, Forms> statuses;           // by status number
  std::vector<std::string> sources;        // where these wordings appear, added to each status signature's
};

// Reads root["http_statuses"] when present (it is optional); false with the error in `fields` otherwise.
bool ReadHttpStatuses(JsonFields& fields, const JsonValue& root, HttpStatusWordings& out);

// The pattern (over normalized text) for `status` in any of its wordings: the number followed by its
// reason phrase, the number after one of the words that introduce it, or a wording that names it alone.
// `status` must be one of `wordings.statuses`.
std::string StatusPattern(const HttpStatusWordings& wordings, int status);

// The default name of a status signature, "{status}" replaced by the number in each language.
Localized StatusName(const HttpStatusWordings& wordings, int status);

}  // namespace conndiag
