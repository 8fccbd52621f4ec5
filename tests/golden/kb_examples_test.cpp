// The knowledge base recognizes its own texts: each entry's messages and each signature's examples rank
// that entry first given its app, and every built-in signature says where its wording was seen.
#include <catch2/catch.hpp>

#include <regex>

#include "default_classifier.h"

using namespace conndiag;
using conndiag::testing::DefaultClassifier;

namespace {

struct Own {
  const Entry* entry;
  std::string text;
  std::string what;
};

std::vector<Own> OwnTexts() {
  std::vector<Own> out;
  for (const auto& e : DefaultClassifier().knowledge_base().entries) {
    if (e.fallback) continue;  // catch-alls answer only when nothing more specific does
    for (const auto& [lang, text] : e.message) {
      // A code entry's message is the bare code; a message with a placeholder is not a paste.
      if (e.source != "code-table") out.push_back({&e, text, "message/" + lang});
    }
    for (const auto& sig : e.signatures) {
      for (std::size_t i = 0; i < sig.examples.size(); ++i) {
        out.push_back({&e, sig.examples[i], sig.id + "/examples/" + std::to_string(i)});
      }
    }
  }
  return out;
}

}  // namespace

TEST_CASE("every entry's messages and every signature's examples rank that entry first, given its app", "[kb]") {
  static const auto texts = OwnTexts();
  REQUIRE(texts.size() > 150);
  const auto i = GENERATE(range(std::size_t{0}, texts.size()));
  const Own& own = texts[i];
  CAPTURE(own.entry->id, own.what, own.text);
  Options options;
  // A row for every app is checked as a Box error would be: Box has no timeout or 500 row of its own, so
  // the every-app row is its answer (for Salesforce a read timeout is Salesforce's own row).
  options.app = own.entry->apps.front() == "all" ? "box" : own.entry->apps.front();
  const auto result = DefaultClassifier().Classify(own.text, options);
  REQUIRE_FALSE(result.matches.empty());
  // A code entry linked to a row answers as that row, with the code attached.
  const Match& top = result.matches.front();
  const bool as_row = top.code && top.code->id == own.entry->id;
  CHECK((top.entry->id == own.entry->id || as_row));
  CHECK_FALSE(top.similar);
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
