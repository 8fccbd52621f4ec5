// Test support: loads the built-in knowledge base once per test program; small helpers.
#include "default_classifier.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include <catch2/catch.hpp>

#include "conndiag/default_kb.h"

namespace conndiag::testing {

const Classifier& DefaultClassifier() {
  static const Classifier classifier = [] {
    auto loaded = Classifier::FromJson(DefaultKnowledgeBase());
    if (!loaded.ok()) throw std::runtime_error("built-in knowledge base: " + loaded.error().What());
    return std::move(loaded).value();
  }();
  return classifier;
}

std::string ReadSourceFile(const std::string& relative_path) {
  std::ifstream in(std::string(CONNDIAG_SOURCE_DIR) + "/" + relative_path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + relative_path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<std::string> Ids(const Result& result) {
  std::vector<std::string> ids;
  for (const auto& m : result.matches) ids.push_back(m.entry->id);
  return ids;
}

std::string LoadError(const std::string& kb_json) {
  auto loaded = Classifier::FromJson(kb_json);
  REQUIRE_FALSE(loaded.ok());
  return loaded.error().What();
}

std::vector<std::string> KnowledgeBaseTexts(const KnowledgeBase& kb) {
  std::vector<std::string> texts;
  for (const Entry& e : kb.entries) {
    for (const auto& [lang, message] : e.message) texts.push_back(message);
    for (const Signature& s : e.signatures) texts.insert(texts.end(), s.examples.begin(), s.examples.end());
  }
  return texts;
}

}  // namespace conndiag::testing
