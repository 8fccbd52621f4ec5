// Hard wraps (internal to core): line breaks that cut a word in text copied from a terminal or a mail.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace conndiag {

// Text copied from a fixed-width terminal or a mail client is hard-wrapped: every full line has the same
// width and a word may be cut in two ("GoogleJsonRespo" / "nseException"). Returns the positions of the
// line breaks that cut a word that way, to be dropped; empty for text that is not wrapped like that. A
// text is taken as wrapped when its longest lines (at least 60 characters) occur at least twice.
std::vector<std::size_t> WrapBreaks(std::string_view text);

}  // namespace conndiag
