// Tests of core/src/literal_search.cpp: a literal found by its rarest byte is found where std::string::find
// finds it.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "literal_search.h"

using namespace conndiag;

TEST_CASE("the byte looked for is the literal's rarest", "[literal_search]") {
  CHECK(SearchFor("aadsts70008").rare == 6);             // '7', not an 'a' or an 's'
  CHECK(SearchFor("tokenrefreshexception").rare == 13);  // 'x'
  CHECK(SearchFor("e").rare == 0);
}

TEST_CASE("a literal is found where std::string::find finds it, from anywhere", "[literal_search][property]") {
  // A small alphabet, so that literals occur often, overlap and nearly occur.
  std::mt19937 random(20261128);
  const std::string alphabet = "aab7x.: ";
  std::size_t found = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string literal;
    for (std::size_t k = 1 + random() % 5; k > 0; --k) literal += alphabet[random() % alphabet.size()];
    std::string text;
    for (std::size_t k = random() % 40; k > 0; --k) text += alphabet[random() % alphabet.size()];
    const std::size_t from = random() % (text.size() + 3);  // beyond the end too
    const LiteralSearch search = SearchFor(literal);
    INFO("\"" << literal << "\" in \"" << text << "\" from " << from);
    REQUIRE(Find(text, search, from) == std::string_view(text).find(literal, from));
    found += Find(text, search, from) != std::string_view::npos;
  }
  CHECK(found > 2000);  // a seventh of the rounds find it: not only misses
}
