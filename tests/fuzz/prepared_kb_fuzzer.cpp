// libFuzzer target: the built-in knowledge base's prepared form (made once, at start, from the knowledge base
// as it is now, so the target follows it as it changes), changed by the input, must load or be refused with a
// reason, never crash; one that loads must classify and trace without crashing, however its ids, counts and
// references were changed. The input is the changes: a cut (its first two bytes: how many bytes of the
// prepared form to keep, as a fraction of 65536; 0 keeps all), then any number of 4-byte edits (3 bytes of
// offset into the prepared form, 1 byte xored there).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "conndiag/classifier.h"
#include "conndiag/default_kb.h"

namespace {

const std::string& Prepared() {
  static const std::string prepared = [] {
    auto made = conndiag::Classifier::Prepare(conndiag::DefaultKnowledgeBase());
    if (!made.ok()) std::abort();
    return made.value();
  }();
  return prepared;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes = Prepared();
  if (size >= 2) {
    const std::size_t keep = static_cast<std::size_t>(data[0] | data[1] << 8);
    if (keep != 0) bytes.resize(bytes.size() * keep / 65536);
  }
  for (std::size_t i = 2; i + 4 <= size && !bytes.empty(); i += 4) {
    const std::size_t at = static_cast<std::size_t>(data[i] | data[i + 1] << 8 | data[i + 2] << 16) % bytes.size();
    bytes[at] = static_cast<char>(static_cast<unsigned char>(bytes[at]) ^ data[i + 3]);
  }
  auto loaded = conndiag::Classifier::FromPrepared(conndiag::DefaultKnowledgeBase(), bytes);
  if (!loaded.ok()) {
    if (loaded.error().message.empty()) std::abort();  // every refusal says why
    return 0;
  }
  const auto& c = loaded.value();
  for (const char* text : {"AADSTS70008: The refresh token has expired due to inactivity.",
                           "BoxAPIException: invalid_grant: Invalid refresh token (box.com)",
                           "HTTP 401 Unauthorized: the remote server returned an error: (401) unauthorized"}) {
    conndiag::Options options;
    options.lang = c.knowledge_base().languages.empty() ? "en" : c.knowledge_base().languages.back();
    if (!c.Validate(options)) (void)c.Classify(text, options);
    (void)c.Trace(text);
  }
  return 0;
}
