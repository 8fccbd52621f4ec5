// The offline page's LZMA decoder: its module and knowledge base travel in the ".lzma" format
// (`xz --format=lzma`), about 40 KB smaller than gzip, and browsers only inflate gzip themselves. This
// compiles to its own few-KB wasm, decoding several times faster than the same code in JavaScript.
//
// The algorithm follows the LZMA specification (Igor Pavlov's LzmaSpec, public domain). The whole output
// is one buffer, so the dictionary is the output itself. Freestanding: no libc, no allocation; the page
// lays out input, output and probabilities in the memory it gives this module, above __heap_base.
// Corrupt input returns an error; nothing is read or written outside the three buffers.
#include <stdint.h>

#if defined(__wasm__)
#define EXPORT(name) __attribute__((export_name(name)))
#else
#define EXPORT(name)  // a native build (tests/fuzz/lzma_fuzzer.cpp) calls it directly
#endif

enum {
  kStates = 12,
  kPosStatesMax = 16,
  kEndMarker = 0xffffffffu,
  // Offsets into the one probability array.
  kIsMatch = 0,
  kIsRep = kIsMatch + (kStates << 4),
  kIsRepG0 = kIsRep + kStates,
  kIsRepG1 = kIsRepG0 + kStates,
  kIsRepG2 = kIsRepG1 + kStates,
  kIsRep0Long = kIsRepG2 + kStates,
  kPosSlot = kIsRep0Long + (kStates << 4),  // 4 length states × 64
  kPosSpecial = kPosSlot + 4 * 64,          // distances 4..127 below the align bits
  kAlign = kPosSpecial + 115,
  kLenSize = 2 + kPosStatesMax * 8 * 2 + 256,  // choice, choice2, 16×8 low, 16×8 mid, 256 high
  kLen = kAlign + 16,
  kRepLen = kLen + kLenSize,
  kLiteral = kRepLen + kLenSize,
};

// What lzma_decode returns; the page names each.
enum {
  kOk = 0,
  kBadHeader = 1,
  kBadStart = 2,
  kRepBeforeStart = 3,
  kMatchBeforeStart = 4,
  kTooLong = 5,
  kTooShort = 6,
  kTruncated = 7,
  kNoEndMarker = 8,
  kBadEnd = 9,
};

typedef struct {
  const uint8_t* in;
  uint32_t in_size;
  uint32_t in_pos;
  uint32_t range;
  uint32_t code;
} RangeDecoder;

// Past the end of the input: zeros, and a position that tells the caller the stream was truncated.
static inline uint32_t NextByte(RangeDecoder* rc) {
  uint32_t pos = rc->in_pos++;
  return pos < rc->in_size ? rc->in[pos] : 0;
}

static inline void Normalize(RangeDecoder* rc) {
  if (rc->range < (1u << 24)) {
    rc->range <<= 8;
    rc->code = (rc->code << 8) | NextByte(rc);
  }
}

static inline uint32_t Bit(RangeDecoder* rc, uint16_t* prob) {
  uint32_t p = *prob;
  uint32_t bound = (rc->range >> 11) * p;
  uint32_t bit;
  if (rc->code < bound) {
    rc->range = bound;
    *prob = (uint16_t)(p + ((2048 - p) >> 5));
    bit = 0;
  } else {
    rc->range -= bound;
    rc->code -= bound;
    *prob = (uint16_t)(p - (p >> 5));
    bit = 1;
  }
  Normalize(rc);
  return bit;
}

static uint32_t DirectBits(RangeDecoder* rc, uint32_t count) {
  uint32_t result = 0;
  for (; count > 0; --count) {
    rc->range >>= 1;
    uint32_t bit = rc->code >= rc->range;
    if (bit) rc->code -= rc->range;
    result = (result << 1) | bit;
    Normalize(rc);
  }
  return result;
}

// A `bits`-bit number coded as a tree of probabilities at probs[1] … probs[2^bits - 1].
static inline uint32_t Tree(RangeDecoder* rc, uint16_t* probs, uint32_t bits) {
  uint32_t m = 1;
  for (uint32_t i = 0; i < bits; ++i) m = (m << 1) | Bit(rc, probs + m);
  return m - (1u << bits);
}

// The same, least significant bit first.
static inline uint32_t ReverseTree(RangeDecoder* rc, uint16_t* probs, uint32_t bits) {
  uint32_t m = 1, symbol = 0;
  for (uint32_t i = 0; i < bits; ++i) {
    uint32_t bit = Bit(rc, probs + m);
    m = (m << 1) | bit;
    symbol |= bit << i;
  }
  return symbol;
}

// A match length minus 2, from the length coder at `coder`.
static uint32_t Length(RangeDecoder* rc, uint16_t* coder, uint32_t pos_state) {
  if (Bit(rc, coder) == 0) return Tree(rc, coder + 2 + pos_state * 8, 3);
  if (Bit(rc, coder + 1) == 0) return 8 + Tree(rc, coder + 2 + kPosStatesMax * 8 + pos_state * 8, 3);
  return 16 + Tree(rc, coder + 2 + kPosStatesMax * 16, 8);
}

// A match distance minus 1 (kEndMarker at the end of the stream).
static uint32_t Distance(RangeDecoder* rc, uint16_t* probs, uint32_t length) {
  uint32_t len_state = length < 3 ? length : 3;
  uint32_t slot = Tree(rc, probs + kPosSlot + len_state * 64, 6);
  if (slot < 4) return slot;
  uint32_t direct_bits = (slot >> 1) - 1;
  uint32_t distance = (2 | (slot & 1)) << direct_bits;
  if (slot < 14) return distance + ReverseTree(rc, probs + kPosSpecial + distance - slot, direct_bits);
  distance += DirectBits(rc, direct_bits - 4) << 4;
  return distance + ReverseTree(rc, probs + kAlign, 4);
}

// The number of 16-bit probabilities lzma_decode needs for a stream whose first byte is `props` (0: a bad byte).
EXPORT("lzma_probabilities") uint32_t lzma_probabilities(uint32_t props) {
  if (props >= 9 * 5 * 5) return 0;
  uint32_t lc = props % 9, lp = (props / 9) % 5;
  return kLiteral + (0x300u << (lc + lp));
}

// Decodes the .lzma stream in[0, in_size) into out[0, out_size): out_size is the size its header gives
// (the page reads it; a stream without one is refused there). probs: lzma_probabilities(in[0]) entries.
// The stream must also end with the end marker, and the range coder must finish clean: LZMA has no
// checksum, and these catch almost any damage.
EXPORT("lzma_decode")
uint32_t lzma_decode(const uint8_t* in, uint32_t in_size, uint8_t* out, uint32_t out_size, uint16_t* probs) {
  if (in_size < 13 + 5) return kBadHeader;
  uint32_t count = lzma_probabilities(in[0]);
  if (count == 0) return kBadHeader;
  for (uint32_t i = 0; i < count; ++i) probs[i] = 1024;  // every bit equally likely at first
  uint32_t lc = in[0] % 9, lp = (in[0] / 9) % 5, pb = in[0] / 45;
  uint32_t pb_mask = (1u << pb) - 1, lp_mask = (1u << lp) - 1;

  RangeDecoder rc = {in, in_size, 13 + 5, 0xffffffffu, 0};
  if (in[13] != 0) return kBadStart;
  rc.code = ((uint32_t)in[14] << 24) | ((uint32_t)in[15] << 16) | ((uint32_t)in[16] << 8) | in[17];
  if (rc.code == rc.range) return kBadStart;

  uint32_t state = 0, rep0 = 0, rep1 = 0, rep2 = 0, rep3 = 0, pos = 0;
  for (;;) {
    uint32_t pos_state = pos & pb_mask;
    if (Bit(&rc, probs + kIsMatch + (state << 4) + pos_state) == 0) {
      if (pos == out_size) return kNoEndMarker;
      uint32_t previous = pos > 0 ? out[pos - 1] : 0;
      uint16_t* literal = probs + kLiteral + 0x300 * (((pos & lp_mask) << lc) + (previous >> (8 - lc)));
      uint32_t symbol = 1;
      if (state >= 7) {
        uint32_t match_byte = out[pos - rep0 - 1];
        do {
          uint32_t match_bit = (match_byte >> 7) & 1;
          match_byte <<= 1;
          uint32_t bit = Bit(&rc, literal + ((1 + match_bit) << 8) + symbol);
          symbol = (symbol << 1) | bit;
          if (match_bit != bit) break;
        } while (symbol < 0x100);
      }
      while (symbol < 0x100) symbol = (symbol << 1) | Bit(&rc, literal + symbol);
      out[pos++] = (uint8_t)symbol;
      state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
      continue;
    }
    uint32_t length;
    if (Bit(&rc, probs + kIsRep + state)) {
      if (pos == 0) return kRepBeforeStart;
      if (pos == out_size) return kNoEndMarker;
      if (Bit(&rc, probs + kIsRepG0 + state) == 0) {
        if (Bit(&rc, probs + kIsRep0Long + (state << 4) + pos_state) == 0) {  // one byte from rep0
          state = state < 7 ? 9 : 11;
          out[pos] = out[pos - rep0 - 1];
          ++pos;
          continue;
        }
      } else {
        uint32_t distance;
        if (Bit(&rc, probs + kIsRepG1 + state) == 0) {
          distance = rep1;
        } else {
          if (Bit(&rc, probs + kIsRepG2 + state) == 0) {
            distance = rep2;
          } else {
            distance = rep3;
            rep3 = rep2;
          }
          rep2 = rep1;
        }
        rep1 = rep0;
        rep0 = distance;
      }
      length = Length(&rc, probs + kRepLen, pos_state);
      state = state < 7 ? 8 : 11;
    } else {
      rep3 = rep2;
      rep2 = rep1;
      rep1 = rep0;
      length = Length(&rc, probs + kLen, pos_state);
      state = state < 7 ? 7 : 10;
      rep0 = Distance(&rc, probs, length);
      if (rep0 == kEndMarker) break;
      if (rep0 >= pos) return kMatchBeforeStart;
    }
    length += 2;
    if (length > out_size - pos) return kTooLong;
    for (uint32_t from = pos - rep0 - 1, end = pos + length; pos < end;) out[pos++] = out[from++];
  }
  if (pos != out_size) return kTooShort;
  if (rc.in_pos > in_size) return kTruncated;
  return rc.code == 0 ? kOk : kBadEnd;
}
