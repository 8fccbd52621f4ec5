// The bytes of a prepared knowledge base: varints, and texts by reference to the JSON's strings.
#include "prepared_bytes.h"

#include <algorithm>
#include <cstring>
#include <optional>

#include "json_tree.h"

namespace conndiag {
namespace {

// Signed distances as unsigned varints that stay short both ways (0, -1, 1, -2 ... -> 0, 1, 2, 3 ...).
std::uint64_t ZigZag(std::int64_t v) {
  return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
}
std::int64_t UnZigZag(std::uint64_t v) { return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1); }

// The text of a string of `json`; nothing when it is not a string (a corrupt JSON). `tree` unescapes it (the
// core's one JSON reader, quotes included): one tree for many strings keeps what it allocated.
std::optional<std::string> TextOf(std::string_view json, const StringToken& s, JsonTree& tree) {
  if (!s.escaped) return std::string(json.substr(s.offset, s.size));
  if (!tree.Parse(json.substr(s.offset - 1, s.size + 2), 1) || !tree.root().is_string()) return std::nullopt;
  return std::string(tree.root().string());
}

}  // namespace

std::uint64_t TextFingerprint(std::string_view text) {
  // Eight bytes a step (a byte at a time was a sixth of reading a prepared knowledge base), then the rest.
  std::uint64_t hash = 14695981039346656037ull ^ text.size();
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, text.data() + i, 8);
    hash = (hash ^ word) * 0x9E3779B97F4A7C15ull;
    hash ^= hash >> 29;
  }
  for (; i < text.size(); ++i) hash = (hash ^ static_cast<unsigned char>(text[i])) * 1099511628211ull;
  return hash;
}

std::vector<StringToken> StringTokens(std::string_view json) {
  std::vector<StringToken> strings;
  // Quotes and backslashes found with find (memchr): most of the text is between them.
  for (std::size_t open = json.find('"'); open != std::string_view::npos; open = json.find('"', open + 1)) {
    StringToken s;
    s.offset = open + 1;
    std::size_t close = json.find('"', s.offset);
    // A quote after an odd number of backslashes is escaped: part of the string.
    while (close != std::string_view::npos) {
      std::size_t backslashes = 0;
      while (close - backslashes > s.offset && json[close - backslashes - 1] == '\\') ++backslashes;
      if (backslashes % 2 == 0) break;
      close = json.find('"', close + 1);
    }
    if (close == std::string_view::npos) break;  // no closing quote: not a string
    s.size = close - s.offset;
    s.escaped = json.substr(s.offset, s.size).find('\\') != std::string_view::npos;
    strings.push_back(s);
    open = close;
  }
  return strings;
}

PreparedWriter::PreparedWriter(std::string_view json) {
  const auto strings = StringTokens(json);
  JsonTree tree;
  for (std::size_t k = 0; k < strings.size(); ++k) {
    if (auto text = TextOf(json, strings[k], tree)) in_json_[std::move(*text)].push_back(k);
  }
}

void PreparedWriter::Number(std::uint64_t value) {
  while (value >= 0x80) {
    out_.push_back(static_cast<char>(value | 0x80));
    value >>= 7;
  }
  out_.push_back(static_cast<char>(value));
}

// A tag: 1 + 2 * the zigzagged distance from the string referred to last, to the string that has the text
// (the first after it that has, else the last before); 0, the length and the bytes, for a text written out;
// 2 + 2 * k for the k-th text written out, again.
void PreparedWriter::Text(std::string_view text) {
  if (const auto it = in_json_.find(std::string(text)); it != in_json_.end()) {
    const auto& at = it->second;
    const auto after = std::lower_bound(at.begin(), at.end(), last_string_);
    const std::size_t k = after != at.end() ? *after : at.back();
    Number(1 + 2 * ZigZag(static_cast<std::int64_t>(k) - static_cast<std::int64_t>(last_string_)));
    last_string_ = k;
    return;
  }
  const auto [it, added] = written_.try_emplace(std::string(text), written_.size());
  if (!added) return Number(2 + 2 * static_cast<std::uint64_t>(it->second));
  Number(0);
  Number(text.size());
  out_.append(text);
}

bool PreparedReader::Fail(std::string why) {
  if (error_.empty()) error_ = "byte " + std::to_string(at_) + ": " + std::move(why);
  at_ = bytes_.size();
  return false;
}

bool PreparedReader::Number(std::uint64_t& value, std::uint64_t max) {
  if (!error_.empty()) return false;
  value = 0;
  for (unsigned shift = 0; shift < 64; shift += 7) {
    if (at_ >= bytes_.size()) return Fail("cut short");
    const auto byte = static_cast<unsigned char>(bytes_[at_++]);
    value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
    if (!(byte & 0x80)) return value <= max || Fail("a number out of range");
  }
  return Fail("a number longer than 64 bits");
}

bool PreparedReader::Count(std::size_t& count) {
  std::uint64_t n = 0;
  if (!Number(n, bytes_.size() - at_)) return false;
  count = static_cast<std::size_t>(n);
  return true;
}

bool PreparedReader::Text(std::string& text) {
  std::uint64_t tag = 0;
  // A distance is less than the number of strings either way; a repeat names a text written out before.
  const std::uint64_t max_tag = std::max<std::uint64_t>(4 * static_cast<std::uint64_t>(strings_.size()) + 1,
                                                        2 * static_cast<std::uint64_t>(written_.size()));
  if (!Number(tag, max_tag)) return false;
  if (tag == 0) {
    std::uint64_t size = 0;
    if (!Number(size, bytes_.size() - at_)) return Fail("a text cut short");
    written_.push_back(bytes_.substr(at_, size));
    text.assign(written_.back());
    at_ += size;
    return true;
  }
  if (tag % 2 == 0) {
    const std::uint64_t k = (tag - 2) / 2;
    if (k >= written_.size()) return Fail("a text that was not written before");
    text.assign(written_[k]);
    return true;
  }
  const std::int64_t k = static_cast<std::int64_t>(last_string_) + UnZigZag(tag / 2);
  if (k < 0 || static_cast<std::uint64_t>(k) >= strings_.size()) return Fail("a text outside the JSON");
  last_string_ = static_cast<std::size_t>(k);
  auto unescaped = TextOf(json_, strings_[last_string_], unescaper_);
  if (!unescaped) return Fail("a text that is not a string of the JSON");
  text = std::move(*unescaped);
  return true;
}

}  // namespace conndiag
