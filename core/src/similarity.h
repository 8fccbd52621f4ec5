// Similarity: when no signature matches, the known texts closest to the paste (internal to core).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "conndiag/knowledge_base.h"
#include "rank.h"

namespace conndiag {

// Every text the knowledge base knows (each entry's messages and signature examples), as weighted
// features: words, word pairs, character 4-grams of long words, and exact tokens (codes and numbers,
// which are never matched approximately: AADSTS70008 is not AADSTS70001, 401 is not 403).
class SimilarityIndex {
 public:
  SimilarityIndex() = default;
  explicit SimilarityIndex(const KnowledgeBase& kb);

  // The entries whose known texts the paste contains most of, best first (at most kMaxProposals), each a
  // Candidate with similar = true, its similarity (0..1), spans of the shared words, and the distinctive
  // words it shares with the paste and those it lacks. Empty when nothing is close enough.
  std::vector<Candidate> Closest(const std::string& normalized) const;

  static constexpr std::size_t kMaxProposals = 3;
  // A known text must be at least this much contained in the paste to be proposed.
  static constexpr double kThreshold = 0.5;

 private:
  struct Document {
    std::size_t entry;
    std::vector<std::uint32_t> features;  // sorted, unique
    double weight = 0;                    // sum of the features' weights
    std::vector<std::uint32_t> exact;     // the features that are exact tokens
  };
  std::uint32_t FeatureId(const std::string& feature);

  const KnowledgeBase* kb_ = nullptr;
  std::unordered_map<std::string, std::uint32_t> ids_;
  std::vector<std::string> names_;     // feature id -> feature ("w:token", "b:two words", "c:gram", "x:401")
  std::vector<double> weights_;        // feature id -> inverse document frequency
  std::vector<Document> documents_;
};

}  // namespace conndiag
