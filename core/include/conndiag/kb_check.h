// Checking a knowledge base before use: it loads, and it recognizes its own texts. What `conndiag kb check`
// runs, and what the tests hold the built-in knowledge base to.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "conndiag/expected.h"

namespace conndiag {

// One of an entry's own texts (a message, a signature's example) that does not get its entry first.
struct OwnTextMiss {
  std::string path;      // JSON pointer in the checked file: /entries/3/message/fr, /entries/3/signatures/1/examples/0
  std::string entry_id;
  std::string text;
  std::string got;       // the entry that came first instead, or "" for no answer
  bool similar = false;  // what came first is only a similarity proposal (no signature matched)
};

struct KnowledgeBaseCheck {
  std::string version;           // of the loaded knowledge base ("base+overlay" for an extending file)
  std::size_t entries = 0;       // entries checked: all of a complete file's, an extending file's own
  std::size_t texts = 0;         // own texts classified
  std::vector<OwnTextMiss> misses;
  // Staleness of the checked rows of Microsoft's table (source "connector", a row number), by their reference.
  std::size_t table_rows = 0;
  std::string oldest_check, newest_check;  // YYYY-MM-DD over the rows found on the page; empty when none
  std::vector<std::string> not_on_page;    // ids of rows whose reference says "missing"
  std::vector<std::string> unreferenced;   // ids of rows with no reference
};

// Loads `json`, a complete knowledge base or one that extends `base_json` ("extends"), as the CLI and the
// page do; a file that does not load is the Error (its JSON path in the file's own terms). Then classifies
// each checked entry's own texts with the entry's app (a row for every app as a Box error): each must rank
// that entry first — or, for a code entry linked to a row, that row with the code — by a signature, not
// by resemblance. Catch-all entries, and the bare codes that are code entries' messages, are not checked.
Expected<KnowledgeBaseCheck> CheckKnowledgeBase(std::string_view base_json, std::string_view json);

}  // namespace conndiag
