// `conndiag kb check FILE`: whether a knowledge base (or a portal file that extends the built-in one) loads,
// and whether it recognizes its own messages and examples; each problem as "FILE: /json/path: what". Also
// `kb explain` (how a text is matched) and `kb prepare` (the form a page loads at start).
#include "kb_command.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

#include "conndiag/classifier.h"
#include "conndiag/join.h"
#include "conndiag/kb_check.h"
#include "conndiag/knowledge_base.h"
#include "input.h"
#include "terminal_text.h"

namespace conndiag::cli {
namespace {

constexpr int kValid = 0;
constexpr int kInvalid = 2;
constexpr std::size_t kQuotedChars = 80;  // of a text quoted in a problem line

int Problem(const std::string& line) {
  std::fprintf(stderr, "%s\n", Printable(line).c_str());
  return kInvalid;
}

// A text as a problem line quotes it: its start, on one line.
std::string Quoted(const std::string& text) {
  std::string out;
  for (char c : text) out += c == '\n' || c == '\r' || c == '\t' ? ' ' : c;
  if (out.size() > kQuotedChars) {
    std::size_t cut = kQuotedChars;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    out = out.substr(0, cut) + "…";
  }
  return "\"" + out + "\"";
}

// Reads a file (or standard input for "-") of at most `limit` bytes; "" and a message in `error` on failure.
std::string Read(const std::string& path, std::size_t limit, const char* what, std::string& error) {
  std::FILE* f = OpenInput(path, error);
  if (!f) return {};
  std::string text;
  if (const auto read_error = ReadAll(f, limit, text, nullptr, what)) error = path + ": " + *read_error;
  if (f != stdin) std::fclose(f);
  return text;
}

// One line a maintainer reads to see how stale the rows of Microsoft's table are (docs/kb-authoring.md).
void PrintStaleness(const std::string& path, const KnowledgeBaseCheck& c) {
  std::string line = Printable(path) + ": " + std::to_string(c.table_rows) + " table row(s): ";
  if (c.oldest_check.empty()) line += "none checked against Microsoft's page";
  else line += "rows checked between " + c.oldest_check + " and " + c.newest_check;
  if (!c.not_on_page.empty()) line += "; not on the page when last checked: " + Printable(JoinWithCommas(c.not_on_page));
  if (!c.unreferenced.empty()) line += "; no reference: " + Printable(JoinWithCommas(c.unreferenced));
  std::printf("%s\n", line.c_str());
}

int Check(const std::string& path, std::string_view built_in) {
  std::string error;
  const std::string text = Read(path, kMaxKnowledgeBaseBytes, "the knowledge base", error);
  if (!error.empty()) return Problem("conndiag: " + error);

  const auto checked = CheckKnowledgeBase(built_in, text);
  if (!checked.ok()) return Problem(path + ": " + checked.error().What());
  const KnowledgeBaseCheck& c = checked.value();
  for (const auto& miss : c.misses) {
    std::string what;
    if (miss.got.empty()) what = "is not recognized (it should be " + miss.entry_id + ")";
    else if (miss.similar && miss.got == miss.entry_id) what = "matches no signature of " + miss.entry_id + " (it only resembles it)";
    else if (miss.similar) what = "matches no signature of " + miss.entry_id + " (it only resembles " + miss.got + ")";
    else what = "is recognized as " + miss.got + ", not as " + miss.entry_id;
    Problem(path + ": " + miss.path + ": " + Quoted(miss.text) + " " + what);
  }
  if (!c.misses.empty()) {
    return Problem(path + ": " + std::to_string(c.misses.size()) + " of " + std::to_string(c.texts) +
                   " own texts are not recognized as their entry");
  }
  std::printf("%s: valid (knowledge base %s): %zu %s checked, each of %zu own %s recognized as its entry\n",
              Printable(path).c_str(), Printable(c.version).c_str(), c.entries, c.entries == 1 ? "entry" : "entries",
              c.texts, c.texts == 1 ? "text" : "texts");
  if (c.table_rows > 0) PrintStaleness(path, c);
  return kValid;
}

// `conndiag kb prepare FILE OUT`: FILE loaded and checked as `check` loads it, every pattern compiled, then
// written to OUT in the prepared form a page loads beside FILE without parsing it. OUT is written whole or
// not at all: the bytes go to a file beside it, renamed over it once complete.
int Prepare(const std::string& path, const std::string& out_path) {
  std::string error;
  const std::string text = Read(path, kMaxKnowledgeBaseBytes, "the knowledge base", error);
  if (!error.empty()) return Problem("conndiag: " + error);
  std::error_code same_error;
  if (std::filesystem::equivalent(path, out_path, same_error)) {
    return Problem("conndiag: " + out_path + ": is the knowledge base itself: write the prepared form beside it");
  }
  const auto prepared = Classifier::Prepare(text);
  if (!prepared.ok()) return Problem(path + ": " + prepared.error().What());
  const std::string partial = out_path + ".partial";
  std::FILE* out = std::fopen(partial.c_str(), "wb");
  if (!out) return Problem("conndiag: " + out_path + ": cannot write: " + std::strerror(errno));
  const std::string& bytes = prepared.value();
  const bool written = std::fwrite(bytes.data(), 1, bytes.size(), out) == bytes.size();
  if (std::fclose(out) != 0 || !written || std::rename(partial.c_str(), out_path.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    std::remove(partial.c_str());
    return Problem("conndiag: " + out_path + ": cannot write: " + why);
  }
  std::printf("%s: prepared in %s (%zu bytes, for this JSON exactly)\n", Printable(path).c_str(),
              Printable(out_path).c_str(), bytes.size());
  return kValid;
}

const char* OutcomeWord(PatternTrace::Outcome o) {
  switch (o) {
    case PatternTrace::Outcome::kMatched: return "matched";
    case PatternTrace::Outcome::kNotMatched: return "did not match";
    case PatternTrace::Outcome::kLiteralsAbsent: return "not run: its literals are absent";
  }
  return "";
}

void PrintPatterns(const char* kind, const std::vector<PatternTrace>& list) {
  for (std::size_t k = 0; k < list.size(); ++k) {
    const PatternTrace& p = list[k];
    const char mark = p.outcome == PatternTrace::Outcome::kMatched ? '+' : '-';
    std::printf("      %c %s %zu: %s   (%s)\n", mark, kind, k + 1, Printable(p.source).c_str(), OutcomeWord(p.outcome));
  }
}

// `conndiag kb explain [--kb FILE] [TEXT|-]`: how the text is matched, pattern by pattern, then the answer.
int Explain(const std::vector<std::string>& args, std::string_view built_in) {
  std::string kb_path;
  std::string input = "-";
  bool have_input = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--kb" && i + 1 < args.size()) {
      kb_path = args[++i];
    } else if (!have_input && (args[i] == "-" || args[i].empty() || args[i][0] != '-')) {
      input = args[i];
      have_input = true;
    } else {
      return Problem("conndiag: kb explain takes [--kb FILE] and one text (see conndiag kb --help)");
    }
  }
  std::string error;
  std::string kb_text(built_in);
  if (!kb_path.empty()) {
    kb_text = Read(kb_path, kMaxKnowledgeBaseBytes, "the knowledge base", error);
    if (!error.empty()) return Problem("conndiag: " + error);
  }
  auto loaded = kb_path.empty() ? Classifier::FromJson(kb_text, PatternChecks::kOnFirstUse)
                                : Classifier::FromJsonExtending(built_in, kb_text);
  if (!loaded.ok()) return Problem((kb_path.empty() ? "built-in knowledge base" : kb_path) + ": " + loaded.error().What());
  // The text: standard input for "-", else the argument itself (a text to explain, not a file name).
  const std::string text = input == "-" ? Read("-", kMaxPasteBytes, "the text", error) : input;
  if (!error.empty()) return Problem("conndiag: " + error);

  const Classifier& classifier = loaded.value();
  const MatchTrace trace = classifier.Trace(text);
  std::printf("knowledge base: %s\n", Printable(classifier.knowledge_base().version).c_str());
  std::printf("normalized: %s\n", Printable(trace.normalized).c_str());
  std::printf("literals found (%zu):", trace.literals.size());
  for (const auto& l : trace.literals) std::printf(" \"%s\"", Printable(l).c_str());
  std::printf("\ncandidate entries (%zu): those with a signature whose literals all occur\n", trace.candidates.size());
  for (const auto& e : trace.candidates) {
    std::printf("  %s\n", Printable(e.id).c_str());
    for (const auto& s : e.signatures) {
      const char* state = s.matched ? "matched" : s.possible ? "possible, not matched" : "ruled out by the prefilter";
      std::printf("    signature %s: %s\n", Printable(s.id).c_str(), state);
      if (!s.possible) continue;
      PrintPatterns("pattern", s.patterns);
      PrintPatterns("hint", s.hints);
    }
  }
  for (const auto& w : trace.warnings) std::printf("warning: %s\n", Printable(w).c_str());
  const Result result = classifier.Classify(text, Options{});
  std::printf("answer:");
  if (result.matches.empty()) std::printf(" none");
  for (const auto& m : result.matches) {
    std::printf(" %s (%s%.2f%s)", Printable(m.entry->id).c_str(), m.confident ? "confident, " : "", m.score,
                m.similar ? ", similar text" : "");
  }
  std::printf("\n");
  return kValid;
}

}  // namespace

const char* KbUsageText() {
  return R"(Usage: conndiag kb check FILE
       conndiag kb explain [--kb FILE] [TEXT|-]
       conndiag kb prepare FILE OUT

  check FILE    validates a knowledge base (the format of data/kb.json), or a portal file that extends the
                built-in one ("extends": "conndiag"), as the CLI and the page would load it; then classifies
                each of its entries' messages and signature examples, which must be recognized as their
                entry. Each problem goes to standard error as FILE: /json/path: what.
  explain TEXT  shows how a text is matched: its normalized form, the literals found, and for each
                candidate entry (a signature whose literals all occur) which patterns and hints matched
                and which did not; then the answer. TEXT is the error text itself (- or absent: standard
                input); --kb FILE explains with that knowledge base (or one that extends the built-in one).
  prepare FILE OUT  loads and checks a knowledge base as check does (every pattern compiled) and writes to
                OUT what loading it computes, for a page to load beside FILE without reading its JSON (the
                page's build does this for the built-in one). OUT refers to FILE's texts: it is read only
                with that exact file (another, or FILE edited since, is refused, and the page loads FILE).

Exit status: 0 valid / explained, 2 invalid (or a usage error).
)";
}

int RunKbCommand(int argc, const char* const* argv, std::string_view built_in) {
  const std::string_view command = argc > 2 ? argv[2] : "";
  if (command == "--help" || command == "-h") {
    std::fputs(KbUsageText(), stdout);
    return kValid;
  }
  if (command == "check" && argc == 4) return Check(argv[3], built_in);
  if (command == "check") return Problem("conndiag: kb check takes one knowledge-base file (see conndiag kb --help)");
  if (command == "explain") return Explain(std::vector<std::string>(argv + 3, argv + argc), built_in);
  if (command == "prepare" && argc == 5) return Prepare(argv[3], argv[4]);
  if (command == "prepare")
    return Problem("conndiag: kb prepare takes a knowledge-base file and the file to write (see conndiag kb --help)");
  return Problem(
      "conndiag: " +
      (command.empty() ? std::string("kb needs a command") : "unknown kb command \"" + std::string(command) + "\"") +
      ": check, explain, prepare (see conndiag kb --help)");
}

}  // namespace conndiag::cli
