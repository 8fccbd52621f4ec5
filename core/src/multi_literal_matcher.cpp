// The multi-literal matcher: an Aho-Corasick automaton that finds which of many literals occur, in one pass.
#include "multi_literal_matcher.h"

#include <algorithm>
#include <stdexcept>

namespace conndiag {
namespace {

// The states of the literals' trie, the root included: in sorted order, each literal adds the bytes it
// does not share with the one before it (its longest common prefix with any literal is with a neighbour).
std::size_t CountTrieStates(const std::vector<std::string>& literals) {
  std::vector<std::string_view> sorted(literals.begin(), literals.end());
  std::sort(sorted.begin(), sorted.end());
  std::size_t states = 1;
  std::string_view previous;
  for (std::string_view lit : sorted) {
    const auto shared = std::mismatch(lit.begin(), lit.end(), previous.begin(), previous.end()).first - lit.begin();
    states += lit.size() - static_cast<std::size_t>(shared);
    previous = lit;
  }
  return states;
}

}  // namespace

MultiLiteralMatcher::MultiLiteralMatcher(const std::vector<std::string>& literals)
    : literal_count_(literals.size()), byte_class_(256, 0) {
  // Columns: one per byte that occurs in some literal, column 0 for every other byte.
  for (const auto& lit : literals) {
    for (char ch : lit) {
      const auto b = static_cast<unsigned char>(ch);
      if (byte_class_[b] == 0) byte_class_[b] = static_cast<std::uint8_t>(class_count_++);
    }
  }
  // Trie, with 0 meaning "no edge" (the root, state 0, is never a child). Its table is reserved once, at
  // the exact number of states: growing it state by state copied it over and over (a quarter of a
  // knowledge base's load), and an upper bound such as the literals' total length can be far too big
  // (a custom knowledge base's alternatives expand into many literals that share their prefixes).
  const std::size_t states = CountTrieStates(literals);
  // A cell holds a row start in 31 bits (see cell_of): refuse before building a table that cannot.
  if (states * class_count_ > kRowMask) throw std::length_error("too many literals for the matcher");
  std::vector<std::vector<std::uint32_t>> outputs(1);
  outputs.reserve(states);
  next_.reserve(states * class_count_);
  next_.assign(class_count_, 0);
  // Each state's children, as a list through the children themselves: breadth-first, a state's row is
  // its failure state's row with its own children written over it.
  std::vector<std::uint32_t> first_child(1, 0);
  std::vector<std::uint32_t> next_sibling(1, 0);
  std::vector<std::uint32_t> column_in_parent(1, 0);
  for (std::size_t id = 0; id < literals.size(); ++id) {
    if (literals[id].empty()) continue;
    std::uint32_t state = 0;
    for (char ch : literals[id]) {
      const std::size_t column = byte_class_[static_cast<unsigned char>(ch)];
      std::uint32_t child = next_[state * class_count_ + column];
      if (child == 0) {
        child = static_cast<std::uint32_t>(outputs.size());
        next_[state * class_count_ + column] = child;
        outputs.emplace_back();
        next_.resize(next_.size() + class_count_, 0);
        next_sibling.push_back(first_child[state]);
        first_child[state] = child;
        first_child.push_back(0);
        column_in_parent.push_back(static_cast<std::uint32_t>(column));
      }
      state = child;
    }
    outputs[state].push_back(static_cast<std::uint32_t>(id));
  }
  // Breadth-first, failure links turn the trie into a DFA and merge outputs along suffixes. Each cell is
  // written as it will be scanned: where its target's row starts, with kHasOutput set when the target
  // ends some literal (its own, or one its failure state ends), so the scan takes one load per byte and
  // looks at outputs only on the bytes that end a literal. A state's failure state is shallower, so its
  // row is final when the state's is made; and whether a state ends a literal is known when it is reached.
  const auto cell_of = [this](std::uint32_t target, bool has_output) {
    return target * static_cast<std::uint32_t>(class_count_) | (has_output ? kHasOutput : 0u);
  };
  std::vector<std::uint32_t> fail(outputs.size(), 0);
  std::vector<std::uint8_t> has_output(outputs.size(), 0);
  std::vector<std::uint32_t> queue{0};
  queue.reserve(outputs.size());
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const std::uint32_t state = queue[head];
    if (state != 0) {
      const auto& inherited = outputs[fail[state]];
      outputs[state].insert(outputs[state].end(), inherited.begin(), inherited.end());
    }
    std::uint32_t* row = &next_[state * class_count_];
    const std::uint32_t* fail_row = &next_[fail[state] * class_count_];
    if (state == 0) std::fill(row, row + class_count_, 0u);  // every other byte: back to the root
    else std::copy(fail_row, fail_row + class_count_, row);
    for (std::uint32_t child = first_child[state]; child != 0; child = next_sibling[child]) {
      const std::uint32_t column = column_in_parent[child];
      fail[child] = state == 0 ? 0 : (fail_row[column] & kRowMask) / static_cast<std::uint32_t>(class_count_);
      has_output[child] = !outputs[child].empty() || has_output[fail[child]];
      row[column] = cell_of(child, has_output[child]);
      queue.push_back(child);
    }
  }
  output_begin_.reserve(outputs.size() + 1);
  for (const auto& out : outputs) {
    output_begin_.push_back(static_cast<std::uint32_t>(output_ids_.size()));
    output_ids_.insert(output_ids_.end(), out.begin(), out.end());
  }
  output_begin_.push_back(static_cast<std::uint32_t>(output_ids_.size()));
}

void MultiLiteralMatcher::Scan(std::string_view text, std::vector<std::uint8_t>& found) const {
  found.assign(literal_count_, 0);
  Walk(text, [&](std::uint32_t id) { found[id] = 1; });
}

void MultiLiteralMatcher::Scan(std::string_view text, std::vector<std::uint8_t>& found,
                               std::vector<std::uint32_t>& hits) const {
  // Only what the previous call found is cleared: a log asks this for every line, and clearing all of
  // `found` (a byte per literal) each time cost more than most lines' scan.
  if (found.size() != literal_count_) {
    found.assign(literal_count_, 0);
  } else {
    for (std::uint32_t id : hits) found[id] = 0;
  }
  hits.clear();
  Walk(text, [&](std::uint32_t id) {
    if (!found[id]) {
      found[id] = 1;
      hits.push_back(id);
    }
  });
}

}  // namespace conndiag
