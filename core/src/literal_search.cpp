// Literal search by the rarest byte (see literal_search.h).
#include "literal_search.h"

#include <array>
#include <cstring>

namespace conndiag {
namespace {

// ByteCommonness's table; bytes not listed are rare.
constexpr std::array<unsigned char, 256> MakeCommonness() {
  std::array<unsigned char, 256> c{};
  for (auto& v : c) v = 2;
  constexpr std::string_view kLetters = "etaoinshrdlcumwfgypbvkjxqz";
  constexpr unsigned char kLetterCommonness[] = {127, 91, 82, 75, 70, 67, 63, 61, 60, 43, 40, 28, 28,
                                                 24,  24, 22, 20, 20, 19, 15, 10, 8,  2,  2,  1,  1};
  for (std::size_t i = 0; i < kLetters.size(); ++i) c[static_cast<unsigned char>(kLetters[i])] = kLetterCommonness[i];
  for (char d = '0'; d <= '9'; ++d) c[static_cast<unsigned char>(d)] = 30;
  c[' '] = 180;
  c['.'] = 40;
  for (const char p : {':', '-', '/', '"', '_', ',', '(', ')', '='}) c[static_cast<unsigned char>(p)] = 20;
  return c;
}
constexpr std::array<unsigned char, 256> kCommonness = MakeCommonness();

}  // namespace

unsigned ByteCommonness(unsigned char c) { return kCommonness[c]; }

LiteralSearch SearchFor(std::string literal) {
  LiteralSearch search{std::move(literal), 0};
  for (std::size_t i = 1; i < search.text.size(); ++i) {
    if (ByteCommonness(static_cast<unsigned char>(search.text[i])) <
        ByteCommonness(static_cast<unsigned char>(search.text[search.rare]))) {
      search.rare = i;
    }
  }
  return search;
}

std::size_t Find(std::string_view text, const LiteralSearch& literal, std::size_t from) {
  const std::string& l = literal.text;
  if (from > text.size() || text.size() - from < l.size()) return std::string_view::npos;
  // Occurrences start in [from, last]; their rare byte is `rare` bytes further on.
  const std::size_t last = text.size() - l.size();
  const char rare = l[literal.rare];
  const char* at = text.data() + from + literal.rare;
  const char* const end = text.data() + last + literal.rare + 1;
  while (at < end) {
    at = static_cast<const char*>(std::memchr(at, rare, static_cast<std::size_t>(end - at)));
    if (!at) return std::string_view::npos;
    const char* start = at - literal.rare;
    if (std::memcmp(start, l.data(), l.size()) == 0) return static_cast<std::size_t>(start - text.data());
    ++at;
  }
  return std::string_view::npos;
}

}  // namespace conndiag
