// Serializes results to the JSON shapes of docs/contracts.md, with spans in UTF-8 bytes or UTF-16 units.
#include "conndiag/result_json.h"

#include <stdexcept>

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

// Which row a match is, for which app, and how sure: written into an open object.
void WriteMatchHead(JsonWriter& w, const KnowledgeBase& kb, const Match& m, const Options& options) {
  w.Key("id").String(m.entry->id);
  w.Key("app").String(m.app);
  w.Key("app_name").String(AppName(kb, m.app, options.lang));
  w.Key("score").Score(m.score);
  w.Key("confident").Bool(m.confident);
}

// What the page's log table shows of a match (EventDetail::kLogTable), written into an open object.
void WriteMatchForTable(JsonWriter& w, const KnowledgeBase& kb, const Match& m, const Options& options) {
  WriteMatchHead(w, kb, m, options);
  w.Key("cause").String(m.cause);
  w.Key("fix").Strings(m.fix);
}

// A row's own facts, the same whatever the text: what kind of row it is, where it comes from, the message
// it is about. Written into an open object.
void WriteRowFacts(JsonWriter& w, const Entry& e, const std::string& lang) {
  w.Key("kind").String(e.kind);
  w.Key("action").String(e.action);
  w.Key("source").String(e.source);
  w.Key("row");
  if (e.row > 0) {
    w.Number(static_cast<std::size_t>(e.row));
  } else {
    w.Null();
  }
  w.Key("message").String(InLanguage(e.message, lang));
  w.Key("link").StringOrNull(e.link);
  w.Key("reference");  // rows of Microsoft's table: the page, and the day the row was last compared with it
  if (const Reference& ref = e.reference; !ref.url.empty()) {
    w.BeginObject();
    w.Key("url").String(ref.url);
    w.Key("checked").StringOrNull(ref.checked);
    w.Key("missing").StringOrNull(ref.missing);
    w.Key("revision").StringOrNull(ref.revision);
    w.EndObject();
  } else {
    w.Null();
  }
}

void WriteSignature(JsonWriter& w, const Signature& s, const std::string& lang) {
  w.BeginObject();
  w.Key("id").String(s.id);
  w.Key("name").StringOrNull(InLanguage(s.name, lang));
  w.Key("sources").Strings(s.sources);
  w.EndObject();
}

// Where a match's signature is: [row index, index among that row's signatures]. It is one of the match's
// row, or of the code-table row linked to it (link_codes.cpp moves a code's match onto its table row).
void WriteSignatureAt(JsonWriter& w, const KnowledgeBase& kb, const Signature& s) {
  for (std::size_t row = 0; row < kb.entries.size(); ++row) {
    const std::vector<Signature>& signatures = kb.entries[row].signatures;
    if (!signatures.empty() && &s >= signatures.data() && &s < signatures.data() + signatures.size()) {
      w.BeginArray().Number(row).Number(static_cast<std::size_t>(&s - signatures.data())).EndArray();
      return;
    }
  }
  throw std::logic_error("a match's signature belongs to no row of its knowledge base");
}

void WriteMatch(JsonWriter& w, const KnowledgeBase& kb, const Match& m, const Options& options, std::string_view text,
                OffsetUnit unit, RowText row_text) {
  std::vector<std::size_t> offsets;
  for (const Span& s : m.spans) {
    offsets.push_back(s.begin);
    offsets.push_back(s.end);
  }
  if (unit == OffsetUnit::kUtf16Units) offsets = Utf16Offsets(text, offsets);
  const bool inline_text = row_text == RowText::kInline;
  w.BeginObject();
  WriteMatchHead(w, kb, m, options);
  if (inline_text) {
    w.Key("cause").String(m.cause);
    w.Key("fix").Strings(m.fix);
  }
  w.Key("spans").BeginArray();
  for (std::size_t i = 0; i + 1 < offsets.size(); i += 2) {
    w.BeginArray().Number(offsets[i]).Number(offsets[i + 1]).EndArray();
  }
  w.EndArray();
  w.Key("evidence").Strings(m.evidence);
  if (inline_text) {
    WriteRowFacts(w, *m.entry, options.lang);
    w.Key("signature");
    if (m.signature) {
      WriteSignature(w, *m.signature, options.lang);
    } else {
      w.Null();
    }
  } else {
    w.Key("row_index").Number(static_cast<std::size_t>(m.entry - kb.entries.data()));
    w.Key("signature_at");
    if (m.signature) {
      WriteSignatureAt(w, kb, *m.signature);
    } else {
      w.Null();
    }
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
                        std::string_view text, OffsetUnit unit, RowText row_text = RowText::kInline) {
  w.Key("matches").BeginArray();
  for (const Match& m : result.matches) WriteMatch(w, kb, m, options, text, unit, row_text);
  w.EndArray();
  w.Key("app_guess").StringOrNull(result.app_guess.value_or(""));
  w.Key("fields");
  WriteFields(w, result.fields);
  w.Key("understood").Strings(result.understood);
  w.Key("warnings").Strings(result.warnings);
}

}  // namespace

std::string ResultToJson(const KnowledgeBase& kb, const Result& result, const Options& options, std::string_view text,
                         OffsetUnit unit, NonAscii non_ascii, RowText row_text) {
  JsonWriter w(non_ascii);
  w.BeginObject();
  WriteResultMembers(w, kb, result, options, text, unit, row_text);
  w.EndObject();
  return w.Take();
}

std::string RowTextJson(const KnowledgeBase& kb, std::size_t row, const std::string& lang, NonAscii non_ascii) {
  const Entry& e = kb.entries.at(row);
  JsonWriter w(non_ascii);
  w.BeginObject();
  w.Key("cause").String(InLanguage(e.cause, lang));
  w.Key("fix").Strings(InLanguage(e.fix, lang));
  WriteRowFacts(w, e, lang);
  w.Key("signatures").BeginArray();
  for (const Signature& s : e.signatures) WriteSignature(w, s, lang);
  w.EndArray();
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
