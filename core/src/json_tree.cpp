// A read-only JSON tree built in one pass: the grammar, strings checked as UTF-8, numbers as nlohmann reads them.
#include "json_tree.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "eight_bytes.h"

namespace conndiag {

using Kind = JsonValue::Kind;

Kind JsonValue::kind() const { return tree_->nodes_[node_].kind; }

std::int64_t JsonValue::integer() const {
  const auto& n = tree_->nodes_[node_];
  if (n.kind == Kind::kUnsigned) return std::numeric_limits<std::int64_t>::max();
  return n.kind == Kind::kInteger ? n.integer : 0;
}

std::uint64_t JsonValue::unsigned_integer() const {
  const auto& n = tree_->nodes_[node_];
  if (n.kind == Kind::kUnsigned) return n.unsigned_integer;
  return n.kind == Kind::kInteger && n.integer >= 0 ? static_cast<std::uint64_t>(n.integer) : 0;
}

double JsonValue::number() const {
  const auto& n = tree_->nodes_[node_];
  switch (n.kind) {
    case Kind::kInteger:
      return static_cast<double>(n.integer);
    case Kind::kUnsigned:
      return static_cast<double>(n.unsigned_integer);
    case Kind::kNumber:
      return n.number;
    default:
      return 0;
  }
}

std::string_view JsonValue::string() const {
  const auto& n = tree_->nodes_[node_];
  return n.kind == Kind::kString ? tree_->strings_[n.first] : std::string_view();
}

std::size_t JsonValue::size() const {
  const auto& n = tree_->nodes_[node_];
  return n.kind == Kind::kArray || n.kind == Kind::kObject ? n.count : 0;
}

JsonValue JsonValue::operator[](std::size_t i) const {
  return JsonValue(tree_, tree_->nodes_[node_].first + static_cast<std::uint32_t>(i));
}

std::string_view JsonValue::key(std::size_t i) const { return tree_->strings_[tree_->nodes_[(*this)[i].node_].key]; }

std::optional<JsonValue> JsonValue::find(std::string_view key) const {
  if (!is_object()) return std::nullopt;
  // Members are in key order: a binary search.
  std::size_t lo = 0, hi = size();
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    const int order = this->key(mid).compare(key);
    if (order == 0) return (*this)[mid];
    if (order < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return std::nullopt;
}

class JsonTree::Parser {
 public:
  Parser(JsonTree& tree, std::string_view text, int max_depth) : tree_(tree), text_(text), max_depth_(max_depth) {}

  bool Run() {
    // A UTF-8 byte order mark may open the text (nlohmann skips it too).
    if (!text_.empty() && static_cast<unsigned char>(text_[0]) == 0xEF) {
      if (text_.size() < 3 || static_cast<unsigned char>(text_[1]) != 0xBB ||
          static_cast<unsigned char>(text_[2]) != 0xBF) {
        return Fail("an incomplete byte order mark");
      }
      pos_ = 3;
    }
    if (!Value(0)) return false;
    // The value must be all there is; a NUL byte ends the text where a token would start (as in nlohmann,
    // which reads C strings).
    if (TokenStart() != '\0') return Fail("more after the value");
    tree_.root_ = static_cast<std::uint32_t>(tree_.nodes_.size());
    tree_.nodes_.push_back(scratch_.back());
    return true;
  }

 private:
  // Skips white space; the byte a token starts with, or '\0' at the end of the text.
  char TokenStart() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return c;
      ++pos_;
    }
    return '\0';
  }

  // Says what and where, as a person looks for it in an editor: line and column (in bytes), both from 1.
  bool Fail(const char* what) {
    const std::string_view before = text_.substr(0, std::min(pos_, text_.size()));
    const std::size_t newline = before.rfind('\n');
    const auto lines = std::count(before.begin(), before.end(), '\n');
    const std::size_t column = newline == std::string_view::npos ? before.size() + 1 : before.size() - newline;
    tree_.error_ = std::string(what) + " at line " + std::to_string(lines + 1) + ", column " + std::to_string(column);
    return false;
  }

  Node& Push(Kind kind) {
    Node n{};
    n.kind = kind;
    scratch_.push_back(n);
    return scratch_.back();
  }

  bool Value(int depth) {
    switch (TokenStart()) {
      case '{':
        return Container(depth + 1, Kind::kObject);
      case '[':
        return Container(depth + 1, Kind::kArray);
      case '"': {
        std::uint32_t index = 0;
        if (!String(index)) return false;
        Push(Kind::kString).first = index;
        return true;
      }
      case 't':
        return Literal("true", Kind::kTrue);
      case 'f':
        return Literal("false", Kind::kFalse);
      case 'n':
        return Literal("null", Kind::kNull);
      case '\0':
        return Fail("unexpected end of the text");
      default:
        if (text_[pos_] == '-' || (text_[pos_] >= '0' && text_[pos_] <= '9')) return Number();
        return Fail("not a JSON value");
    }
  }

  bool Literal(std::string_view word, Kind kind) {
    if (text_.substr(pos_, word.size()) != word) return Fail("not a JSON value");
    pos_ += word.size();
    Push(kind);
    return true;
  }

  // Moves the children gathered on scratch_ since `base` into the tree, as the container's.
  void Close(std::size_t base, Kind kind) {
    const auto first = static_cast<std::uint32_t>(tree_.nodes_.size());
    const auto count = static_cast<std::uint32_t>(scratch_.size() - base);
    tree_.nodes_.insert(tree_.nodes_.end(), scratch_.begin() + static_cast<std::ptrdiff_t>(base), scratch_.end());
    scratch_.resize(base);
    Node& n = Push(kind);
    n.first = first;
    n.count = count;
  }

  // An array or an object from its opening bracket at pos_; an object's members also have a key each.
  bool Container(int depth, Kind kind) {
    if (depth > max_depth_) return tree_.too_deep_ = true, Fail("nested too deep");
    const bool object = kind == Kind::kObject;
    const char close = object ? '}' : ']';
    ++pos_;  // '{' or '['
    const std::size_t base = scratch_.size();
    if (TokenStart() == close) {
      ++pos_;
      Close(base, kind);
      return true;
    }
    for (;;) {
      std::uint32_t key = 0;
      if (object) {
        if (TokenStart() != '"') return Fail("expected a member's name");
        if (!String(key)) return false;
        if (TokenStart() != ':') return Fail("expected ':'");
        ++pos_;
      }
      if (!Value(depth)) return false;
      scratch_.back().key = key;  // 0 and unused in an array
      const char c = TokenStart();
      ++pos_;
      if (c == close) break;
      if (c != ',') return --pos_, Fail(object ? "expected ',' or '}'" : "expected ',' or ']'");
    }
    if (object) KeyOrder(base);
    Close(base, kind);
    return true;
  }

  // Sorts the members gathered since `base` by key (stably) and keeps the last of equal keys: nlohmann's
  // object is a std::map that each repeated key overwrites.
  void KeyOrder(std::size_t base) {
    const auto first = scratch_.begin() + static_cast<std::ptrdiff_t>(base);
    const auto by_key = [this](const Node& a, const Node& b) { return tree_.strings_[a.key] < tree_.strings_[b.key]; };
    if (std::is_sorted(first, scratch_.end(), by_key)) {
      // Already in order (knowledge bases mostly are); still drop repeated keys below.
    } else if (scratch_.end() - first <= 32) {
      for (auto i = first + 1; i < scratch_.end(); ++i) {  // insertion sort: stable, no allocation
        const Node moving = *i;
        auto j = i;
        for (; j > first && by_key(moving, *(j - 1)); --j) *j = *(j - 1);
        *j = moving;
      }
    } else {
      std::stable_sort(first, scratch_.end(), by_key);
    }
    auto out = first;
    for (auto i = first; i < scratch_.end(); ++i) {
      if (i + 1 < scratch_.end() && tree_.strings_[i->key] == tree_.strings_[(i + 1)->key]) continue;
      *out++ = *i;
    }
    scratch_.erase(out, scratch_.end());
  }

  // A string from the opening quote at pos_; its index in strings_.
  bool String(std::uint32_t& index) {
    const std::size_t begin = ++pos_;
    std::string* owned = nullptr;  // made at the first escape: before it, the text itself is the string
    std::size_t copied = begin;    // text before this is in `owned`
    for (;;) {
      while (pos_ + 8 <= text_.size() && AllPlainJson(LoadEight(text_.data() + pos_))) pos_ += 8;
      if (pos_ >= text_.size()) return Fail("a string that does not end");
      const auto c = static_cast<unsigned char>(text_[pos_]);
      if (c == '"') break;
      if (c < 0x20) return Fail("a control character in a string (it must be escaped)");
      if (c < 0x80 && c != '\\') {
        ++pos_;
        continue;
      }
      if (c >= 0x80) {
        if (!Utf8Sequence()) return false;
        continue;
      }
      if (!owned) owned = &tree_.owned_.emplace_back();
      owned->append(text_.data() + copied, pos_ - copied);
      if (!Escape(*owned)) return false;
      copied = pos_;
    }
    std::string_view value = text_.substr(begin, pos_ - begin);
    if (owned) {
      owned->append(text_.data() + copied, pos_ - copied);
      value = *owned;
    }
    ++pos_;  // the closing quote
    index = static_cast<std::uint32_t>(tree_.strings_.size());
    tree_.strings_.push_back(value);
    return true;
  }

  // One UTF-8 sequence at pos_ (its lead byte is 0x80 or above), checked as RFC 3629 allows: no overlong
  // forms, no surrogates, nothing above U+10FFFF.
  bool Utf8Sequence() {
    const auto at = [this](std::size_t k) -> unsigned char {
      return pos_ + k < text_.size() ? static_cast<unsigned char>(text_[pos_ + k]) : 0;
    };
    const unsigned char lead = at(0);
    unsigned char low = 0x80, high = 0xBF;  // the second byte's range
    std::size_t length = 0;
    if (lead >= 0xC2 && lead <= 0xDF)
      length = 2;
    else if (lead == 0xE0)
      length = 3, low = 0xA0;
    else if (lead == 0xED)
      length = 3, high = 0x9F;
    else if (lead >= 0xE1 && lead <= 0xEF)
      length = 3;
    else if (lead == 0xF0)
      length = 4, low = 0x90;
    else if (lead == 0xF4)
      length = 4, high = 0x8F;
    else if (lead >= 0xF1 && lead <= 0xF3)
      length = 4;
    else
      return Fail("a string that is not UTF-8");
    if (at(1) < low || at(1) > high) return Fail("a string that is not UTF-8");
    for (std::size_t k = 2; k < length; ++k) {
      if (at(k) < 0x80 || at(k) > 0xBF) return Fail("a string that is not UTF-8");
    }
    pos_ += length;
    return true;
  }

  // Four hex digits after "\u" at pos_; -1 when they are not.
  long Hex4() {
    if (pos_ + 4 > text_.size()) return -1;
    long value = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      const char h = text_[pos_ + k];
      int digit = -1;
      if (h >= '0' && h <= '9')
        digit = h - '0';
      else if (h >= 'a' && h <= 'f')
        digit = h - 'a' + 10;
      else if (h >= 'A' && h <= 'F')
        digit = h - 'A' + 10;
      if (digit < 0) return -1;
      value = value * 16 + digit;
    }
    pos_ += 4;
    return value;
  }

  // An escape at pos_ (a backslash), appended to `out` unescaped.
  bool Escape(std::string& out) {
    ++pos_;
    if (pos_ >= text_.size()) return Fail("a string that does not end");
    const char e = text_[pos_++];
    switch (e) {
      case '"':
        out += '"';
        return true;
      case '\\':
        out += '\\';
        return true;
      case '/':
        out += '/';
        return true;
      case 'b':
        out += '\b';
        return true;
      case 'f':
        out += '\f';
        return true;
      case 'n':
        out += '\n';
        return true;
      case 'r':
        out += '\r';
        return true;
      case 't':
        out += '\t';
        return true;
      case 'u':
        break;
      default:
        return --pos_, Fail("an unknown escape in a string");
    }
    long code = Hex4();
    if (code < 0) return Fail("\\u not followed by four hex digits");
    if (code >= 0xDC00 && code <= 0xDFFF) return Fail("a low surrogate without a high one");
    if (code >= 0xD800 && code <= 0xDBFF) {
      if (text_.substr(pos_, 2) != "\\u") return Fail("a high surrogate without a low one");
      pos_ += 2;
      const long low = Hex4();
      if (low < 0) return Fail("\\u not followed by four hex digits");
      if (low < 0xDC00 || low > 0xDFFF) return Fail("a high surrogate without a low one");
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
    }
    AppendUtf8(out, static_cast<std::uint32_t>(code));
    return true;
  }

  static void AppendUtf8(std::string& out, std::uint32_t code) {
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xC0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (code >> 18));
      out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
  }

  bool Digits() {
    const std::size_t start = pos_;
    while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
    return pos_ > start;
  }

  // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?; a whole number that fits 64 bits is an integer, anything
  // else a double that must be finite.
  bool Number() {
    const std::size_t begin = pos_;
    const bool negative = text_[pos_] == '-';
    if (negative) ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '0') {
      ++pos_;
    } else if (!Digits()) {
      return Fail("a number without digits");
    }
    bool whole = true;
    if (pos_ < text_.size() && text_[pos_] == '.') {
      ++pos_;
      if (!Digits()) return Fail("a number without digits after '.'");
      whole = false;
    }
    if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
      if (!Digits()) return Fail("a number without digits in its exponent");
      whole = false;
    }
    const std::string_view token = text_.substr(begin, pos_ - begin);
    if (whole) {
      std::uint64_t magnitude = 0;
      bool overflow = false;
      for (char d : token.substr(negative ? 1 : 0)) {
        const auto digit = static_cast<std::uint64_t>(d - '0');
        if (magnitude > (std::numeric_limits<std::uint64_t>::max() - digit) / 10) {
          overflow = true;
          break;
        }
        magnitude = magnitude * 10 + digit;
      }
      constexpr auto kMax = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
      if (!overflow && negative && magnitude <= kMax + 1) {
        Push(Kind::kInteger).integer =
            magnitude == kMax + 1 ? std::numeric_limits<std::int64_t>::min() : -static_cast<std::int64_t>(magnitude);
        return true;
      }
      if (!overflow && !negative) {
        if (magnitude <= kMax)
          Push(Kind::kInteger).integer = static_cast<std::int64_t>(magnitude);
        else
          Push(Kind::kUnsigned).unsigned_integer = magnitude;
        return true;
      }
      // Too large for 64 bits: a double, as nlohmann reads it.
    }
    const std::string copy(token);  // strtod needs the end marked
    const double value = std::strtod(copy.c_str(), nullptr);
    if (!std::isfinite(value)) return pos_ = begin, Fail("number overflow (too large for a double)");
    Push(Kind::kNumber).number = value;
    return true;
  }

  JsonTree& tree_;
  std::string_view text_;
  int max_depth_;
  std::size_t pos_ = 0;
  std::vector<Node> scratch_;  // the values of the containers being read, innermost last
};

bool JsonTree::Parse(std::string_view text, int max_depth) {
  nodes_.clear();
  strings_.clear();
  owned_.clear();
  error_.clear();
  too_deep_ = false;
  // Nodes and strings are counted in 32 bits; a text this large is refused before it gets here.
  if (text.size() >= std::numeric_limits<std::uint32_t>::max() / 2) {
    error_ = "a text too large to read";
    return false;
  }
  nodes_.reserve(text.size() / 16);
  return Parser(*this, text, max_depth).Run();
}

}  // namespace conndiag
