// The built-in knowledge base (data/kb.json), compiled into the conndiag::default_kb library.
#pragma once

#include <string_view>

namespace conndiag {

// The JSON text of data/kb.json as it was at build time.
std::string_view DefaultKnowledgeBase();

}  // namespace conndiag
