// Normalization: turns a pasted error into the one canonical form that knowledge-base patterns match.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace conndiag {

// A byte range [begin, end) of some text.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  friend bool operator==(const Span&, const Span&) = default;
};

// The normalized form of a text, and (optionally) where each of its bytes came from.
struct NormalizedText {
  std::string text;
  // For normalized byte i: the original bytes [source_begin[i], source_end[i]) it stands for.
  // Empty when Normalize was asked not to keep offsets.
  std::vector<std::uint32_t> source_begin;
  std::vector<std::uint32_t> source_end;

  bool has_offsets() const { return source_begin.size() == text.size(); }
  // Maps a non-empty normalized range back to the original text. Requires has_offsets().
  Span ToSource(Span normalized) const;
};

// Canonical form, so that one pattern matches what people really paste:
// - ASCII letters lowercased; Latin accents folded (é -> e, ç -> c, œ -> oe): French renderings match,
//   composed (NFC) or decomposed (NFD: e + U+0301) alike, since combining marks are dropped;
// - curly quotes, guillemets and primes become ' or "; dashes become -; the ellipsis becomes ...;
// - JSON escapes undone (\" \/ \n \t \uXXXX, doubled backslashes), as in logs that quote JSON;
// - HTML and XML entities decoded (&quot; &#39; &#x27; &amp; &eacute;..., also escaped twice), as in
//   text copied from a web page or a mail, and in SOAP bodies;
// - in hard-wrapped text (copied from a fixed-width terminal or a mail: the longest lines, of 60 characters
//   or more, share one width), a line break between two letters of a full line is dropped, so a word cut
//   in two reads whole again;
// - every run of white space (NBSP, narrow NBSP, tabs, newlines) becomes one space, none at the ends,
//   and none around ':' (French typography puts a space before it; JSON may put one after);
// - control characters and ill-formed UTF-8 (each maximal subpart, as in utf8.h) become a space;
//   zero-width characters disappear.
// keep_offsets=false skips the offset tables (the cheap pass used to prefilter log lines).
NormalizedText Normalize(std::string_view text, bool keep_offsets = true);

// The same, into `out` (cleared first), reusing its memory: for callers that normalize many lines.
void Normalize(std::string_view text, NormalizedText& out, bool keep_offsets);

}  // namespace conndiag
