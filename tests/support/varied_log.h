// A log of varied lines for tests that compare two ways of reading one log: quiet lines with changing ids,
// error lines the knowledge base knows and some it does not, stack traces, blank lines, accents, JSON
// escapes and entities, every kind of line ending, and now and then a line longer than an event may be.
// And the check that the two readings listed the same events.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "conndiag/log_events.h"

namespace conndiag::testing {

// At least `bytes` bytes of log, the same for the same seed.
std::string VariedLog(std::uint32_t seed, std::size_t bytes);

// Checks (Catch2) that two readings of a log listed the same events: lines, counts, texts, statuses and
// best matches.
void CheckSameEvents(const std::vector<LogEvent>& first, const std::vector<LogEvent>& second);

}  // namespace conndiag::testing
