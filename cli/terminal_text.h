// Text from the input (or a custom knowledge base) made safe to print on a terminal.
#pragma once

#include <string>
#include <string_view>

namespace conndiag::cli {

// Control characters (C0, DEL, C1), Unicode bidirectional overrides and invalid UTF-8 bytes written as
// visible escapes ("\x1b", "\u202e"), so a pasted log line cannot set the terminal's title, clear the
// screen, colour the output or reorder what is shown. Everything else passes unchanged.
std::string Printable(std::string_view text);

// The first `max_bytes` of `text`, cut at a character boundary (never inside a UTF-8 sequence).
std::string_view CutAtCharacter(std::string_view text, std::size_t max_bytes);

}  // namespace conndiag::cli
