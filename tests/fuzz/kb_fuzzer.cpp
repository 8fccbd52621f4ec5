// libFuzzer target: the knowledge-base loader on arbitrary bytes must return a value or a precise error,
// never crash; a knowledge base that loads must classify its own messages without crashing.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "conndiag/classifier.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view json(reinterpret_cast<const char*>(data), size);
  auto loaded = conndiag::Classifier::FromJson(json);
  if (!loaded.ok()) {
    if (loaded.error().message.empty()) std::abort();  // every refusal says why
    return 0;
  }
  const auto& c = loaded.value();
  for (const auto& e : c.knowledge_base().entries) {
    for (const auto& [lang, message] : e.message) (void)c.Classify(message, conndiag::Options{});
  }
  return 0;
}
