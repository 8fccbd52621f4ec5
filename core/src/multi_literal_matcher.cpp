// The multi-literal matcher: an Aho-Corasick automaton that finds which of many literals occur, in one pass.
#include "multi_literal_matcher.h"

#include <algorithm>
#include <stdexcept>

namespace conndiag {
namespace {

// The length of the prefix two texts share.
std::size_t SharedPrefix(std::string_view a, std::string_view b) {
  return static_cast<std::size_t>(std::mismatch(a.begin(), a.end(), b.begin(), b.end()).first - a.begin());
}

}  // namespace

MultiLiteralMatcher::MultiLiteralMatcher(const std::vector<std::string>& literals)
    : literal_count_(literals.size()), byte_class_(256, 0) {
  // Each literal's key: its first kDepth bytes, what the automaton holds; the rest is compared in the text.
  const auto key_of = [](const std::string& lit) { return std::string_view(lit).substr(0, kDepth); };
  key_length_.resize(literals.size());
  for (std::size_t id = 0; id < literals.size(); ++id) {
    key_length_[id] = static_cast<std::uint8_t>(key_of(literals[id]).size());
    if (literals[id].size() <= kDepth) continue;
    if (rest_of_.empty()) rest_of_.resize(literals.size());
    rest_of_[id] = literals[id].substr(kDepth);
  }
  // Columns: one per byte that occurs in some key, column 0 for every other byte.
  for (const auto& lit : literals) {
    deepest_ = std::max(deepest_, key_of(lit).size());
    for (char ch : key_of(lit)) {
      const auto b = static_cast<unsigned char>(ch);
      if (byte_class_[b] == 0) byte_class_[b] = static_cast<std::uint8_t>(class_count_++);
    }
  }
  // The keys in sorted order: each shares with the one before it the longest prefix it shares with any
  // before it, so its path in the trie is the previous one's up to there, and new states after. The trie is
  // built without looking for a child, and its size is known first (the table is sized once from it).
  std::vector<std::uint32_t> sorted(literals.size());
  for (std::size_t id = 0; id < sorted.size(); ++id) sorted[id] = static_cast<std::uint32_t>(id);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return key_of(literals[a]) < key_of(literals[b]); });
  std::size_t states = 1;
  std::string_view previous;
  for (std::uint32_t id : sorted) {
    states += key_of(literals[id]).size() - SharedPrefix(key_of(literals[id]), previous);
    previous = key_of(literals[id]);
  }
  // A cell holds a row start in 31 bits (see cell_of), an output a literal id in 31 (see kHasRest): refuse
  // before building a table that cannot.
  if (states * class_count_ > kRowMask || literals.size() >= kHasRest) {
    throw std::length_error("too many literals for the matcher");
  }

  // The trie, sparse while it is built: a state's children as a list through the children (no child is ever
  // looked for: see above). (Building it in the table itself wrote every row twice and kept a vector of
  // outputs per state: a quarter of a knowledge base's load.)
  constexpr std::uint32_t kNone = 0xFFFFFFFFu;
  struct TrieState {
    std::uint32_t first_child = 0;  // 0: none (the root is nobody's child)
    std::uint32_t next_sibling = 0;
    std::uint32_t column = 0;  // the byte class leading to it from its parent
  };
  std::vector<TrieState> trie(1);
  trie.reserve(states);
  std::vector<std::uint32_t> end_state(literals.size(), kNone);  // where each literal ends
  std::vector<std::uint32_t> path{0};  // the states along the previous literal, the root first
  previous = std::string_view();
  for (std::uint32_t id : sorted) {
    const std::string_view lit = key_of(literals[id]);
    if (lit.empty()) continue;
    path.resize(SharedPrefix(lit, previous) + 1);
    for (std::size_t d = path.size() - 1; d < lit.size(); ++d) {
      const std::uint32_t parent = path[d];
      const std::uint32_t column = byte_class_[static_cast<unsigned char>(lit[d])];
      const auto child = static_cast<std::uint32_t>(trie.size());
      trie.push_back({0, trie[parent].first_child, column});
      trie[parent].first_child = child;
      path.push_back(child);
    }
    end_state[id] = path[lit.size()];
    previous = lit;
  }

  // States are numbered breadth-first (the root 0), so that each row is written once, in order, after the
  // row of its failure state (which is shallower) that it starts as a copy of.
  std::vector<std::uint32_t> order;  // breadth-first position -> trie state
  order.reserve(trie.size());
  std::vector<std::uint32_t> number(trie.size(), 0);  // trie state -> breadth-first position
  order.push_back(0);
  for (std::size_t head = 0; head < order.size(); ++head) {
    for (std::uint32_t child = trie[order[head]].first_child; child != 0; child = trie[child].next_sibling) {
      number[child] = static_cast<std::uint32_t>(order.size());
      order.push_back(child);
    }
  }
  // Each state's own literals, by id (a counting sort), as ranges by breadth-first number.
  std::vector<std::uint32_t> own_begin(order.size() + 1, 0);
  for (std::uint32_t end : end_state) {
    if (end != kNone) ++own_begin[number[end] + 1];
  }
  for (std::size_t k = 0; k < order.size(); ++k) own_begin[k + 1] += own_begin[k];
  std::vector<std::uint32_t> own_ids(own_begin.back());
  {
    std::vector<std::uint32_t> filled(own_begin.begin(), own_begin.end() - 1);
    for (std::size_t id = 0; id < end_state.size(); ++id) {
      if (end_state[id] == kNone) continue;
      const bool has_rest = literals[id].size() > kDepth;
      own_ids[filled[number[end_state[id]]]++] = static_cast<std::uint32_t>(id) | (has_rest ? kHasRest : 0u);
    }
  }

  // Failure links turn the trie into a DFA. Each cell is written as it will be scanned: where its target's
  // row starts, with kHasOutput set when the target ends some literal (its own, or one its failure state
  // ends), so the scan takes one load per byte and looks at outputs only on the bytes that end a literal.
  const auto cell_of = [this](std::uint32_t target, bool has_output) {
    return target * static_cast<std::uint32_t>(class_count_) | (has_output ? kHasOutput : 0u);
  };
  std::vector<std::uint32_t> fail(order.size(), 0);  // by breadth-first number, as everything below
  std::vector<std::uint32_t> output_count(order.size(), 0);
  next_.assign(order.size() * class_count_, 0);  // the root's row stays all 0: every other byte goes back to it
  for (std::size_t k = 0; k < order.size(); ++k) {
    std::uint32_t* row = &next_[k * class_count_];
    const std::uint32_t* fail_row = &next_[fail[k] * class_count_];
    if (k != 0) std::copy(fail_row, fail_row + class_count_, row);
    for (std::uint32_t child = trie[order[k]].first_child; child != 0; child = trie[child].next_sibling) {
      const std::uint32_t c = number[child];
      const std::uint32_t column = trie[child].column;
      fail[c] = k == 0 ? 0 : (fail_row[column] & kRowMask) / static_cast<std::uint32_t>(class_count_);
      // Known for the failure state, which is shallower: counted when its own parent's row was made.
      output_count[c] = own_begin[c + 1] - own_begin[c] + output_count[fail[c]];
      row[column] = cell_of(c, output_count[c] > 0);
    }
  }
  // Each state's outputs: its own literals, then its failure state's (already listed: it is shallower).
  output_begin_.assign(order.size() + 1, 0);
  for (std::size_t k = 0; k < order.size(); ++k) output_begin_[k + 1] = output_begin_[k] + output_count[k];
  output_ids_.resize(output_begin_.back());
  for (std::size_t k = 0; k < order.size(); ++k) {
    std::uint32_t at = output_begin_[k];
    for (std::uint32_t i = own_begin[k]; i < own_begin[k + 1]; ++i) output_ids_[at++] = own_ids[i];
    if (k != 0) {
      std::copy(output_ids_.begin() + output_begin_[fail[k]], output_ids_.begin() + output_begin_[fail[k] + 1],
                output_ids_.begin() + at);
    }
  }
}

bool MultiLiteralMatcher::RestFollows(std::string_view text, std::size_t at, std::uint32_t id) const {
  return text.substr(at + 1).starts_with(rest_of_[id]);
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
