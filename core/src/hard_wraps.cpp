// Hard wraps: finds the line breaks of a fixed-width text that cut a word in two, for normalization to drop.
#include "hard_wraps.h"

#include <algorithm>

namespace conndiag {
namespace {

bool WordChar(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

}  // namespace

std::vector<std::size_t> WrapBreaks(std::string_view text) {
  constexpr std::size_t kMinWidth = 60;
  constexpr std::size_t kMaxScanned = 1u << 20;  // a log, not a paste: its lines are what they are
  if (text.size() > kMaxScanned || text.find('\n') == std::string_view::npos) return {};
  struct Line {
    std::size_t end;    // position of its '\n' (or of the '\r' before it)
    std::size_t width;  // in characters
  };
  std::vector<Line> lines;
  std::size_t width = 0, widest = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      const std::size_t end = i > 0 && text[i - 1] == '\r' ? i - 1 : i;
      lines.push_back({end, width});
      widest = std::max(widest, width);
      width = 0;
    } else if (c != '\r' && (c & 0xC0) != 0x80) {
      ++width;  // a character's first byte (a bad byte counts as one too: a width, not a decoding)
    }
  }
  if (widest < kMinWidth) return {};
  const auto full = std::count_if(lines.begin(), lines.end(), [&](const Line& l) { return l.width == widest; });
  if (full < 2) return {};
  std::vector<std::size_t> breaks;
  for (const Line& l : lines) {
    const std::size_t next = text[l.end] == '\r' ? l.end + 2 : l.end + 1;
    if (l.width == widest && l.end > 0 && next < text.size() &&
        WordChar(static_cast<unsigned char>(text[l.end - 1])) && WordChar(static_cast<unsigned char>(text[next]))) {
      breaks.push_back(l.end);
    }
  }
  return breaks;
}

}  // namespace conndiag
