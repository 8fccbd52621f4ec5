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
void PrintLogSummary(std::FILE* out, const KnowledgeBase& kb, const std::vector<LogEvent>& events,
                     std::size_t lines, const std::vector<std::string>& warnings, const Style& style);

}  // namespace conndiag::cli
