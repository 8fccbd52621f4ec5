// Tests of core/src/log_events.cpp: event splitting, merging of repeats, line numbers, limits.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "conndiag/log_events.h"
#include "default_classifier.h"
#include "varied_log.h"

using namespace conndiag;
using conndiag::testing::DefaultClassifier;

namespace {

// What a reader found: its events and its account of the log.
void CheckSameReading(LogClassifier& a, LogClassifier& b) {
  const auto first = a.Finish();
  const auto second = b.Finish();
  CHECK(a.lines() == b.lines());
  CHECK(a.unrecognized_lines() == b.unrecognized_lines());
  CHECK(a.warnings() == b.warnings());
  testing::CheckSameEvents(first, second);
}

// A log of 64 KB of quiet lines (enough for the reader to make its line filter from), one piece.
std::string QuietStart() {
  std::string start;
  for (int i = 0; start.size() < (64u << 10); ++i) {
    start += "2026-11-25T10:00:00Z INFO fetched " + std::to_string(i) + " events\n";
  }
  return start;
}

}  // namespace

TEST_CASE("a log is split into events, noise dropped, repeats counted with first and last line", "[log]") {
  const std::string log =
      "2026-11-25T10:00:00Z INFO sync started\n"
      "2026-11-25T10:00:01Z ERROR BoxRestException: Failed to parse response.\n"
      "2026-11-25T10:00:02Z INFO 200 OK\r\n"
      "2026-11-25T10:00:03Z ERROR java.lang.NullPointerException\n"
      "\tat com.amazonaws.services.cloudtrail.Client.lookup(Client.java:10)\n"
      "\tat com.adallom.Worker.run(Worker.java:5)\n"
      "2026-11-25T10:05:01Z ERROR BoxRestException: Failed to parse response.\n"
      "\n"
      "2026-11-25T10:09:01Z ERROR BoxRestException: Failed to parse response.";
  const auto events = ClassifyLog(DefaultClassifier(), log, Options{});
  REQUIRE(events.size() == 2);
  CHECK(events[0].line == 2);
  CHECK(events[0].last_line == 9);
  CHECK(events[0].count == 3);
  CHECK(events[0].result.matches[0].entry->id == "box-rest-failed-parse");
  CHECK(events[1].line == 4);
  CHECK(events[1].count == 1);
  CHECK_THAT(events[1].text, Catch::Contains("com.amazonaws"));
  // The stack trace joined to its event names the app: AWS, not Microsoft 365.
  CHECK(events[1].result.matches[0].entry->id == "aws-npe");
  CHECK(events[1].result.matches[0].confident);
}

TEST_CASE("CR-only and mixed line endings split lines", "[log]") {
  const auto events = ClassifyLog(DefaultClassifier(), "a\rIgniteException\r\nb\nIgniteException", Options{});
  REQUIRE(events.size() == 1);
  CHECK(events[0].line == 2);
  CHECK(events[0].last_line == 4);
  CHECK(events[0].count == 2);
}

TEST_CASE("lines fed one by one give the same events as the whole text", "[log]") {
  LogClassifier log(DefaultClassifier(), Options{});
  log.AddText("x IgniteException\n");
  log.AddText("y\n");
  log.AddText("x IgniteException\r\n");
  CHECK(log.lines() == 3);
  const auto events = log.Finish();
  REQUIRE(events.size() == 1);
  CHECK(events[0].count == 2);
}

TEST_CASE("text fed in arbitrary pieces gives the same events as whole text", "[log]") {
  const std::string log =
      "x\r\nIgniteException\r\n\tat com.foo.Bar(Bar.java:1)\rIgniteException\nNullPointerException at com.amazonaws\r\n";
  const auto whole = ClassifyLog(DefaultClassifier(), log, Options{});
  for (std::size_t piece : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{7}}) {
    CAPTURE(piece);
    LogClassifier streamed(DefaultClassifier(), Options{});
    for (std::size_t i = 0; i < log.size(); i += piece) streamed.AddText(std::string_view(log).substr(i, piece));
    CHECK(streamed.events().size() <= whole.size());
    const auto events = streamed.Finish();
    REQUIRE(events.size() == whole.size());
    for (std::size_t k = 0; k < events.size(); ++k) {
      CHECK(events[k].line == whole[k].line);
      CHECK(events[k].count == whole[k].count);
      CHECK(events[k].text == whole[k].text);
    }
  }
}

TEST_CASE("a big log read in big pieces, its quiet lines passed by from their raw bytes, gives the events of "
          "small pieces, every line read", "[log]") {
  // Pieces of 64 KB and more get the raw look; pieces this small never do.
  const char* const kLines[] = {
      "2026-11-25T10:00:00Z INFO fetched 120 events for tenant 0b012a7f-69ca-41b8-b0ea-e4836cd51c4d in 401 ms",
      "2026-11-25 10:00:01,5 DEBUG [main] GET https://api.box.com/2.0/events?limit=500&stream=admin_logs 200",
      "2026-11-25T10:00:02Z INFO batch ids=[af12-af1b-4ddd, 3b5d2daf-7641, AF1234] committed",
      "2026-11-25T10:00:03Z INFO Server Returned :  401   Unauthorized (retrying)",
      "2026-11-25T10:00:03Z INFO got AADSTS700082 from login.microsoftonline.com, signing in again",
      "2026-11-25T10:00:04Z ERROR BoxRestException: Failed to parse response.",
      "Nov 25 10:00:05 host agent[7]: err disk quota",
      "2026-11-25T10:00:06Z WARN AF10003 from ADFS",
      "2026-11-25T10:00:07Z INFO r\\u00e9ponse re\\u00e7ue: acc\xC3\xA8s refus\xC3\xA9"};
  std::string log;
  for (int i = 0; log.size() < 300'000; ++i) {
    log += kLines[i % 4 == 3 ? 3 + (i / 4) % 6 : i % 3];
    log += i % 7 == 0 ? "\r\n" : "\n";
  }
  const auto whole = ClassifyLog(DefaultClassifier(), log, Options{});
  LogClassifier small(DefaultClassifier(), Options{});
  for (std::size_t at = 0; at < log.size(); at += 1000) small.AddText(std::string_view(log).substr(at, 1000));
  const auto pieces = small.Finish();
  REQUIRE(whole.size() == pieces.size());
  REQUIRE(whole.size() >= 5);
  for (std::size_t i = 0; i < whole.size(); ++i) {
    CHECK(whole[i].line == pieces[i].line);
    CHECK(whole[i].count == pieces[i].count);
    CHECK(whole[i].text == pieces[i].text);
    CHECK(StatusOf(whole[i].result) == StatusOf(pieces[i].result));
  }
}

TEST_CASE("a line longer than the event limit keeps its beginning when streamed", "[log]") {
  LogClassifier log(DefaultClassifier(), Options{});
  log.AddText("IgniteException ");
  for (int i = 0; i < 20; ++i) log.AddText(std::string(16u << 10, 'x'));
  log.AddText("\nIgniteException\n");
  const auto events = log.Finish();
  REQUIRE(events.size() == 2);
  CHECK(events[0].text.size() == kMaxEventBytes);
}

TEST_CASE("an over-long event is cut with a warning", "[log]") {
  std::string line = "IgniteException " + std::string(kMaxEventBytes * 2, 'x');
  const auto events = ClassifyLog(DefaultClassifier(), line, Options{});
  REQUIRE(events.size() == 1);
  CHECK(events[0].text.size() == kMaxEventBytes);
  REQUIRE_FALSE(events[0].result.warnings.empty());
  CHECK_THAT(events[0].result.warnings.back(), Catch::Contains("only its beginning was read"));
}

TEST_CASE("an empty log has no events", "[log]") {
  CHECK(ClassifyLog(DefaultClassifier(), "", Options{}).empty());
  CHECK(ClassifyLog(DefaultClassifier(), "\n\n\r\n", Options{}).empty());
}

TEST_CASE("past the text budget, new events keep only their beginning, with one warning, and are still counted", "[log]") {
  LogClassifier log(DefaultClassifier(), Options{});
  const std::string padding(60u << 10, 'x');
  const std::size_t events = (kEventTextBudget / padding.size()) + 40;
  for (std::size_t e = 0; e < events; ++e) {
    const std::string line = "ERROR BoxRestException: Failed to parse response. request " + std::to_string(e) + " " + padding;
    log.AddText(line + "\n" + line + "\n");  // each event twice: repeats still merge
  }
  const auto found = log.Finish();
  REQUIRE(found.size() == events);
  for (const auto& e : found) CHECK(e.count == 2);
  CHECK(found.front().text.size() > padding.size());
  CHECK(found.back().text.size() <= kEventBytesOverBudget);
  REQUIRE(log.warnings().size() == 1);
  CHECK_THAT(log.warnings().front(), Catch::Contains("keep only their first"));
}

TEST_CASE("error lines nothing recognizes are listed as unrecognized and counted, quiet lines are not", "[log]") {
  const std::string log =
      "2026-11-25T10:00:00Z INFO sync started, 0 errors so far\n"
      "2026-11-25T10:00:01Z ERROR [ews] mailbox sync failed for user 1234567\n"
      "2026-11-25T10:00:02Z ERROR BoxRestException: Failed to parse response.\n"
      "2026-11-25T10:00:03Z ERROR [ews] mailbox sync failed for user 7654321\n";
  LogClassifier reader(DefaultClassifier(), Options{});
  reader.AddText(log);
  const auto events = reader.Finish();
  REQUIRE(events.size() == 2);
  CHECK(StatusOf(events[0].result) == EventStatus::kUnrecognized);
  CHECK(events[0].count == 2);  // the ids differ, the event is the same
  CHECK(events[0].last_line == 4);
  CHECK(StatusOf(events[1].result) == EventStatus::kRecognized);
  CHECK(reader.unrecognized_lines() == 2);
}

TEST_CASE("past the cap, unrecognized error events are still counted, with one warning", "[log]") {
  LogClassifier reader(DefaultClassifier(), Options{});
  for (std::size_t i = 0; i < kMaxUnrecognizedEvents + 50; ++i) {
    reader.AddText("ERROR step " + std::string(1, static_cast<char>('a' + i % 26)) + std::to_string(i) + " failed\n");
  }
  const auto events = reader.Finish();
  CHECK(events.size() == kMaxUnrecognizedEvents);
  CHECK(reader.unrecognized_lines() == kMaxUnrecognizedEvents + 50);
  REQUIRE(reader.warnings().size() == 1);
  CHECK_THAT(reader.warnings()[0], Catch::Contains("not recognized"));
}

TEST_CASE("lines judged ahead by the prescanner give the events of lines judged by the reader, whatever the pieces",
          "[log]") {
  for (std::uint32_t seed = 1; seed <= 12; ++seed) {
    CAPTURE(seed);
    const std::string log = testing::VariedLog(seed, 600'000);
    std::mt19937 random(seed);
    LogClassifier plain(DefaultClassifier(), Options{});
    LogClassifier ahead(DefaultClassifier(), Options{});
    std::size_t judged = 0;
    std::size_t loud = 0;
    for (std::size_t at = 0; at < log.size();) {
      // Pieces of a few bytes to 200 KB, cut anywhere (inside a line, between CR and LF, in a character).
      const std::size_t length = random() % 4 == 0 ? 1 + random() % 100 : 1 + random() % 200'000;
      const std::string piece = log.substr(at, length);
      at += piece.size();
      plain.AddText(piece);
      LineVerdicts verdicts;
      if (const auto prescan = ahead.Prescanner()) verdicts = prescan(piece);
      for (const auto& line : verdicts.lines) loud += line.skippable ? 0 : 1;
      judged += verdicts.lines.size();
      ahead.AddText(piece, &verdicts);
    }
    // The prescanner did judge lines, both ways.
    CHECK(judged > 1000);
    CHECK(loud > 50);
    CHECK(loud < judged);
    CheckSameReading(plain, ahead);
  }
}

TEST_CASE("the reader goes by the verdicts it is given, only those worked out for the piece it reads", "[log]") {
  const std::string start = QuietStart();
  const std::string piece = "2026-11-25T10:00:04Z ERROR BoxRestException: Failed to parse response.\nall quiet\n";

  LogClassifier judged(DefaultClassifier(), Options{});
  judged.AddText(start);
  const auto prescan = judged.Prescanner();
  REQUIRE(prescan);
  const LineVerdicts verdicts = prescan(piece);
  REQUIRE(verdicts.lines.size() == 2);
  CHECK(verdicts.piece == piece.data());
  CHECK(verdicts.lines[0].offset == 0);
  CHECK_FALSE(verdicts.lines[0].skippable);
  CHECK(verdicts.lines[1].offset == piece.find("all quiet"));
  CHECK(verdicts.lines[1].skippable);
  judged.AddText(piece, &verdicts);
  REQUIRE(judged.Finish().size() == 1);

  // Verdicts that call the error line skippable: the reader takes them at their word...
  LineVerdicts wrong = verdicts;
  wrong.lines[0].skippable = true;
  LogClassifier misled(DefaultClassifier(), Options{});
  misled.AddText(start);
  misled.AddText(piece, &wrong);
  CHECK(misled.Finish().empty());

  // ... but not when they were worked out for another piece.
  const std::string copy = piece;
  LogClassifier guarded(DefaultClassifier(), Options{});
  guarded.AddText(start);
  guarded.AddText(copy, &wrong);
  CHECK(guarded.Finish().size() == 1);
}

TEST_CASE("a reader that only prepares its line filter from the log's pieces judges as one that read them", "[log]") {
  for (std::uint32_t seed = 21; seed <= 24; ++seed) {
    CAPTURE(seed);
    const std::string log = testing::VariedLog(seed, 400'000);
    // A small first piece (no filter from it), then big ones: both readers make the filter from the second.
    const std::vector<std::string> pieces = {log.substr(0, 500), log.substr(500, 150'000), log.substr(150'500)};
    LogClassifier reading(DefaultClassifier(), Options{});
    LogClassifier judging(DefaultClassifier(), Options{});
    for (std::size_t i = 0; i + 1 < pieces.size(); ++i) {
      reading.AddText(pieces[i]);
      judging.PrepareLineFilter(pieces[i]);
      CHECK(static_cast<bool>(reading.Prescanner()) == static_cast<bool>(judging.Prescanner()));
    }
    REQUIRE(judging.Prescanner());
    const LineVerdicts expected = reading.Prescanner()(pieces.back());
    const LineVerdicts got = judging.Prescanner()(pieces.back());
    REQUIRE(got.lines.size() == expected.lines.size());
    std::size_t differ = 0;
    for (std::size_t i = 0; i < got.lines.size(); ++i) {
      differ +=
          got.lines[i].offset != expected.lines[i].offset || got.lines[i].skippable != expected.lines[i].skippable;
    }
    CHECK(differ == 0);
    CHECK(judging.lines() == 0);  // it read nothing
  }
}

TEST_CASE("there is no prescanner until the reader has made its line filter from a big enough piece", "[log]") {
  LogClassifier log(DefaultClassifier(), Options{});
  CHECK_FALSE(log.Prescanner());
  log.AddText("2026-11-25T10:00:00Z INFO a small first piece\n");
  CHECK_FALSE(log.Prescanner());
  log.AddText(QuietStart());
  CHECK(log.Prescanner());
}
