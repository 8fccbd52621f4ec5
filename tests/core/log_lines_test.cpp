// Tests of core/src/log_lines.cpp: continuation lines, line ends and the key that merges repeats.
#include <catch2/catch.hpp>

#include "conndiag/normalize.h"
#include "log_lines.h"

using namespace conndiag;

namespace {

std::string Key(std::string_view event) { return RepeatKey(Normalize(event, /*keep_offsets=*/false).text); }

}  // namespace

TEST_CASE("stack-trace lines continue the event above them", "[log_lines]") {
  CHECK(IsContinuationLine("\tat com.box.Foo.bar(Foo.java:12)"));
  CHECK(IsContinuationLine("    at x"));
  CHECK(IsContinuationLine("Caused by: java.io.IOException: reset"));
  CHECK(IsContinuationLine("... 12 more"));
  CHECK_FALSE(IsContinuationLine("2026-11-25 10:00:00 ERROR something"));
  CHECK_FALSE(IsContinuationLine(""));
  CHECK_FALSE(IsContinuationLine("   "));
}

TEST_CASE("repeats differing only in timestamp, GUID and prefix share a key", "[log_lines]") {
  const auto a = Key("2026-11-25T10:00:00.123Z ERROR [worker-1] Tenant 998cea7e-35cd-46a5-ab3c-8ec88a45d7d5 x");
  const auto b = Key("2026-11-26 11:30:07,5 WARN [worker-9] Tenant 11111111-2222-4333-8444-555555555555 x");
  CHECK(a == b);
  CHECK(Key("Server returned: 401") != Key("Server returned: 404"));
}

TEST_CASE("request ids and long numbers are masked, short numbers such as statuses are not", "[log_lines]") {
  CHECK(Key("WARN retrying request ce15eee24730 after 429, attempt 1") ==
        Key("WARN retrying request 0c5b1f77af3b after 429, attempt 1"));
  CHECK(Key("job 1234567 failed") == Key("job 7654321 failed"));
  CHECK(Key("retrying after 429") != Key("retrying after 503"));
  CHECK(Key("user deadbeef failed") != Key("user cafebabe failed"));  // words, not ids: no digit
}

TEST_CASE("error-looking lines: an error word, and no quiet level in the log prefix", "[log_lines]") {
  auto looks = [](std::string_view line) { return LooksLikeError(Normalize(line, false).text); };
  CHECK(looks("2026-11-25T10:00:00Z ERROR [ews] The remote server returned an error: (401) Unauthorized."));
  CHECK(looks("2026-11-25T10:00:00Z WARN retrying request ab12cd34ef after 429"));
  CHECK(looks("Le serveur distant a retourné une erreur : (401) Non autorisé."));
  CHECK(looks("java.net.SocketTimeoutException: Read timed out"));
  CHECK_FALSE(looks("2026-11-25T10:00:00Z INFO sync finished with 0 errors"));
  CHECK_FALSE(looks("2026-11-25T10:00:00Z DEBUG [http] exception handler registered"));
  CHECK_FALSE(looks("2026-11-25T10:00:00Z INFO poller fetched 12 events"));
  CHECK_FALSE(looks("sync started"));
}

TEST_CASE("the log prefix is stripped in every timestamp format, with its level and bracketed names", "[log_lines]") {
  const std::string message = Key("the remote server returned an error: (401)");
  for (const char* line : {"2026-11-25T10:00:00.123Z ERROR [worker-1] The remote server returned an error: (401)",
                           "[2026-11-25 10:00:00,5] [error] The remote server returned an error: (401)",
                           "2026-11-25T10:00:00+02:00 WARN: The remote server returned an error: (401)",
                           "Nov 25 10:00:01 [ews] [sync] The remote server returned an error: (401)",
                           "10:00:01.250 error The remote server returned an error: (401)"}) {
    CAPTURE(line);
    CHECK(Key(line) == message);
  }
  // No timestamp, no prefix: a level word alone is part of the message.
  CHECK(Key("ERROR The remote server returned an error: (401)") != message);
  // A word that merely begins like a level is not one.
  CHECK(LooksLikeError(Normalize("2026-11-25T10:00:00Z information: sync failed", false).text));
}

TEST_CASE("a syslog line's host and tag are part of its prefix: repeats from other hosts and processes merge", "[log_lines]") {
  const std::string message = Key("the remote server returned an error: (401)");
  CHECK(Key("Nov 25 00:28:54 mdca-conn-02 connector-agent[2003]: ERROR The remote server returned an error: (401)") ==
        message);
  CHECK(Key("Nov  5 10:00:01 collector-eu-3 connector-agent[87]: The remote server returned an error: (401)") == message);
  CHECK(Key("Nov 25 00:28:54 host1 cron: ERROR The remote server returned an error: (401)") == message);
  // The level after the tag is the line's level.
  auto looks = [](std::string_view line) { return LooksLikeError(Normalize(line, false).text); };
  CHECK_FALSE(looks("Nov 25 00:28:54 mdca-conn-02 connector-agent[2003]: INFO sync finished with 0 errors"));
  CHECK(looks("Nov 25 00:28:54 mdca-conn-02 connector-agent[2003]: ERR token refresh"));
  // Without a tag ending in ':', the words after the timestamp are the message.
  CHECK(Key("Nov 25 00:28:54 host1 token refresh failed") == Key("host1 token refresh failed"));
}

TEST_CASE("a line ends at the first LF or CR", "[log_lines]") {
  CHECK(FindLineEnd("ab\ncd", 0) == 2);
  CHECK(FindLineEnd("ab\r\ncd", 0) == 2);
  CHECK(FindLineEnd("ab\ncd\rx", 3) == 5);
  CHECK(FindLineEnd("abc", 1) == 3);
  CHECK(FindLineEnd("abc", 7) == 3);
}

TEST_CASE("the repeat hash is FNV-1a, the same on every platform", "[log_lines]") {
  CHECK(KeyHash("") == 0xcbf29ce484222325ULL);
  CHECK(KeyHash("a") == 0xaf63dc4c8601ec8cULL);
  for (const char* line : {"2026-11-25t10:00:00z error [w1] request ce15eee24730 failed", "plain text", ""}) {
    CHECK(RepeatKeyHash(line) == KeyHash(RepeatKey(line)));
  }
}
