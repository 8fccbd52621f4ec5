// Reading a prepared knowledge base (prepared_layout.h) back into a classifier: what a page does at start.
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "classifier_compiled.h"
#include "conndiag/classifier.h"
#include "prepared_bytes.h"
#include "prepared_layout.h"
#include "words.h"

namespace conndiag {
namespace {

using prepared::Fields;

class In {
 public:
  In(std::string_view json, std::string_view bytes) : bytes_(json, bytes) {}
  PreparedReader& bytes() { return bytes_; }

  bool operator()(std::string& text) { return bytes_.Text(text); }
  bool operator()(bool& value) {
    std::uint64_t n = 0;
    return bytes_.Number(n, 1) && ((value = n != 0), true);
  }
  bool operator()(int& value) {
    std::uint64_t n = 0;
    return bytes_.Number(n, std::numeric_limits<int>::max()) && ((value = static_cast<int>(n)), true);
  }
  template <std::unsigned_integral T>
  bool operator()(T& value) {
    std::uint64_t n = 0;
    return bytes_.Number(n, std::numeric_limits<T>::max()) && ((value = static_cast<T>(n)), true);
  }
  // Items are added as they are read: a corrupt count fails at the end of the bytes, having allocated only
  // what was there.
  template <class T>
  bool operator()(std::vector<T>& items) {
    std::size_t count = 0;
    if (!bytes_.Count(count)) return false;
    items.clear();
    for (std::size_t i = 0; i < count; ++i) {
      T item{};
      if (!(*this)(item)) return false;
      items.push_back(std::move(item));
    }
    return true;
  }
  template <class V>
  bool operator()(std::map<std::string, V>& items) {
    std::size_t count = 0;
    if (!bytes_.Count(count)) return false;
    items.clear();
    for (std::size_t i = 0; i < count; ++i) {
      std::string key;
      V value{};
      if (!(*this)(key) || !(*this)(value)) return false;
      items.insert_or_assign(std::move(key), std::move(value));
    }
    return true;
  }
  template <class T>
  bool operator()(T& x) requires requires(In& a, T& v) {
    Fields(a, v);
  }
  { return Fields(*this, x); }
  // A list of literal ids, each below `limit`.
  bool Ids(std::vector<std::uint32_t>& ids, std::size_t limit) {
    if (!(*this)(ids)) return false;
    for (std::uint32_t id : ids) {
      if (id >= limit) return bytes_.Fail("a literal id out of range");
    }
    return true;
  }

 private:
  PreparedReader bytes_;
};

// The patterns of a prepared file, each as compiled once; signatures refer to them by index, so that
// patterns written the same share one regex (as a load's PatternCache makes them).
bool ReadPatterns(In& in, const LiteralTable::Literals& literals, std::size_t pattern_literals,
                  std::vector<CompiledPattern>& patterns) {
  std::size_t count = 0;
  if (!in.bytes().Count(count)) return false;
  for (std::size_t i = 0; i < count; ++i) {
    std::string source;
    bool plain = false;
    if (!in(source) || !in(plain)) return false;
    CompiledPattern p;
    if (plain) {
      PlainPattern pattern;
      if (!in(pattern.alternatives)) return false;
      for (const auto& alternative : pattern.alternatives) {
        if (alternative.literal.rare >= alternative.literal.text.size()) {
          return in.bytes().Fail("a plain pattern's literal without its rare byte");
        }
      }
      p.plain = std::make_shared<const PlainPattern>(std::move(pattern));
    }
    std::size_t also_sets = 0;
    if (!in.Ids(p.literal_ids, pattern_literals) || !in.bytes().Count(also_sets)) return false;
    for (std::size_t k = 0; k < also_sets; ++k) {
      if (!in.Ids(p.also_ids.emplace_back(), pattern_literals)) return false;
    }
    bool prefix = false;
    if (!in(prefix)) return false;
    if (prefix) {
      for (std::uint32_t id : p.literal_ids) p.prefixes.push_back(SearchFor(literals.list[id]));
    }
    p.re = std::make_shared<const PatternRegex>(std::move(source));
    patterns.push_back(std::move(p));
  }
  return true;
}

// One signature's patterns or hints: the shared compiled ones its indexes name, each with its own path.
bool ReadUses(In& in, const std::vector<std::string>& sources, const std::vector<CompiledPattern>& patterns,
              const Signature& sig, bool hints, std::vector<CompiledPattern>& uses) {
  std::vector<std::uint32_t> indexes;
  if (!in(indexes)) return false;
  if (indexes.size() != sources.size()) return in.bytes().Fail("a signature's patterns do not match its entry's");
  for (std::size_t k = 0; k < indexes.size(); ++k) {
    if (indexes[k] >= patterns.size() || patterns[indexes[k]].re->source() != sources[k]) {
      return in.bytes().Fail("a signature's pattern is not the one its entry has");
    }
    CompiledPattern p = patterns[indexes[k]];
    p.path = hints ? HintPath(sig, k) : PatternPath(sig, k);
    uses.push_back(std::move(p));
  }
  return true;
}

}  // namespace

Expected<Classifier> Classifier::FromPrepared(std::string_view json, std::string_view prepared) {
  const auto refused = [](std::string why) {
    return Error{"", "the prepared knowledge base cannot be used: " + std::move(why)};
  };
  if (prepared.substr(0, prepared::kMagic.size()) != prepared::kMagic)
    return refused("it is not one (no \"CDKB\" at its start)");
  In in(json, prepared.substr(prepared::kMagic.size()));
  std::uint64_t format = 0, size = 0, fingerprint = 0;
  if (!in.bytes().Number(format, UINT64_MAX) || format != prepared::kFormat) {
    return refused("it was made by another version of conndiag (format " + std::to_string(format) +
                   "; this one reads " + std::to_string(prepared::kFormat) + ")");
  }
  if (!in.bytes().Number(size, UINT64_MAX) || !in.bytes().Number(fingerprint, UINT64_MAX) || size != json.size() ||
      fingerprint != TextFingerprint(json)) {
    return refused("it was made from another knowledge base (the JSON beside it changed since)");
  }
  auto c = std::make_unique<Compiled>();
  std::size_t pattern_literals = 0;
  if (!in(c->kb) || !in(c->literals.list) || !in(c->literals.word_starts) || !in(c->literals.digits_after) ||
      !in(pattern_literals)) {
    return refused(in.bytes().error());
  }
  const std::size_t literal_count = c->literals.list.size();
  if (c->literals.word_starts.size() != literal_count || c->literals.digits_after.size() != literal_count ||
      pattern_literals > literal_count) {
    return refused("its literal table is inconsistent");
  }
  std::vector<CompiledPattern> patterns;
  if (!ReadPatterns(in, c->literals, pattern_literals, patterns)) return refused(in.bytes().error());
  std::vector<CompiledEntry> entries;
  for (const Entry& entry : c->kb.entries) {
    CompiledEntry& compiled = entries.emplace_back();
    for (const Signature& sig : entry.signatures) {
      CompiledSignature& cs = compiled.signatures.emplace_back();
      cs.weak = sig.weak;
      if (!ReadUses(in, sig.patterns, patterns, sig, false, cs.patterns) ||
          !ReadUses(in, sig.hints, patterns, sig, true, cs.hints)) {
        return refused(in.bytes().error());
      }
    }
  }
  std::vector<std::uint32_t> clue_ids;
  if (!in.Ids(clue_ids, literal_count)) return refused(in.bytes().error());
  std::size_t next = 0;
  for (std::size_t a = 0; a < c->kb.apps.size(); ++a) {
    for (const std::string& clue : c->kb.apps[a].clues) {
      // Where a clue is found is read off its literal: it must be the clue itself.
      if (next == clue_ids.size() || c->literals.list[clue_ids[next]] != clue) {
        return refused("its app clues do not match its apps'");
      }
      c->clues.push_back({a, clue_ids[next++], clue});
    }
  }
  if (next != clue_ids.size()) return refused("its app clues do not match its apps'");
  if (!in.bytes().AtEnd()) return refused("bytes left over after its end");
  c->signatures = SignatureSet::FromEntries(std::move(entries), pattern_literals);
  c->all_literals = MultiLiteralMatcher(c->literals.list);
  c->load_warnings = MissingWordWarnings(c->kb.languages);
  c->pattern_checks = PatternChecks::kOnFirstUse;
  return Classifier(std::move(c));
}

}  // namespace conndiag
