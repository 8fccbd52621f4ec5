// The raw-line filter: anchors of literals looked for in a log line's raw bytes, each found anchor checked
// against its literal with normalization's rules for plain ASCII (case, white space, the colon).
#include "raw_line_filter.h"

#include <algorithm>
#include <limits>
#include <tuple>
#include <utility>

#include "eight_bytes.h"
#include "literal_search.h"

namespace conndiag {
namespace {

// For plain ASCII, normalization lowercases letters, turns each run of white space and control bytes into
// one space (none at either end, none beside a ':'), and keeps every other byte. So a literal's bytes other
// than ' ' and ':' appear in the raw line as they are, up to case: those runs hold the anchors, and the
// check of a literal around its anchor applies the same rules, so that it finds exactly what the literal
// matcher would find in the normalized line.
bool IsSpace(unsigned char c) { return c <= 0x20 || c == 0x7F; }
unsigned char Lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c + 32) : c; }
bool IsLetter(unsigned char c) { return Lower(c) >= 'a' && Lower(c) <= 'z'; }
// A word character for a regex's \b: a letter, a digit or '_' (case and normalization keep it one).
bool IsWordByte(unsigned char c) { return IsLetter(c) || (c >= '0' && c <= '9') || c == '_'; }

constexpr std::uint32_t kLow3 = 0x00FFFFFFu;
constexpr std::uint32_t kHashMultiplier = 0x9E3779B1u;
constexpr unsigned kMaybeBits = 16;  // 64 K bits: 8 KB, kept in the first-level cache during a scan

// The key of up to 4 bytes: little-endian, each byte | 0x20 (so never 0).
std::uint32_t KeyOf(std::string_view bytes) {
  std::uint32_t key = 0;
  for (std::size_t k = 0; k < bytes.size(); ++k) {
    key |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[k]) | 0x20u) << (8 * k);
  }
  return key;
}

// A candidate anchor: 3 bytes of a literal inside a run of bytes that are neither ' ' nor ':'. Three, not
// more: one probe per byte of a line, and the sample picks a rare one.
constexpr std::size_t kAnchorBytes = 3;

// Calls visit(offset) for each candidate anchor of `lit`.
template <typename Visit>
void ForEachCandidate(std::string_view lit, Visit&& visit) {
  std::size_t run = 0;  // where the current run started
  for (std::size_t i = 0; i <= lit.size(); ++i) {
    if (i < lit.size() && lit[i] != ' ' && lit[i] != ':') continue;
    for (std::size_t at = run; at + kAnchorBytes <= i; ++at) visit(at);
    run = i + 1;
  }
}

std::uint32_t HashOf(std::uint32_t key, unsigned bits) { return (key * kHashMultiplier) >> (32 - bits); }

// The keys' tables (the sample's counts, the anchors' slots): open addressing, linear probing, a power of
// two long, with 0 for an empty slot (no key is 0: KeyOf sets a bit in each byte it keeps).
// The length for `keys` keys with `room` slots per key at least, and its number of bits.
std::pair<std::size_t, unsigned> TableLength(std::size_t keys, std::size_t room) {
  unsigned bits = 4;
  while ((std::size_t{1} << bits) < room * keys) ++bits;
  return {std::size_t{1} << bits, bits};
}

// The slot that holds `key`, or the empty one where it goes. `key_at(slot)`: the key a slot holds.
template <class KeyAt>
std::size_t SlotOf(std::uint32_t key, unsigned bits, KeyAt&& key_at) {
  const std::size_t mask = (std::size_t{1} << bits) - 1;
  std::size_t at = HashOf(key, bits);
  while (key_at(at) != 0 && key_at(at) != key) at = (at + 1) & mask;
  return at;
}

// Whether normalization changes nothing in the line beyond case and white space: no byte of a multibyte
// character, no '\\' (JSON escapes) and no '&' that an entity's ';' follows closely enough to be read as
// one (see ReadEntity in normalize.cpp: the ';' within the next 9 bytes).
bool IsPlain(std::string_view line) {
  const auto* p = reinterpret_cast<const unsigned char*>(line.data());
  const std::size_t n = line.size();
  auto entity_may_start = [&](std::size_t amp) {
    const std::size_t limit = std::min(n, amp + 10);
    for (std::size_t k = amp + 1; k < limit; ++k) {
      if (p[k] == ';') return true;
    }
    return false;
  };
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const std::uint64_t w = LoadEight(p + i);
    if ((w & kHighBits) != 0 || HasByte(w, '\\')) return false;
    if (HasByte(w, '&')) {
      for (std::size_t k = i; k < i + 8; ++k) {
        if (p[k] == '&' && entity_may_start(k)) return false;
      }
    }
  }
  for (; i < n; ++i) {
    if (p[i] >= 0x80 || p[i] == '\\' || (p[i] == '&' && entity_may_start(i))) return false;
  }
  return true;
}

// How often each key occurs in a sample, for a fixed set of keys (the literals' candidate windows).
class KeyCounts {
 public:
  // Room for `most` distinct keys.
  explicit KeyCounts(std::size_t most) {
    std::size_t length = 0;
    std::tie(length, bits_) = TableLength(most, 2);
    keys_.assign(length, 0);
    counts_.assign(length, 0);
  }

  void Insert(std::uint32_t key) { keys_[Find(key)] = key; }

  void Count(std::string_view sample) {
    for (std::size_t i = 0; i + kAnchorBytes <= sample.size(); ++i) {
      const std::size_t at = Find(KeyOf(sample.substr(i, kAnchorBytes)));
      if (keys_[at] != 0) ++counts_[at];
    }
  }

  std::uint32_t operator[](std::uint32_t key) const { return counts_[Find(key)]; }

 private:
  std::size_t Find(std::uint32_t key) const {
    return SlotOf(key, bits_, [this](std::size_t at) { return keys_[at]; });
  }

  unsigned bits_ = 0;
  std::vector<std::uint32_t> keys_;
  std::vector<std::uint32_t> counts_;
};

}  // namespace

RawLineFilter::RawLineFilter(const std::vector<Literal>& literals, std::string_view sample)
    : literal_count_(literals.size()), literals_(literals) {
  // How often each candidate occurs in the sample (keys inserted as they come: sorting them cost more).
  std::size_t candidates = 0;
  for (const Literal& literal : literals) candidates += literal.text.size();
  KeyCounts counts(candidates);
  for (const Literal& literal : literals) {
    const std::string_view text = literal.text;
    ForEachCandidate(text, [&](std::size_t at) { counts.Insert(KeyOf(text.substr(at, kAnchorBytes))); });
  }
  counts.Count(sample);

  struct Keyed {
    std::uint32_t key;
    Anchor anchor;
  };
  std::vector<Keyed> keyed;
  for (std::size_t id = 0; id < literals.size(); ++id) {
    const std::string_view text = literals[id].text;
    if (text.empty()) continue;  // never reported, as by the literal matcher
    // The rarest in the sample; then the one of the rarest bytes (ByteCommonness: only the choice of anchor
    // depends on it, never what is found).
    std::pair<std::uint32_t, unsigned> best_cost{std::numeric_limits<std::uint32_t>::max(), 0};
    std::size_t best = std::string::npos;
    ForEachCandidate(text, [&](std::size_t at) {
      const std::uint32_t count = counts[KeyOf(text.substr(at, kAnchorBytes))];
      if (count > best_cost.first) return;
      unsigned bytes = 0;
      for (std::size_t k = 0; k < kAnchorBytes; ++k) bytes += ByteCommonness(static_cast<unsigned char>(text[at + k]));
      if (std::pair(count, bytes) < best_cost) {
        best_cost = {count, bytes};
        best = at;
      }
    });
    if (best == std::string::npos) {  // no run of 3 bytes: reported for every plain line
      unanchored_.push_back(static_cast<std::uint32_t>(id));
      continue;
    }
    keyed.push_back(
        {KeyOf(text.substr(best, kAnchorBytes)), {static_cast<std::uint32_t>(id), static_cast<std::uint32_t>(best)}});
  }
  std::stable_sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) { return a.key < b.key; });

  std::size_t distinct = 0;
  for (std::size_t k = 0; k < keyed.size(); ++k) distinct += k == 0 || keyed[k].key != keyed[k - 1].key;
  std::size_t length = 0;
  std::tie(length, slot_bits_) = TableLength(distinct, 4);  // mostly empty: a probe rarely walks
  slots_.assign(length, Slot{});
  maybe_.assign((std::size_t{1} << kMaybeBits) / 64, 0);
  for (std::size_t k = 0; k < keyed.size();) {
    std::size_t end = k;
    while (end < keyed.size() && keyed[end].key == keyed[k].key) ++end;
    const std::uint32_t key = keyed[k].key;
    const std::size_t at = SlotOf(key, slot_bits_, [this](std::size_t s) { return slots_[s].key; });
    slots_[at] = {key, static_cast<std::uint32_t>(anchors_.size()), static_cast<std::uint32_t>(end - k)};
    for (std::size_t j = k; j < end; ++j) anchors_.push_back(keyed[j].anchor);
    const std::uint32_t h = HashOf(key, kMaybeBits);
    maybe_[h >> 6] |= std::uint64_t{1} << (h & 63);
    k = end;
  }
}

bool RawLineFilter::Verify(const Anchor& anchor, std::size_t at, std::string_view line) const {
  const Literal& literal = literals_[anchor.literal];
  const std::string_view lit = literal.text;
  const auto* p = reinterpret_cast<const unsigned char*>(line.data());
  const std::size_t n = line.size();
  // The anchor itself: the key's fold maps a few bytes together ('@' and '`', a tab and ')').
  for (std::size_t k = 0; k < kAnchorBytes; ++k) {
    if (Lower(p[at + k]) != static_cast<unsigned char>(lit[anchor.offset + k])) return false;
  }
  // After it: ' ' is a run of white space with text after it and no ':' beside it (normalization drops
  // the space there); ':' may have white space on either side.
  std::size_t r = at + kAnchorBytes;
  for (std::size_t l = anchor.offset + kAnchorBytes; l < lit.size(); ++l) {
    const auto c = static_cast<unsigned char>(lit[l]);
    if (c == ' ') {
      if (r >= n || !IsSpace(p[r])) return false;
      while (r < n && IsSpace(p[r])) ++r;
      if (r >= n || p[r] == ':') return false;
    } else if (c == ':') {
      while (r < n && IsSpace(p[r])) ++r;
      if (r >= n || p[r] != ':') return false;
      ++r;
      while (r < n && IsSpace(p[r])) ++r;
    } else {
      if (r >= n || Lower(p[r]) != c) return false;
      ++r;
    }
  }
  if (literal.no_letter_after && r < n && IsLetter(p[r])) return false;
  for (std::size_t k = 0; k < literal.digits_after; ++k) {
    if (r + k >= n || p[r + k] < '0' || p[r + k] > '9') return false;
  }
  // Before it, the same rules read backwards.
  r = at;
  for (std::size_t l = anchor.offset; l > 0; --l) {
    const auto c = static_cast<unsigned char>(lit[l - 1]);
    if (c == ' ') {
      if (r == 0 || !IsSpace(p[r - 1])) return false;
      while (r > 0 && IsSpace(p[r - 1])) --r;
      if (r == 0 || p[r - 1] == ':') return false;
    } else if (c == ':') {
      while (r > 0 && IsSpace(p[r - 1])) --r;
      if (r == 0 || p[r - 1] != ':') return false;
      --r;
      while (r > 0 && IsSpace(p[r - 1])) --r;
    } else {
      if (r == 0 || Lower(p[r - 1]) != c) return false;
      --r;
    }
  }
  // A \b before a word character: the byte before the literal is none (white space or the line's start
  // stand for a space or nothing once normalized, and are no word characters either).
  if (literal.word_start && IsWordByte(static_cast<unsigned char>(lit[0])) && r > 0 && IsWordByte(p[r - 1])) {
    return false;
  }
  return true;
}

void RawLineFilter::Probe(std::uint32_t key, std::size_t at, std::string_view line, std::vector<std::uint8_t>& found,
                          std::vector<std::uint32_t>& hits) const {
  const Slot& slot = slots_[SlotOf(key, slot_bits_, [this](std::size_t s) { return slots_[s].key; })];
  if (slot.key != key) return;  // only a bitmap collision
  for (std::uint32_t a = slot.first; a < slot.first + slot.count; ++a) {
    const Anchor& anchor = anchors_[a];
    if (found[anchor.literal] || !Verify(anchor, at, line)) continue;
    found[anchor.literal] = 1;
    hits.push_back(anchor.literal);
  }
}

bool RawLineFilter::Scan(std::string_view line, std::vector<std::uint8_t>& found,
                         std::vector<std::uint32_t>& hits) const {
  if (found.size() != literal_count_) {
    found.assign(literal_count_, 0);
  } else {
    for (std::uint32_t id : hits) found[id] = 0;  // what the last call found, not all of `found`
  }
  hits.clear();
  if (!IsPlain(line)) return false;
  for (std::uint32_t id : unanchored_) {
    found[id] = 1;
    hits.push_back(id);
  }
  if (anchors_.empty()) return true;
  const auto* p = reinterpret_cast<const unsigned char*>(line.data());
  const std::size_t n = line.size();
  auto maybe = [&](std::uint32_t key) {
    const std::uint32_t h = HashOf(key, kMaybeBits);
    return (maybe_[h >> 6] >> (h & 63)) & 1;
  };
  // Six windows from each 8-byte load.
  std::size_t i = 0;
  for (; i + 8 <= n; i += 6) {
    const std::uint64_t w = LoadEight(p + i) | (kEachByte * 0x20);
    for (std::size_t k = 0; k < 6; ++k) {
      const auto key = static_cast<std::uint32_t>(w >> (8 * k)) & kLow3;
      if (maybe(key)) Probe(key, i + k, line, found, hits);
    }
  }
  for (; i + kAnchorBytes <= n; ++i) {
    const std::uint32_t key = KeyOf(line.substr(i, kAnchorBytes));
    if (maybe(key)) Probe(key, i, line, found, hits);
  }
  return true;
}

}  // namespace conndiag
