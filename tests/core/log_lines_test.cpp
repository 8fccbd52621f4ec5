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
}
