// Writing a prepared knowledge base (prepared_layout.h): done once, when the page is built (`conndiag kb
// prepare`), so this code is not in the page's module.
#include <string>
#include <unordered_map>
#include <vector>

#include "classifier_compiled.h"
#include "conndiag/classifier.h"
#include "prepared_bytes.h"
#include "prepared_layout.h"

namespace conndiag {
namespace {

using prepared::Fields;

class Out {
 public:
  explicit Out(std::string_view json) : bytes_(json) {}
  std::string Take() { return bytes_.Take(); }

  bool operator()(const std::string& text) { return bytes_.Text(text), true; }
  bool operator()(bool value) { return bytes_.Number(value ? 1 : 0), true; }
  bool operator()(int value) { return bytes_.Number(static_cast<std::uint64_t>(value < 0 ? 0 : value)), true; }
  template <std::unsigned_integral T>
  bool operator()(T value) {
    return bytes_.Number(value), true;
  }
  template <class T>
  bool operator()(const std::vector<T>& items) {
    bytes_.Number(items.size());
    for (const auto& item : items) (*this)(static_cast<const T&>(item));
    return true;
  }
  template <class V>
  bool operator()(const std::map<std::string, V>& items) {
    bytes_.Number(items.size());
    for (const auto& [key, value] : items) (*this)(key), (*this)(value);
    return true;
  }
  template <class T>
  bool operator()(const T& x) requires requires(Out& a, const T& v) {
    Fields(a, v);
  }
  { return Fields(*this, x); }

 private:
  PreparedWriter bytes_;
};

}  // namespace

Expected<std::string> Classifier::Prepare(std::string_view json) {
  // Every regex compiled and checked now: a prepared file's are compiled when first used.
  auto loaded = FromJson(json, PatternChecks::kAtLoad);
  if (!loaded.ok()) return loaded.error();
  const Compiled& c = *loaded.value().compiled_;
  Out out(json);
  for (char ch : prepared::kMagic) out(static_cast<unsigned char>(ch));
  out(prepared::kFormat), out(json.size()), out(TextFingerprint(json));
  out(c.kb);
  out(c.literals.list), out(c.literals.word_starts), out(c.literals.digits_after);
  out(c.signatures.literal_count());

  std::unordered_map<const PatternRegex*, std::uint32_t> index;
  std::vector<const CompiledPattern*> distinct;
  const auto index_of = [&](const CompiledPattern& p) {
    const auto [it, added] = index.try_emplace(p.re.get(), static_cast<std::uint32_t>(distinct.size()));
    if (added) distinct.push_back(&p);
    return it->second;
  };
  std::vector<std::vector<std::uint32_t>> uses;  // per signature: its patterns', then its hints' indexes
  for (const CompiledEntry& entry : c.signatures.entries()) {
    for (const CompiledSignature& sig : entry.signatures) {
      for (const auto* list : {&sig.patterns, &sig.hints}) {
        auto& ids = uses.emplace_back();
        for (const CompiledPattern& p : *list) ids.push_back(index_of(p));
      }
    }
  }
  out(distinct.size());
  for (const CompiledPattern* p : distinct) {
    out(p->re->source()), out(p->plain != nullptr);
    if (p->plain) out(p->plain->alternatives);
    out(p->literal_ids), out(p->also_ids), out(!p->prefixes.empty());
  }
  for (const auto& ids : uses) out(ids);
  std::vector<std::uint32_t> clue_ids;
  for (const AppClue& clue : c.clues) clue_ids.push_back(clue.literal_id);
  out(clue_ids);
  return out.Take();
}

}  // namespace conndiag
