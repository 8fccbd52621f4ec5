// Human-readable output: what a person reads in a terminal, in English or French.
#include "text_output.h"

#include <algorithm>
#include <string_view>

#include "conndiag/utf8.h"
#include "terminal_text.h"
#include "words.h"

namespace conndiag::cli {
namespace {

std::string Paint(const Style& s, const char* code, std::string_view text) {
  if (!s.color) return std::string(text);
  return std::string("\x1b[") + code + "m" + std::string(text) + "\x1b[0m";
}

std::string Replace(std::string text, std::string_view marker, const std::string& value) {
  const auto at = text.find(marker);
  if (at != std::string::npos) text.replace(at, marker.size(), value);
  return text;
}

std::string Grouped(std::size_t n) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

void PrintFields(std::FILE* out, const Fields& f, const Words& w, const Style& s) {
  std::vector<std::string> parts;
  if (f.http_status) {
    parts.push_back("HTTP " + std::to_string(*f.http_status) + (f.http_reason.empty() ? "" : " " + f.http_reason));
  }
  for (const auto& code : f.aadsts) parts.push_back("AADSTS" + code);
  for (const auto& code : f.af_codes) parts.push_back(code);
  for (const auto& code : f.okta_codes) parts.push_back(code);
  if (!f.exceptions.empty()) parts.push_back(f.exceptions.front());
  if (!f.oauth_error.empty()) parts.push_back(f.oauth_error);
  if (!f.tenant_id.empty()) parts.push_back("tenant " + f.tenant_id);
  if (parts.empty()) return;
  std::string line;
  for (const auto& p : parts) line += (line.empty() ? "" : " · ") + p;
  std::fprintf(out, "%s%s%s\n", Paint(s, "2", w.fields).c_str(), w.colon, Printable(line).c_str());
}

void PrintMatch(std::FILE* out, const KnowledgeBase& kb, const Match& m, std::size_t rank, const Words& w,
                const Style& s) {
  const char* level = m.confident ? w.likely : (m.score >= 0.5 ? w.possible : w.weak);
  const char* colour = m.confident ? "1;32" : "1;33";
  std::fprintf(out, "%zu. %s · %s (%.2f)  [%s]\n", rank, Paint(s, "1", Printable(AppName(kb, m.app, s.lang))).c_str(),
               Paint(s, colour, level).c_str(), m.score, m.entry->id.c_str());
  std::fprintf(out, "   %s%s%s\n", w.cause, w.colon, Printable(m.cause).c_str());
  if (m.code) {
    std::fprintf(out, "   %s%s%s — %s\n", w.code, w.colon, Printable(InLanguage(m.code->message, s.lang)).c_str(),
                 Printable(m.code_reason).c_str());
  }
  std::fprintf(out, "   %s%.*s\n", w.fix, static_cast<int>(std::string_view(w.colon).find_last_not_of(' ') + 1), w.colon);
  for (std::size_t i = 0; i < m.fix.size(); ++i) std::fprintf(out, "     %zu. %s\n", i + 1, Printable(m.fix[i]).c_str());
  std::string why;
  for (const auto& e : m.evidence) why += (why.empty() ? "" : w.semicolon) + e;
  std::fprintf(out, "   %s%s%s\n", Paint(s, "2", w.why).c_str(), w.colon, Printable(why).c_str());
  if (!m.entry->link.empty()) std::fprintf(out, "   %s%s%s\n", w.more_info, w.colon, Printable(m.entry->link).c_str());
  if (const Reference& ref = m.entry->reference; !ref.url.empty()) {
    const std::string when = ref.checked.empty() ? Replace(w.missing_on, "{1}", ref.missing)
                                                 : Replace(w.checked_on, "{1}", ref.checked);
    std::fprintf(out, "   %s%s%s (%s)\n", w.source, w.colon, Printable(ref.url).c_str(), Printable(when).c_str());
  }
}

}  // namespace

void PrintResult(std::FILE* out, const KnowledgeBase& kb, const Result& result, const Style& style) {
  const Words& w = WordsFor(style.lang);
  for (const auto& warning : result.warnings) std::fprintf(out, "%s%s%s\n", w.warning, w.colon, Printable(warning).c_str());
  if (result.matches.empty()) {
    std::fprintf(out, "%s\n", w.no_match);
  } else {
    for (std::size_t i = 0; i < result.matches.size(); ++i) {
      if (i > 0) std::fprintf(out, "\n");
      PrintMatch(out, kb, result.matches[i], i + 1, w, style);
    }
    if (!result.matches.front().confident) std::fprintf(out, "\n%s\n", w.no_confident);
  }
  const bool confident = !result.matches.empty() && result.matches.front().confident;
  if (confident || result.understood.empty()) {
    PrintFields(out, result.fields, w, style);
  } else {
    // Nothing decided: say what the text does tell, so there is a next step.
    const std::string_view colon(w.colon);
    std::fprintf(out, "%s%.*s\n", Paint(style, "2", w.understood).c_str(),
                 static_cast<int>(colon.find_last_not_of(' ') + 1), colon.data());
    for (const auto& line : result.understood) std::fprintf(out, "  - %s\n", Printable(line).c_str());
  }
  if (!confident) std::fprintf(out, "%s\n", w.try_next);
}

void PrintLogSummary(std::FILE* out, const KnowledgeBase& kb, const std::vector<LogEvent>& events,
                     const LogAccount& account, const std::vector<std::string>& warnings, const Style& style) {
  const Words& w = WordsFor(style.lang);
  for (const auto& warning : warnings) std::fprintf(out, "%s%s%s\n", w.warning, w.colon, Printable(warning).c_str());
  // Most frequent first: what a log says most is what an admin fixes first.
  std::vector<const LogEvent*> matched;
  std::vector<const LogEvent*> unrecognized;
  for (const LogEvent& e : events) (e.result.matches.empty() ? unrecognized : matched).push_back(&e);
  auto by_count = [](const LogEvent* a, const LogEvent* b) { return a->count > b->count; };
  std::stable_sort(matched.begin(), matched.end(), by_count);
  std::stable_sort(unrecognized.begin(), unrecognized.end(), by_count);
  auto first_line = [](const LogEvent& e) {
    const std::string_view text(e.text);
    return Printable(conndiag::CutAtCharacter(text.substr(0, text.find('\n')), 160));
  };

  if (matched.empty()) {
    std::fprintf(out, "%s\n", Replace(w.nothing_in_log, "{1}", Grouped(account.lines)).c_str());
  } else {
    std::string head = Replace(Replace(w.summary, "{1}", Grouped(matched.size())), "{2}", Grouped(account.lines));
    std::fprintf(out, "%s\n", Paint(style, "1", head).c_str());
  }
  for (const LogEvent* e : matched) {
    std::fprintf(out, "\n%s %zu (×%zu)%s%s\n", w.line, e->line, e->count, w.colon, first_line(*e).c_str());
    if (!e->result.matches.front().confident) std::fprintf(out, "   (%s)\n", w.ambiguous);
    PrintMatch(out, kb, e->result.matches.front(), 1, w, style);
  }
  if (account.unrecognized_lines > 0) {
    constexpr std::size_t kSamples = 5;
    const std::string head = Replace(Replace(w.not_recognized, "{1}", Grouped(account.unrecognized_lines)), "{2}",
                                     Grouped(account.unrecognized_events));
    const std::string colon(w.colon);
    std::fprintf(out, "\n%s%s\n", Paint(style, "1", head).c_str(), colon.substr(0, colon.find_last_not_of(' ') + 1).c_str());
    for (std::size_t i = 0; i < unrecognized.size() && i < kSamples; ++i) {
      const LogEvent& e = *unrecognized[i];
      std::fprintf(out, "  %s %zu (×%zu)%s%s\n", w.line, e.line, e.count, w.colon, first_line(e).c_str());
    }
  }
}

void PrintReportHint(std::FILE* out, const std::string& address, const Style& style) {
  const Words& w = WordsFor(style.lang);
  std::fprintf(out, "%s\n", Replace(w.report_to, "{1}", Printable(address)).c_str());
}

}  // namespace conndiag::cli
