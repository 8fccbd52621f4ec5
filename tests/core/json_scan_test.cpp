// Tests of core/src/json_scan.cpp: where an embedded JSON value ends, and refusing deep nesting.
#include <catch2/catch.hpp>

#include "json_scan.h"

using conndiag::ScanJsonValue;

TEST_CASE("finds the end of an object embedded in text, ignoring brackets inside strings", "[json_scan]") {
  const std::string text = R"(x {"a":"}]{","b":[1,{"c":2}]} tail)";
  const auto scan = ScanJsonValue(text, 2, text.size(), 8);
  CHECK(text.substr(2, scan.end - 2) == R"({"a":"}]{","b":[1,{"c":2}]})");
  CHECK_FALSE(scan.too_deep);
}

TEST_CASE("escaped quotes do not end strings", "[json_scan]") {
  const std::string text = R"({"a":"\"}"} x)";
  CHECK(ScanJsonValue(text, 0, text.size(), 8).end == 11);
}

TEST_CASE("unterminated values and values past the limit have no end", "[json_scan]") {
  CHECK(ScanJsonValue(R"({"a":1)", 0, 100, 8).end == std::string_view::npos);
  CHECK(ScanJsonValue(R"({"a":1})", 0, 3, 8).end == std::string_view::npos);
}

TEST_CASE("nesting deeper than allowed is reported as such", "[json_scan]") {
  const std::string deep = std::string(10, '[') + std::string(10, ']');
  CHECK(ScanJsonValue(deep, 0, deep.size(), 9).too_deep);
  CHECK_FALSE(ScanJsonValue(deep, 0, deep.size(), 10).too_deep);
  CHECK(ScanJsonValue(deep, 0, deep.size(), 10).end == deep.size());
}
