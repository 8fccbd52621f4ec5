// libFuzzer target: Classify on arbitrary bytes, with options derived from the input, must not crash,
// hang or break an invariant (spans inside the text, scores in 0..1, at most `top` matches).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "conndiag/classifier.h"
#include "conndiag/default_kb.h"
#include "conndiag/result_json.h"

namespace {
const conndiag::Classifier& Default() {
  static const conndiag::Classifier c = std::move(conndiag::Classifier::FromJson(conndiag::DefaultKnowledgeBase())).value();
  return c;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const char* const kApps[] = {"", "office365", "box", "okta", "exchange", "all"};
  conndiag::Options options;
  if (size > 0) {
    options.app = kApps[data[0] % 6];
    options.lang = (data[0] & 0x40) ? "fr" : "en";
    options.top = 1 + (data[0] >> 7) * 4;
  }
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto result = Default().Classify(text, options);
  if (result.matches.size() > options.top) std::abort();
  for (const auto& m : result.matches) {
    if (m.score < 0 || m.score > 1) std::abort();
    for (const auto& s : m.spans) {
      if (s.begin >= s.end || s.end > size) std::abort();
    }
  }
  (void)conndiag::ResultToJson(Default().knowledge_base(), result, options, text, conndiag::OffsetUnit::kUtf16Units);
  return 0;
}
