// Tests of core/src/match.cpp: signatures compiled with their literals, any signature recognizes the
// entry, all of a signature's patterns must match, the signature that explains most wins.
#include <catch2/catch.hpp>

#include <algorithm>

#include "match.h"
#include "multi_literal_matcher.h"
#include "required_literals.h"

using namespace conndiag;

namespace {

Signature Sig(std::string id, std::vector<std::string> patterns, std::vector<std::string> hints = {}) {
  Signature s;
  s.id = std::move(id);
  s.patterns = std::move(patterns);
  s.hints = std::move(hints);
  s.path = "/entries/0/signatures/" + s.id;
  return s;
}

struct Compiled {
  CompiledEntry entry;
  MultiLiteralMatcher literals;
};

Compiled Compile(const Entry& e) {
  LiteralTable table;
  PatternCache cache;
  auto ce = CompileEntry(e, table, cache);
  REQUIRE(ce.ok());
  return {std::move(ce).value(), MultiLiteralMatcher(table.list())};
}

std::optional<SignatureMatch> Match(const Compiled& c, const std::string& normalized) {
  std::vector<std::uint8_t> found;
  c.literals.Scan(normalized, found);
  std::vector<std::string> warnings;
  auto m = MatchEntry(c.entry, normalized, found, warnings);
  CHECK(warnings.empty());
  return m;
}

}  // namespace

TEST_CASE("any signature recognizes the entry, every pattern of it must match", "[match]") {
  Entry e;
  e.signatures = {Sig("connector", {"httprequestfailure", "server returned:401"}),
                  Sig("vendor", {"\\be0000011\\b", "invalid token provided"})};
  const auto c = Compile(e);
  REQUIRE(Match(c, "httprequestfailure:server returned:401 unauthorized"));
  CHECK(Match(c, "httprequestfailure:server returned:401 unauthorized")->signature == 0);
  REQUIRE(Match(c, "{\"errorcode\":\"e0000011\",\"errorsummary\":\"invalid token provided\"}"));
  CHECK(Match(c, "{\"errorcode\":\"e0000011\",\"errorsummary\":\"invalid token provided\"}")->signature == 1);
  CHECK_FALSE(Match(c, "e0000011 only the code"));       // half of the vendor signature
  CHECK_FALSE(Match(c, "httprequestfailure: 401"));      // half of the connector one
  CHECK_FALSE(Match(c, "e00000111 invalid token provided"));  // a longer code is another code
}

TEST_CASE("the signature that explains more of the text wins, hints included", "[match]") {
  Entry e;
  e.signatures = {Sig("short", {"read timed out"}), Sig("long", {"sockettimeoutexception"}, {"read timed out"})};
  const auto c = Compile(e);
  const auto m = Match(c, "java.net.sockettimeoutexception:read timed out");
  REQUIRE(m);
  CHECK(m->signature == 1);
  CHECK(m->covered == std::string("sockettimeoutexception").size() + std::string("read timed out").size());
}

TEST_CASE("a weak signature wins only when no other signature of its entry matches", "[match]") {
  Entry e;
  Signature generic = Sig("generic", {"invalid_grant", "error_description\":\"bad request"});
  generic.weak = true;
  e.signatures = {Sig("vendor", {"\\binvalid_grant\\b", "google\\.auth"}), generic};
  const auto c = Compile(e);
  // Both match, and the weak one covers more: the strong one still answers.
  const auto both = Match(c, "google.auth.exceptions.refresherror:{\"error\":\"invalid_grant\",\"error_description\":\"bad request\"}");
  REQUIRE(both);
  CHECK(both->signature == 0);
  // Only the weak one matches: it answers.
  const auto alone = Match(c, "{\"error\":\"invalid_grant\",\"error_description\":\"bad request\"}");
  REQUIRE(alone);
  CHECK(alone->signature == 1);
}

TEST_CASE("a set looks only at entries the literals found index, and always at one no literal rules out", "[match]") {
  KnowledgeBase kb;
  for (const auto& [id, pattern] : std::vector<std::pair<std::string, std::string>>{
           {"token", "token (?:has )?expired"}, {"digits", "\\b\\d{5}\\b"}, {"quota", "quota exceeded"}}) {
    Entry e;
    e.id = id;
    e.signatures = {Sig(id, {pattern})};
    kb.entries.push_back(std::move(e));
  }
  REQUIRE(AnalyzeLiterals("\\b\\d{5}\\b").literals.empty());  // no literal can rule it out
  LiteralTable table;
  auto set = SignatureSet::Compile(kb, table);
  REQUIRE(set.ok());
  const MultiLiteralMatcher literals(table.list());
  const auto matched = [&](const std::string& text) {
    std::vector<std::uint8_t> found;
    std::vector<std::uint32_t> hits;
    literals.Scan(text, found, hits);
    std::vector<std::string> warnings;
    std::vector<std::string> ids;
    for (const Candidate& c : set.value().Match(kb, text, found, hits, warnings)) ids.push_back(c.entry->id);
    CHECK(warnings.empty());
    return ids;
  };
  CHECK(matched("the token expired after 40100 seconds") == std::vector<std::string>{"token", "digits"});
  // No literal of any entry occurs: the entry whose pattern has none is still looked at.
  CHECK(matched("waited 50000 ms") == std::vector<std::string>{"digits"});
  CHECK(matched("quota exceeded") == std::vector<std::string>{"quota"});
  CHECK(matched("nothing here").empty());
}

TEST_CASE("compile errors name the signature's pattern", "[match]") {
  Entry e;
  e.signatures = {Sig("fine", {"ok"}), Sig("broken", {"(unclosed"})};
  LiteralTable table;
  PatternCache cache;
  const auto ce = CompileEntry(e, table, cache);
  REQUIRE_FALSE(ce.ok());
  CHECK(ce.error().path == "/entries/0/signatures/broken/patterns/0");
}

TEST_CASE("spans are merged into disjoint sorted ranges, and covered counts each byte once", "[match]") {
  CHECK(MergeSpans({{5, 9}, {0, 3}, {2, 4}, {9, 10}}) == std::vector<Span>{{0, 4}, {5, 10}});
  CHECK(MergeSpans({}).empty());
  CHECK(Covered({{0, 10}, {5, 15}}) == 15);
}

TEST_CASE("a pattern repeated across signatures is compiled once, and keeps its own path", "[match]") {
  LiteralTable table;
  PatternCache cache;
  const auto a = cache.Compile("\\bstatus 401\\b", "/entries/0/signatures/0/patterns/0", table);
  const auto b = cache.Compile("\\bstatus 401\\b", "/entries/5/signatures/2/patterns/1", table);
  const auto other = cache.Compile("\\bstatus 403\\b", "/entries/6/signatures/0/patterns/0", table);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  REQUIRE(other.ok());
  CHECK(a.value().re == b.value().re);  // the same compiled regex
  CHECK(a.value().re != other.value().re);
  CHECK(a.value().literal_ids == b.value().literal_ids);
  CHECK(b.value().path == "/entries/5/signatures/2/patterns/1");  // warnings name where it is written
  // A bad pattern is refused wherever it appears, each time under its own path.
  const auto bad1 = cache.Compile("(unclosed", "/entries/1/signatures/0/patterns/0", table);
  const auto bad2 = cache.Compile("(unclosed", "/entries/2/signatures/0/patterns/0", table);
  REQUIRE_FALSE(bad1.ok());
  REQUIRE_FALSE(bad2.ok());
  CHECK(bad2.error().path == "/entries/2/signatures/0/patterns/0");
}

TEST_CASE("a regex compiled on first use is compiled only when a text's literals let its pattern run", "[match]") {
  Entry e;
  // Not plain patterns (see plain_pattern.h): those are never compiled, checked in the next case.
  e.signatures = {Sig("connector", {"httprequestfailure\\b", "server returned:40[13]"}),
                  Sig("vendor", {"\\be00000\\d{2}\\b", "invalid token provided\\.?"}),
                  Sig("plain", {"\\be0000011\\b", "invalid token provided"})};
  LiteralTable table;
  PatternCache cache(PatternChecks::kOnFirstUse);
  auto compiled = CompileEntry(e, table, cache);
  REQUIRE(compiled.ok());
  const CompiledEntry& entry = compiled.value();
  const auto compiled_count = [&](std::size_t s) {
    const auto& patterns = entry.signatures[s].patterns;
    return std::count_if(patterns.begin(), patterns.end(), [](const CompiledPattern& p) { return p.re->compiled(); });
  };
  CHECK(compiled_count(0) == 0);  // loading compiled nothing
  CHECK(compiled_count(1) == 0);

  const MultiLiteralMatcher literals(table.list());
  const std::string text = "{\"errorcode\":\"e0000011\",\"errorsummary\":\"invalid token provided\"}";
  std::vector<std::uint8_t> found;
  literals.Scan(text, found);
  std::vector<std::string> warnings;
  const auto m = MatchEntry(entry, text, found, warnings);
  REQUIRE(m);
  CHECK(m->signature == 1);  // the first of the two that cover as much
  CHECK(warnings.empty());
  CHECK(compiled_count(0) == 0);  // its literals are absent: never run, never compiled
  CHECK(compiled_count(1) == 2);
  CHECK(compiled_count(2) == 0);  // plain: matched by string search
}

TEST_CASE("a regex that does not compile is refused at load and skipped with a warning on first use", "[match]") {
  LiteralTable table;
  PatternCache at_load;
  const auto refused = at_load.Compile("(unclosed group", "/entries/0/patterns/0", table);
  REQUIRE_FALSE(refused.ok());
  CHECK_THAT(refused.error().message, Catch::StartsWith("invalid regular expression"));

  Entry e;
  e.signatures = {Sig("bad", {"(unclosed group"})};
  PatternCache on_first_use(PatternChecks::kOnFirstUse);
  auto compiled = CompileEntry(e, table, on_first_use);
  REQUIRE(compiled.ok());  // not looked at yet
  const MultiLiteralMatcher literals(table.list());
  const std::string text = "(unclosed group";
  std::vector<std::uint8_t> found;
  literals.Scan(text, found);
  std::vector<std::string> warnings;
  CHECK_FALSE(MatchEntry(compiled.value(), text, found, warnings));
  REQUIRE(warnings.size() == 1);
  CHECK_THAT(warnings[0],
             Catch::StartsWith("/entries/0/signatures/bad/patterns/0: skipped, invalid regular expression"));
}
