// The knowledge base recognizes its own texts: each entry's messages and each signature's examples rank
// that entry first given its app, and every built-in signature says where its wording was seen.
#include <catch2/catch.hpp>

#include "conndiag/default_kb.h"
#include "conndiag/kb_check.h"
#include "default_classifier.h"

using namespace conndiag;
using conndiag::testing::DefaultClassifier;

TEST_CASE("every entry's messages and every signature's examples rank that entry first, given its app", "[kb]") {
  // The same check as `conndiag kb check` (core/src/kb_check.cpp), on the built-in knowledge base.
  const auto checked = CheckKnowledgeBase(DefaultKnowledgeBase(), DefaultKnowledgeBase());
  REQUIRE(checked.ok());
  CHECK(checked.value().texts > 400);  // 449 when written: the check reached every entry
  for (const auto& miss : checked.value().misses) {
    CAPTURE(miss.path, miss.entry_id, miss.text, miss.got);
    FAIL_CHECK("an own text does not rank its entry first");
  }
}

TEST_CASE("every signature of the built-in knowledge base names its sources and an example", "[kb]") {
  for (const auto& e : DefaultClassifier().knowledge_base().entries) {
    for (const auto& sig : e.signatures) {
      CAPTURE(e.id, sig.id);
      CHECK_FALSE(sig.sources.empty());
      for (const auto& url : sig.sources) CHECK(url.rfind("https://", 0) == 0);
      if (!e.fallback && e.source != "code-table") CHECK_FALSE(sig.examples.empty());
    }
  }
}

TEST_CASE("code entries linked to rows: the code, with its row's app named, answers as the row and confidently", "[kb]") {
  const auto& kb = DefaultClassifier().knowledge_base();
  std::size_t links = 0;
  for (const auto& code : kb.entries) {
    for (const auto& row_id : code.same_event) {
      const Entry* row = kb.FindEntry(row_id);
      REQUIRE(row);
      CAPTURE(code.id, row_id);
      Options options;
      options.app = row->apps.front();
      const auto result = DefaultClassifier().Classify("error: " + code.message.at("en"), options);
      REQUIRE_FALSE(result.matches.empty());
      CHECK(result.matches.front().entry->id == row_id);
      REQUIRE(result.matches.front().code);
      CHECK(result.matches.front().code->id == code.id);
      CHECK(result.matches.front().confident);
      ++links;
    }
  }
  CHECK(links >= 5);
}
