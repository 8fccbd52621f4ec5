// A log of varied lines for tests that compare two ways of reading one log: quiet lines with changing ids,
// error lines the knowledge base knows and some it does not, stack traces, blank lines, accents, JSON
// escapes and entities, every kind of line ending, and now and then a line longer than an event may be.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace conndiag::testing {

// At least `bytes` bytes of log, the same for the same seed.
std::string VariedLog(std::uint32_t seed, std::size_t bytes);

}  // namespace conndiag::testing
