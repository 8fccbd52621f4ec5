// Required literals: proves which literal strings a pattern cannot match without, for the prefilter.
#include "required_literals.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string_view>
#include <utility>

namespace conndiag {
namespace {

// What a regex fragment guarantees. `set`: one of these occurs in each match (when `known`).
// `prefix`: each match starts with one of them. `exact`: each match is exactly one of them.
// Only exact sets may be joined with what follows; prefix sets may be joined with what precedes.
struct LiteralSet {
  bool known = false;
  std::vector<std::string> set;
  bool prefix = false;
  bool exact = false;
  bool word_start = false;  // a \b right before each literal, wherever it occurs in a match
  // For set[i]: how many digits follow it in every match that holds it (\d{4} after "af1"), up to 255.
  std::vector<std::uint8_t> digits_after;
};

// Beyond these sizes a set of alternatives stops being a useful prefilter.
constexpr std::size_t kMaxAlternatives = 64;
constexpr std::size_t kMaxClassSize = 10;

// How good a guarantee is: the shortest literal decides how often the prefilter says "maybe".
std::size_t Shortest(const std::vector<std::string>& literals) {
  std::size_t shortest = SIZE_MAX;
  for (const auto& lit : literals) shortest = std::min(shortest, lit.size());
  return shortest;
}

std::size_t Strength(const LiteralSet& s) { return !s.known || s.set.empty() ? 0 : Shortest(s.set); }

class Analyzer {
 public:
  Analyzer(std::string_view p, std::size_t min_also_length) : p_(p), min_also_length_(min_also_length) {}

  LiteralSet Run() {
    LiteralSet result = Alternation();
    if (failed_ || pos_ != p_.size()) return {};
    return result;
  }

  // Every requirement the pattern's top-level sequence met, the chosen one included (empty when the
  // pattern is an alternation at its top: a branch's requirement is not the whole's).
  std::vector<LiteralSet> TopLevelRequirements() { return std::move(top_level_); }

 private:
  enum class AtomKind { kLiteral, kZeroWidth, kOther, kGroup };
  struct Atom {
    AtomKind kind = AtomKind::kOther;
    char literal = 0;
    LiteralSet group;
    bool word_boundary = false;  // a zero-width \b
    bool digits = false;         // \d: one digit
  };
  enum class Repeat { kOnce, kOptional, kAtLeastOnce };

  LiteralSet Alternation() {
    std::vector<LiteralSet> branches;
    branches.push_back(Sequence());
    while (!failed_ && pos_ < p_.size() && p_[pos_] == '|') {
      ++pos_;
      branches.push_back(Sequence());
    }
    // Sets are moved, never copied, on their way up: copying them was most of a knowledge base's pattern
    // analysis, and the analysis most of its load in the page (where copies cost more).
    if (branches.size() == 1) return std::move(branches.front());
    if (depth_ == 0) top_level_.clear();
    LiteralSet all{true, {}, true, true, true, {}};
    for (auto& b : branches) {
      if (!b.known || b.set.empty()) return {};  // one branch needs nothing: the whole needs nothing
      all.set.insert(all.set.end(), std::make_move_iterator(b.set.begin()), std::make_move_iterator(b.set.end()));
      all.digits_after.insert(all.digits_after.end(), b.digits_after.begin(), b.digits_after.end());
      all.prefix = all.prefix && b.prefix;
      all.exact = all.exact && b.exact;
      all.word_start = all.word_start && b.word_start;
    }
    return all;
  }

  // Literal runs are built as sets of alternatives, so a run through a small group or class stays one
  // literal per alternative: "af(?:[1-5]\\d{4}|429)" needs one of af1..af5, af429, not merely "af".
  LiteralSet Sequence() {
    LiteralSet best;
    std::vector<std::string> run{""};
    std::vector<std::uint8_t> run_digits_after{0};  // parallel to run
    bool at_start = true;     // nothing consumed before the current run
    bool run_is_first = true;  // the current run began at the start of the sequence
    bool whole_exact = true;   // every atom so far was exact and joined into the one run
    bool after_boundary = false;  // a \b came after the last atom that consumes text
    bool run_word_start = false;  // the current run began right after a \b
    auto keep_top_level = [&](const LiteralSet& candidate) {
      if (depth_ == 0 && Strength(candidate) >= min_also_length_) top_level_.push_back(candidate);
    };
    auto consider = [&](LiteralSet candidate) {
      keep_top_level(candidate);
      if (Strength(candidate) > Strength(best)) best = std::move(candidate);
    };
    auto end_run = [&] {
      if (depth_ == 0 && !run.front().empty() && Shortest(run) >= min_also_length_) {
        keep_top_level(LiteralSet{true, run, false, false, false, std::vector<std::uint8_t>(run.size(), 0)});
      }
      // The run is replaced below: moved into `best` when stronger.
      if (!run.front().empty() && Shortest(run) > Strength(best)) {
        best = LiteralSet{true, std::move(run), run_is_first, false, run_word_start, std::move(run_digits_after)};
      }
      run.assign(1, "");
      run_digits_after.assign(1, 0);
      run_is_first = false;
      run_word_start = false;
    };
    // Too many alternatives to join: the run so far ends, and a new one begins with `set`.
    auto start_over = [&](std::vector<std::string> set, std::vector<std::uint8_t> set_digits_after, bool word_start) {
      end_run();
      whole_exact = false;
      run = std::move(set);
      run_digits_after = std::move(set_digits_after);
      run_word_start = word_start;
    };
    // What follows each literal of the run is what follows the piece of `set` it ends with. `word_start`:
    // a \b comes right before each piece of `set` (it counts when `set` begins the run).
    auto extend = [&](const std::vector<std::string>& set, const std::vector<std::uint8_t>& set_digits_after,
                      bool word_start) {
      if (run.front().empty()) run_word_start = word_start;
      if (run.size() * set.size() > kMaxAlternatives) return start_over(set, set_digits_after, word_start);
      std::vector<std::string> product;
      std::vector<std::uint8_t> product_digits_after;
      product.reserve(run.size() * set.size());
      for (const auto& a : run) {
        for (std::size_t k = 0; k < set.size(); ++k) {
          product.push_back(a + set[k]);
          product_digits_after.push_back(set_digits_after[k]);
        }
      }
      run = std::move(product);
      run_digits_after = std::move(product_digits_after);
    };
    // The same for one literal character, appended to each alternative in place: building the product
    // anew for each character allocated and copied the whole run each time, the better part of a
    // knowledge base's pattern analysis (and of its load in the page, where allocation costs more).
    auto extend_char = [&](char c, bool word_start) {
      if (run.front().empty()) run_word_start = word_start;
      if (run.size() > kMaxAlternatives) return start_over({std::string(1, c)}, {0}, word_start);
      for (auto& literal : run) literal += c;
      run_digits_after.assign(run.size(), 0);
    };
    while (!failed_ && pos_ < p_.size() && p_[pos_] != '|' && p_[pos_] != ')') {
      Atom atom = ParseAtom();
      if (failed_) break;
      const Repeat repeat = ParseQuantifier();
      if (atom.kind == AtomKind::kZeroWidth) {  // consumes nothing: the run goes on
        if (atom.word_boundary) after_boundary = true;
        if (repeat != Repeat::kOptional && atom.group.known && !atom.group.set.empty()) consider(std::move(atom.group));
        continue;
      }
      const bool boundary_before = after_boundary;
      after_boundary = false;
      const bool has_set = atom.kind == AtomKind::kLiteral ||
                           (atom.kind == AtomKind::kGroup && atom.group.known && !atom.group.set.empty());
      if (atom.digits && repeat != Repeat::kOptional && !run.front().empty()) {
        // Digits right after the run ("af1" in "af[1-5]\d{4}"): a raw look can ask for them.
        run_digits_after.assign(run.size(), static_cast<std::uint8_t>(std::min<std::size_t>(last_min_, 255)));
      }
      if (repeat == Repeat::kOptional || !has_set) {
        end_run();
        whole_exact = false;
        at_start = false;
        continue;
      }
      if (atom.kind == AtomKind::kGroup && !atom.group.exact && !atom.group.prefix) {
        // Its literal sits somewhere inside it: a requirement of its own, not joined to the run.
        end_run();
        consider(std::move(atom.group));
        whole_exact = false;
        at_start = false;
        continue;
      }
      if (at_start) run_is_first = true;
      at_start = false;
      if (atom.kind == AtomKind::kLiteral) extend_char(atom.literal, boundary_before);
      else extend(atom.group.set, atom.group.digits_after,
                  boundary_before || (atom.group.word_start && (atom.group.prefix || atom.group.exact)));
      // What follows a repeat, or a group known only by its prefix, is not adjacent to the run.
      if (repeat == Repeat::kAtLeastOnce || (atom.kind == AtomKind::kGroup && !atom.group.exact)) {
        end_run();
        whole_exact = false;
      }
    }
    if (whole_exact && !run.front().empty()) {
      return LiteralSet{true, std::move(run), true, true, run_word_start, std::move(run_digits_after)};
    }
    end_run();
    return best;
  }

  Atom ParseAtom() {
    Atom atom;
    const char c = p_[pos_++];
    switch (c) {
      case '^': case '$':
        atom.kind = AtomKind::kZeroWidth;
        return atom;
      case '.':
        return atom;
      case '[':
        return ParseClass();
      case '(':
        return ParseGroup();
      case '\\':
        return ParseEscape();
      case '*': case '+': case '?': case '{':
        failed_ = true;  // a quantifier with nothing to repeat
        return atom;
      default:
        atom.kind = AtomKind::kLiteral;
        atom.literal = c;
        return atom;
    }
  }

  Atom ParseEscape() {
    Atom atom;
    if (pos_ >= p_.size()) {
      failed_ = true;
      return atom;
    }
    const char e = p_[pos_++];
    if (e == 'b' || e == 'B' || e == 'A' || e == 'z' || e == 'Z' || e == 'G' || e == '<' || e == '>') {
      atom.kind = AtomKind::kZeroWidth;
      atom.word_boundary = e == 'b';
      return atom;
    }
    const bool is_alnum = (e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z') || (e >= '0' && e <= '9');
    if (!is_alnum) {  // \. \- \/ \\ \( ... stand for themselves
      atom.kind = AtomKind::kLiteral;
      atom.literal = e;
      return atom;
    }
    if (e == 'Q' || e == 'E' || e == 'x' || e == 'u' || e == 'c' || e == 'p' || e == 'P' || e == 'k' ||
        e == 'g') {
      failed_ = true;  // forms this analyzer does not model: say nothing rather than something wrong
    }
    atom.digits = e == 'd';
    return atom;  // \d \w \s \n \t, back-references: some character, not a known literal
  }

  // A bracket class: a small one without negation or escapes-for-sets acts as a group of its characters.
  Atom ParseClass() {
    Atom atom;
    bool negated = false;
    bool representable = true;
    std::string chars;
    if (pos_ < p_.size() && p_[pos_] == '^') {
      negated = true;
      ++pos_;
    }
    bool first = true;
    while (pos_ < p_.size() && (p_[pos_] != ']' || first)) {
      first = false;
      char c = p_[pos_++];
      if (c == '[' && pos_ < p_.size() && p_[pos_] == ':') {
        const auto close = p_.find(":]", pos_);
        if (close == std::string_view::npos) break;
        pos_ = close + 2;
        representable = false;
        continue;
      }
      if (c == '\\') {
        if (pos_ >= p_.size()) break;
        c = p_[pos_++];
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (alnum) {
          representable = false;  // \d, \w, \s, \x..: sets too large or not modelled
          continue;
        }
      }
      if (pos_ + 1 < p_.size() && p_[pos_] == '-' && p_[pos_ + 1] != ']') {
        const char hi = p_[pos_ + 1];
        pos_ += 2;
        if (hi == '\\' || hi < c) {
          representable = false;
          continue;
        }
        for (int x = c; x <= hi && chars.size() <= kMaxClassSize; ++x) chars.push_back(static_cast<char>(x));
        continue;
      }
      chars.push_back(c);
    }
    if (pos_ >= p_.size()) {
      failed_ = true;
      return atom;
    }
    ++pos_;  // ']'
    if (negated || !representable || chars.empty() || chars.size() > kMaxClassSize) return atom;
    atom.kind = AtomKind::kGroup;
    atom.group = LiteralSet{true, {}, true, true, false, {}};
    for (char c : chars) atom.group.set.emplace_back(1, c);
    atom.group.digits_after.assign(atom.group.set.size(), 0);
    return atom;
  }

  Atom ParseGroup() {
    Atom atom;
    bool zero_width = false;
    bool positive = false;  // a look-around that must succeed: the text holds what it looks for
    if (pos_ < p_.size() && p_[pos_] == '?') {
      const std::string_view rest = p_.substr(pos_);
      if (rest.starts_with("?:")) pos_ += 2;
      else if (rest.starts_with("?=") || rest.starts_with("?!")) {
        positive = rest[1] == '=';
        pos_ += 2;
        zero_width = true;
      } else if (rest.starts_with("?<=") || rest.starts_with("?<!")) {
        positive = rest[2] == '=';
        pos_ += 3;
        zero_width = true;
      } else if (rest.starts_with("?<") || rest.starts_with("?P<") || rest.starts_with("?'")) {
        const char close = rest[1] == '\'' ? '\'' : '>';
        const auto end = p_.find(close, pos_ + 2);
        if (end == std::string_view::npos) { failed_ = true; return atom; }
        pos_ = end + 1;
      } else {
        failed_ = true;  // inline flags, conditionals, atomic groups: not modelled
        return atom;
      }
    }
    ++depth_;
    LiteralSet inner = Alternation();
    --depth_;
    if (pos_ >= p_.size() || p_[pos_] != ')') {
      failed_ = true;
      return atom;
    }
    ++pos_;
    if (zero_width) {
      atom.kind = AtomKind::kZeroWidth;  // its contents need not be part of the match
      if (positive && inner.known && !inner.set.empty()) {
        // ...but a positive one's must be in the text, beside the match: a requirement of its own
        // ("(?<=the remote server returned an error:)\(401\)" cannot match a text without that phrase).
        // Where it sits relative to the match is unknown, so it promises no start and nothing around it.
        atom.group = LiteralSet{true, std::move(inner.set), false, false, false, {}};
        atom.group.digits_after.assign(atom.group.set.size(), 0);
      }
      return atom;
    }
    atom.kind = AtomKind::kGroup;
    atom.group = std::move(inner);
    return atom;
  }

  // Also sets last_min_: the fewest times the atom occurs (1 without a quantifier).
  Repeat ParseQuantifier() {
    last_min_ = 1;
    if (pos_ >= p_.size()) return Repeat::kOnce;
    Repeat r = Repeat::kOnce;
    const char q = p_[pos_];
    if (q == '*' || q == '?') { r = Repeat::kOptional; ++pos_; }
    else if (q == '+') { r = Repeat::kAtLeastOnce; ++pos_; }
    else if (q == '{') {
      const auto close = p_.find('}', pos_);
      if (close == std::string_view::npos) return Repeat::kOnce;  // a literal '{' in Perl syntax
      const std::string_view body = p_.substr(pos_ + 1, close - pos_ - 1);
      if (body.empty() || !(body[0] >= '0' && body[0] <= '9')) return Repeat::kOnce;
      std::size_t min = 0;
      for (char d : body) {
        if (d < '0' || d > '9') break;
        min = min * 10 + static_cast<std::size_t>(d - '0');
      }
      pos_ = close + 1;
      last_min_ = min;
      r = min == 0 ? Repeat::kOptional : (body == "1" ? Repeat::kOnce : Repeat::kAtLeastOnce);
    } else {
      return r;
    }
    if (pos_ < p_.size() && (p_[pos_] == '?' || p_[pos_] == '+')) ++pos_;  // lazy or possessive
    return r;
  }

  std::string_view p_;
  std::size_t pos_ = 0;
  bool failed_ = false;
  std::size_t min_also_length_;
  int depth_ = 0;  // groups open around the current position
  std::vector<LiteralSet> top_level_;
  std::size_t last_min_ = 1;
};

std::vector<std::string> SortedUnique(std::vector<std::string> literals) {
  std::sort(literals.begin(), literals.end());
  literals.erase(std::unique(literals.begin(), literals.end()), literals.end());
  return literals;
}

}  // namespace

PatternLiterals AnalyzeLiterals(std::string_view pattern, std::size_t min_also_length) {
  Analyzer analyzer(pattern, min_also_length);
  LiteralSet set = analyzer.Run();
  if (!set.known) return {};
  // The other requirements, strongest first, each once, the chosen set left out; a few are plenty.
  constexpr std::size_t kMaxAlso = 3;
  std::vector<LiteralSet> others = analyzer.TopLevelRequirements();
  std::stable_sort(others.begin(), others.end(),
                   [](const LiteralSet& a, const LiteralSet& b) { return Strength(a) > Strength(b); });
  std::vector<std::vector<std::string>> also;
  const std::vector<std::string> chosen = SortedUnique(set.set);
  for (LiteralSet& other : others) {
    if (also.size() == kMaxAlso) break;
    std::vector<std::string> literals = SortedUnique(std::move(other.set));
    if (literals != chosen && std::find(also.begin(), also.end(), literals) == also.end())
      also.push_back(std::move(literals));
  }
  // Sorted, each literal once, with the fewest digits any of its occurrences in the set promises.
  std::vector<std::pair<std::string, std::uint8_t>> pairs;
  for (std::size_t k = 0; k < set.set.size(); ++k) pairs.emplace_back(std::move(set.set[k]), set.digits_after[k]);
  std::sort(pairs.begin(), pairs.end());
  PatternLiterals out{{}, set.prefix, set.word_start, {}, std::move(also)};
  for (auto& [literal, digits] : pairs) {
    if (!out.literals.empty() && out.literals.back() == literal) continue;  // the first has the fewest
    out.literals.push_back(std::move(literal));
    out.digits_after.push_back(digits);
  }
  return out;
}

PatternLiterals PlainPatternLiterals(const PlainPattern& plain) {
  PatternLiterals out;
  out.prefix = true;
  out.word_start = std::all_of(plain.alternatives.begin(), plain.alternatives.end(),
                               [](const PlainPattern::Alternative& a) { return a.boundary_before; });
  for (const PlainPattern::Alternative& a : plain.alternatives) out.literals.push_back(a.literal.text);
  std::sort(out.literals.begin(), out.literals.end());
  out.literals.erase(std::unique(out.literals.begin(), out.literals.end()), out.literals.end());
  out.digits_after.assign(out.literals.size(), 0);
  return out;
}

std::vector<std::string> RequiredLiterals(std::string_view pattern) { return AnalyzeLiterals(pattern).literals; }

}  // namespace conndiag
