// The JSON shapes of results (docs/contracts.md): shared by the CLI's --json and the WebAssembly API.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "conndiag/classifier.h"

namespace conndiag {

// How span offsets are counted: UTF-8 bytes (CLI) or UTF-16 code units (JavaScript string indices).
enum class OffsetUnit { kUtf8Bytes, kUtf16Units };

// How characters beyond ASCII are written in strings: as their UTF-8 bytes (CLI), or escaped as \uXXXX (a
// surrogate pair above U+FFFF) so that the JSON text is ASCII. The module's replies are escaped: Node's
// TextDecoder takes 17 us to decode a 6.5 KB reply holding 126 bytes beyond ASCII, and 0.5 us for one with
// none, while JSON.parse reads the escapes at about the same speed.
enum class NonAscii { kUtf8, kEscaped };

// Whether each match carries its row's text, the part that is the same whatever was pasted (cause, fix,
// kind, action, source, row, message, link, reference, and the signature's id, name and sources), or only
// where it is: {..., "spans", "evidence", "row_index": i, "signature_at": [row index, signature index] or
// null, "code", ...}, for a reader that keeps each row's text (RowTextJson) once it has it. The module's
// JavaScript side does: that text was half of a 1 KB paste's reply (3.5 of 6.8 KB), written at every paste
// and parsed again by JSON.parse.
enum class RowText { kInline, kByIndex };

// Compact JSON {"matches": [...], "app_guess": ..., "fields": {...}, "understood": [...], "warnings": [...]},
// keys in that order. `text` is the classified input, needed to convert spans when unit is kUtf16Units.
std::string ResultToJson(const KnowledgeBase& kb, const Result& result, const Options& options, std::string_view text,
                         OffsetUnit unit, NonAscii non_ascii = NonAscii::kUtf8, RowText row_text = RowText::kInline);

// The text of row `row` (an index into kb.entries; std::out_of_range beyond them) in `lang`, as a match with
// RowText::kInline carries it, and each of its signatures: {"cause", "fix", "kind", "action", "source", "row",
// "message", "link", "reference", "signatures": [{"id", "name", "sources"}, ...]}.
std::string RowTextJson(const KnowledgeBase& kb, std::size_t row, const std::string& lang,
                        NonAscii non_ascii = NonAscii::kUtf8);

// How much of a log event is written: all of it (--log --json, the JavaScript API's LogEvent), or what the
// page's log table shows: {"line", "last_line", "count", "status", "text", "matches"}, each match only
// {"id", "app", "app_name", "score", "confident", "cause", "fix"}. A 100 MB log's events were 10 MB of JSON
// that the page's log worker wrote and the page's thread parsed during the read; the table's own part is a
// third of it.
enum class EventDetail { kFull, kLogTable };

// One line of --log --json: {"line", "last_line", "count", "status", "text", "matches", "app_guess", "fields",
// "understood", "warnings"} (with EventDetail::kLogTable, see above).
std::string LogEventToJson(const KnowledgeBase& kb, const LogEvent& event, const Options& options, OffsetUnit unit,
                           NonAscii non_ascii = NonAscii::kUtf8, EventDetail detail = EventDetail::kFull);

}  // namespace conndiag
