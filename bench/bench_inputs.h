// Benchmark inputs: realistic pastes of a given size, and a generated connector log with realistic noise.
#pragma once

#include <cstddef>
#include <string>

namespace conndiag::bench {

// A pasted connector error (message, JSON payload, stack trace) of about `bytes` bytes.
std::string Paste(std::size_t bytes);

// A log of about `bytes` bytes: mostly lines that match nothing (INFO lines, access logs, other
// exceptions), with connector errors from the table about every `error_every` lines. Deterministic.
std::string GenerateLog(std::size_t bytes, std::size_t error_every = 50);

// The worst log for memory: `events` distinct matching events of about `event_bytes` each (a known error
// line followed by a unique continuation of words), so nothing merges. Deterministic.
std::string DistinctEventsLog(std::size_t events, std::size_t event_bytes);

// Event number `e` of that log alone (the log is these, e = 0, 1, ...): lets a reader be fed the log
// without the whole log ever being in memory.
std::string DistinctEvent(std::size_t e, std::size_t event_bytes);

}  // namespace conndiag::bench
