// Writes a libFuzzer dictionary built from the built-in knowledge base: every literal the prefilter looks
// for and every app clue (so that mutations reach the regexes behind them instead of stopping at the
// prefilter), and every JSON key of the knowledge-base format (for the knowledge-base fuzzer).
// Usage: kb_dictionary OUT.dict
#include <cstdio>
#include <fstream>
#include <iostream>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "conndiag/default_kb.h"
#include "conndiag/knowledge_base.h"
#include "required_literals.h"

namespace {

// libFuzzer's dictionary syntax: a quoted string with \\, \" and \xNN escapes.
std::string Quoted(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '\\' || c == '"') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c >= 0x7f) {
      char hex[5];
      std::snprintf(hex, sizeof hex, "\\x%02X", c);
      out += hex;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

void Keys(const nlohmann::json& j, std::set<std::string>& out) {
  if (j.is_object()) {
    for (const auto& [key, value] : j.items()) {
      out.insert(key);
      Keys(value, out);
    }
  } else if (j.is_array()) {
    for (const auto& value : j) Keys(value, out);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: kb_dictionary OUT.dict\n";
    return 2;
  }
  auto kb = conndiag::ParseKnowledgeBase(conndiag::DefaultKnowledgeBase());
  if (!kb.ok()) {
    std::cerr << "kb_dictionary: " << kb.error().What() << "\n";
    return 1;
  }
  std::set<std::string> words;
  for (const auto& app : kb.value().apps) words.insert(app.clues.begin(), app.clues.end());
  for (const auto& entry : kb.value().entries) {
    for (const auto& sig : entry.signatures) {
      for (const auto* list : {&sig.patterns, &sig.hints}) {
        for (const auto& pattern : *list) {
          for (const auto& literal : conndiag::AnalyzeLiterals(pattern).literals) words.insert(literal);
        }
      }
    }
  }
  // A knowledge base's rows always carry literals: this few means the extraction broke, and the fuzzers
  // would silently lose their guide.
  if (words.size() < 100) {
    std::cerr << "kb_dictionary: only " << words.size() << " literals found in the knowledge base\n";
    return 1;
  }
  std::set<std::string> keys;
  Keys(nlohmann::json::parse(conndiag::DefaultKnowledgeBase()), keys);
  for (const auto& key : keys) words.insert("\"" + key + "\":");
  std::ofstream out(argv[1], std::ios::binary);
  out << "# Built from the knowledge base by kb_dictionary: prefilter literals, app clues, JSON keys.\n";
  for (const auto& w : words) {
    if (!w.empty() && w.size() <= 64) out << Quoted(w) << "\n";  // libFuzzer ignores longer entries
  }
  return out ? 0 : 1;
}
