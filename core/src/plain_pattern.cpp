// Plain patterns: literal text, or literal texts joined by |, found with string search (see plain_pattern.h).
#include "plain_pattern.h"

namespace conndiag {
namespace {

// Characters that mean something to the regex engine when not escaped.
bool IsSyntax(char c) {
  static constexpr std::string_view kSyntax = "\\[](){}.*+?|^$";
  return kSyntax.find(c) != std::string_view::npos;
}

// Characters that stand for themselves when escaped. Not letters or digits (\d, \w, \1 are not literal),
// nor ' ` < > (Boost reads \' \` \< \> as the buffer's end and start and a word's start and end).
bool IsEscapedLiteral(char c) {
  static constexpr std::string_view kLiteral = ".-/:\"[](){}*+?|^$\\#,=&%@!;~ ";
  return kLiteral.find(c) != std::string_view::npos;
}

bool IsWordByte(std::string_view text, std::size_t at) {
  if (at >= text.size()) return false;
  const char c = text[at];
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Whether \b holds at `at`: a word character on one side only (before the text's start: none).
bool IsBoundary(std::string_view text, std::size_t at) {
  return (at > 0 && IsWordByte(text, at - 1)) != IsWordByte(text, at);
}

bool FitsAt(const PlainPattern::Alternative& a, std::string_view text, std::size_t at) {
  return (!a.boundary_before || IsBoundary(text, at)) &&
         (!a.boundary_after || IsBoundary(text, at + a.literal.text.size()));
}

}  // namespace

std::optional<PlainPattern> PlainPatternOf(std::string_view pattern) {
  PlainPattern plain;
  PlainPattern::Alternative current;
  std::string text;  // the current alternative's
  for (std::size_t i = 0; i <= pattern.size(); ++i) {
    if (i == pattern.size() || pattern[i] == '|') {
      if (text.empty()) return std::nullopt;  // an empty alternative matches everywhere
      current.literal = SearchFor(std::move(text));
      plain.alternatives.push_back(std::move(current));
      current = {};
      text.clear();
      continue;
    }
    const char c = pattern[i];
    if (c != '\\') {
      if (IsSyntax(c)) return std::nullopt;
      text += c;
      continue;
    }
    if (i + 1 == pattern.size()) return std::nullopt;
    const char escaped = pattern[++i];
    if (escaped == 'b') {
      const bool at_start = text.empty() && !current.boundary_before;
      const bool at_end = !text.empty() && (i + 1 == pattern.size() || pattern[i + 1] == '|');
      if (at_start) {
        current.boundary_before = true;
      } else if (at_end) {
        current.boundary_after = true;
      } else {
        return std::nullopt;
      }
    } else if (IsEscapedLiteral(escaped)) {
      text += escaped;
    } else {
      return std::nullopt;
    }
  }
  return plain;
}

std::optional<Span> FindPlain(const PlainPattern& pattern, std::string_view text, std::size_t from) {
  std::optional<Span> best;
  for (const PlainPattern::Alternative& a : pattern.alternatives) {
    // An earlier alternative found at the same place wins: only a strictly earlier match replaces it.
    // Searched only where it could begin before the best so far.
    const std::size_t length = a.literal.text.size();
    const std::string_view before = best ? text.substr(0, best->begin + length - 1) : text;
    for (std::size_t at = Find(before, a.literal, from); at != std::string_view::npos;
         at = Find(before, a.literal, at + 1)) {
      if (FitsAt(a, text, at)) {
        best = Span{at, at + length};
        break;
      }
    }
  }
  return best;
}

}  // namespace conndiag
