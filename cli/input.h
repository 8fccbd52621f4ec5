// Reading the CLI's input: encodings (UTF-8, UTF-16 with or without BOM, Windows-1252), binary refusal,
// size limits, chunks.
#pragma once

#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace conndiag::cli {

// Turns raw input bytes into UTF-8, chunk by chunk. Detects a UTF-8 BOM (dropped), UTF-16 LE/BE by BOM
// or by the NUL pattern of ASCII text, and refuses binary input (NUL bytes in plain 8-bit text). 8-bit
// text whose first non-ASCII bytes are not valid UTF-8 is read as Windows-1252, as Windows tools write
// French text ("é" as the single byte E9); windows1252() then says so.
class InputDecoder {
 public:
  // Appends the UTF-8 of `bytes` to `out` (some bytes may be held back until the next call). Returns an
  // error message for binary input, nullopt otherwise.
  std::optional<std::string> Feed(std::string_view bytes, std::string& out);
  // Ends the input: flushes what was held back (a short input, an odd byte, a lone surrogate).
  std::optional<std::string> Finish(std::string& out);
  // True when the input was read as Windows-1252 because it is not UTF-8.
  bool windows1252() const { return encoding_ == Encoding::kWindows1252; }

 private:
  enum class Encoding { kUnknown, kUtf8, kWindows1252, kUtf16Le, kUtf16Be };
  void DecodeUtf16(std::string_view bytes, std::string& out);
  void DecodeWindows1252(std::string_view bytes, std::string& out);

  Encoding encoding_ = Encoding::kUnknown;
  bool utf8_confirmed_ = false;  // a valid multi-byte UTF-8 sequence was seen: no fallback any more
  std::size_t checked_ = 0;      // bytes of UTF-8 input checked for NUL so far
  std::string carry_;            // an odd trailing byte of UTF-16 input, or a cut UTF-8 sequence
  char16_t high_surrogate_ = 0;  // a high surrogate waiting for its pair
};

// Opens `path` ("-" is standard input). Returns nullptr and sets `error` when it cannot.
std::FILE* OpenInput(const std::string& path, std::string& error);

// What reading found out about the input, for a warning.
struct InputNotes {
  bool windows1252 = false;  // not UTF-8: read as Windows-1252
};

// The warning to show for these notes, or empty.
std::string NotesWarning(const InputNotes& notes);

// Reads a whole input of at most `limit` decoded bytes into `text`. Returns nullopt, or an error message
// that names the input by `what` ("the input", "the knowledge base").
std::optional<std::string> ReadAll(std::FILE* in, std::size_t limit, std::string& text, InputNotes* notes = nullptr,
                                   const char* what = "the input");

// Reads an input to its end in 1 MB reads: each piece of decoded UTF-8 goes to `on_text` (pieces are cut
// anywhere, even inside a line; LogClassifier::AddText joins them), the count of raw bytes read so far to
// `on_progress`. Stops at the first error, from decoding or returned by `on_text`.
std::optional<std::string> ForEachChunk(std::FILE* in,
                                        const std::function<std::optional<std::string>(std::string_view)>& on_text,
                                        const std::function<void(std::size_t)>& on_progress,
                                        InputNotes* notes = nullptr);

}  // namespace conndiag::cli
