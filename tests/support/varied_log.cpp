// A log of varied lines for comparison tests, and the check that two readings of a log agree (see varied_log.h).
#include "varied_log.h"

#include <catch2/catch.hpp>

#include <random>
#include <string_view>

#include "conndiag/classifier.h"

namespace conndiag::testing {
namespace {

// Quiet lines: most of a log. "%" is replaced by a number that changes from line to line.
constexpr std::string_view kQuiet[] = {
    "2026-11-25T10:00:%Z INFO fetched % events for tenant 0b012a7f-69ca-41b8-b0ea-e4836cd51c4d in % ms",
    "2026-11-25 10:00:%,5 DEBUG [main] GET https://api.box.com/2.0/events?limit=500&stream=admin_logs 200",
    "2026-11-25T10:00:%Z INFO batch ids=[af12-af1b-4ddd, 3b5d2daf-%, AF1234] committed",
    "2026-11-25T10:00:%Z INFO got AADSTS700082 from login.microsoftonline.com, signing in again (%)",
    "2026-11-25T10:00:%Z INFO r\\u00e9ponse re\\u00e7ue: acc\xC3\xA8s autoris\xC3\xA9 n\xC2\xB0%",
    "2026-11-25T10:00:%Z INFO title=&quot;Tom &amp; Jerry&quot; page %",
    "{\"ts\":\"2026-11-25T10:00:%Z\",\"level\":\"info\",\"msg\":\"poll done\",\"n\":%}",
};
// Lines that read as errors or match an entry, some of them known to the knowledge base.
constexpr std::string_view kLoud[] = {
    "2026-11-25T10:00:%Z ERROR BoxRestException: Failed to parse response.",
    "2026-11-25T10:00:%Z INFO Server Returned :  401   Unauthorized (retrying %)",
    "HttpRequestFailure: Server returned: 401 Unauthorized",
    "Nov 25 10:00:% host agent[7]: err disk quota",
    "2026-11-25T10:00:%Z WARN AF10003 from ADFS",
    "2026-11-25T10:00:%Z ERROR request % failed with an unexpected status",
    "2026-11-25T10:00:%Z ERROR \xC3\xA9\x63hec de la connexion: acc\xC3\xA8s refus\xC3\xA9 (%)",
    "2026-11-25T10:00:%Z ERROR java.lang.NullPointerException",
    "IgniteException: node % left",
};
// Lines that continue the event above them.
constexpr std::string_view kContinued[] = {
    "\tat com.amazonaws.services.cloudtrail.Client.lookup(Client.java:%)",
    "\tat com.adallom.Worker.run(Worker.java:%)",
    "Caused by: java.net.SocketTimeoutException: Read timed out",
    "    ... % more",
};
constexpr std::string_view kEndings[] = {"\n", "\n", "\n", "\r\n", "\r"};

}  // namespace

std::string VariedLog(std::uint32_t seed, std::size_t bytes) {
  std::mt19937 random(seed);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(random() % n); };
  auto fill = [&](std::string_view line, std::string& out) {
    for (char c : line) {
      if (c == '%') {
        out += std::to_string(random() % 100000);
      } else {
        out += c;
      }
    }
  };
  std::string log;
  while (log.size() < bytes) {
    const std::size_t kind = pick(1000);
    if (kind < 880) {
      // A quiet line or a loud one, and sometimes lines that continue it: a quiet line's event then holds
      // what those say.
      fill(kind < 800 ? kQuiet[pick(std::size(kQuiet))] : kLoud[pick(std::size(kLoud))], log);
      for (std::size_t frames = pick(kind < 800 ? 40 : 4); frames > 0 && frames < 4 && pick(2) == 0; --frames) {
        log += kEndings[pick(std::size(kEndings))];
        fill(kContinued[pick(std::size(kContinued))], log);
      }
    } else if (kind < 960) {
      log += std::string(pick(3), pick(2) ? ' ' : '\t');  // blank or white space only
    } else if (kind < 999) {
      fill(kQuiet[pick(std::size(kQuiet))], log);
      log += " ";
      log += std::string(pick(200), 'x');
    } else {
      // Longer than an event may be: only its beginning counts.
      fill(kLoud[pick(std::size(kLoud))], log);
      log += std::string(kMaxEventBytes + pick(1000), 'y');
    }
    log += kEndings[pick(std::size(kEndings))];
  }
  return log;
}

void CheckSameEvents(const std::vector<LogEvent>& first, const std::vector<LogEvent>& second) {
  REQUIRE(first.size() == second.size());
  for (std::size_t i = 0; i < first.size(); ++i) {
    CAPTURE(i, first[i].text.substr(0, 200));
    CHECK(first[i].line == second[i].line);
    CHECK(first[i].last_line == second[i].last_line);
    CHECK(first[i].count == second[i].count);
    CHECK(first[i].text == second[i].text);
    CHECK(StatusOf(first[i].result) == StatusOf(second[i].result));
    CHECK(first[i].result.matches.size() == second[i].result.matches.size());
    if (!first[i].result.matches.empty() && !second[i].result.matches.empty()) {
      CHECK(first[i].result.matches[0].entry->id == second[i].result.matches[0].entry->id);
    }
  }
}

}  // namespace conndiag::testing
