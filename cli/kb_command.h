// `conndiag kb ...`: the knowledge-base maintenance commands: `kb check FILE`, `kb explain TEXT`.
#pragma once

#include <string_view>

namespace conndiag::cli {

// Runs `conndiag kb ARGS...` (argv[0] is "conndiag", argv[1] "kb"); `built_in` is the built-in knowledge
// base, the one an extending file extends. Returns the exit status: 0 valid, 2 invalid or a usage error.
int RunKbCommand(int argc, const char* const* argv, std::string_view built_in);

// The `conndiag kb` usage text.
const char* KbUsageText();

}  // namespace conndiag::cli
