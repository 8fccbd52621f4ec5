// libFuzzer target: log mode on arbitrary bytes (line endings, stack traces, repeats) must not crash, and
// every event must point at lines of the input and keep its text (an unrecognized one has no match).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "conndiag/classifier.h"
#include "conndiag/default_kb.h"
#include "conndiag/log_events.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const conndiag::Classifier c =
      std::move(conndiag::Classifier::FromJson(conndiag::DefaultKnowledgeBase())).value();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::size_t lines = 1;
  for (char ch : text) lines += (ch == '\n' || ch == '\r') ? 1 : 0;
  for (const auto& e : conndiag::ClassifyLog(c, text, conndiag::Options{})) {
    if (e.count == 0 || e.line == 0 || e.line > lines || e.last_line < e.line || e.text.empty()) std::abort();
  }
  return 0;
}
