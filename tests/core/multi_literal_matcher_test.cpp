// Tests of core/src/multi_literal_matcher.cpp: the one-pass finder of many literals.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "multi_literal_matcher.h"

using namespace conndiag;

namespace {

// Random words of `least` to `most` bytes over a small alphabet (so literals share prefixes and suffixes),
// with a high byte in it.
class RandomWords {
 public:
  RandomWords(std::uint32_t seed, std::string alphabet) : random_(seed), alphabet_(std::move(alphabet)) {}
  std::string operator()(std::size_t least, std::size_t most) {
    std::string w(least + random_() % (most - least + 1), ' ');
    for (char& c : w) c = alphabet_[random_() % alphabet_.size()];
    return w;
  }
  std::mt19937& random() { return random_; }

 private:
  std::mt19937 random_;
  std::string alphabet_;
};

}  // namespace

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

TEST_CASE("the matcher finds exactly the literals a plain search finds, on random literals and texts", "[prefilter]") {
  // A small alphabet makes literals share prefixes and suffixes, where failure links and inherited outputs
  // matter; bytes outside every literal (column 0) and a high byte are in the texts too.
  std::mt19937 random(20261127);
  const std::string alphabet = "abcab\xC3";
  const auto word = [&](std::size_t most) {
    std::string w(1 + random() % most, ' ');
    for (char& c : w) c = alphabet[random() % alphabet.size()];
    return w;
  };
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> literals;
    const std::size_t count = 1 + random() % 12;
    for (std::size_t k = 0; k < count; ++k) literals.push_back(word(5));
    const MultiLiteralMatcher matcher(literals);
    for (int t = 0; t < 20; ++t) {
      std::string text = word(30);
      if (random() % 3 == 0) text.insert(random() % text.size(), "xyz");  // bytes no literal has
      std::vector<std::uint8_t> found;
      std::vector<std::uint32_t> hits;
      matcher.Scan(text, found, hits);
      for (std::size_t k = 0; k < literals.size(); ++k) {
        INFO("literal \"" << literals[k] << "\" in \"" << text << "\"");
        CHECK(found[k] == (text.find(literals[k]) != std::string::npos ? 1 : 0));
      }
      CHECK(hits.size() == static_cast<std::size_t>(std::count(found.begin(), found.end(), 1)));
    }
  }
}

TEST_CASE("a long text walked as two halves side by side finds exactly what a plain search finds", "[prefilter]") {
  // Long enough to be walked in two halves, with literals put across the middle (where the halves meet)
  // and at both ends; some literals are long, so the second half must start well before the middle.
  RandomWords word(20261128, "abcab\xC3");
  std::mt19937& random = word.random();
  for (int round = 0; round < 200; ++round) {
    std::vector<std::string> literals;
    const std::size_t count = 1 + random() % 10;
    for (std::size_t k = 0; k < count; ++k) literals.push_back(word(1, round % 2 ? 6 : 60));
    const MultiLiteralMatcher matcher(literals);
    for (int t = 0; t < 10; ++t) {
      std::string text = word(256, 900);
      const std::string& planted = literals[random() % literals.size()];
      const std::size_t half = text.size() / 2;
      switch (t % 4) {
        case 0:
          text.replace(half - std::min(half, planted.size() / 2), planted.size(), planted);
          break;  // across the middle
        case 1:
          text.replace(half - 1, planted.size(), planted);
          break;  // starting just before it
        case 2:
          text.replace(text.size() - planted.size(), planted.size(), planted);
          break;  // at the very end
        default:
          text.replace(0, planted.size(), planted);
          break;  // at the very start
      }
      std::vector<std::uint8_t> found;
      std::vector<std::uint32_t> hits;
      matcher.Scan(text, found, hits);
      for (std::size_t k = 0; k < literals.size(); ++k) {
        INFO("literal \"" << literals[k] << "\" in a text of " << text.size() << " bytes");
        CHECK(found[k] == (text.find(literals[k]) != std::string::npos ? 1 : 0));
      }
      // Each literal found is listed once, though both halves may see it.
      std::vector<std::uint32_t> sorted = hits;
      std::sort(sorted.begin(), sorted.end());
      CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
      CHECK(hits.size() == static_cast<std::size_t>(std::count(found.begin(), found.end(), 1)));
    }
  }
}

TEST_CASE("a literal longer than the automaton's depth is found only where all of it is", "[prefilter]") {
  // Its first kDepth bytes are the automaton's; the rest is compared where they end. A long literal makes
  // no more states than its key.
  const std::string key(MultiLiteralMatcher::kDepth, 'k');
  const MultiLiteralMatcher matcher({key + "rest", key + "other", "k"});
  CHECK(matcher.state_count() == MultiLiteralMatcher::kDepth + 1);
  std::vector<std::uint8_t> found;
  matcher.Scan("x" + key + "rest", found);
  CHECK(found == std::vector<std::uint8_t>{1, 0, 1});
  matcher.Scan(key + "resT " + key + "othe", found);  // the keys, but neither rest whole
  CHECK(found == std::vector<std::uint8_t>{0, 0, 1});
  matcher.Scan("kk" + key + "other", found);  // the key seen at several places: the last is the one
  CHECK(found == std::vector<std::uint8_t>{0, 1, 1});
}

TEST_CASE(
    "every occurrence of every literal is reported once, where it starts, longer ones than the automaton's "
    "depth too",
    "[prefilter]") {
  // Each (literal, start) a plain search finds, and nothing else: overlapping occurrences, a literal inside
  // another, and literals longer than kDepth (their start worked out from their key, not their rest).
  RandomWords word(20261129, "abab\xC3");
  std::mt19937& random = word.random();
  for (int round = 0; round < 200; ++round) {
    std::vector<std::string> literals;
    const std::size_t count = 1 + random() % 8;
    for (std::size_t k = 0; k < count; ++k) {
      literals.push_back(random() % 4 == 0 ? word(MultiLiteralMatcher::kDepth + 1, MultiLiteralMatcher::kDepth + 4)
                                           : word(1, 4));
    }
    const MultiLiteralMatcher matcher(literals);
    for (int t = 0; t < 10; ++t) {
      std::string text = word(1, 300);
      if (random() % 2 == 0) text.insert(random() % text.size(), literals[random() % literals.size()]);
      std::vector<std::pair<std::uint32_t, std::size_t>> expected;
      for (std::uint32_t k = 0; k < literals.size(); ++k) {
        for (std::size_t at = text.find(literals[k]); at != std::string::npos; at = text.find(literals[k], at + 1)) {
          expected.emplace_back(k, at);
        }
      }
      std::vector<std::pair<std::uint32_t, std::size_t>> reported;
      std::size_t last_end = 0;
      bool in_order = true;
      matcher.ForEachOccurrence(text, [&](std::uint32_t id, std::size_t begin) {
        reported.emplace_back(id, begin);
        // Reported in the order of where they end (the key's end: the rest follows it).
        const std::size_t key_end = begin + std::min(literals[id].size(), MultiLiteralMatcher::kDepth);
        in_order = in_order && key_end >= last_end;
        last_end = key_end;
      });
      std::sort(expected.begin(), expected.end());
      std::sort(reported.begin(), reported.end());
      INFO("text \"" << text << "\"");
      CHECK(reported == expected);
      CHECK(in_order);
    }
  }
}
