// Eight bytes of text at a time (internal to core): the word tests of scans that must not go byte by byte
// (WebAssembly's memchr does; the raw look at log lines and the search for a line's end do not).
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

}  // namespace conndiag
