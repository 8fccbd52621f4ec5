// `conndiag kb check FILE`: whether a knowledge base (or a portal file that extends the built-in one) loads,
// and whether it recognizes its own messages and examples; each problem as "FILE: /json/path: what".
#include "kb_command.h"

#include <cstdio>
#include <string>

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

int Check(const std::string& path, std::string_view built_in) {
  std::string error;
  std::FILE* f = OpenInput(path, error);
  if (!f) return Problem("conndiag: " + error);
  std::string text;
  const auto read_error = ReadAll(f, kMaxKnowledgeBaseBytes, text, nullptr, "the knowledge base");
  if (f != stdin) std::fclose(f);
  if (read_error) return Problem("conndiag: " + path + ": " + *read_error);

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
  return kValid;
}

}  // namespace

const char* KbUsageText() {
  return R"(Usage: conndiag kb check FILE

  check FILE    validates a knowledge base (the format of data/kb.json), or a portal file that extends the
                built-in one ("extends": "conndiag"), as the CLI and the page would load it; then classifies
                each of its entries' messages and signature examples, which must be recognized as their
                entry. Each problem goes to standard error as FILE: /json/path: what.

Exit status: 0 valid, 2 invalid (or a usage error).
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
  return Problem("conndiag: " + (command.empty() ? std::string("kb needs a command") : "unknown kb command \"" +
                 std::string(command) + "\"") + ": check (see conndiag kb --help)");
}

}  // namespace conndiag::cli
