// What a Classifier holds (internal to core): the knowledge base compiled once, shared by classifier.cpp
// (classifying) and classifier_load.cpp (compiling).
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "conndiag/classifier.h"
#include "infer_app.h"
#include "match.h"
#include "multi_literal_matcher.h"
#include "similarity.h"

namespace conndiag {

struct Classifier::Compiled {
  KnowledgeBase kb;
  SignatureSet signatures;
  std::vector<AppClue> clues;
  MultiLiteralMatcher all_literals;  // pattern and clue literals
  // The same by id (for Trace), with what the patterns need around each (a log's raw look checks it).
  LiteralTable::Literals literals;
  std::vector<std::string> load_warnings;
  PatternChecks pattern_checks = PatternChecks::kAtLoad;

  // Every known text, for pastes no signature matches. Built on the first such paste, not at load: it is
  // a quarter of the load's work, and a page's first answer (usually a paste that matches) need not wait.
  const SimilarityIndex& Similarity() const {
    std::call_once(similarity_built, [this] { similarity = SimilarityIndex(kb); });
    return similarity;
  }

 private:
  mutable std::once_flag similarity_built;
  mutable SimilarityIndex similarity;
};

}  // namespace conndiag
