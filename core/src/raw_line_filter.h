// The raw-line filter (internal to core): tells, from a log line's bytes as they are, which literals might
// occur in the line once normalized, without normalizing it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace conndiag {

// Log mode reads every line of a log, and nearly every line holds no literal of any signature. Normalizing
// each line and running the literal automaton over it was most of a log's time; this looks for a short
// anchor of each literal (3 bytes, case-folded) in the raw bytes and checks a literal only where its anchor
// occurs. It is exact for the lines it accepts and sound: a literal it does not report does not occur in
// the line's normalized text where its users need it (see Literal).
class RawLineFilter {
 public:
  struct Literal {
    std::string text;               // normalized, as MultiLiteralMatcher is given it
    bool no_letter_after = false;   // occurs only where no letter follows it (a level word: "err")
    bool word_start = false;        // counts only where a word boundary comes right before it (\b)
    std::uint8_t digits_after = 0;  // ... and only where this many digits follow it (\d{4})
  };

  RawLineFilter() = default;
  // Literal i keeps id i. `sample` (the beginning of the log to be read) decides the anchors: of each
  // literal's candidates, the one that occurs least in the sample, so that few lines need a check.
  RawLineFilter(const std::vector<Literal>& literals, std::string_view sample);

  std::size_t size() const { return literal_count_; }

  // Reads one line (no '\n' or '\r' in it). Returns false when the line holds a byte that normalization
  // rewrites beyond case and spacing (a non-ASCII byte, '\\', an '&' that may start an entity): then it
  // finds nothing and the caller must normalize the line to know. Otherwise sets found[i] = 1 and lists i
  // in `hits` (once) for each literal i that occurs in the line's normalized text as Literal asks. `found`
  // and `hits` are as for MultiLiteralMatcher::Scan: empty or as the last call left them; only the
  // literals in `hits` are cleared.
  bool Scan(std::string_view line, std::vector<std::uint8_t>& found, std::vector<std::uint32_t>& hits) const;

 private:
  // Where a literal is looked for: its bytes [offset, offset + length) are the anchor.
  struct Anchor {
    std::uint32_t literal;
    std::uint32_t offset;
  };
  // The anchors that share one case-folded key (3 bytes, little-endian, each byte | 0x20).
  struct Slot {
    std::uint32_t key = 0;  // 0: empty (a folded key never is)
    std::uint32_t first = 0;
    std::uint32_t count = 0;
  };

  void Probe(std::uint32_t key, std::size_t at, std::string_view line, std::vector<std::uint8_t>& found,
             std::vector<std::uint32_t>& hits) const;
  bool Verify(const Anchor& anchor, std::size_t at, std::string_view line) const;

  std::size_t literal_count_ = 0;
  std::vector<Literal> literals_;
  std::vector<std::uint32_t> unanchored_;  // literals with no anchor: reported for every plain line
  std::vector<Anchor> anchors_;            // grouped by key; a slot points at its group
  std::vector<Slot> slots_;                // open addressing, a power of two
  unsigned slot_bits_ = 0;                 // slots_.size() == 1 << slot_bits_
  std::vector<std::uint64_t> maybe_;       // a bit per hash value: some key may hash there
};

}  // namespace conndiag
