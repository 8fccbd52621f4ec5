// The default, human-readable output of conndiag: ranked matches with cause, numbered steps and why.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "conndiag/classifier.h"
#include "conndiag/log_events.h"

namespace conndiag::cli {

struct Style {
  bool color = false;  // ANSI colour: only on a terminal, and never when NO_COLOR is set
  std::string lang = "en";
};

void PrintResult(std::FILE* out, const KnowledgeBase& kb, const Result& result, const Style& style);
// What a log held, beside its listed events.
struct LogAccount {
  std::size_t lines = 0;                // in the log
  std::size_t unrecognized_lines = 0;   // error lines nothing recognized (the unlisted ones included)
  std::size_t unrecognized_events = 0;  // distinct ones listed
};

// Recognized and ambiguous events, most frequent first, then the error lines not recognized: how many,
// and the most frequent as samples.
void PrintLogSummary(std::FILE* out, const KnowledgeBase& kb, const std::vector<LogEvent>& events,
                     const LogAccount& account, const std::vector<std::string>& warnings, const Style& style);

// The one line that tells where to report a wrong answer ("Not the right answer? Report it to ADDRESS"), for
// a run without a confident match; the address is escaped like any text from outside.
void PrintReportHint(std::FILE* out, const std::string& address, const Style& style);

}  // namespace conndiag::cli
