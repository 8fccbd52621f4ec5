// libFuzzer target: the knowledge-base loader on arbitrary bytes must return a value or a precise error,
// never crash; a knowledge base that loads must classify its own messages without crashing. A file that
// extends the built-in knowledge base is merged with it first, as the CLI's --kb and the page's kb-src do.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "conndiag/classifier.h"
#include "conndiag/default_kb.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view json(reinterpret_cast<const char*>(data), size);
  auto loaded = conndiag::Classifier::FromJsonExtending(conndiag::DefaultKnowledgeBase(), json);
  if (!loaded.ok()) {
    if (loaded.error().message.empty()) std::abort();  // every refusal says why
    return 0;
  }
  const auto& c = loaded.value();
  // The last entries' messages: a merged file's own entries come last, and classifying the built-in
  // knowledge base's hundreds for every input would leave the fuzzer no time for anything else.
  const auto& entries = c.knowledge_base().entries;
  for (std::size_t i = entries.size() - std::min<std::size_t>(entries.size(), 16); i < entries.size(); ++i) {
    for (const auto& [lang, message] : entries[i].message) (void)c.Classify(message, conndiag::Options{});
  }
  return 0;
}
