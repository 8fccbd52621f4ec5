// Tests of core/src/prepared_kb.cpp and prepared_bytes.cpp: a prepared knowledge base loads the same
// classifier as its JSON, and anything else is refused with a reason, never read past or trusted.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "conndiag/default_kb.h"
#include "conndiag/log_events.h"
#include "conndiag/result_json.h"
#include "default_classifier.h"
#include "prepared_bytes.h"
#include "varied_log.h"

using namespace conndiag;

namespace {

Classifier Loaded(Expected<Classifier> loaded) {
  if (!loaded.ok()) FAIL(loaded.error().What());
  return std::move(loaded).value();
}

std::string Prepared(std::string_view json) {
  auto prepared = Classifier::Prepare(json);
  if (!prepared.ok()) FAIL(prepared.error().What());
  return prepared.value();
}

// Everything Trace says, one line per fact: which literals the prefilter found and what each pattern did.
std::string TraceText(const MatchTrace& trace) {
  std::string out = trace.normalized + "\n";
  for (const auto& literal : trace.literals) out += "literal " + literal + "\n";
  for (const auto& entry : trace.candidates) {
    for (const auto& sig : entry.signatures) {
      out += entry.id + "/" + sig.id + (sig.possible ? " possible" : "") + (sig.matched ? " matched" : "") + "\n";
      for (const auto* list : {&sig.patterns, &sig.hints}) {
        for (const auto& p : *list) out += "  " + p.source + " " + std::to_string(static_cast<int>(p.outcome)) + "\n";
      }
    }
  }
  return out;
}

// A small knowledge base with what the built-in one may not have: escaped texts (written out, not referred
// to), a status signature, a hint, a plain pattern, an app clue, French.
std::string SmallKnowledgeBase() {
  nlohmann::json kb = {
      {"version", "t\"1"},
      {"languages", {"en", "fr"}},
      {"apps", {{"box", {{"name", {{"en", "Box"}, {"fr", "Box \u00e9"}}}, {"clues", {"box.com", "boxapi"}}}}}},
      {"http_statuses",
       {{"name", {{"en", "HTTP {status}"}, {"fr", "HTTP {status}"}}},
        {"before_number", {"status "}},
        {"statuses", {{"401", {{"reasons", {"unauthorized"}}}}}},
        {"sources", {"https://example.com/statuses"}}}}};
  kb["entries"].push_back({{"id", "box-token"},
                           {"source", "custom"},
                           {"apps", {"box"}},
                           {"kind", "authentication"},
                           {"action", "reconnect"},
                           {"message", {{"en", "Token \"expired\"\n"}, {"fr", "Jeton expir\u00e9"}}},
                           {"signatures",
                            {{{"id", "plain"}, {"patterns", {"\\binvalid_grant\\b"}}, {"hints", {"refresh token"}}},
                             {{"id", "status"}, {"status", 401}, {"patterns", {"box(api)?"}}}}},
                           {"cause", {{"en", "c"}, {"fr", "c fr"}}},
                           {"fix", {{"en", {"a", "b"}}, {"fr", {"a fr"}}}}});
  return kb.dump();
}

}  // namespace

TEST_CASE("A prepared knowledge base loads the knowledge base its JSON loads") {
  for (const std::string& json : {std::string(DefaultKnowledgeBase()), SmallKnowledgeBase()}) {
    const Classifier from_json = Loaded(Classifier::FromJson(json));
    const Classifier prepared = Loaded(Classifier::FromPrepared(json, Prepared(json)));
    CHECK(prepared.knowledge_base() == from_json.knowledge_base());
    CHECK(prepared.load_warnings() == from_json.load_warnings());
    // Its regexes were checked when it was prepared: they are compiled when first used.
    CHECK(prepared.pattern_checks() == PatternChecks::kOnFirstUse);
  }
}

TEST_CASE("A prepared knowledge base answers every known text as its JSON does, pattern by pattern") {
  const std::string json(DefaultKnowledgeBase());
  const Classifier& from_json = testing::DefaultClassifier();
  const Classifier prepared = Loaded(Classifier::FromPrepared(json, Prepared(json)));
  const auto texts = testing::KnowledgeBaseTexts(from_json.knowledge_base());
  REQUIRE(texts.size() > 300);
  for (const char* lang : {"en", "fr"}) {
    Options options;
    options.lang = lang;
    for (const std::string& text : texts) {
      INFO(text);
      CHECK(ResultToJson(prepared.knowledge_base(), prepared.Classify(text, options), options, text,
                         OffsetUnit::kUtf8Bytes) == ResultToJson(from_json.knowledge_base(),
                                                                 from_json.Classify(text, options), options, text,
                                                                 OffsetUnit::kUtf8Bytes));
    }
  }
  for (const std::string& text : texts) CHECK(TraceText(prepared.Trace(text)) == TraceText(from_json.Trace(text)));
}

TEST_CASE("A prepared knowledge base reads a varied log as its JSON does") {
  const std::string json(DefaultKnowledgeBase());
  const Classifier& from_json = testing::DefaultClassifier();
  const Classifier prepared = Loaded(Classifier::FromPrepared(json, Prepared(json)));
  const std::string log = testing::VariedLog(7, 1 << 20);
  const Options options;
  const auto a = ClassifyLog(prepared, log, options);
  const auto b = ClassifyLog(from_json, log, options);
  REQUIRE(a.size() == b.size());
  REQUIRE(a.size() > 100);
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(LogEventToJson(prepared.knowledge_base(), a[i], options, OffsetUnit::kUtf8Bytes) ==
          LogEventToJson(from_json.knowledge_base(), b[i], options, OffsetUnit::kUtf8Bytes));
  }
}

TEST_CASE("Texts the JSON has as they are are referred to, not written again") {
  const std::string json(DefaultKnowledgeBase());
  // The built-in knowledge base's texts are most of its JSON; its prepared form is a fraction of it.
  CHECK(Prepared(json).size() * 4 < json.size());
}

TEST_CASE("A prepared knowledge base made from another JSON is refused") {
  const std::string json = SmallKnowledgeBase();
  const std::string prepared = Prepared(json);
  std::string edited = json;
  edited[edited.find("c fr")] = 'C';  // same size, one letter changed
  const auto loaded = Classifier::FromPrepared(edited, prepared);
  REQUIRE_FALSE(loaded.ok());
  CHECK_THAT(loaded.error().What(), Catch::Contains("made from another knowledge base"));
  CHECK_FALSE(Classifier::FromPrepared(json + " ", prepared).ok());
}

TEST_CASE("A prepared knowledge base of another format, or no prepared one at all, is refused") {
  const std::string json = SmallKnowledgeBase();
  std::string prepared = Prepared(json);
  prepared[4] = static_cast<char>(prepared[4] + 1);  // the format number, just after "CDKB"
  const auto other = Classifier::FromPrepared(json, prepared);
  REQUIRE_FALSE(other.ok());
  CHECK_THAT(other.error().What(), Catch::Contains("another version of conndiag"));
  for (const std::string& bytes : {std::string(), std::string("CDK"), json}) {
    const auto loaded = Classifier::FromPrepared(json, bytes);
    REQUIRE_FALSE(loaded.ok());
    CHECK_THAT(loaded.error().What(), Catch::Contains("is not one"));
  }
}

TEST_CASE("A prepared knowledge base cut short anywhere, or with bytes after its end, is refused") {
  const std::string json(DefaultKnowledgeBase());
  const std::string prepared = Prepared(json);
  // Every length near both ends, and a spread of lengths between (each cut is a whole load attempt).
  for (std::size_t size = 0; size < prepared.size(); size += size < 256 || prepared.size() - size < 256 ? 1u : 97u) {
    INFO(size);
    const auto loaded = Classifier::FromPrepared(json, std::string_view(prepared).substr(0, size));
    REQUIRE_FALSE(loaded.ok());
    CHECK_THAT(loaded.error().What(), Catch::StartsWith("the prepared knowledge base cannot be used: "));
  }
  const auto longer = Classifier::FromPrepared(json, prepared + "x");
  REQUIRE_FALSE(longer.ok());
  CHECK_THAT(longer.error().What(), Catch::Contains("bytes left over"));
}

TEST_CASE("A prepared knowledge base with any byte changed is refused or loads a classifier that works") {
  // Under the sanitizers this is the test that counts: whatever a changed byte makes of the ids, counts and
  // offsets, nothing is read out of bounds, at load or when classifying.
  const std::string json = SmallKnowledgeBase();
  const std::string prepared = Prepared(json);
  std::size_t refused = 0;
  for (std::size_t at = 0; at < prepared.size(); ++at) {
    for (unsigned change : {0x01u, 0x80u, 0xFFu}) {
      std::string bytes = prepared;
      bytes[at] = static_cast<char>(static_cast<unsigned char>(bytes[at]) ^ change);
      const auto loaded = Classifier::FromPrepared(json, bytes);
      if (!loaded.ok()) {
        ++refused;
        continue;
      }
      for (const char* text : {"invalid_grant at box.com", "HTTP 401 unauthorized boxapi", "refresh token"}) {
        (void)loaded.value().Classify(text, Options());
        (void)loaded.value().Trace(text);
      }
    }
  }
  CHECK(refused > prepared.size());  // most changes are caught (ids, counts, the pattern sources)
}

TEST_CASE("Prepared bytes: numbers and texts read back as written") {
  const std::string json = R"({"a": "hello", "b": "esc\"aped", "c": "hello"})";
  PreparedWriter writer(json);
  const std::vector<std::uint64_t> numbers = {0, 1, 127, 128, 300, UINT64_MAX};
  for (auto n : numbers) writer.Number(n);
  const std::vector<std::string> texts = {"hello", "esc\"aped", "", "not in it", "a", "hello", "not in it"};
  for (const auto& t : texts) writer.Text(t);
  const std::string bytes = writer.Take();
  PreparedReader reader(json, bytes);
  for (auto n : numbers) {
    std::uint64_t read = 0;
    REQUIRE(reader.Number(read, UINT64_MAX));
    CHECK(read == n);
  }
  for (const auto& t : texts) {
    std::string read;
    REQUIRE(reader.Text(read));
    CHECK(read == t);
  }
  CHECK(reader.AtEnd());
  // The JSON's strings, escaped or not, are referred to: their bytes are not in the prepared form; the
  // others are written out, once.
  CHECK(bytes.find("hello") == std::string::npos);
  CHECK(bytes.find("aped") == std::string::npos);
  CHECK(bytes.find("not in it") != std::string::npos);
  CHECK(bytes.find("not in it") == bytes.rfind("not in it"));
}

TEST_CASE("Prepared bytes: a number above its bound, or a count beyond the bytes left, is refused") {
  PreparedWriter writer("{}");
  writer.Number(5);
  writer.Number(1000);
  const std::string bytes = writer.Take();
  PreparedReader reader("{}", bytes);
  std::uint64_t n = 0;
  CHECK_FALSE(reader.Number(n, 4));
  CHECK_THAT(reader.error(), Catch::Contains("out of range"));
  const std::string rest = bytes.substr(1);
  PreparedReader counts("{}", rest);
  std::size_t count = 0;
  CHECK_FALSE(counts.Count(count));  // 1000 items in 0 bytes left
}

TEST_CASE("Prepared bytes: a reference outside the JSON is refused") {
  const std::string json = R"({"a": "b", "long text": 1})";
  PreparedWriter writer(json);
  writer.Text("long text");
  const std::string bytes = writer.Take();
  PreparedReader shorter(R"({"a": "b"})", bytes);  // the same reference, into a JSON with fewer strings
  std::string text;
  CHECK_FALSE(shorter.Text(text));
  CHECK_THAT(shorter.error(), Catch::Contains("outside the JSON"));
  PreparedReader same(json, bytes);
  CHECK(same.Text(text));
  CHECK(text == "long text");
}

TEST_CASE("Prepared bytes: the strings of a JSON, escaped or not, and a string that does not end") {
  const std::string json = R"({"a": "b\"c", "d": "e)";
  const auto strings = StringTokens(json);
  REQUIRE(strings.size() == 3);
  CHECK(json.substr(strings[1].offset, strings[1].size) == R"(b\"c)");
  CHECK(strings[1].escaped);
  CHECK_FALSE(strings[2].escaped);
  CHECK(json.substr(strings[2].offset, strings[2].size) == "d");
}
