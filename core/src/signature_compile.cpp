// Compiling signatures: each pattern's regex, checked, with the literals the prefilter needs (the load's
// side of match.h; match.cpp runs what this compiles). Kept apart from matching so that the module can
// build this code for size: see core/CMakeLists.txt.
#include <algorithm>
#include <utility>

#include "match.h"
#include "pattern_safety.h"
#include "required_literals.h"

namespace conndiag {
namespace {

bool HasUppercaseLiteral(const std::string& pattern) {
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\') {
      ++i;  // \D \W \S \B are classes, not literals
    } else if (pattern[i] >= 'A' && pattern[i] <= 'Z') {
      return true;
    }
  }
  return false;
}

}  // namespace

std::uint32_t LiteralTable::Id(const std::string& literal, bool word_start, std::uint8_t digits_after) {
  auto [it, inserted] = ids_.try_emplace(literal, static_cast<std::uint32_t>(list_.size()));
  if (inserted) {
    list_.push_back(literal);
    word_start_.push_back(word_start);
    digits_after_.push_back(digits_after);
  } else {
    word_start_[it->second] = word_start_[it->second] && word_start;
    digits_after_[it->second] = std::min(digits_after_[it->second], digits_after);
  }
  return it->second;
}

const Regex* PatternRegex::Get() const {
  std::call_once(once_, [this] {
    try {
      re_.emplace(source_, Regex::perl);
    } catch (const boost::regex_error& e) {
      error_ = std::string("invalid regular expression: ") + e.what();
    }
    done_ = true;
  });
  return re_ ? &*re_ : nullptr;
}

Expected<CompiledPattern> CompilePattern(const std::string& source, const std::string& path, LiteralTable& table,
                                         PatternChecks checks) {
  if (HasUppercaseLiteral(source)) {
    return Error{path, "patterns match normalized (lowercase) text: write letters in lowercase"};
  }
  CompiledPattern p;
  if (auto plain = PlainPatternOf(source)) p.plain = std::make_shared<const PlainPattern>(std::move(*plain));
  // A plain pattern has no group and no quantifier: nothing in it repeats, so nothing can be unsafe.
  if (!p.plain) {
    if (auto unsafe = UnsafePattern(source)) return Error{path, *unsafe};
  }
  p.path = path;
  p.re = std::make_shared<const PatternRegex>(source);
  if (checks == PatternChecks::kAtLoad) {
    const Regex* re = p.re->Get();
    if (!re) return Error{path, p.re->error()};
    try {
      if (boost::regex_search(std::string(), *re)) {
        return Error{path, "the pattern matches empty text, so it would match every paste"};
      }
    } catch (const std::exception& e) {
      return Error{path, std::string("the pattern cannot be run: ") + e.what()};
    }
  }
  PatternLiterals literals = p.plain ? PlainPatternLiterals(*p.plain) : AnalyzeLiterals(source);
  for (std::size_t k = 0; k < literals.literals.size(); ++k) {
    p.literal_ids.push_back(table.Id(literals.literals[k], literals.word_start, literals.digits_after[k]));
  }
  for (const auto& set : literals.also) {
    // No promise about what surrounds them: these literals may sit outside the match.
    auto& ids = p.also_ids.emplace_back();
    for (const auto& literal : set) ids.push_back(table.Id(literal, false, 0));
  }
  if (literals.prefix) {
    for (std::string& literal : literals.literals) p.prefixes.push_back(SearchFor(std::move(literal)));
  }
  return p;
}

Expected<CompiledPattern> PatternCache::Compile(const std::string& source, const std::string& path,
                                                LiteralTable& table) {
  if (auto it = compiled_.find(source); it != compiled_.end()) {
    CompiledPattern p = it->second;
    p.path = path;
    return p;
  }
  auto p = CompilePattern(source, path, table, checks_);
  if (p.ok()) compiled_.emplace(source, p.value());
  return p;
}

std::string PatternPath(const Signature& signature, std::size_t k) {
  // A status signature's first pattern is made from "http_statuses" for its "status"; its own follow.
  if (signature.status == 0) return signature.path + "/patterns/" + std::to_string(k);
  return k == 0 ? signature.path + "/status" : signature.path + "/patterns/" + std::to_string(k - 1);
}

std::string HintPath(const Signature& signature, std::size_t k) {
  return signature.path + "/hints/" + std::to_string(k);
}

Expected<CompiledEntry> CompileEntry(const Entry& entry, LiteralTable& table, PatternCache& cache) {
  CompiledEntry ce;
  for (const Signature& sig : entry.signatures) {
    CompiledSignature cs;
    cs.weak = sig.weak;
    for (std::size_t k = 0; k < sig.patterns.size(); ++k) {
      auto p = cache.Compile(sig.patterns[k], PatternPath(sig, k), table);
      if (!p.ok() && k == 0 && sig.status != 0) {
        // Refused where the status is used; what to mend is in "http_statuses" (maybe in a portal file).
        const std::string status = std::to_string(sig.status);
        return Error{p.error().path, p.error().message + " (made from the wordings of /http_statuses/statuses/" +
                                         status + " and /http_statuses/before_number)"};
      }
      if (!p.ok()) return p.error();
      cs.patterns.push_back(std::move(p).value());
    }
    for (std::size_t k = 0; k < sig.hints.size(); ++k) {
      auto p = cache.Compile(sig.hints[k], HintPath(sig, k), table);
      if (!p.ok()) return p.error();
      cs.hints.push_back(std::move(p).value());
    }
    ce.signatures.push_back(std::move(cs));
  }
  return ce;
}

Expected<SignatureSet> SignatureSet::Compile(const KnowledgeBase& kb, LiteralTable& table, PatternChecks checks) {
  std::vector<CompiledEntry> entries;
  PatternCache cache(checks);
  for (const Entry& e : kb.entries) {
    auto compiled = CompileEntry(e, table, cache);
    if (!compiled.ok()) return compiled.error();
    entries.push_back(std::move(compiled).value());
  }
  return FromEntries(std::move(entries), table.list().size());
}

SignatureSet SignatureSet::FromEntries(std::vector<CompiledEntry> entries, std::size_t literal_count) {
  SignatureSet set;
  set.entries_ = std::move(entries);
  set.by_literal_.resize(literal_count);
  set.needed_ = std::vector<std::uint8_t>(literal_count, 0);
  for (std::size_t i = 0; i < set.entries_.size(); ++i) {
    const auto& signatures = set.entries_[i].signatures;
    bool unfiltered = false;
    for (std::size_t s = 0; s < signatures.size(); ++s) {
      // A signature none of whose patterns needs a literal is possible whatever the text: its entry is
      // always looked at (an empty list means a pattern that always runs, and is not indexed).
      unfiltered = unfiltered || std::none_of(signatures[s].patterns.begin(), signatures[s].patterns.end(),
                                              [](const CompiledPattern& p) { return !p.literal_ids.empty(); });
      // A signature is indexed under one literal of each pattern; a pattern without a provable literal
      // must always run, so then no text can be ruled out.
      for (const auto& p : signatures[s].patterns) {
        if (p.literal_ids.empty()) set.some_unfiltered_ = true;
        for (std::uint32_t id : p.literal_ids) {
          set.by_literal_[id].push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(s)});
          set.needed_[id] = 1;
        }
        for (const auto& ids : p.also_ids) {
          for (std::uint32_t id : ids) set.needed_[id] = 1;
        }
      }
    }
    if (unfiltered) set.unfiltered_entries_.push_back(static_cast<std::uint32_t>(i));
  }
  return set;
}

}  // namespace conndiag
