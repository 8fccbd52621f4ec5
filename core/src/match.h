// Matching: an entry's signatures compiled once, then run against a normalized text (internal to core).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <boost/regex.hpp>

#include "conndiag/expected.h"
#include "conndiag/knowledge_base.h"
#include "conndiag/normalize.h"

namespace conndiag {

// A regex and the prefilter literals it cannot match without (none: always run it).
struct CompiledPattern {
  boost::regex re;
  std::vector<std::uint32_t> literal_ids;
  std::vector<std::string> prefixes;  // when every match starts with one of these: where searching may begin
  std::string path;                   // JSON pointer, for warnings
};

struct CompiledSignature {
  std::vector<CompiledPattern> patterns;
  std::vector<CompiledPattern> hints;
};

struct CompiledEntry {
  std::vector<CompiledSignature> signatures;
};

// Literal strings in one table, each with one id, shared by patterns and clues.
class LiteralTable {
 public:
  std::uint32_t Id(const std::string& literal);
  const std::vector<std::string>& list() const { return list_; }

 private:
  std::map<std::string, std::uint32_t> ids_;
  std::vector<std::string> list_;
};

// Compiles one pattern, adding its required literals to `table`. Errors name `path`.
Expected<CompiledPattern> CompilePattern(const std::string& source, const std::string& path, LiteralTable& table);

// Compiles every signature of an entry; errors name the pattern's JSON pointer.
Expected<CompiledEntry> CompileEntry(const Entry& entry, LiteralTable& table);

// Whether every pattern of the signature has one of its required literals in the text, so it may match.
// (The literal prefilter is sound per signature: a signature it rules out cannot match.)
bool Possible(const CompiledSignature& signature, const std::vector<std::uint8_t>& found);

// How an entry matched: through which signature, and the normalized ranges its patterns and hints cover.
struct SignatureMatch {
  std::size_t signature = 0;     // index into the entry's signatures
  std::vector<Span> spans;       // ranges its patterns and hints matched
  std::size_t covered = 0;       // normalized bytes in the union of the spans
};

// The entry's signature that explains the most of the text, or nullopt when none matches. Regex work
// that exceeds Boost's limits skips that pattern and adds a warning.
std::optional<SignatureMatch> MatchEntry(const CompiledEntry& entry, const std::string& normalized,
                                         const std::vector<std::uint8_t>& found, std::vector<std::string>& warnings);

// Merges ranges into a sorted list of disjoint ranges.
std::vector<Span> MergeSpans(std::vector<Span> spans);

// Bytes covered by a list of (possibly overlapping) ranges.
std::size_t Covered(const std::vector<Span>& spans);

}  // namespace conndiag
