// Properties of the core checked on generated inputs (seeded, so a failure replays): the literal
// prefilter never rules out a match, MightMatch never drops an event Classify would answer, log mode's raw
// look at a line never passes by one it must read, spans stay inside the text on character boundaries,
// and a log's events do not depend on where it is cut.
// One missed literal would silently hide a row; examples alone cannot show there is none.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <boost/regex.hpp>

#include "conndiag/classifier.h"
#include "conndiag/default_kb.h"
#include "conndiag/knowledge_base.h"
#include "multi_literal_matcher.h"
#include "required_literals.h"
#include "conndiag/log_events.h"
#include "conndiag/normalize.h"
#include "conndiag/utf8.h"
#include "log_lines.h"
#include "match.h"
#include "raw_line_filter.h"
#include "default_classifier.h"

using namespace conndiag;

namespace {

using conndiag::testing::KnowledgeBaseTexts;
using Rng = std::mt19937;

std::size_t Below(Rng& rng, std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); }

// --- Generated patterns -------------------------------------------------------------------------------
// A small alphabet, so that random texts match random patterns often enough to test something.
constexpr char kAlphabet[] = {'a', 'b', 'c', '.', '-', '1', ' '};

std::string GenAlternation(Rng& rng, int depth);

std::string GenAtom(Rng& rng, int depth) {
  static const char* const kLiterals[] = {"a", "b", "c", "ab", "abc", "\\.", "-", "1", " ", "ba"};
  static const char* const kOthers[] = {".", "[ab]", "[^a]", "\\d", "\\s", "\\w", "[a-c]", "\\b", "^", "$"};
  const std::size_t pick = Below(rng, depth > 2 ? 10 : 14);
  if (pick < 6) return kLiterals[Below(rng, std::size(kLiterals))];
  if (pick < 10) return kOthers[Below(rng, std::size(kOthers))];
  static const char* const kGroups[] = {"(?:", "(", "(?=", "(?!", "(?<=", "(?<!"};
  const std::string open = kGroups[Below(rng, std::size(kGroups))];
  // Boost wants fixed-length look-behinds: a plain literal inside them.
  if (open == "(?<=" || open == "(?<!") return open + kLiterals[Below(rng, std::size(kLiterals))] + ")";
  std::string group = open;
  group += GenAlternation(rng, depth + 1);
  group += ')';
  return group;
}

std::string GenSequence(Rng& rng, int depth) {
  static const char* const kQuantifiers[] = {"", "", "", "?", "*", "+", "{0,2}", "{1,2}", "{2}", "*?", "+?", "??"};
  std::string out;
  const std::size_t atoms = 1 + Below(rng, 4);
  for (std::size_t i = 0; i < atoms; ++i) {
    std::string atom = GenAtom(rng, depth);
    const bool quantifiable = atom != "\\b" && atom != "^" && atom != "$" && atom.rfind("(?=", 0) != 0 &&
                              atom.rfind("(?!", 0) != 0 && atom.rfind("(?<", 0) != 0;
    out += atom;
    if (quantifiable) out += kQuantifiers[Below(rng, std::size(kQuantifiers))];
  }
  return out;
}

std::string GenAlternation(Rng& rng, int depth) {
  std::string out = GenSequence(rng, depth);
  const std::size_t more = Below(rng, 3) == 0 ? 1 + Below(rng, 2) : 0;
  for (std::size_t i = 0; i < more; ++i) {
    out += '|';
    out += GenSequence(rng, depth);
  }
  return out;
}

std::string GenText(Rng& rng) {
  std::string out;
  const std::size_t n = Below(rng, 12);
  for (std::size_t i = 0; i < n; ++i) out += kAlphabet[Below(rng, std::size(kAlphabet))];
  return out;
}

bool ContainsAny(const std::string& text, const std::vector<std::string>& literals) {
  return std::any_of(literals.begin(), literals.end(), [&](const std::string& l) { return text.find(l) != std::string::npos; });
}

// --- Texts made from the knowledge base ----------------------------------------------------------------

std::string InsertAt(const std::string& text, std::size_t at, std::string_view what) {
  std::string out(text, 0, at);
  out.append(what);
  out.append(text, at, std::string::npos);
  return out;
}

// A text changed the way pastes change: case, surrounding noise, a dropped or doubled character,
// quoting, HTML escaping, wrapping, multibyte characters, another error beside it.
std::string Mutate(Rng& rng, std::string text, const std::vector<std::string>& others) {
  const std::size_t steps = 1 + Below(rng, 3);
  for (std::size_t s = 0; s < steps; ++s) {
    switch (Below(rng, 10)) {
      case 0:
        for (char& c : text) {
          if (Below(rng, 3) == 0) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        }
        break;
      case 1: text = "2026-11-26T10:00:00Z ERROR [worker-7] " + text + " (request 7f3a)"; break;
      case 2:
        if (!text.empty()) text.erase(Below(rng, text.size()), 1);
        break;
      case 3:
        if (!text.empty()) {
          const std::size_t at = Below(rng, text.size());
          text.insert(at, 1, text[at]);
        }
        break;
      case 4: text = "{\"error\":\"" + text + "\"}"; break;
      case 5: {
        std::string escaped;
        for (char c : text) escaped += c == '"' ? "&quot;" : c == '<' ? "&lt;" : c == '&' ? "&amp;" : std::string(1, c);
        text = escaped;
        break;
      }
      case 6:
        if (text.size() > 20) text = InsertAt(text, Below(rng, text.size()), "\n");
        break;
      case 7: text = InsertAt(text, Below(rng, text.size() + 1), "\xC3\xA9\xE2\x9C\x93\xF0\x9F\x98\x80"); break;
      case 8: text += "\n" + others[Below(rng, others.size())]; break;
      default: text = "Caused by: " + text; break;
    }
  }
  return text;
}

struct CompiledKb {
  KnowledgeBase kb;
  std::vector<CompiledEntry> entries;
  MultiLiteralMatcher literals;
};

const CompiledKb& DefaultCompiled() {
  static const CompiledKb compiled = [] {
    auto kb = ParseKnowledgeBase(DefaultKnowledgeBase());
    REQUIRE(kb.ok());
    CompiledKb c{std::move(kb).value(), {}, {}};
    LiteralTable table;
    PatternCache cache;
    for (const Entry& e : c.kb.entries) {
      auto ce = CompileEntry(e, table, cache);
      REQUIRE(ce.ok());
      c.entries.push_back(std::move(ce).value());
    }
    c.literals = MultiLiteralMatcher(table.list());
    return c;
  }();
  return compiled;
}

// Where characters start, as the page's TextDecoder reads the text: a stray continuation byte is a
// character of its own there (U+FFFD), so a span may end right before one.
std::vector<bool> CharacterBoundaries(const std::string& text) {
  std::vector<bool> boundary(text.size() + 1, false);
  for (std::size_t i = 0; i < text.size(); i += conndiag::DecodeUtf8(text, i).length) boundary[i] = true;
  boundary[text.size()] = true;
  return boundary;
}

}  // namespace

TEST_CASE("required literals are sound on generated patterns and texts: no match lacks them all", "[properties]") {
  Rng rng(20261126);
  std::size_t patterns_with_literals = 0;
  std::size_t matches_checked = 0;
  std::size_t word_start_matches = 0;
  std::size_t digits_after_matches = 0;
  std::size_t also_matches = 0;  // matches of patterns with further required sets
  for (int i = 0; i < 4000; ++i) {
    const std::string pattern = GenAlternation(rng, 0);
    boost::regex re;
    try {
      re.assign(pattern, boost::regex::perl);
    } catch (const boost::regex_error&) {
      continue;  // the generator may write what Boost refuses; only valid patterns have literals to check
    }
    const PatternLiterals analysis = AnalyzeLiterals(pattern, /*min_also_length=*/1);
    if (analysis.literals.empty()) continue;  // nothing claimed: the pattern is always run
    ++patterns_with_literals;
    for (int t = 0; t < 60; ++t) {
      const std::string text = GenText(rng);
      boost::smatch m;
      try {
        if (!boost::regex_search(text, m, re)) continue;
      } catch (const std::runtime_error&) {
        continue;  // Boost gave up on a pathological generated pattern: no match to check
      }
      ++matches_checked;
      INFO("pattern " << pattern << " text [" << text << "]");
      CHECK(ContainsAny(text, analysis.literals));
      for (const auto& set : analysis.also) CHECK(ContainsAny(text, set));
      if (!analysis.also.empty()) ++also_matches;
      // Some literal occurs as the analysis says it must: after a word boundary when word_start (where
      // its first byte is a word byte) and followed by its digits_after digits.
      auto word = [&](std::size_t at) {
        return at < text.size() && (std::isalnum(static_cast<unsigned char>(text[at])) || text[at] == '_');
      };
      bool as_promised = false;
      for (std::size_t k = 0; k < analysis.literals.size(); ++k) {
        const std::string& l = analysis.literals[k];
        for (std::size_t at = text.find(l); at != std::string::npos; at = text.find(l, at + 1)) {
          const bool boundary = !analysis.word_start || !word(at) || at == 0 || !word(at - 1);
          bool digits = true;
          for (std::size_t d = 0; d < analysis.digits_after[k]; ++d) {
            const std::size_t next = at + l.size() + d;
            digits = digits && next < text.size() && text[next] >= '0' && text[next] <= '9';
          }
          as_promised = as_promised || (boundary && digits);
        }
        if (analysis.digits_after[k] > 0) ++digits_after_matches;
      }
      if (analysis.word_start) ++word_start_matches;
      CHECK(as_promised);
      if (analysis.prefix) {
        const auto at = static_cast<std::size_t>(m.position(static_cast<boost::smatch::size_type>(0)));
        CHECK(std::any_of(analysis.literals.begin(), analysis.literals.end(),
                          [&](const std::string& l) { return text.compare(at, l.size(), l) == 0; }));
      }
    }
  }
  // The generator must exercise the claim, or this test proves nothing.
  CHECK(patterns_with_literals > 1000);
  CHECK(matches_checked > 5000);
  CHECK(word_start_matches > 100);
  CHECK(digits_after_matches > 30);
  CHECK(also_matches > 300);
}

TEST_CASE("the knowledge base's prefilter never rules out a pattern that matches a mutated example", "[properties]") {
  const CompiledKb& c = DefaultCompiled();
  const std::vector<std::string> originals = KnowledgeBaseTexts(c.kb);
  REQUIRE(originals.size() > 300);
  Rng rng(11);
  std::vector<std::uint8_t> found;
  const std::vector<std::uint8_t> everything(c.literals.size(), 1);
  std::size_t pattern_matches = 0;
  for (int round = 0; round < 3; ++round) {
    for (const std::string& original : originals) {
      const std::string text = round == 0 ? original : Mutate(rng, original, originals);
      const NormalizedText normalized = Normalize(text);
      c.literals.Scan(normalized.text, found);
      PatternResults remembered;  // what a classification keeps of the regexes run on this text
      for (std::size_t e = 0; e < c.entries.size(); ++e) {
        for (const CompiledSignature& sig : c.entries[e].signatures) {
          for (const auto* list : {&sig.patterns, &sig.hints}) {
            for (const CompiledPattern& p : *list) {
              if (!boost::regex_search(normalized.text, *p.re->Get())) continue;
              ++pattern_matches;
              INFO(p.path << " on [" << normalized.text << "]");
              const auto any_found = [&](const std::vector<std::uint32_t>& ids) {
                return ids.empty() ||
                       std::any_of(ids.begin(), ids.end(), [&](std::uint32_t id) { return found[id] != 0; });
              };
              CHECK(any_found(p.literal_ids));
              for (const auto& ids : p.also_ids) CHECK(any_found(ids));
            }
          }
        }
        // The same answer with the prefilter's findings as with "every literal occurs".
        std::vector<std::string> warnings;
        const auto filtered = MatchEntry(c.entries[e], normalized.text, found, warnings);
        const auto unfiltered = MatchEntry(c.entries[e], normalized.text, everything, warnings);
        INFO(c.kb.entries[e].id << " on [" << normalized.text << "]");
        REQUIRE(filtered.has_value() == unfiltered.has_value());
        if (filtered) {
          CHECK(filtered->signature == unfiltered->signature);
          CHECK(filtered->covered == unfiltered->covered);
        }
        // The same answer when regexes shared with earlier entries give their remembered result.
        const auto reused = MatchEntry(c.entries[e], normalized.text, found, warnings, &remembered);
        REQUIRE(reused.has_value() == filtered.has_value());
        if (reused) {
          CHECK(reused->signature == filtered->signature);
          CHECK(reused->covered == filtered->covered);
          CHECK(MergeSpans(reused->spans) == MergeSpans(filtered->spans));
        }
      }
    }
  }
  CHECK(pattern_matches > 1000);
  // Remembered results are only exercised if signatures share regexes: they do (status wordings, hints).
  std::set<const PatternRegex*> distinct;
  std::size_t patterns = 0;
  for (const CompiledEntry& entry : c.entries) {
    for (const CompiledSignature& sig : entry.signatures) {
      for (const auto* list : {&sig.patterns, &sig.hints}) {
        for (const CompiledPattern& p : *list) {
          distinct.insert(p.re.get());
          ++patterns;
        }
      }
    }
  }
  CHECK(distinct.size() < patterns);
}

TEST_CASE("each pattern of the knowledge base matches where a search of its regex from the text's start does",
          "[properties]") {
  // A classification does not always search: a plain pattern is found by string search (plain_pattern.h),
  // another is tried anchored at the occurrences of its prefix literals. Each pattern alone, as an entry of
  // its own, against Boost's search of the whole text: the same match, at the same place.
  const KnowledgeBase& kb = testing::DefaultClassifier().knowledge_base();
  LiteralTable table;
  PatternCache cache;
  std::vector<std::pair<std::string, CompiledEntry>> alone;
  std::set<std::string> seen;
  for (const Entry& e : kb.entries) {
    for (const Signature& s : e.signatures) {
      for (const auto* list : {&s.patterns, &s.hints}) {
        for (const std::string& source : *list) {
          if (!seen.insert(source).second) continue;
          Entry one;
          Signature sig;
          sig.id = "alone";
          sig.patterns = {source};
          one.signatures = {sig};
          auto compiled = CompileEntry(one, table, cache);
          REQUIRE(compiled.ok());
          alone.emplace_back(source, std::move(compiled).value());
        }
      }
    }
  }
  const MultiLiteralMatcher literals(table.list());
  const std::vector<std::string> originals = KnowledgeBaseTexts(kb);
  Rng rng(29);
  std::vector<std::uint8_t> found;
  std::size_t matches = 0;
  std::size_t repeated = 0;
  for (int round = 0; round < 3; ++round) {
    for (const std::string& original : originals) {
      std::string text = round == 0 ? original : Mutate(rng, original, originals);
      // Round 2: the text's start many times over before it, so that a prefix literal occurs more often than
      // the anchored tries (8) before the match.
      if (round == 2) {
        const std::string head = text.substr(0, 1 + Below(rng, std::min<std::size_t>(text.size(), 30)));
        for (int k = 0; k < 12; ++k) text = head + " " + text;
      }
      const NormalizedText normalized = Normalize(text);
      literals.Scan(normalized.text, found);
      for (const auto& [source, entry] : alone) {
        if (!Possible(entry.signatures[0], found)) continue;  // ruled out: the prefilter test's business
        std::vector<std::string> warnings;
        const auto got = MatchEntry(entry, normalized.text, found, warnings);
        boost::smatch m;
        const bool expected = boost::regex_search(normalized.text, m, boost::regex(source, boost::regex::perl));
        INFO(source << " on [" << normalized.text << "]");
        REQUIRE(got.has_value() == expected);
        if (!expected) continue;
        ++matches;
        repeated += round == 2;
        const auto begin = static_cast<std::size_t>(m[0].first - normalized.text.begin());
        const auto end = begin + static_cast<std::size_t>(m.length(0));
        std::vector<Span> spans;
        if (end > begin) spans.push_back(Span{begin, end});
        CHECK(got->spans == spans);
      }
    }
  }
  CHECK(alone.size() > 500);  // distinct sources
  CHECK(matches > 2000);
  CHECK(repeated > 500);
}

TEST_CASE("MightMatch keeps every text that Classify answers, and spans stay inside the text", "[properties]") {
  const Classifier& classifier = testing::DefaultClassifier();
  const std::vector<std::string> originals = KnowledgeBaseTexts(classifier.knowledge_base());
  Rng rng(7);
  Options options;
  options.similar = false;  // log mode's setting: MightMatch stands in front of signature matching only
  options.top = 10;
  std::size_t answered = 0;
  for (int round = 0; round < 2; ++round) {
    for (const std::string& original : originals) {
      const std::string text = Mutate(rng, original, originals);
      const Result result = classifier.Classify(text, options);
      if (result.matches.empty()) continue;
      ++answered;
      INFO("[" << text << "]");
      CHECK(classifier.MightMatch(text));
      const std::vector<bool> boundary = CharacterBoundaries(text);
      for (const Match& m : result.matches) {
        std::size_t previous_end = 0;
        for (const Span& s : m.spans) {
          CHECK(s.begin >= previous_end);
          CHECK(s.begin <= s.end);
          REQUIRE(s.end <= text.size());
          CHECK(boundary[s.begin]);
          CHECK(boundary[s.end]);
          previous_end = s.end;
        }
      }
    }
  }
  CHECK(answered > originals.size());
}

TEST_CASE("log mode's raw look passes by no line it must read, whatever the log's first bytes", "[properties]") {
  // Passing a line by is right only when no signature matches the normalized line and it does not read as
  // an error (log mode then drops it): checked on every line of the knowledge base's texts and their
  // mutations, with filters whose anchors come from different samples. (Not "MightMatch is false": the raw
  // look also knows what must come around a literal, such as the digits after "af1" in an AF code.)
  const Classifier& classifier = testing::DefaultClassifier();
  const std::vector<std::string> originals = KnowledgeBaseTexts(classifier.knowledge_base());
  std::string whole;
  for (const std::string& t : originals) whole += t + "\n";
  const std::vector<std::shared_ptr<const RawLineFilter>> filters = {
      classifier.LogLineFilter(""), classifier.LogLineFilter(whole),
      classifier.LogLineFilter("2026-11-26T10:00:00Z INFO poller fetched 12 events from https://api.box.com in 401 ms"),
  };
  static const char* const kNoise[] = {"2026-11-26T10:00:00Z INFO poller fetched 12 events",
                                       "Nov 25 00:00:01 host agent[7]: err disk", "2026-11-26 10:00:00 DEBUG ok",
                                       "INFO  [main] GET https://x.okta.com/api/v1/logs?since=1&limit=5 200 (401 ms)"};
  Rng rng(5);
  std::size_t lines = 0;
  std::size_t passed_by = 0;
  for (int round = 0; round < 3; ++round) {
    for (const std::string& original : originals) {
      std::string text = round == 0 ? original : Mutate(rng, original, originals);
      if (Below(rng, 4) == 0) text = std::string(kNoise[Below(rng, std::size(kNoise))]) + " " + text;
      std::size_t begin = 0;
      while (begin <= text.size()) {
        std::size_t end = text.find_first_of("\r\n", begin);
        if (end == std::string::npos) end = text.size();
        const std::string_view line = std::string_view(text).substr(begin, end - begin);
        begin = end + 1;
        ++lines;
        const NormalizedText normalized = Normalize(line, false);
        const bool must_read = classifier.AnySignatureMatches(normalized) || LooksLikeError(normalized.text);
        for (const auto& filter : filters) {
          const bool skippable = classifier.SkippableLogLine(*filter, line);
          passed_by += skippable;
          INFO("[" << line << "]");
          CHECK_FALSE((skippable && must_read));
        }
      }
    }
  }
  // Most of these texts are errors; the noise and the plain lines among them must be passed by, or the
  // check above was never put to the test.
  CHECK(lines > 2 * originals.size());
  CHECK(passed_by > 100);
}

TEST_CASE("AnySignatureMatches says whether Classify would answer, in log mode's setting", "[properties]") {
  const Classifier& classifier = testing::DefaultClassifier();
  const std::vector<std::string> originals = KnowledgeBaseTexts(classifier.knowledge_base());
  Rng rng(9);
  Options options;
  options.similar = false;
  std::size_t answered = 0;
  std::size_t unanswered = 0;
  for (int round = 0; round < 2; ++round) {
    for (const std::string& original : originals) {
      std::string text = round == 0 ? original : Mutate(rng, original, originals);
      if (Below(rng, 3) == 0) text.erase(Below(rng, text.size() + 1), 12);  // break some wordings
      const bool answers = !classifier.Classify(text, options).matches.empty();
      answered += answers;
      unanswered += !answers;
      INFO("[" << text << "]");
      CHECK(classifier.AnySignatureMatches(Normalize(text, false)) == answers);
    }
  }
  CHECK(answered > originals.size());
  CHECK(unanswered > 20);
}

TEST_CASE("a log's events do not depend on where it is cut into pieces", "[properties]") {
  const Classifier& classifier = testing::DefaultClassifier();
  const std::vector<std::string> originals = KnowledgeBaseTexts(classifier.knowledge_base());
  static const char* const kEndings[] = {"\n", "\r\n", "\r"};
  static const char* const kNoise[] = {"2026-11-26T10:00:00Z INFO poller fetched 12 events",
                                       "\tat com.example.Poller.run(Poller.java:42)", "", "Caused by: java.io.IOException"};
  Rng rng(3);
  Options options;
  for (int trial = 0; trial < 60; ++trial) {
    std::string log;
    const std::size_t lines = 5 + Below(rng, 60);
    for (std::size_t i = 0; i < lines; ++i) {
      std::string line = Below(rng, 3) == 0 ? originals[Below(rng, originals.size())] : kNoise[Below(rng, std::size(kNoise))];
      std::replace(line.begin(), line.end(), '\n', ' ');
      std::replace(line.begin(), line.end(), '\r', ' ');
      log += line + kEndings[Below(rng, std::size(kEndings))];
    }
    const std::vector<LogEvent> whole = ClassifyLog(classifier, log, options);
    LogClassifier streamed(classifier, options);
    std::size_t at = 0;
    while (at < log.size()) {
      const std::size_t piece = 1 + Below(rng, 40);  // cuts through CRLF pairs and UTF-8 characters too
      streamed.AddText(std::string_view(log).substr(at, piece));
      at += piece;
    }
    const std::vector<LogEvent> pieces = streamed.Finish();
    INFO("trial " << trial);
    REQUIRE(pieces.size() == whole.size());
    for (std::size_t i = 0; i < whole.size(); ++i) {
      CHECK(pieces[i].line == whole[i].line);
      CHECK(pieces[i].last_line == whole[i].last_line);
      CHECK(pieces[i].count == whole[i].count);
      CHECK(pieces[i].text == whole[i].text);
      CHECK(StatusOf(pieces[i].result) == StatusOf(whole[i].result));
      if (!whole[i].result.matches.empty()) {
        CHECK(pieces[i].result.matches.front().entry->id == whole[i].result.matches.front().entry->id);
      }
    }
  }
}
