// The WebAssembly binding: the unchanged core behind a few calls that reply in JSON (load, classify and
// rowText, classifyLog, and logBegin/logFeed/logEnd for a log streamed in pieces; logJudge/logFeedJudged for
// a log two modules share, one judging its lines ahead).
// One call into wasm per classification; no C++ object crosses the boundary, so JS never has to delete().
// Text crosses as UTF-8 bytes through views of the module's memory, both ways: JS writes a call's text into
// the input buffer (TextEncoder.encodeInto, or a Uint8Array's set) and reads each reply with TextDecoder.
// embind's own conversions of std::string walk every byte or character in JavaScript: they were the
// largest cost of a 1 KB paste. Results and log events are written with characters beyond ASCII escaped
// (NonAscii::kEscaped): an ASCII reply is what TextDecoder decodes fastest.
// The knowledge base comes from JS (the page inlines or fetches data/kb.json): JSON compresses far better
// as text beside the page than base64-encoded inside the module.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "conndiag/api_json.h"
#include "conndiag/classifier.h"
#include "conndiag/log_events.h"
#include "conndiag/result_json.h"
#include "conndiag/version.h"

namespace {

// Loaded knowledge bases by handle; JS holds only the integer. They live as long as the module: a page
// loads one (two with a portal overlay), so there is nothing to release.
std::map<int, std::unique_ptr<conndiag::Classifier>>& Registry() {
  static std::map<int, std::unique_ptr<conndiag::Classifier>> registry;
  return registry;
}

std::string Error(const std::string& message) { return conndiag::ErrorReplyJson(message); }

// {"ok": true, "value": <value>}: the value copied once into a reply sized for it (prepending the wrapper
// to it moved all its bytes).
std::string Ok(std::string_view value) {
  constexpr std::string_view kOk = "{\"ok\":true,\"value\":";
  std::string reply;
  reply.reserve(kOk.size() + value.size() + 1);
  return reply.append(kOk).append(value).append(1, '}');
}

// Where JS writes the text of the next call (its length is passed to that call).
std::string& Input() {
  static std::string input;
  return input;
}

// The input buffer, `size` bytes, as a Uint8Array view for JS to write into.
emscripten::val InputBuffer(std::size_t size) {
  Input().resize(size);
  return emscripten::val(emscripten::typed_memory_view(size, reinterpret_cast<unsigned char*>(Input().data())));
}

// The first `size` bytes of the input buffer.
std::string_view InputText(std::size_t size) { return std::string_view(Input()).substr(0, size); }

// Two texts written one after the other into the input buffer: the first `size` bytes and the `next_size`
// bytes after them (a knowledge base and its overlay; a paste and its options, which as an embind string
// were copied into a fresh allocation, twice, at every paste).
std::pair<std::string_view, std::string_view> InputTexts(std::size_t size, std::size_t next_size) {
  const std::string_view input = InputText(size + next_size);
  return {input.substr(0, size), input.substr(std::min(size, input.size()))};
}

// A reply as a Uint8Array view of its UTF-8 bytes. The bytes stay where they are until the next call:
// the caller decodes them at once (api.mjs), before calling again.
emscripten::val Reply(std::string text) {
  static std::string last;
  last = std::move(text);
  return emscripten::val(emscripten::typed_memory_view(last.size(), reinterpret_cast<const unsigned char*>(last.data())));
}

// Keeps a loaded classifier: {"handle": N, "info": {...}, "ok": true, <more>} (`more`: members to add, each
// with its comma before it).
std::string Registered(conndiag::Classifier loaded, const std::string& more = "") {
  static int next_handle = 1;
  const int handle = next_handle++;
  auto classifier = std::make_unique<conndiag::Classifier>(std::move(loaded));
  std::string info = conndiag::KnowledgeBaseInfoJson(*classifier, conndiag::kVersion, conndiag::kGitRevision);
  Registry()[handle] = std::move(classifier);
  return "{\"handle\":" + std::to_string(handle) + ",\"info\":" + info + ",\"ok\":true" + more + "}";
}

// {"ok": true, "handle": N, "info": {...}} or {"ok": false, "error": "/entries/3/patterns/0: ..."}.
// `overlay_json`, when not empty, is a knowledge base that extends `kb_json` (or replaces it).
// `on_first_use`: the caller vouches that `kb_json`'s patterns all compile (the page's own knowledge base);
// an overlay's are always compiled at load.
std::string Load(std::string_view kb_json, std::string_view overlay_json, bool on_first_use) {
  try {
    const auto checks = on_first_use ? conndiag::PatternChecks::kOnFirstUse : conndiag::PatternChecks::kAtLoad;
    auto loaded = overlay_json.empty() ? conndiag::Classifier::FromJson(kb_json, checks)
                                       : conndiag::Classifier::FromJsonExtending(kb_json, overlay_json);
    if (!loaded.ok()) return Error(loaded.error().What());
    return Registered(std::move(loaded).value());
  } catch (const std::exception& e) {
    return Error(std::string("cannot load the knowledge base: ") + e.what());
  }
}

// The page's own knowledge base, from its prepared form (made by `prepare` when the page was built) with
// its JSON beside it. Prepared bytes that cannot be used (made from another JSON: the site's kb.json edited
// since; by another build) are not an error: the JSON is loaded instead, and the reply says why in
// "prepared_refused". Otherwise as Load, with "prepared": true.
std::string LoadPrepared(std::string_view kb_json, std::string_view prepared) {
  try {
    auto loaded = conndiag::Classifier::FromPrepared(kb_json, prepared);
    if (loaded.ok()) return Registered(std::move(loaded).value(), ",\"prepared\":true");
    auto from_json = conndiag::Classifier::FromJson(kb_json, conndiag::PatternChecks::kAtLoad);
    if (!from_json.ok()) return Error(from_json.error().What());
    return Registered(std::move(from_json).value(),
                      ",\"prepared\":false,\"prepared_refused\":" + conndiag::StringJson(loaded.error().What()));
  } catch (const std::exception& e) {
    return Error(std::string("cannot load the knowledge base: ") + e.what());
  }
}

// The options of the last call that had valid ones, parsed and checked: pastes come one after another with
// the same options.
struct CheckedOptions {
  int handle = 0;
  std::string json;
  conndiag::Options options;
};

template <class Fn>
std::string WithClassifier(int handle, std::string_view options_json, Fn&& fn) {
  try {
    auto it = Registry().find(handle);
    if (it == Registry().end()) return Error("no such diagnoser");
    static CheckedOptions last;
    if (last.handle != handle || last.json != options_json) {
      auto options = conndiag::OptionsFromJson(options_json);
      if (!options.ok()) return Error("options: " + options.error().What());
      if (auto invalid = it->second->Validate(options.value())) return Error(invalid->What());
      last = {handle, std::string(options_json), std::move(options).value()};
    }
    return Ok(fn(*it->second, last.options));
  } catch (const std::exception& e) {
    return Error(std::string("internal error: ") + e.what());
  }
}

// A paste's result with each match's row text left out (RowText::kByIndex): api.mjs asks each row's text
// once (RowTextOf below) and keeps it.
std::string Classify(int handle, std::string_view text, std::string_view options_json) {
  return WithClassifier(handle, options_json, [&](const conndiag::Classifier& c, const conndiag::Options& o) {
    return conndiag::ResultToJson(c.knowledge_base(), c.Classify(text, o), o, text, conndiag::OffsetUnit::kUtf16Units,
                                  conndiag::NonAscii::kEscaped, conndiag::RowText::kByIndex);
  });
}

// The text of row `row` in the options' language (RowTextJson).
std::string RowTextOf(int handle, std::size_t row, std::string_view options_json) {
  const auto it = Registry().find(handle);
  if (it != Registry().end() && row >= it->second->knowledge_base().entries.size()) {
    return Error("no row " + std::to_string(row) + " in this knowledge base");
  }
  return WithClassifier(handle, options_json, [&](const conndiag::Classifier& c, const conndiag::Options& o) {
    return conndiag::RowTextJson(c.knowledge_base(), row, o.lang, conndiag::NonAscii::kEscaped);
  });
}

std::string ClassifyLog(int handle, std::string_view text, std::string_view options_json) {
  return WithClassifier(handle, options_json, [&](const conndiag::Classifier& c, const conndiag::Options& o) {
    std::string events = "[";
    for (const auto& e : conndiag::ClassifyLog(c, text, o)) {
      if (events.size() > 1) events += ',';
      events += conndiag::LogEventToJson(c.knowledge_base(), e, o, conndiag::OffsetUnit::kUtf16Units,
                                         conndiag::NonAscii::kEscaped);
    }
    return events + "]";
  });
}

// Streamed logs: a session per log, fed in pieces (a big file read chunk by chunk in a Worker). Each feed
// answers with what changed since the previous one, so a log with 10,000 distinct events costs each piece
// only its new events, not all of them again.
struct LogSession {
  int handle;
  conndiag::Options options;
  conndiag::EventDetail detail;  // what its deltas tell of each event
  std::unique_ptr<conndiag::LogClassifier> log;
  std::vector<std::size_t> told_counts;  // the count last told for each event told so far
  std::size_t told_warnings = 0;
};

std::map<int, LogSession>& Logs() {
  static std::map<int, LogSession> logs;
  return logs;
}

// {"lines": N, "added": [new events], "updated": [[index, count, last_line], ...], "warnings": [new ones],
//  "unrecognized_lines": N} (lines of error events nothing recognized, those past the listing cap included)
std::string LogDelta(const conndiag::Classifier& c, LogSession& session, const std::vector<conndiag::LogEvent>& events) {
  std::string added = "[";
  std::string updated = "[";
  for (std::size_t i = 0; i < events.size(); ++i) {
    const conndiag::LogEvent& e = events[i];
    if (i >= session.told_counts.size()) {
      if (added.size() > 1) added += ',';
      added += conndiag::LogEventToJson(c.knowledge_base(), e, session.options, conndiag::OffsetUnit::kUtf16Units,
                                        conndiag::NonAscii::kEscaped, session.detail);
      session.told_counts.push_back(e.count);
    } else if (session.told_counts[i] != e.count) {
      if (updated.size() > 1) updated += ',';
      updated += "[" + std::to_string(i) + "," + std::to_string(e.count) + "," + std::to_string(e.last_line) + "]";
      session.told_counts[i] = e.count;
    }
  }
  const auto& all = session.log->warnings();
  const std::vector<std::string> warnings(all.begin() + static_cast<std::ptrdiff_t>(session.told_warnings), all.end());
  session.told_warnings = all.size();
  return "{\"lines\":" + std::to_string(session.log->lines()) + ",\"added\":" + added + "],\"updated\":" + updated +
         "],\"warnings\":" + conndiag::StringListJson(warnings) +
         ",\"unrecognized_lines\":" + std::to_string(session.log->unrecognized_lines()) + "}";
}

// {"ok": true, "value": logId}
// `for_log_table`: the deltas tell each event as the page's log table shows it (EventDetail::kLogTable).
std::string LogBegin(int handle, std::string_view options_json, bool for_log_table) {
  return WithClassifier(handle, options_json, [&](const conndiag::Classifier& c, const conndiag::Options& o) {
    static int next_log = 1;
    const int id = next_log++;
    const auto detail = for_log_table ? conndiag::EventDetail::kLogTable : conndiag::EventDetail::kFull;
    Logs().emplace(id, LogSession{handle, o, detail, std::make_unique<conndiag::LogClassifier>(c, o), {}, 0});
    return std::to_string(id);
  });
}

// Feeds the next piece; last=true ends the log. {"ok": true, "value": <LogDelta>}. `verdicts`: the piece's
// lines judged ahead by another reader of the same log (LogJudge), or null.
std::string LogFeed(int log_id, std::string_view text, bool last, const conndiag::LineVerdicts* verdicts) {
  try {
    auto it = Logs().find(log_id);
    if (it == Logs().end() || !Registry().count(it->second.handle)) return Error("this log was ended");
    LogSession& session = it->second;
    const conndiag::Classifier& c = *Registry().at(session.handle);
    session.log->AddText(text, verdicts);
    std::string delta;
    if (last) {
      const std::vector<conndiag::LogEvent> events = session.log->Finish();  // counts a last unended line
      delta = LogDelta(c, session, events);
      Logs().erase(it);
    } else {
      delta = LogDelta(c, session, session.log->events());
    }
    return Ok(delta);
  } catch (const std::exception& e) {
    return Error(std::string("internal error: ") + e.what());
  }
}

void LogEnd(int log_id) { Logs().erase(log_id); }

// Line verdicts cross between two readers of one log (the page's two log workers, each with its own module)
// as 32-bit words, one per judged line, ascending: its offset in the piece times two, plus one when the line
// can be passed by. Pieces are at most kMaxJudgedPiece bytes, so that every offset fits.
constexpr std::size_t kMaxJudgedPiece = std::size_t{1} << 30;

// The verdicts on the piece in the input buffer's first `size` bytes, as words (a view: the caller copies
// it at once), worked out by this log's reader without reading the piece into it. The reader makes its line
// filter from the pieces it judges as the other reader does from the pieces it reads, so both must see the
// log's pieces from its start. Null while neither has a filter (the pieces so far were too small) or for a
// piece too big.
emscripten::val BoundLogJudge(int log_id, std::size_t size) {
  static std::vector<std::uint32_t> words;
  auto it = Logs().find(log_id);
  if (it == Logs().end() || size > kMaxJudgedPiece) return emscripten::val::null();
  const std::string_view piece = InputText(size);
  it->second.log->PrepareLineFilter(piece);
  const auto prescan = it->second.log->Prescanner();
  if (!prescan) return emscripten::val::null();
  const conndiag::LineVerdicts verdicts = prescan(piece);
  words.clear();
  for (const auto& line : verdicts.lines) words.push_back(static_cast<std::uint32_t>(line.offset * 2 + line.skippable));
  return emscripten::val(emscripten::typed_memory_view(words.size(), words.data()));
}

// Verdict words (see BoundLogJudge) for a piece of `size` bytes, read from where JS wrote them in the input
// buffer; none at all when they are not ascending or point past the piece (they then came from elsewhere).
conndiag::LineVerdicts VerdictsFromWords(std::string_view piece, std::size_t words_at, std::size_t count) {
  conndiag::LineVerdicts verdicts;
  verdicts.piece = piece.data();
  verdicts.lines.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    std::uint32_t word = 0;
    std::memcpy(&word, Input().data() + words_at + i * sizeof word, sizeof word);
    const std::size_t offset = word / 2;
    if (offset >= piece.size() || (!verdicts.lines.empty() && offset <= verdicts.lines.back().offset)) return {};
    verdicts.lines.push_back({offset, (word & 1) != 0});
  }
  return verdicts;
}

// The bound calls: each text is the input buffer's first N bytes, each reply a view (see Reply).
emscripten::val BoundLoad(std::size_t kb_size, std::size_t overlay_size, bool on_first_use) {
  const auto [kb, overlay] = InputTexts(kb_size, overlay_size);
  return Reply(Load(kb, overlay, on_first_use));
}
emscripten::val BoundLoadPrepared(std::size_t kb_size, std::size_t prepared_size) {
  const auto [kb, prepared] = InputTexts(kb_size, prepared_size);
  return Reply(LoadPrepared(kb, prepared));
}
emscripten::val BoundClassify(int handle, std::size_t size, std::size_t options_size) {
  const auto [text, options_json] = InputTexts(size, options_size);
  return Reply(Classify(handle, text, options_json));
}
emscripten::val BoundRowText(int handle, std::size_t row, const std::string& options_json) {
  return Reply(RowTextOf(handle, row, options_json));
}
emscripten::val BoundClassifyLog(int handle, std::size_t size, std::size_t options_size) {
  const auto [text, options_json] = InputTexts(size, options_size);
  return Reply(ClassifyLog(handle, text, options_json));
}
emscripten::val BoundLogBegin(int handle, const std::string& options_json, bool for_log_table) {
  return Reply(LogBegin(handle, options_json, for_log_table));
}
emscripten::val BoundLogFeed(int log_id, std::size_t size, bool last) {
  return Reply(LogFeed(log_id, InputText(size), last, nullptr));
}
// The same with the piece's verdicts: `count` words at byte `words_at` of the input buffer, after the piece.
emscripten::val BoundLogFeedJudged(int log_id, std::size_t size, std::size_t words_at, std::size_t count) {
  const std::size_t input = Input().size();
  if (words_at < size || words_at % 4 != 0 || words_at > input || count > (input - words_at) / 4) {
    return Reply(Error("the verdicts lie outside the input"));
  }
  const std::string_view piece = InputText(size);
  const conndiag::LineVerdicts verdicts = VerdictsFromWords(piece, words_at, count);
  return Reply(LogFeed(log_id, piece, false, &verdicts));
}

}  // namespace

EMSCRIPTEN_BINDINGS(conndiag) {
  emscripten::function("inputBuffer", &InputBuffer);
  emscripten::function("load", &BoundLoad);
  emscripten::function("loadPrepared", &BoundLoadPrepared);
  emscripten::function("classify", &BoundClassify);
  emscripten::function("rowText", &BoundRowText);
  emscripten::function("classifyLog", &BoundClassifyLog);
  emscripten::function("logBegin", &BoundLogBegin);
  emscripten::function("logFeed", &BoundLogFeed);
  emscripten::function("logEnd", &LogEnd);
  emscripten::function("logJudge", &BoundLogJudge);
  emscripten::function("logFeedJudged", &BoundLogFeedJudged);
}
