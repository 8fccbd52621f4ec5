// Reading the CLI's input: encodings (UTF-8, UTF-8/UTF-16 with BOM), binary refusal, size limits, lines.
#pragma once

#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace conndiag::cli {

// Turns raw input bytes into UTF-8, chunk by chunk. Detects a UTF-8 BOM (dropped), UTF-16 LE/BE by BOM
// or by the NUL pattern of ASCII text, and refuses binary input (NUL bytes in plain 8-bit text).
class InputDecoder {
 public:
  // Appends the UTF-8 of `bytes` to `out`. Returns an error message for binary input.
  std::optional<std::string> Feed(std::string_view bytes, std::string& out);
  // Ends the input: flushes what was held back (a short input, an odd byte, a lone surrogate).
  std::optional<std::string> Finish(std::string& out);

 private:
  enum class Encoding { kUnknown, kUtf8, kUtf16Le, kUtf16Be };
  void DecodeUtf16(std::string_view bytes, std::string& out);

  Encoding encoding_ = Encoding::kUnknown;
  std::size_t checked_ = 0;      // bytes of UTF-8 input checked for NUL so far
  std::string carry_;            // an odd trailing byte of UTF-16 input
  char16_t high_surrogate_ = 0;  // a high surrogate waiting for its pair
};

// Opens `path` ("-" is standard input). Returns nullptr and sets `error` when it cannot.
std::FILE* OpenInput(const std::string& path, std::string& error);

// Reads a whole input of at most `limit` decoded bytes. Returns the text, or an error message.
std::optional<std::string> ReadAll(std::FILE* in, std::size_t limit, std::string& text);

// Streams an input line by line in bounded memory: lines longer than `max_line` are cut to it.
// Lines end at LF, CRLF or a lone CR.
// `on_line` gets each line without its ending; `on_progress` the count of raw bytes read so far.
std::optional<std::string> ForEachLine(std::FILE* in, std::size_t max_line,
                                       const std::function<void(std::string_view)>& on_line,
                                       const std::function<void(std::size_t)>& on_progress);

}  // namespace conndiag::cli
