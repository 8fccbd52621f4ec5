// Traps: real vendor texts that look like an entry's but are another event (tests/golden/traps.jsonl, each
// with its public source). None may be answered confidently as the entry it must not be, app given or not.
#include <catch2/catch.hpp>

#include <sstream>

#include <nlohmann/json.hpp>

#include "default_classifier.h"

using namespace conndiag;
using conndiag::testing::DefaultClassifier;
using conndiag::testing::ReadSourceFile;

namespace {

struct Trap {
  std::string text;
  std::string must_not_be;
  std::string why;
};

std::vector<Trap> Load() {
  std::vector<Trap> traps;
  std::istringstream in(ReadSourceFile("tests/golden/traps.jsonl"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const auto j = nlohmann::json::parse(line);
    traps.push_back({j.at("text"), j.at("must_not_be"), j.at("why")});
  }
  return traps;
}

}  // namespace

TEST_CASE("traps: a look-alike vendor error is never confidently the entry it is not", "[traps]") {
  static const auto traps = Load();
  REQUIRE(traps.size() >= 30);
  const auto i = GENERATE(range(std::size_t{0}, traps.size()));
  const Trap& t = traps[i];
  CAPTURE(t.must_not_be, t.why, t.text);
  const Entry* entry = DefaultClassifier().knowledge_base().FindEntry(t.must_not_be);
  REQUIRE(entry);
  for (const std::string& app : {std::string(), entry->apps.front() == "all" ? std::string() : entry->apps.front()}) {
    CAPTURE(app);
    Options options;
    options.app = app;
    const auto result = DefaultClassifier().Classify(t.text, options);
    const bool wrong = !result.matches.empty() && result.matches.front().confident &&
                       result.matches.front().entry->id == t.must_not_be;
    CHECK_FALSE(wrong);
  }
}
