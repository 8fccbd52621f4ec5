// Tests of core/src/json_writer.cpp: valid, compact JSON whatever the strings hold.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "json_writer.h"

using conndiag::JsonWriter;

TEST_CASE("objects and arrays get their commas right at every depth", "[json_writer]") {
  JsonWriter w;
  w.BeginObject().Key("a").Number(1).Key("b").BeginArray().Number(2).BeginObject().EndObject().BeginArray().EndArray();
  w.EndArray().Key("c").Null().Key("d").Bool(false).EndObject();
  CHECK(w.str() == R"({"a":1,"b":[2,{},[]],"c":null,"d":false})");
}

TEST_CASE("strings are escaped and stay parseable", "[json_writer]") {
  JsonWriter w;
  w.String("quote \" backslash \\ newline \n tab \t bell \x07 é 😀 </script>");
  CHECK(w.str() == "\"quote \\\" backslash \\\\ newline \\n tab \\t bell \\u0007 é 😀 </script>\"");
  CHECK(nlohmann::json::parse(w.str()).get<std::string>() ==
        "quote \" backslash \\ newline \n tab \t bell \x07 é 😀 </script>");
}

TEST_CASE("invalid UTF-8 becomes U+FFFD, so the output is always valid JSON", "[json_writer]") {
  JsonWriter w;
  w.String(std::string("a\xff" "b\xe2\x82" "c\xed\xa0\x80" "d", 10));  // stray byte, truncated, surrogate
  CHECK_NOTHROW(nlohmann::json::parse(w.str()));
  // One U+FFFD per maximal subpart, as TextDecoder: the cut "e2 82" is one, the surrogate three.
  CHECK(nlohmann::json::parse(w.str()).get<std::string>() == "a\uFFFDb\uFFFDc\uFFFD\uFFFD\uFFFDd");
}

TEST_CASE("scores print with at most three decimals", "[json_writer]") {
  JsonWriter w;
  w.BeginArray().Score(0.9154).Score(1.0).Score(0.0).Score(0.5).Score(0.0504).Score(2.0).Score(-1.0).EndArray();
  CHECK(w.str() == "[0.915,1,0,0.5,0.05,1,0]");
}

TEST_CASE("empty strings can be written as null", "[json_writer]") {
  JsonWriter w;
  w.BeginObject().Key("s").StringOrNull("").Key("t").StringOrNull("x").EndObject();
  CHECK(w.str() == R"({"s":null,"t":"x"})");
}
