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
