// For the agreement test of the JavaScript benchmarks' reading of a knowledge base: loads the file given as
// it argument as the core does and prints each signature as one JSON line, its patterns as the core will
// compile them (a "status" signature's made from "http_statuses"), its name, sources and weakness.
#include <fstream>
#include <iostream>
#include <sstream>

#include "conndiag/knowledge_base.h"
#include "json_writer.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: kb_signatures_dump KB.json\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  auto kb = conndiag::ParseKnowledgeBase(text.str());
  if (!kb.ok()) {
    std::cerr << kb.error().What() << '\n';
    return 1;
  }
  for (const auto& entry : kb.value().entries) {
    for (const auto& sig : entry.signatures) {
      conndiag::JsonWriter w;
      w.BeginObject();
      w.Key("entry").String(entry.id);
      w.Key("signature").String(sig.id);
      w.Key("name").BeginObject();
      for (const auto& [lang, name] : sig.name) w.Key(lang).String(name);
      w.EndObject();
      for (const auto* list : {&sig.patterns, &sig.hints, &sig.sources}) {
        w.Key(list == &sig.patterns ? "patterns" : list == &sig.hints ? "hints" : "sources").BeginArray();
        for (const auto& s : *list) w.String(s);
        w.EndArray();
      }
      w.Key("weak").Bool(sig.weak);
      w.EndObject();
      std::cout << w.str() << '\n';
    }
  }
  return 0;
}
