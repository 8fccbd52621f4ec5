// Eight bytes of text at a time (internal to core): the word tests of scans that must not go byte by byte
// (WebAssembly's memchr does): the raw look at log lines, the search for a line's end, the JSON writer's
// runs of plain bytes.
#pragma once

#include <cstdint>
#include <cstring>

namespace conndiag {

inline constexpr std::uint64_t kEachByte = 0x0101010101010101ULL;  // 1 in every byte
inline constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;  // the high bit of every byte

// The 8 bytes at p, as one word (memcpy: no alignment needed).
inline std::uint64_t LoadEight(const void* p) {
  std::uint64_t word;
  std::memcpy(&word, p, 8);
  return word;
}

// Whether some byte of `word` is `c` (a zero byte in word ^ c...c).
inline bool HasByte(std::uint64_t word, unsigned char c) {
  const std::uint64_t x = word ^ (kEachByte * c);
  return ((x - kEachByte) & ~x & kHighBits) != 0;
}

// Whether every byte of `word` is printable ASCII (0x20 to 0x7E) other than '"' and '\\': a JSON string's
// bytes that need no escape. (A byte below 0x20 borrows in word - 0x20...; one at or above 0x7F carries
// or has its high bit.)
inline bool AllPlainJson(std::uint64_t word) {
  const std::uint64_t below_space = (word - kEachByte * 0x20) & ~word & kHighBits;
  const std::uint64_t delete_or_high = ((word + kEachByte * 0x01) | word) & kHighBits;
  return (below_space | delete_or_high) == 0 && !HasByte(word, '"') && !HasByte(word, '\\');
}

}  // namespace conndiag
