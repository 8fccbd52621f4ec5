// Log lines (internal to core): line ends, continuation lines, and the key that merges repeats of an event.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "raw_line_filter.h"

namespace conndiag {

// Whether a line continues the event above it (stack frames, "Caused by:", indented lines).
bool IsContinuationLine(std::string_view line);

// The key under which repeats of an event are merged, from the event's normalized text: without the
// log's leading timestamp/level prefix, with timestamps and GUIDs masked.
std::string RepeatKey(std::string_view normalized);
// KeyHash(RepeatKey(normalized)), without building the key.
std::uint64_t RepeatKeyHash(std::string_view normalized);

// Whether a normalized log event reads as a problem: its log prefix gives a warn, error, fatal, critical
// or severe level, or it gives no level and the text has an error word (error, exception, failed, denied,
// unauthorized, timed out, erreur, echec...). A trace, debug, info or notice line never does. A log's
// account lists every such event, recognized or not.
bool LooksLikeError(std::string_view normalized);

// Literals at least one of which occurs in every normalized line LooksLikeError holds: the error words,
// which include every level word it takes but one, and that one, "err", followed by no letter.
std::vector<RawLineFilter::Literal> ErrorLiterals();

// A 64-bit FNV-1a hash of a key: the same on every platform (the page's wasm and the CLI agree).
std::uint64_t KeyHash(std::string_view key);

// The end of the line starting at `from`: the first '\n' or '\r' at or after it, or text.size().
std::size_t FindLineEnd(std::string_view text, std::size_t from);

}  // namespace conndiag
