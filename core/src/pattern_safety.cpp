// A static check for nested unbounded quantifiers in regular expressions.
#include "pattern_safety.h"

#include <vector>

namespace conndiag {
namespace {

// The quantifier at p, if any: its length and whether it is unbounded (*, +, {n,}).
struct Quantifier {
  std::size_t length = 0;
  bool unbounded = false;
};

Quantifier QuantifierAt(std::string_view p, std::size_t i) {
  if (i >= p.size()) return {};
  Quantifier q;
  if (p[i] == '*' || p[i] == '+') {
    q = {1, true};
  } else if (p[i] == '?') {
    q = {1, false};
  } else if (p[i] == '{') {
    const auto close = p.find('}', i);
    if (close == std::string_view::npos) return {};
    const std::string_view body = p.substr(i + 1, close - i - 1);
    if (body.empty() || body[0] < '0' || body[0] > '9') return {};  // a literal '{'
    q = {close - i + 1, body.back() == ','};
  } else {
    return {};
  }
  if (i + q.length < p.size() && (p[i + q.length] == '?' || p[i + q.length] == '+')) ++q.length;
  return q;
}

}  // namespace

std::optional<std::string> UnsafePattern(std::string_view p) {
  // For each open group: does it contain an unbounded repeat?
  std::vector<bool> groups;
  auto mark_unbounded = [&] {
    if (!groups.empty()) groups.back() = true;
  };
  for (std::size_t i = 0; i < p.size();) {
    const char c = p[i];
    std::size_t atom_end = i + 1;
    bool atom_has_unbounded = false;
    if (c == '\\') {
      atom_end = i + 2;
    } else if (c == '[') {
      std::size_t j = i + 1;
      if (j < p.size() && p[j] == '^') ++j;
      if (j < p.size() && p[j] == ']') ++j;
      while (j < p.size() && p[j] != ']') j += p[j] == '\\' ? std::size_t{2} : std::size_t{1};
      atom_end = j + 1;
    } else if (c == '(') {
      groups.push_back(false);
      i += 1;
      continue;
    } else if (c == ')') {
      if (groups.empty()) return std::nullopt;  // unbalanced: the regex compiler reports it
      atom_has_unbounded = groups.back();
      groups.pop_back();
    }
    const Quantifier q = QuantifierAt(p, atom_end);
    if (q.unbounded && atom_has_unbounded) {
      return "a repeated group contains another unbounded repeat (like (a+)+): matching can take "
             "exponential time on some texts; rewrite it without the nesting";
    }
    if (q.unbounded || atom_has_unbounded) mark_unbounded();
    i = atom_end + q.length;
  }
  return std::nullopt;
}

}  // namespace conndiag
