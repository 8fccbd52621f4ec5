// Reading a log into a LogClassifier: one thread, or two, the second reading, decoding and judging lines
// ahead while the first gathers and classifies events.
#pragma once

#include <cstdio>
#include <functional>
#include <optional>
#include <string>

#include "conndiag/log_events.h"
#include "input.h"

namespace conndiag::cli {

enum class LogThreads {
  kOne,  // everything on the calling thread
  kTwo,  // a second thread reads and decodes the input and works out each piece's LineVerdicts ahead
};

// How many processors this process may run on: those its affinity allows on Linux (taskset, a container's
// cpuset), else the machine's hardware threads; 0 when unknown.
std::size_t UsableProcessors();

// What --threads asks for (1, 2, or 0 when not given) where it can be had: kTwo when asked for, or when
// not asked and a second thread can run beside this one (UsableProcessors() >= 2); else kOne. The
// command compiled for Node has no threads: always kOne.
LogThreads ChooseLogThreads(std::size_t asked);

// Reads `in` to its end into `log` (as ForEachChunk pieces it). The events `log` lists afterwards are
// the same whatever `threads`. Returns nullopt, or the input's error (earlier pieces were read into `log`,
// as with one thread). `on_progress` and `notes` are as ForEachChunk's; with kTwo, `on_progress` runs on
// the second thread and `notes` is written before this returns.
std::optional<std::string> ReadLog(std::FILE* in, LogClassifier& log, LogThreads threads,
                                   const std::function<void(std::size_t)>& on_progress, InputNotes* notes = nullptr);

}  // namespace conndiag::cli
