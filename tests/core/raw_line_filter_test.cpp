// Tests of core/src/raw_line_filter.cpp: literals found in a log line's raw bytes, as normalization would
// let a matcher find them in its normalized form.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "conndiag/normalize.h"
#include "multi_literal_matcher.h"
#include "raw_line_filter.h"

using namespace conndiag;

namespace {

using Literal = RawLineFilter::Literal;

// The ids a filter reports for `line`, sorted; nullopt-like {-1} when it cannot tell.
std::vector<std::uint32_t> Found(const RawLineFilter& filter, std::string_view line) {
  std::vector<std::uint8_t> found;
  std::vector<std::uint32_t> hits;
  if (!filter.Scan(line, found, hits)) return {UINT32_MAX};
  std::sort(hits.begin(), hits.end());
  for (std::uint32_t id = 0; id < found.size(); ++id) {
    CHECK((found[id] != 0) == std::binary_search(hits.begin(), hits.end(), id));
  }
  return hits;
}

std::vector<std::uint32_t> Ids(std::initializer_list<std::uint32_t> ids) { return ids; }

}  // namespace

TEST_CASE("a literal is found whatever the case and the spacing of the raw line", "[raw_line_filter]") {
  const RawLineFilter filter(
      {{"server returned:401", false, false}, {"access denied", false, false}, {"invalid_grant", false, false}}, "");
  CHECK(Found(filter, "ERROR Server Returned : 401 Unauthorized") == Ids({0}));
  CHECK(Found(filter, "server returned:\t401") == Ids({0}));
  CHECK(Found(filter, "ACCESS   DENIED for user") == Ids({1}));
  CHECK(Found(filter, "access\tdenied") == Ids({1}));
  CHECK(Found(filter, "{\"error\":\"INVALID_GRANT\"} and access denied") == Ids({1, 2}));
  // Absent, or present only in a way normalization would not produce.
  CHECK(Found(filter, "server returned 401") == Ids({}));
  CHECK(Found(filter, "accessdenied") == Ids({}));
  CHECK(Found(filter, "invalid grant") == Ids({}));
  CHECK(Found(filter, "") == Ids({}));
  CHECK(Found(filter, "ab") == Ids({}));
}

TEST_CASE("a line normalization would rewrite beyond case and spacing is left to the caller", "[raw_line_filter]") {
  const RawLineFilter filter({{"access denied", false, false}}, "");
  CHECK(Found(filter, "acc\xC3\xA8s refus\xC3\xA9") == Ids({UINT32_MAX}));       // non-ASCII
  CHECK(Found(filter, "{\"m\":\"access\\u0020denied\"}") == Ids({UINT32_MAX}));  // a JSON escape
  CHECK(Found(filter, "access&nbsp;denied") == Ids({UINT32_MAX}));               // an entity
  CHECK(Found(filter, "access &#32; denied") == Ids({UINT32_MAX}));
  // An '&' that no ';' follows closely is no entity: a query string stays plain.
  CHECK(Found(filter, "GET /events?since=1&limit=1000 access denied") == Ids({0}));
  CHECK(Found(filter, "a & b; access denied") == Ids({UINT32_MAX}));
}

TEST_CASE("a literal needed after a word boundary is not found inside a word", "[raw_line_filter]") {
  const RawLineFilter filter({{"af1", false, true}, {"401", false, true}, {"(401", false, true}}, "");
  CHECK(Found(filter, "code AF12345 returned") == Ids({0}));
  CHECK(Found(filter, "id=[3b5d2daf1-7641]") == Ids({}));
  CHECK(Found(filter, "-af1") == Ids({0}));
  CHECK(Found(filter, "af1") == Ids({0}));
  CHECK(Found(filter, "took 1401 ms") == Ids({}));
  CHECK(Found(filter, "status:401") == Ids({1}));
  // A literal that starts with no word character is not held to it (a \b before '(' means the opposite).
  CHECK(Found(filter, "x(401") == Ids({1, 2}));
}

TEST_CASE("a literal that digits must follow is not found without them", "[raw_line_filter]") {
  const RawLineFilter filter({{"af1", false, true, 4}, {"aadsts", false, false, 1}}, "");
  CHECK(Found(filter, "AF10003: token expired") == Ids({0}));
  CHECK(Found(filter, "af12345678") == Ids({0}));
  CHECK(Found(filter, "id=[fb144f33-af1b-4ddd]") == Ids({}));
  CHECK(Found(filter, "AF1234") == Ids({}));
  CHECK(Found(filter, "af1") == Ids({}));
  CHECK(Found(filter, "AADSTS50126: invalid") == Ids({1}));
  CHECK(Found(filter, "aadsts: invalid") == Ids({}));
}

TEST_CASE("a literal that no letter may follow is not found before one", "[raw_line_filter]") {
  const RawLineFilter filter({{"err", true, false}}, "");
  CHECK(Found(filter, "Nov 25 00:00:01 host app[1]: ERR disk full") == Ids({0}));
  CHECK(Found(filter, "[err] x") == Ids({0}));
  CHECK(Found(filter, "level=err") == Ids({0}));
  CHECK(Found(filter, "server error") == Ids({}));
  CHECK(Found(filter, "stderr: fine") == Ids({0}));  // no letter after it: found (a superset is sound)
}

TEST_CASE("a literal with no three bytes between spaces and colons is reported for every plain line",
          "[raw_line_filter]") {
  const RawLineFilter filter({{"a: b", false, false}, {"xyz", false, false}, {"", false, false}}, "");
  CHECK(Found(filter, "nothing here") == Ids({0}));
  CHECK(Found(filter, "XYZ") == Ids({0, 1}));
  CHECK(Found(filter, "caf\xC3\xA9") == Ids({UINT32_MAX}));
}

TEST_CASE("a literal is found wherever it starts in the line, at an odd byte or an even one, near either end",
          "[raw_line_filter]") {
  // Every start, odd or even, whatever part of the literal the sample makes its anchor: a scan that skips
  // positions (one of every second byte was tried) must still find each literal, short ones ("err", "401")
  // included.
  const std::vector<Literal> literals = {{"token expired", false, false}, {"err", false, false}, {"401", false, false},
                                         {"abcd", false, false}};
  for (const std::string sample : {"", "token token expired expired abcd", "xpired xpired cd cd bcd abc", "err 401"}) {
    const RawLineFilter filter(literals, sample);
    for (std::size_t before = 0; before < 20; ++before) {
      for (std::size_t after = 0; after < 12; ++after) {
        const std::string pad(before, '.');
        const std::string tail(after, '.');
        INFO("sample [" << sample << "] " << before << " bytes before, " << after << " after");
        CHECK(Found(filter, pad + "Token  Expired" + tail) == Ids({0}));
        CHECK(Found(filter, pad + "ERR" + tail) == Ids({1}));
        CHECK(Found(filter, pad + "401" + tail) == Ids({2}));
        CHECK(Found(filter, pad + "ABCD" + tail) == Ids({3}));
        CHECK(Found(filter, pad + "abc" + tail).empty());
      }
    }
  }
}

TEST_CASE("found and hits are cleared of the last call's literals only, as the matcher's", "[raw_line_filter]") {
  const RawLineFilter filter({{"alpha", false, false}, {"beta", false, false}}, "");
  std::vector<std::uint8_t> found;
  std::vector<std::uint32_t> hits;
  REQUIRE(filter.Scan("ALPHA beta", found, hits));
  CHECK(found == std::vector<std::uint8_t>{1, 1});
  CHECK(hits.size() == 2);
  REQUIRE(filter.Scan("beta", found, hits));
  CHECK(found == std::vector<std::uint8_t>{0, 1});
  CHECK(hits == std::vector<std::uint32_t>{1});
  CHECK_FALSE(filter.Scan("b\xC3\xA9ta", found, hits));
  CHECK(found == std::vector<std::uint8_t>{0, 0});
  CHECK(hits.empty());
}

TEST_CASE(
    "on plain lines the filter finds exactly what the matcher finds in the normalized line, whatever the "
    "sample",
    "[raw_line_filter][properties]") {
  // Literals with spaces and colons in every place, sharing their rare and common parts.
  const std::vector<std::string> words = {"server returned:401",
                                          "access denied",
                                          "invalid_grant",
                                          "401",
                                          "error code:",
                                          " timeout",
                                          "refresh token has expired",
                                          "e0000007",
                                          "token",
                                          "the token",
                                          "denied:",
                                          "http 401",
                                          "unauthorized",
                                          "refused ",
                                          "err",
                                          "af3",
                                          "400"};
  std::vector<Literal> literals;
  for (const auto& w : words) literals.push_back({w, false, false});
  const MultiLiteralMatcher matcher(words);
  // Raw pieces: the literals in other cases and spacings, and noise with the same bytes.
  const std::vector<std::string> pieces = {"Server Returned : 401",
                                           "SERVER returned:  401",
                                           "access\t\tdenied",
                                           "Access Denied",
                                           "INVALID_GRANT",
                                           "error code :",
                                           "error  code:",
                                           " Timeout",
                                           "TIMEOUT",
                                           "Refresh Token has   expired",
                                           "E0000007",
                                           "a : b:c",
                                           "A:B : C",
                                           "the  token",
                                           "The Token",
                                           "denied :",
                                           "HTTP 401",
                                           "http  401",
                                           "Unauthorized",
                                           "  ",
                                           " ",
                                           ":",
                                           "\t",
                                           "x",
                                           "401",
                                           "14010",
                                           "tok",
                                           "en",
                                           "ser",
                                           "ver",
                                           "den",
                                           "ied",
                                           "-",
                                           "\x01",
                                           "Refused",
                                           "REFUSED :",
                                           "refused\t",
                                           "ERR",
                                           "Err:",
                                           "aF3",
                                           "x400",
                                           "1400 "};
  const std::vector<std::string> samples = {"", "token token token the token 401 401 server server denied",
                                            std::string(5000, 'e'), "unauthorized access denied timeout"};
  std::mt19937 rng(42);
  std::size_t lines_with_literals = 0;
  for (const std::string& sample : samples) {
    const RawLineFilter filter(literals, sample);
    for (int trial = 0; trial < 3000; ++trial) {
      std::string line;
      const std::size_t n = std::uniform_int_distribution<std::size_t>(0, 8)(rng);
      for (std::size_t k = 0; k < n; ++k)
        line += pieces[std::uniform_int_distribution<std::size_t>(0, pieces.size() - 1)(rng)];
      const NormalizedText normalized = Normalize(line, false);
      std::vector<std::uint8_t> expected;
      matcher.Scan(normalized.text, expected);
      std::vector<std::uint32_t> want;
      for (std::uint32_t id = 0; id < expected.size(); ++id) {
        if (expected[id]) want.push_back(id);
      }
      lines_with_literals += !want.empty();
      INFO("line [" << line << "] normalized [" << normalized.text << "]");
      CHECK(Found(filter, line) == want);
    }
  }
  CHECK(lines_with_literals > 3000);  // the generator must put literals in lines, or this proves little
}
