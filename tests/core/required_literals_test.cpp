// Tests of core/src/required_literals.cpp: the literals a regex cannot match without.
#include <catch2/catch.hpp>

#include <boost/regex.hpp>

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

