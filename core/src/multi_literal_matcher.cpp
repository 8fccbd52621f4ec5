// The multi-literal matcher: an Aho-Corasick automaton that finds which of many literals occur, in one pass.
#include "multi_literal_matcher.h"

#include <algorithm>
#include <deque>
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
  // A cell holds a row start in 31 bits (see the end): refuse before building a table that cannot.
  if (states * class_count_ > kRowMask) throw std::length_error("too many literals for the matcher");
  std::vector<std::vector<std::uint32_t>> outputs(1);
  outputs.reserve(states);
  next_.reserve(states * class_count_);
  next_.assign(class_count_, 0);
  for (std::size_t id = 0; id < literals.size(); ++id) {
    if (literals[id].empty()) continue;
    std::uint32_t state = 0;
    for (char ch : literals[id]) {
      const auto b = static_cast<unsigned char>(ch);
      std::uint32_t& edge = next_[state * class_count_ + byte_class_[b]];
      if (edge == 0) {
        edge = static_cast<std::uint32_t>(outputs.size());
        outputs.emplace_back();
        next_.resize(next_.size() + class_count_, 0);
      }
      state = next_[state * class_count_ + byte_class_[b]];
    }
    outputs[state].push_back(static_cast<std::uint32_t>(id));
  }
  // Breadth-first: failure links turn the trie into a DFA and merge outputs along suffixes.
  std::vector<std::uint32_t> fail(outputs.size(), 0);
  std::deque<std::uint32_t> queue;
  for (std::size_t col = 1; col < class_count_; ++col) {
    if (std::uint32_t child = next_[col]; child != 0) queue.push_back(child);
  }
  while (!queue.empty()) {
    const std::uint32_t state = queue.front();
    queue.pop_front();
    const auto& inherited = outputs[fail[state]];
    outputs[state].insert(outputs[state].end(), inherited.begin(), inherited.end());
    for (std::size_t col = 1; col < class_count_; ++col) {
      std::uint32_t& edge = next_[state * class_count_ + col];
      const std::uint32_t via_fail = next_[fail[state] * class_count_ + col];
      if (edge != 0) {
        fail[edge] = via_fail;
        queue.push_back(edge);
      } else {
        edge = via_fail;
      }
    }
  }
  output_begin_.reserve(outputs.size() + 1);
  for (const auto& out : outputs) {
    output_begin_.push_back(static_cast<std::uint32_t>(output_ids_.size()));
    output_ids_.insert(output_ids_.end(), out.begin(), out.end());
  }
  output_begin_.push_back(static_cast<std::uint32_t>(output_ids_.size()));
  // Each cell now holds where its target's row starts, with kHasOutput set when the target ends a
  // literal: the scan then takes one load per byte (no multiply, no look at the output table) and looks
  // at outputs only on the bytes that end a literal.
  for (std::uint32_t& cell : next_) {
    const std::uint32_t target = cell;
    cell = target * static_cast<std::uint32_t>(class_count_);
    if (!outputs[target].empty()) cell |= kHasOutput;
  }
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
