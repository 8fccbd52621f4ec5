// Text from the input (or a custom knowledge base) made safe to print on a terminal.
#pragma once

#include <string>
#include <string_view>

namespace conndiag::cli {

// Control characters (C0, DEL, C1), Unicode bidirectional overrides and invalid UTF-8 bytes written as
// visible escapes ("\x1b", "\u202e"), so a pasted log line cannot set the terminal's title, clear the
// screen, colour the output or reorder what is shown. Everything else passes unchanged.
std::string Printable(std::string_view text);

}  // namespace conndiag::cli
