// Tests of core/src/normalize.cpp: the canonical form and the map back to the original bytes.
#include <catch2/catch.hpp>

#include "conndiag/normalize.h"

using conndiag::Normalize;
using conndiag::Span;

TEST_CASE("lowercases ASCII and folds French accents", "[normalize]") {
  CHECK(Normalize("Retourné par le SERVEUR").text == "retourne par le serveur");
  CHECK(Normalize("Requête incorrecte, Échec, ça, Œuvre").text == "requete incorrecte, echec, ca, oeuvre");
}

TEST_CASE("removes white space around colons, as French typography and JSON put it", "[normalize]") {
  CHECK(Normalize("HttpRequestFailure : Retourné par le serveur : 401").text ==
        "httprequestfailure:retourne par le serveur:401");
  CHECK(Normalize("{\"error\": \"invalid_grant\"}").text == "{\"error\":\"invalid_grant\"}");
  CHECK(Normalize("a\u00a0:\u202fb").text == "a:b");  // NBSP and narrow NBSP
}

TEST_CASE("collapses runs of white space and trims the ends", "[normalize]") {
  CHECK(Normalize("  Read \t\r\n  timed   out  ").text == "read timed out");
  CHECK(Normalize("").text.empty());
  CHECK(Normalize(" \n\t ").text.empty());
}

TEST_CASE("straightens curly quotes, guillemets and dashes", "[normalize]") {
  CHECK(Normalize("\u201cerror\u201d:\u201cinvalid_grant\u201d").text == "\"error\":\"invalid_grant\"");
  CHECK(Normalize("L\u2019ID d\u2018x\u2019").text == "l'id d'x'");
  CHECK(Normalize("\u00ab Lock sessions \u00bb").text == "\" lock sessions \"");
  CHECK(Normalize("a\u2014b\u2013c").text == "a-b-c");
  CHECK(Normalize("wait\u2026").text == "wait...");
}

TEST_CASE("undoes JSON escaping, also when applied twice", "[normalize]") {
  CHECK(Normalize(R"({\"error\":\"invalid_grant\"})").text == R"({"error":"invalid_grant"})");
  CHECK(Normalize(R"({\\\"error\\\":1})").text == R"({"error":1})");
  CHECK(Normalize(R"(line one\r\nline two\ttab)").text == "line one line two tab");
  CHECK(Normalize(R"(l\u2019ID \u00e9t\u00c9)").text == "l'id ete");
  CHECK(Normalize(R"(https:\/\/login.microsoftonline.com)").text == "https://login.microsoftonline.com");
}

TEST_CASE("decodes backslash-u escapes with surrogate pairs and rejects lone surrogates", "[normalize]") {
  CHECK(Normalize(R"(x\ud83d\ude00y)").text == "x\U0001F600y");
  CHECK(Normalize(R"(x\ud83dy)").text == "x y");  // a lone surrogate is not a character
  CHECK(Normalize(R"(bad \u12 escape)").text == "bad \\u12 escape");
}

TEST_CASE("invalid UTF-8 and control characters become spaces, zero-width characters vanish", "[normalize]") {
  CHECK(Normalize("a\xff\xfe" "b").text == "a b");
  CHECK(Normalize("a\xe2\x82").text == "a");  // a truncated sequence at the end
  CHECK(Normalize(std::string("a\0b", 3)).text == "a b");
  CHECK(Normalize("to\u200bken\ufeff").text == "token");
}

TEST_CASE("keeps other non-ASCII text as it is", "[normalize]") {
  CHECK(Normalize("Ошибка 401 \U0001F600").text == "Ошибка 401 \U0001F600");
}

TEST_CASE("maps every normalized byte back to the original bytes it came from", "[normalize]") {
  const std::string original = "Retourné  par : 401";
  const auto n = Normalize(original);
  REQUIRE(n.has_offsets());
  REQUIRE(n.text == "retourne par:401");
  // "retourne" covers the two-byte é.
  const Span word = n.ToSource({0, 8});
  CHECK(original.substr(word.begin, word.end - word.begin) == "Retourné");
  // "401" maps to the digits only, not the spaces before them.
  const Span code = n.ToSource({13, 16});
  CHECK(original.substr(code.begin, code.end - code.begin) == "401");
  // An escaped quote maps to the whole escape.
  const std::string escaped = R"(a\"b)";
  const auto e = Normalize(escaped);
  REQUIRE(e.text == "a\"b");
  CHECK(e.ToSource({1, 2}) == Span{1, 3});
}

TEST_CASE("can skip the offset tables for the cheap prefilter pass", "[normalize]") {
  const auto n = Normalize("Some Text", /*keep_offsets=*/false);
  CHECK(n.text == "some text");
  CHECK_FALSE(n.has_offsets());
}

TEST_CASE("decomposed accents (NFD) read like composed ones (NFC)", "[normalize]") {
  const std::string nfc = "Retourn\xC3\xA9 par le serveur";    // é as U+00E9
  const std::string nfd = "Retourne\xCC\x81 par le serveur";   // e + U+0301
  CHECK(Normalize(nfc).text == "retourne par le serveur");
  CHECK(Normalize(nfd).text == "retourne par le serveur");
  // The combining mark maps to nothing: the "e" still maps back to the original "e".
  const auto n = Normalize(nfd);
  CHECK(n.ToSource({0, 8}) == Span{0, 8});
}

TEST_CASE("HTML and XML entities are decoded, also when escaped twice, and map back to the entity", "[normalize]") {
  CHECK(Normalize("{&quot;error&quot;:&quot;invalid_grant&quot;}").text == "{\"error\":\"invalid_grant\"}");
  CHECK(Normalize("It&#39;s &#x27;x&#x27; &amp; &lt;b&gt;").text == "it's 'x' & <b>");
  CHECK(Normalize("&amp;quot;AF20023&amp;quot;").text == "\"af20023\"");
  CHECK(Normalize("d&eacute;lai d&#233;pass&eacute;").text == "delai depasse");
  CHECK(Normalize("Retourn&eacute;&nbsp;: 404").text == "retourne:404");
  // Not entities: kept as written.
  CHECK(Normalize("a & b &unknown; &#; &#xZZ; &").text == "a & b &unknown; &#; &#xzz; &");
  const std::string text = "x &quot;y&quot;";
  const auto n = Normalize(text);
  REQUIRE(n.text == "x \"y\"");
  CHECK(n.ToSource({2, 3}) == Span{2, 8});   // the quote stands for "&quot;"
  CHECK(n.ToSource({2, 5}) == Span{2, 15});
}

TEST_CASE("hard-wrapped text (a terminal's fixed width) reads whole again, other line breaks stay spaces", "[normalize]") {
  // As GAM printed it in an 80-column console: words cut at the width.
  const std::string wrapped =
      "Exception in thread \"main\" com.google.api.client.googleapis.json.GoogleJsonRespo\n"
      "nseException: 403 Forbidden\n"
      "    \"message\" : \"Insufficient Permission: Request had insufficient authenticatio\n"
      "n scopes.\",\n"
      "  \"status\" : \"PERMISSION_DENIED\"";
  const auto n = Normalize(wrapped);
  CHECK(n.text.find("googlejsonresponseexception:403 forbidden") != std::string::npos);
  CHECK(n.text.find("insufficient authentication scopes") != std::string::npos);
  // The joined word maps back across the break.
  const auto at = n.text.find("googlejsonresponseexception");
  CHECK(n.ToSource({at, at + 27}) == Span{wrapped.find("GoogleJsonRespo"), wrapped.find("nseException") + 12});
  // A short text's line breaks, and a single long line, are ordinary white space.
  CHECK(Normalize("Read timed\nout").text == "read timed out");
  CHECK(Normalize(std::string(70, 'a') + "\nb").text == std::string(70, 'a') + " b");
}
