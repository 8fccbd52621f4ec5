// Tests of core/src/required_literals.cpp: the literals a regex cannot match without.
#include <catch2/catch.hpp>

#include <boost/regex.hpp>

#include <optional>
#include <random>

#include "default_classifier.h"
#include "pattern_safety.h"
#include "plain_pattern.h"
#include "required_literals.h"

using conndiag::RequiredLiterals;
using Set = std::vector<std::string>;

TEST_CASE("a plain literal is its own requirement", "[prefilter]") {
  CHECK(RequiredLiterals("nullpointerexception") == Set{"nullpointerexception"});
  CHECK(RequiredLiterals(R"(\bnullpointerexception\b)") == Set{"nullpointerexception"});
  CHECK(RequiredLiterals(R"(com\.box\.)") == Set{"com.box."});
}

TEST_CASE("picks the longest literal run of a sequence", "[prefilter]") {
  CHECK(RequiredLiterals(R"(ab\d+longer_run)") == Set{"longer_run"});
  CHECK(RequiredLiterals(R"("code":403\b)") == Set{"\"code\":403"});
}

TEST_CASE("an alternation needs one literal per branch", "[prefilter]") {
  CHECK(RequiredLiterals("read timed out|expiration du delai") == Set{"expiration du delai", "read timed out"});
  CHECK(RequiredLiterals("(?:server returned|retourne par le serveur):401") ==
        Set{"retourne par le serveur:401", "server returned:401"});
}

TEST_CASE("a branch with no literal makes the whole alternation unknown", "[prefilter]") {
  CHECK(RequiredLiterals(R"(abc|\d+)").empty());
}

TEST_CASE("optional atoms end a literal run", "[prefilter]") {
  CHECK(RequiredLiterals("abcd?efg") == Set{"abc"});  // "abc" then optional d: "efg" also 3, first kept
  CHECK(RequiredLiterals("ab(?:cd)?efgh") == Set{"efgh"});
  CHECK(RequiredLiterals("x*") .empty());
  CHECK(RequiredLiterals("ab{0,3}") == Set{"a"});
  CHECK(RequiredLiterals("ab+c") == Set{"ab"});
}

TEST_CASE("classes, dots and escapes break runs, look-arounds do not", "[prefilter]") {
  CHECK(RequiredLiterals("ab[xy]cde") == Set{"abxcde", "abycde"});  // a small class is a set of runs
  CHECK(RequiredLiterals("ab[^xy]cde") == Set{"cde"});
  CHECK(RequiredLiterals(R"(ab[\d]cde)") == Set{"cde"});
  CHECK(RequiredLiterals("ab[a-z]cde") == Set{"cde"});  // too many alternatives
  CHECK(RequiredLiterals("ab.cde") == Set{"cde"});
  CHECK(RequiredLiterals(R"(ab(?=x)cd)") == Set{"abcd"});
  CHECK(RequiredLiterals(R"([\]a]bcd)") == Set{"]bcd", "abcd"});
}

TEST_CASE("a positive look-around's literals must be in the text: a requirement of their own", "[prefilter]") {
  // The .NET wording's status patterns: before, "unauthorized" was chosen, which most 401 texts hold.
  const std::string dotnet =
      R"((?:(?<=the remote server returned an error:)|(?<=le serveur distant a retourne une erreur:))\(401\) ?unauthorized)";
  const auto analysis = conndiag::AnalyzeLiterals(dotnet);
  CHECK(analysis.literals == Set{"le serveur distant a retourne une erreur:", "the remote server returned an error:"});
  CHECK_FALSE(analysis.prefix);  // the phrase is before the match, not at its start
  CHECK(RequiredLiterals(R"((?=.*wxyz)a.b)") == Set{"wxyz"});
  CHECK(RequiredLiterals(R"((?=.*wxyz)ab)") == Set{"ab"});  // a match that is exactly "ab" says more
  // A negative one requires nothing, and neither does an optional one.
  CHECK(RequiredLiterals(R"((?<!wxyz)ab)") == Set{"ab"});
  CHECK(RequiredLiterals(R"((?!wxyz)ab)") == Set{"ab"});
  CHECK(RequiredLiterals(R"((?:(?<=wxyz)?|cd)ab)").size() == 1);  // a branch that needs nothing: only "ab"
  // Each branch's own requirement joins the alternation's set (equal strength to "ab": the first is kept).
  CHECK(RequiredLiterals(R"((?:(?<=wxyz)|cd)ab)") == Set{"cd", "wxyz"});
  // Soundness where it matters: the phrase is in the text though not in the match.
  boost::smatch m;
  const std::string text = "the remote server returned an error:(401) unauthorized";
  REQUIRE(boost::regex_search(text, m, boost::regex(dotnet)));
  CHECK(m.str(0) == "(401) unauthorized");
}

TEST_CASE("the other requirements of the top-level sequence are kept as well", "[prefilter]") {
  using Sets = std::vector<Set>;
  const auto dotnet = conndiag::AnalyzeLiterals(R"((?<=the remote server returned an error:)\(401\) unauthorized)");
  CHECK(dotnet.literals == Set{"(401) unauthorized"});  // the match is exactly this: it stays the first
  CHECK(dotnet.also == Sets{{"the remote server returned an error:"}});
  CHECK(conndiag::AnalyzeLiterals("tenant id .{0,80}?is incorrectly configured").also == Sets{{"tenant id "}});
  // A branch's requirement is not the whole pattern's.
  CHECK(conndiag::AnalyzeLiterals("tenant id .{0,80}?is bad|other wording").also.empty());
  // Nor is one inside a group, an optional part or a negative look-around.
  CHECK(conndiag::AnalyzeLiterals("(?:tenant id .{0,80}?is bad)x").also.empty());
  CHECK(conndiag::AnalyzeLiterals("(?:tenant id )?.{0,80}?is incorrectly configured").also.empty());
  CHECK(conndiag::AnalyzeLiterals("(?<!tenant id ).{0,80}?is incorrectly configured").also.empty());
  // Short ones are left out unless asked for.
  CHECK(conndiag::AnalyzeLiterals("abc.{0,9}incorrectly").also.empty());
  CHECK(conndiag::AnalyzeLiterals("abc.{0,9}incorrectly", 3).also == Sets{{"abc"}});
}

TEST_CASE("a prefix runs through a group whose branches all have literals", "[prefilter]") {
  CHECK(RequiredLiterals(R"(\baf(?:[1-5]\d{4}|429)\b)") == Set{"af1", "af2", "af3", "af4", "af429", "af5"});
}

TEST_CASE("a group whose literal is not at its edges is not joined to its neighbours (soundness)", "[prefilter]") {
  CHECK(RequiredLiterals(R"(af(?:\d+xyz))") == Set{"xyz"});
  CHECK(RequiredLiterals(R"((?:\d+xyz)abc)") == Set{"xyz"});  // equal strength: the first requirement is kept
  boost::smatch m;
  CHECK(boost::regex_search(std::string("af12xyz"), m, boost::regex(R"(af(?:\d+xyz))")));
}

TEST_CASE("tells when every match starts with one of the literals", "[prefilter]") {
  CHECK(conndiag::AnalyzeLiterals(R"(\bnullpointerexception\b)").prefix);
  CHECK(conndiag::AnalyzeLiterals("(?:server returned|retourne par le serveur):401").prefix);
  CHECK(conndiag::AnalyzeLiterals(R"(\baf(?:[1-5]\d{4}|429)\b)").prefix);
  CHECK(conndiag::AnalyzeLiterals("read timed out|expiration du delai").prefix);
  CHECK_FALSE(conndiag::AnalyzeLiterals(R"(x?abcd)").prefix);
  CHECK_FALSE(conndiag::AnalyzeLiterals(R"(\d+abcdef)").prefix);
  CHECK_FALSE(conndiag::AnalyzeLiterals(R"(ab\d+abcdef)").prefix);  // the longer, later run is chosen
  CHECK_FALSE(conndiag::AnalyzeLiterals(R"(abc|\d+xyz)").prefix);
}

TEST_CASE("gives up on constructs it does not model instead of guessing", "[prefilter]") {
  CHECK(RequiredLiterals(R"(\Qabc\E)").empty());
  CHECK(RequiredLiterals("(?i)abc").empty());
  CHECK(RequiredLiterals("(abc").empty());
  CHECK(RequiredLiterals("*abc").empty());
}

TEST_CASE("the literals it returns really occur in every match (soundness)", "[prefilter]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"(?:server returned|retourne par le serveur):40[14]\\b", "xx retourne par le serveur:404 yy"},
      {"tenant id .{0,80}?is incorrectly configured", "specified tenant id (abc) is incorrectly configured"},
      {"\\baadsts\\d{4,8}\\b", "error aadsts50126: bad password"},
      {"status code 402\\b|\\b402 payment required", "402 payment required"},
  };
  for (const auto& [pattern, text] : cases) {
    CAPTURE(pattern, text);
    boost::smatch m;
    REQUIRE(boost::regex_search(text, m, boost::regex(pattern)));
    const auto literals = RequiredLiterals(pattern);
    REQUIRE_FALSE(literals.empty());
    bool one_occurs = false;
    for (const auto& lit : literals) one_occurs = one_occurs || m.str(0).find(lit) != std::string::npos;
    CHECK(one_occurs);
  }
}

namespace {

// A plain pattern (plain_pattern.h) made at random: one to four alternatives of letters, digits, spaces,
// punctuation escaped or not, bytes beyond ASCII, each maybe with \b at its ends, now and then one repeated.
std::string RandomPlainPattern(std::mt19937& random) {
  static const std::vector<std::string> kPieces = {
      "a",   "b",   "z",   "0",   "7",   "_",   " ",    ":",        ",",      "'",     "\"",           "=",
      "#",   "%",   "@",   "\\.", "\\-", "\\/", "\\(",  "\\)",      "\\[",    "\\]",   "\\{",          "\\}",
      "\\*", "\\+", "\\?", "\\|", "\\^", "\\$", "\\\\", "\xC3\xA9", "aadsts", "error", "invalid_grant"};
  std::vector<std::string> alternatives;
  const int count = 1 + static_cast<int>(random() % 4);
  for (int k = 0; k < count; ++k) {
    if (!alternatives.empty() && random() % 5 == 0) {
      alternatives.push_back(alternatives[random() % alternatives.size()]);
      continue;
    }
    std::string text;
    const int pieces = 1 + static_cast<int>(random() % 6);
    for (int i = 0; i < pieces; ++i) text += kPieces[random() % kPieces.size()];
    alternatives.push_back((random() % 3 == 0 ? "\\b" : "") + text + (random() % 3 == 0 ? "\\b" : ""));
  }
  std::string pattern;
  for (const std::string& a : alternatives) pattern += (pattern.empty() ? "" : "|") + a;
  return pattern;
}

void CheckSameAsAnalysis(const std::string& pattern, const conndiag::PlainPattern& plain) {
  INFO(pattern);
  const conndiag::PatternLiterals analyzed = conndiag::AnalyzeLiterals(pattern);
  const conndiag::PatternLiterals read = conndiag::PlainPatternLiterals(plain);
  CHECK(read.literals == analyzed.literals);
  CHECK(read.prefix == analyzed.prefix);
  CHECK(read.word_start == analyzed.word_start);
  CHECK(read.digits_after == analyzed.digits_after);
  CHECK(read.also == analyzed.also);
}

}  // namespace

// Compiling a knowledge base reads a plain pattern's literals off its alternatives and skips its safety
// check (signature_compile.cpp): both must give what the full analysis and the check give.
TEST_CASE("a plain pattern's literals, read off its alternatives, are what analyzing the pattern finds",
          "[prefilter][plain][property]") {
  std::size_t plain_patterns = 0;
  for (const conndiag::Entry& e : conndiag::testing::DefaultClassifier().knowledge_base().entries) {
    for (const conndiag::Signature& s : e.signatures) {
      std::vector<std::string> sources = s.patterns;
      sources.insert(sources.end(), s.hints.begin(), s.hints.end());
      for (const std::string& source : sources) {
        if (const auto plain = conndiag::PlainPatternOf(source)) {
          ++plain_patterns;
          CheckSameAsAnalysis(source, *plain);
        }
      }
    }
  }
  CHECK(plain_patterns > 400);
  std::mt19937 random(20261129);
  std::size_t with_boundaries = 0;
  std::size_t mixed_boundaries = 0;
  for (int i = 0; i < 3000; ++i) {
    const std::string pattern = RandomPlainPattern(random);
    const auto plain = conndiag::PlainPatternOf(pattern);
    INFO(pattern);
    REQUIRE(plain);
    CheckSameAsAnalysis(pattern, *plain);
    CHECK_FALSE(conndiag::UnsafePattern(pattern));
    const auto before = std::count_if(plain->alternatives.begin(), plain->alternatives.end(),
                                      [](const conndiag::PlainPattern::Alternative& a) { return a.boundary_before; });
    with_boundaries += before > 0;
    mixed_boundaries += before > 0 && static_cast<std::size_t>(before) < plain->alternatives.size();
  }
  CHECK(mixed_boundaries > 300);  // word_start must hold for every alternative, not for one
  CHECK(with_boundaries > mixed_boundaries);
}
