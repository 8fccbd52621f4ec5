// Tests of core/src/plain_pattern.cpp: which patterns are plain, and that a plain pattern is found where
// Boost.Regex finds it.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "default_classifier.h"
#include "match.h"
#include "plain_pattern.h"

using namespace conndiag;

namespace {

// Boost.Regex's match of `pattern` in `text` from `from`, as match.cpp's Run searches.
std::optional<Span> BoostFind(const std::string& pattern, const std::string& text, std::size_t from) {
  const Regex re(pattern, Regex::perl);
  boost::match_results<std::string::const_iterator> m;
  const auto flags = from > 0 ? boost::match_prev_avail : boost::match_default;
  if (!boost::regex_search(text.begin() + static_cast<std::ptrdiff_t>(from), text.end(), m, re, flags))
    return std::nullopt;
  const auto begin = static_cast<std::size_t>(m[0].first - text.begin());
  return Span{begin, begin + static_cast<std::size_t>(m.length(0))};
}

// Texts made of the pattern's own alternatives, cut and whole, among word and non-word characters and
// bytes beyond ASCII: where boundaries, overlaps and near misses are.
std::string TextAround(const PlainPattern& plain, std::mt19937& random) {
  static const std::vector<std::string> kOthers = {
      "a", "z", "0", "9", "_", " ", ".", ":", "\"", "-", "\xC3\xA9", "\xF0\x9F\x98\x80", "é_"};
  std::string text;
  const auto pieces = std::uniform_int_distribution<int>(0, 8)(random);
  for (int i = 0; i < pieces; ++i) {
    const auto& a = plain.alternatives[random() % plain.alternatives.size()].literal.text;
    const std::size_t cut = random() % (a.size() + 1);
    const unsigned kind = random() % 4;
    text += kind == 0   ? a
            : kind == 1 ? a.substr(0, cut)
            : kind == 2 ? a.substr(cut)
                        : kOthers[random() % kOthers.size()];
  }
  return text;
}

}  // namespace

TEST_CASE("literal text, alternatives and word boundaries at their ends are plain, and nothing else is", "[plain]") {
  const auto plain = PlainPatternOf("\\baadsts70008\\b|com\\.okta\\.sdk|invalid_grant");
  REQUIRE(plain);
  REQUIRE(plain->alternatives.size() == 3);
  CHECK(plain->alternatives[0].literal.text == "aadsts70008");
  CHECK(plain->alternatives[0].boundary_before);
  CHECK(plain->alternatives[0].boundary_after);
  CHECK(plain->alternatives[1].literal.text == "com.okta.sdk");
  CHECK_FALSE(plain->alternatives[1].boundary_before);
  CHECK(plain->alternatives[2].literal.text == "invalid_grant");
  CHECK(PlainPatternOf("\"error\":\"invalid_grant\"")->alternatives[0].literal.text == "\"error\":\"invalid_grant\"");
  CHECK(PlainPatternOf("l'acces est refuse \\(401\\)")->alternatives[0].literal.text == "l'acces est refuse (401)");

  for (const char* not_plain :
       {"a.b",       "ab?",  "a+",   "a*",    "a{2}",  "(ab)",     "(?:ab)", "[ab]",   "^ab",  "ab$",
        "a\\d",      "a\\w", "a\\s", "\\1",   "a\\bb", "\\b\\bab", "a|",     "|a",     "a||b", "\\b",
        "\\bab|\\b", "a\\'", "\\`a", "\\<ab", "ab\\>", "a\\",      "a\\Qb",  "a\\x41", "a\\n"}) {
    INFO(not_plain);
    CHECK_FALSE(PlainPatternOf(not_plain));
  }
}

TEST_CASE("a plain pattern is found where Boost.Regex finds it: leftmost, then the first alternative listed",
          "[plain]") {
  const PlainPattern p = *PlainPatternOf("\\bab\\b|abc|b");
  CHECK(FindPlain(p, "xab abc", 0) == Span{2, 3});  // "b" inside "xab" comes first
  CHECK(FindPlain(p, "abc ab", 3) == Span{4, 6});   // at 4 "\\bab\\b" fits, listed before "b"
  CHECK(FindPlain(p, "abc", 0) == Span{0, 3});      // "\bab\b" does not fit before "c"
  CHECK(FindPlain(p, "abc", 1) == Span{1, 2});      // from 1: "b"
  CHECK(FindPlain(p, "_ab", 0) == Span{2, 3});      // '_' is a word character
  CHECK(FindPlain(p,
                  "\xC3\xA9"
                  "ab",
                  0) == Span{2, 4});  // a byte beyond ASCII is not
  CHECK_FALSE(FindPlain(p, "xyz", 0));
}

TEST_CASE("every plain pattern of the knowledge base finds what Boost.Regex finds, from anywhere",
          "[plain][property]") {
  std::mt19937 random(20261128);
  std::size_t plain_patterns = 0;
  std::size_t found = 0;
  for (const Entry& e : testing::DefaultClassifier().knowledge_base().entries) {
    for (const Signature& s : e.signatures) {
      std::vector<std::string> sources = s.patterns;
      sources.insert(sources.end(), s.hints.begin(), s.hints.end());
      for (const std::string& source : sources) {
        const auto plain = PlainPatternOf(source);
        if (!plain) continue;
        ++plain_patterns;
        for (int i = 0; i < 40; ++i) {
          const std::string text = TextAround(*plain, random);
          const std::size_t from = random() % (text.size() + 1);
          INFO(source << " in \"" << text << "\" from " << from);
          const auto expected = BoostFind(source, text, from);
          REQUIRE(FindPlain(*plain, text, from) == expected);
          found += expected.has_value();
        }
      }
    }
  }
  CHECK(plain_patterns > 400);        // most of the knowledge base's patterns
  CHECK(found > plain_patterns * 5);  // and the texts hold them often (a fifth of the time), not only near misses
}
