// Test support: the built-in knowledge base, loaded once per test program, and small helpers.
#pragma once

#include <string>

#include "conndiag/classifier.h"

namespace conndiag::testing {

// The classifier over data/kb.json as built in; fails the test program if it does not load.
const Classifier& DefaultClassifier();

// The contents of a file under the source tree ("tests/golden/rows.jsonl").
std::string ReadSourceFile(const std::string& relative_path);

// Ids of the matches of `text`, best first.
std::vector<std::string> Ids(const Result& result);

// Every example and message of a knowledge base, as written (each signature's examples, each entry's messages).
std::vector<std::string> KnowledgeBaseTexts(const KnowledgeBase& kb);

// The error a knowledge base's JSON is refused with (the test fails if it loads).
std::string LoadError(const std::string& kb_json);

}  // namespace conndiag::testing
