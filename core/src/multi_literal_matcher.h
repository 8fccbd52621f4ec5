// The multi-literal matcher (internal to core): finds which of a fixed set of literals occur in a text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace conndiag {

// Finds, in one pass over a text, which of a fixed set of literals occur in it (Aho-Corasick DFA). The
// automaton holds each literal's first kDepth bytes; where those of a longer one end, the rest is compared
// in the text. (A knowledge base's phrases made most of its states, in a table of 3 MB that a load filled
// and each scan wandered through; with the cap, 1.4 MB.)
class MultiLiteralMatcher {
 public:
  static constexpr std::size_t kDepth = 16;

  MultiLiteralMatcher() = default;
  // Builds the automaton; literal i keeps id i. Empty literals are never reported.
  explicit MultiLiteralMatcher(const std::vector<std::string>& literals);

  std::size_t size() const { return literal_count_; }
  // States of the automaton, the root included (one per distinct prefix of the literals, up to kDepth bytes).
  std::size_t state_count() const { return next_.size() / class_count_; }
  // States the table has room for: the same, as it is sized once from the literals (tests check it).
  std::size_t reserved_states() const { return next_.capacity() / class_count_; }
  // Sets found[i] = 1 for each literal i occurring in text; `found` is resized to size() and cleared.
  void Scan(std::string_view text, std::vector<std::uint8_t>& found) const;
  // The same, also listing in `hits` each literal found, once: lets a caller visit only what occurred
  // instead of every literal. `found` and `hits` must be empty or as the last Scan call given them left
  // them (of any matcher): only the literals in `hits` are cleared in `found`.
  void Scan(std::string_view text, std::vector<std::uint8_t>& found, std::vector<std::uint32_t>& hits) const;
  // Calls found(id, begin) for every occurrence of a literal, `begin` the byte where it starts, in the
  // order of the bytes where they end (one pass, byte by byte): where each literal is, not only whether.
  template <typename Found>
  void ForEachOccurrence(std::string_view text, Found&& found) const {
    if (next_.empty()) return;
    std::uint32_t row = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      auto ends_here = [&](std::uint32_t id) { found(id, i + 1 - key_length_[id]); };
      Step(text, i, row, ends_here);
    }
  }

 private:
  // Runs the automaton over `text`, calling found_literal(id) for each literal occurring in it (at least
  // once per occurrence; a literal may be reported twice for one occurrence).
  template <typename FoundLiteral>
  void Walk(std::string_view text, FoundLiteral&& found_literal) const {
    if (next_.empty()) return;
    // Each byte's step waits for the one before (the next cell's address is in the cell just read): a long
    // text is walked as two halves side by side, whose steps do not wait for each other. The second half
    // starts early enough to see whole every key (a literal's first kDepth bytes) that ends in it; one that
    // ends in the first half may be seen by both.
    if (text.size() >= kTwoHalvesFrom && text.size() >= 4 * deepest_) {
      const std::size_t half = text.size() / 2;
      const std::size_t second = half - (deepest_ - 1);
      std::uint32_t row_a = 0;
      std::uint32_t row_b = 0;
      const std::size_t side_by_side = half;  // the second half is the longer: it goes on alone after
      for (std::size_t i = 0; i < side_by_side; ++i) {
        Step(text, i, row_a, found_literal);
        Step(text, second + i, row_b, found_literal);
      }
      for (std::size_t i = second + side_by_side; i < text.size(); ++i) Step(text, i, row_b, found_literal);
      return;
    }
    std::uint32_t row = 0;
    for (std::size_t i = 0; i < text.size(); ++i) Step(text, i, row, found_literal);
  }

  // Byte `at` of a walk: the next state, and the literals that end there (a longer literal whose key ends
  // there when the rest of it follows in the text).
  template <typename FoundLiteral>
  void Step(std::string_view text, std::size_t at, std::uint32_t& row, FoundLiteral& found_literal) const {
    const std::uint32_t cell = next_[row + byte_class_[static_cast<unsigned char>(text[at])]];
    row = cell & kRowMask;
    if (!(cell & kHasOutput)) return;
    const std::size_t state = row / class_count_;
    for (std::uint32_t k = output_begin_[state]; k < output_begin_[state + 1]; ++k) {
      const std::uint32_t output = output_ids_[k];
      const std::uint32_t id = output & ~kHasRest;
      if (!(output & kHasRest) || RestFollows(text, at, id)) found_literal(id);
    }
  }
  // Whether the rest of literal `id` follows its key, which ends at byte `at` (rare: kept out of Step).
  bool RestFollows(std::string_view text, std::size_t at, std::uint32_t id) const;

  static constexpr std::size_t kTwoHalvesFrom = 256;  // bytes: below, the set-up is not worth it

  std::size_t literal_count_ = 0;
  std::size_t deepest_ = 1;           // the longest key's length: min(longest literal, kDepth), at least 1
  std::vector<std::string> rest_of_;  // id -> what follows its key (empty for literals of kDepth bytes or fewer)
  std::vector<std::uint8_t> key_length_;  // id -> its key's length: where an occurrence starts, from its key's end
  std::size_t class_count_ = 1;
  std::vector<std::uint8_t> byte_class_;           // byte -> column
  // The transitions: cell (row of a state + column) -> the row where the next state's cells start, with
  // kHasOutput set when that state ends some literal. Rows are state * class_count_.
  static constexpr std::uint32_t kHasOutput = 0x80000000u;
  static constexpr std::uint32_t kRowMask = 0x7FFFFFFFu;
  std::vector<std::uint32_t> next_;
  std::vector<std::uint32_t> output_begin_;        // state -> range in output_ids_
  std::vector<std::uint32_t> output_ids_;          // literal ids, kHasRest set on those with a rest to compare
  static constexpr std::uint32_t kHasRest = 0x80000000u;
};

}  // namespace conndiag
