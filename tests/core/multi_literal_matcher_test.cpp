// Tests of core/src/multi_literal_matcher.cpp: the one-pass finder of many literals.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "multi_literal_matcher.h"

using namespace conndiag;

TEST_CASE("the multi-literal matcher finds every literal that occurs, overlapping or nested", "[prefilter]") {
  const MultiLiteralMatcher matcher({"he", "she", "his", "hers", "xyz", ""});
  std::vector<std::uint8_t> found;
  matcher.Scan("ushers", found);
  REQUIRE(found.size() == 6);
  CHECK(found == std::vector<std::uint8_t>{1, 1, 0, 1, 0, 0});
  std::vector<std::uint32_t> hits;
  matcher.Scan("ahisb", found, hits);
  CHECK(hits == std::vector<std::uint32_t>{2});
  matcher.Scan("quiet text", found, hits);
  CHECK(hits.empty());
}

TEST_CASE("an empty matcher finds nothing", "[prefilter]") {
  const MultiLiteralMatcher matcher;
  std::vector<std::uint8_t> found{1, 1};
  matcher.Scan("abc", found);
  CHECK(found.empty());
}

TEST_CASE("the automaton has one state per distinct prefix of its literals, however many literals share them",
          "[prefilter]") {
  // root, h, he, s, sh, she, hi, his, her, hers: 10 (the empty literal and the repeat add none)
  CHECK(MultiLiteralMatcher({"he", "she", "his", "hers", "he", ""}).state_count() == 10);
  // A custom knowledge base's alternatives can expand into thousands of literals with one long shared
  // prefix: the table is sized by the states they make, not by their total length (here 20,000 x 106
  // bytes), and they are all still found.
  const std::string prefix(100, 'p');
  std::vector<std::string> literals;
  for (int i = 0; i < 20000; ++i) literals.push_back(prefix + std::to_string(100000 + i));
  const MultiLiteralMatcher matcher(literals);
  CHECK(matcher.state_count() < 40000);
  CHECK(matcher.reserved_states() == matcher.state_count());
  std::vector<std::uint8_t> found;
  matcher.Scan("x " + prefix + "119999 y", found);
  CHECK(found[19999] == 1);
  CHECK(found[0] == 0);
}
