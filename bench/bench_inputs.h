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

}  // namespace conndiag::bench
