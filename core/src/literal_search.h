// Literal search (internal to core): a literal found in a text by its rarest byte.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace conndiag {

// std::string::find stops at every occurrence of a literal's first byte and compares there: looking for
// "aadsts70008" in a stack trace, at every 'a'. Looked for by its rarest byte instead ('7'), a search stops
// where the literal is, or nearly: that was half of what matching a paste's patterns cost once Boost.Regex no
// longer ran the plain ones (match.cpp, plain_pattern.cpp).
struct LiteralSearch {
  std::string text;      // not empty
  std::size_t rare = 0;  // the index in `text` of the byte looked for
};

// How common byte `c` is in what conndiag searches (normalized connector messages and logs: lowercase
// English, stack traces, timestamps, JSON), roughly in tenths of a percent (higher: more common; 2 for bytes
// that are rare). Also what breaks ties between a log line filter's anchors (raw_line_filter.cpp).
unsigned ByteCommonness(unsigned char c);

// `literal` with its rarest byte, by ByteCommonness.
LiteralSearch SearchFor(std::string literal);

// The first occurrence of `literal.text` in `text` at or after `from`, or npos: text.find(literal.text, from).
std::size_t Find(std::string_view text, const LiteralSearch& literal, std::size_t from = 0);

}  // namespace conndiag
