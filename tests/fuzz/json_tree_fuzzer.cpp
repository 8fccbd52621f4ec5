// libFuzzer target: the knowledge base's JSON reader against nlohmann's on arbitrary bytes. Both must accept
// the same texts and read the same values from them; a difference aborts with the text as the crash input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <nlohmann/json.hpp>

#include "json_tree.h"
#include "json_tree_as_nlohmann.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // Ours refuses nesting deeper than it is told (nlohmann's reader keeps its own stack): the one difference.
  constexpr int kDepth = 256;
  conndiag::JsonTree tree;
  const bool ours = tree.Parse(text, kDepth);
  if (!ours && tree.too_deep()) return 0;
  const auto theirs = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (ours != !theirs.is_discarded()) std::abort();
  if (!ours && tree.error().empty()) std::abort();  // every refusal says why
  if (ours && conndiag::testing::AsNlohmann(tree.root()).dump() != theirs.dump()) std::abort();
  return 0;
}
