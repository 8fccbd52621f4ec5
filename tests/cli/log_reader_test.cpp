// Tests of cli/log_reader.cpp: a log read on two threads gives what it gives on one.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <thread>

#include "default_classifier.h"
#include "log_reader.h"
#include "varied_log.h"

using namespace conndiag;
using namespace conndiag::cli;
using conndiag::testing::DefaultClassifier;

namespace {

std::FILE* Temp(const std::string& contents) {
  std::FILE* f = std::tmpfile();
  std::fwrite(contents.data(), 1, contents.size(), f);
  std::rewind(f);
  return f;
}

struct Reading {
  std::optional<std::string> error;
  std::vector<LogEvent> events;
  std::size_t lines = 0;
  std::size_t unrecognized_lines = 0;
  std::vector<std::string> warnings;
  InputNotes notes;
  std::size_t progress_calls = 0;
  std::size_t bytes_reported = 0;
};

Reading Read(const std::string& contents, LogThreads threads) {
  Reading r;
  LogClassifier log(DefaultClassifier(), Options{});
  std::FILE* in = Temp(contents);
  r.error = ReadLog(
      in, log, threads,
      [&](std::size_t bytes) {
        ++r.progress_calls;
        r.bytes_reported = bytes;
      },
      &r.notes);
  std::fclose(in);
  r.events = log.Finish();
  r.lines = log.lines();
  r.unrecognized_lines = log.unrecognized_lines();
  r.warnings = log.warnings();
  return r;
}

void CheckSame(const Reading& one, const Reading& two) {
  CHECK(one.error == two.error);
  CHECK(one.lines == two.lines);
  CHECK(one.unrecognized_lines == two.unrecognized_lines);
  CHECK(one.warnings == two.warnings);
  CHECK(one.notes.windows1252 == two.notes.windows1252);
  CHECK(one.progress_calls == two.progress_calls);
  CHECK(one.bytes_reported == two.bytes_reported);
  testing::CheckSameEvents(one.events, two.events);
}

}  // namespace

TEST_CASE("a log of several megabytes read on two threads gives the events and account of one thread", "[log_reader]") {
  for (std::uint32_t seed : {1u, 2u, 3u}) {
    CAPTURE(seed);
    // Several 1 MB reads: the first makes the line filter, the later ones are judged ahead.
    const std::string log = testing::VariedLog(seed, 5'500'000);
    const Reading one = Read(log, LogThreads::kOne);
    const Reading two = Read(log, LogThreads::kTwo);
    CHECK_FALSE(one.error);
    CHECK(one.events.size() > 10);
    CHECK(one.bytes_reported == log.size());
    CheckSame(one, two);
  }
}

TEST_CASE("on two threads, Windows-1252 input is noted and binary input refused as on one", "[log_reader]") {
  // Its first bytes beyond ASCII are Windows-1252's: all of it is read so.
  const std::string french =
      "2026-11-25T10:00:09Z ERROR \xE9\x63hec de la connexion: acc\xE8s refus\xE9\n" + testing::VariedLog(4, 2'500'000);
  const Reading one = Read(french, LogThreads::kOne);
  CHECK(one.notes.windows1252);
  CheckSame(one, Read(french, LogThreads::kTwo));

  const std::string binary("PK\x03\x04\0\0\0 and more", 16);
  const Reading refused = Read(binary, LogThreads::kTwo);
  REQUIRE(refused.error);
  CHECK_THAT(*refused.error, Catch::Contains("looks binary"));
  CheckSame(Read(binary, LogThreads::kOne), refused);
}

TEST_CASE("an empty log and a log shorter than one read give the same on two threads", "[log_reader]") {
  CheckSame(Read("", LogThreads::kOne), Read("", LogThreads::kTwo));
  const std::string small = testing::VariedLog(5, 30'000);
  CheckSame(Read(small, LogThreads::kOne), Read(small, LogThreads::kTwo));
}

TEST_CASE("the threads option is followed where the command has threads, and the machine decides when it is not given",
          "[log_reader]") {
  CHECK(ChooseLogThreads(1) == LogThreads::kOne);
  CHECK(ChooseLogThreads(2) == LogThreads::kTwo);
  CHECK(ChooseLogThreads(0) == (UsableProcessors() >= 2 ? LogThreads::kTwo : LogThreads::kOne));
  CHECK(UsableProcessors() >= 1);
  CHECK(UsableProcessors() <= std::max(1u, std::thread::hardware_concurrency()));
}

// Run by ctest under `taskset -c 0` only (hidden from the default run, which may have more processors).
TEST_CASE("given one processor, the log is read on one thread by default", "[.][one_processor]") {
  CHECK(UsableProcessors() == 1);
  CHECK(ChooseLogThreads(0) == LogThreads::kOne);
  CHECK(ChooseLogThreads(2) == LogThreads::kTwo);  // asked for: still two (correct, on one processor)
}
