// Tests of core/src/json_writer.cpp: valid, compact JSON whatever the strings hold.
#include <catch2/catch.hpp>

#include <iterator>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "conndiag/utf8.h"

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

// A string escaped byte by byte, as JsonWriter::String must write it (it finds runs that need no escape
// 8 bytes at a time).
static std::string EscapedByteByByte(const std::string& value) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (std::size_t i = 0; i < value.size();) {
    const auto c = static_cast<unsigned char>(value[i]);
    if (c >= 0x80) {
      const conndiag::Utf8Char d = conndiag::DecodeUtf8(value, i);
      out += d.valid ? value.substr(i, d.length) : "\xEF\xBF\xBD";
      i += d.length;
      continue;
    }
    if (c == '"') out += "\\\"";
    else if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20 || c == 0x7F) out += std::string("\\u00") + kHex[c >> 4] + kHex[c & 0xF];
    else out += static_cast<char>(c);
    ++i;
  }
  return out + "\"";
}

// Up to 11 pieces drawn at random, joined.
template <std::size_t N>
static std::string Joined(std::mt19937& random, const std::string (&pieces)[N]) {
  std::string value;
  const int count = static_cast<int>(random() % 12);
  for (int k = 0; k < count; ++k) value += pieces[random() % N];
  return value;
}

TEST_CASE("strings of every kind of byte are written as a byte-by-byte escape writes them", "[json_writer]") {
  std::mt19937 random(271127);
  // Plain runs long and short, and each byte that ends one: controls, space, quote, backslash, '~', DEL,
  // the bytes of a UTF-8 character, and bytes no UTF-8 has.
  const std::string pieces[] = {"abcdefghijklmnopqrstu", "ab", " ", "\"", "\\", "~", "\x7F", "\x1F", "\x00",
                                "\n", "\t", "\xC3\xA9", "\xF0\x9F\x98\x80", "\xFF", "\x80", "\xE2\x82"};
  for (int round = 0; round < 5000; ++round) {
    const std::string value = Joined(random, pieces);
    JsonWriter w;
    w.String(value);
    INFO("round " << round);
    CHECK(w.str() == EscapedByteByByte(value));
  }
}

TEST_CASE("escaped, characters beyond ASCII are written as JSON escapes, a surrogate pair above U+FFFF",
          "[json_writer]") {
  JsonWriter w(conndiag::NonAscii::kEscaped);
  w.String("é ✓ 😀 \xff" "a\x07");  // an invalid byte is U+FFFD, escaped too
  CHECK(w.str() == "\"\\u00e9 \\u2713 \\ud83d\\ude00 \\ufffda\\u0007\"");
}

TEST_CASE("escaped output is ASCII and reads back to what the UTF-8 output reads back to", "[json_writer]") {
  std::mt19937 random(281126);
  const std::string pieces[] = {"abcdefghijklmnopqrstu", " ", "\"", "\\", "\x7F", "\x1F", "\n", "\xC3\xA9",
                                "\xE2\x9C\x93", "\xEF\xBF\xBF", "\xF0\x9F\x98\x80", "\xF4\x8F\xBF\xBF", "\xFF", "\x80",
                                "\xE2\x82", "\xED\xA0\x80"};
  for (int round = 0; round < 5000; ++round) {
    const std::string value = Joined(random, pieces);
    JsonWriter as_utf8;
    as_utf8.String(value);
    JsonWriter escaped(conndiag::NonAscii::kEscaped);
    escaped.String(value);
    INFO("round " << round);
    for (const char c : escaped.str()) REQUIRE(static_cast<unsigned char>(c) < 0x80);
    CHECK(nlohmann::json::parse(escaped.str()) == nlohmann::json::parse(as_utf8.str()));
  }
}
