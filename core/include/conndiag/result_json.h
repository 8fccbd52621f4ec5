// The JSON shapes of results (docs/contracts.md): shared by the CLI's --json and the WebAssembly API.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "conndiag/classifier.h"

namespace conndiag {

// How span offsets are counted: UTF-8 bytes (CLI) or UTF-16 code units (JavaScript string indices).
enum class OffsetUnit { kUtf8Bytes, kUtf16Units };

// Compact JSON {"matches": [...], "app_guess": ..., "fields": {...}, "understood": [...], "warnings": [...]},
// keys in that order. `text` is the classified input, needed to convert spans when unit is kUtf16Units.
std::string ResultToJson(const KnowledgeBase& kb, const Result& result, const Options& options, std::string_view text,
                         OffsetUnit unit);

// One line of --log --json: {"line", "last_line", "count", "status", "text", "matches", "app_guess", "fields",
// "understood", "warnings"}.
std::string LogEventToJson(const KnowledgeBase& kb, const LogEvent& event, const Options& options, OffsetUnit unit);

}  // namespace conndiag
