// Serializes results to the JSON shapes of docs/contracts.md, with spans in UTF-8 bytes or UTF-16 units.
#include "conndiag/result_json.h"

#include "conndiag/log_events.h"
#include "conndiag/utf8.h"
#include "json_writer.h"

namespace conndiag {
namespace {

void WriteFields(JsonWriter& w, const Fields& f) {
  w.BeginObject();
  w.Key("http_status");
  if (f.http_status) w.Number(static_cast<std::size_t>(*f.http_status));
  else w.Null();
  w.Key("http_reason").StringOrNull(f.http_reason);
  w.Key("aadsts").Strings(f.aadsts);
  w.Key("af_code").StringOrNull(f.af_codes.empty() ? std::string_view() : f.af_codes.front());
  w.Key("af_codes").Strings(f.af_codes);
  w.Key("okta_codes").Strings(f.okta_codes);
  w.Key("exception").StringOrNull(f.exceptions.empty() ? std::string_view() : f.exceptions.front());
  w.Key("exceptions").Strings(f.exceptions);
  w.Key("oauth_error").StringOrNull(f.oauth_error);
  w.Key("oauth_error_description").StringOrNull(f.oauth_error_description);
  w.Key("error_code").StringOrNull(f.error_code);
  w.Key("error_message").StringOrNull(f.error_message);
  w.Key("tenant_id").StringOrNull(f.tenant_id);
  w.Key("guids").Strings(f.guids);
  w.Key("urls").Strings(f.urls);
  w.Key("hosts").Strings(f.hosts);
  w.EndObject();
}

// What the page's log table shows of a match (EventDetail::kLogTable), written into an open object.
void WriteMatchForTable(JsonWriter& w, const KnowledgeBase& kb, const Match& m, const Options& options) {
  w.Key("id").String(m.entry->id);
  w.Key("app").String(m.app);
  w.Key("app_name").String(AppName(kb, m.app, options.lang));
  w.Key("score").Score(m.score);
  w.Key("confident").Bool(m.confident);
  w.Key("cause").String(m.cause);
  w.Key("fix").Strings(m.fix);
}

void WriteMatch(JsonWriter& w, const KnowledgeBase& kb, const Match& m, const Options& options, std::string_view text,
                OffsetUnit unit) {
  std::vector<std::size_t> offsets;
  for (const Span& s : m.spans) {
    offsets.push_back(s.begin);
    offsets.push_back(s.end);
  }
  if (unit == OffsetUnit::kUtf16Units) offsets = Utf16Offsets(text, offsets);
  w.BeginObject();
  WriteMatchForTable(w, kb, m, options);
  w.Key("spans").BeginArray();
  for (std::size_t i = 0; i + 1 < offsets.size(); i += 2) w.BeginArray().Number(offsets[i]).Number(offsets[i + 1]).EndArray();
  w.EndArray();
  w.Key("evidence").Strings(m.evidence);
  w.Key("kind").String(m.entry->kind);
  w.Key("action").String(m.entry->action);
  w.Key("source").String(m.entry->source);
  w.Key("row");
  if (m.entry->row > 0) w.Number(static_cast<std::size_t>(m.entry->row));
  else w.Null();
  w.Key("message").String(InLanguage(m.entry->message, options.lang));
  w.Key("link").StringOrNull(m.entry->link);
  w.Key("reference");  // rows of Microsoft's table: the page, and the day the row was last compared with it
  if (const Reference& ref = m.entry->reference; !ref.url.empty()) {
    w.BeginObject();
    w.Key("url").String(ref.url);
    w.Key("checked").StringOrNull(ref.checked);
    w.Key("missing").StringOrNull(ref.missing);
    w.Key("revision").StringOrNull(ref.revision);
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("signature");
  if (m.signature) {
    w.BeginObject();
    w.Key("id").String(m.signature->id);
    w.Key("name").StringOrNull(InLanguage(m.signature->name, options.lang));
    w.Key("sources").Strings(m.signature->sources);
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("code");
  if (m.code) {
    w.BeginObject();
    w.Key("id").String(m.code->id);
    w.Key("message").String(InLanguage(m.code->message, options.lang));
    w.Key("reason").String(m.code_reason);
    w.Key("link").StringOrNull(m.code->link);
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("similar").Bool(m.similar);
  w.Key("shared").Strings(m.shared);
  w.Key("missing").Strings(m.missing);
  w.EndObject();
}

// The members shared by a result and a log event, written into an open object.
void WriteResultMembers(JsonWriter& w, const KnowledgeBase& kb, const Result& result, const Options& options,
                        std::string_view text, OffsetUnit unit) {
  w.Key("matches").BeginArray();
  for (const Match& m : result.matches) WriteMatch(w, kb, m, options, text, unit);
  w.EndArray();
  w.Key("app_guess").StringOrNull(result.app_guess.value_or(""));
  w.Key("fields");
  WriteFields(w, result.fields);
  w.Key("understood").Strings(result.understood);
  w.Key("warnings").Strings(result.warnings);
}

}  // namespace

std::string ResultToJson(const KnowledgeBase& kb, const Result& result, const Options& options, std::string_view text,
                         OffsetUnit unit, NonAscii non_ascii) {
  JsonWriter w(non_ascii);
  w.BeginObject();
  WriteResultMembers(w, kb, result, options, text, unit);
  w.EndObject();
  return w.Take();
}

std::string LogEventToJson(const KnowledgeBase& kb, const LogEvent& event, const Options& options, OffsetUnit unit,
                           NonAscii non_ascii, EventDetail detail) {
  JsonWriter w(non_ascii);
  w.BeginObject();
  w.Key("line").Number(event.line);
  w.Key("last_line").Number(event.last_line);
  w.Key("count").Number(event.count);
  w.Key("status").String(StatusName(StatusOf(event.result)));
  w.Key("text").String(event.text);
  if (detail == EventDetail::kLogTable) {
    w.Key("matches").BeginArray();
    for (const Match& m : event.result.matches) {
      w.BeginObject();
      WriteMatchForTable(w, kb, m, options);
      w.EndObject();
    }
    w.EndArray();
  } else {
    WriteResultMembers(w, kb, event.result, options, event.text, unit);
  }
  w.EndObject();
  return w.Take();
}

}  // namespace conndiag
