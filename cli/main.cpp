// conndiag: the command-line diagnoser for app-connector errors (reads a paste or a log, prints the fix).
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <string>

#include <nlohmann/json.hpp>

#include "args.h"
#include "conndiag/classifier.h"
#include "conndiag/default_kb.h"
#include "conndiag/log_events.h"
#include "conndiag/result_json.h"
#include "conndiag/version.h"
#include "input.h"
#include "kb_command.h"
#include "log_reader.h"
#include "terminal_text.h"
#include "text_output.h"
#include "words.h"

namespace {

constexpr int kConfident = 0;
constexpr int kNotConfident = 1;
constexpr int kUsage = 2;

int Fail(const std::string& message) {
  // Messages quote the input and custom knowledge bases (a key name, a path): escaped for the terminal.
  std::fprintf(stderr, "conndiag: %s\n", conndiag::cli::Printable(message).c_str());
  return kUsage;
}

std::string ReadFile(const std::string& path, std::string& error) {
  std::FILE* f = conndiag::cli::OpenInput(path, error);
  if (!f) return {};
  std::string text;
  if (auto err = conndiag::cli::ReadAll(f, conndiag::kMaxKnowledgeBaseBytes, text, nullptr, "the knowledge base")) {
    error = path + ": " + *err;
  }
  if (f != stdin) std::fclose(f);
  return text;
}

bool UseColor() {
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  return isatty(STDOUT_FILENO) && (!no_color || !*no_color) && !(term && std::string(term) == "dumb");
}

// Exit status 1 (no confident match) is where a person may think the answer wrong: when an address is
// configured, one line on standard error says where to report it (stdout and the status stay as they are).
int WithReportHint(int status, const conndiag::cli::Args& args) {
  std::string address = args.report_to;
  if (address.empty()) {
    const char* from_env = std::getenv("CONNDIAG_REPORT_TO");
    if (from_env) address = from_env;
  }
  if (status == kNotConfident && !address.empty()) {
    conndiag::cli::PrintReportHint(stderr, address, {false, args.lang});
  }
  return status;
}

// With several input files, each JSON line names its file first.
std::string WithFile(const std::string& json, const std::string& file) {
  if (file.empty()) return json;
  const nlohmann::ordered_json parsed = nlohmann::ordered_json::parse(json);  // kept alive for the loop below
  nlohmann::ordered_json out;
  out["file"] = file;
  for (const auto& [key, value] : parsed.items()) out[key] = value;
  return out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

// `file`: the input's name when several are given (it then leads each JSON line), else empty.
int RunLog(const conndiag::Classifier& classifier, const conndiag::Options& options, std::FILE* in,
           const conndiag::cli::Args& args, const std::string& file) {
  conndiag::LogClassifier log(classifier, options);
  const bool progress = isatty(STDERR_FILENO);
  std::size_t next_report = 64u << 20;
  conndiag::cli::InputNotes notes;
  auto err = conndiag::cli::ReadLog(
      in, log, conndiag::cli::ChooseLogThreads(args.threads),
      [&](std::size_t bytes) {
        if (progress && bytes >= next_report) {
          std::fprintf(stderr, "\rconndiag: %zu MB read", bytes >> 20);
          next_report += 64u << 20;
        }
      },
      &notes);
  if (progress && next_report > (64u << 20)) std::fprintf(stderr, "\n");
  if (err) return Fail(*err);
  const auto events = log.Finish();  // first: it reads a last line that has no line ending
  const std::size_t lines = log.lines();
  auto warnings = log.warnings();
  if (const std::string note = conndiag::cli::NotesWarning(notes); !note.empty()) warnings.insert(warnings.begin(), note);
  bool any_confident = false;
  for (const auto& e : events) {
    any_confident = any_confident || (!e.result.matches.empty() && e.result.matches.front().confident);
  }
  if (args.json) {
    for (const auto& e : events) {
      const std::string line = WithFile(
          conndiag::LogEventToJson(classifier.knowledge_base(), e, options, conndiag::OffsetUnit::kUtf8Bytes), file);
      std::printf("%s\n", line.c_str());
    }
    for (const auto& w : warnings) std::fprintf(stderr, "conndiag: warning: %s\n", conndiag::cli::Printable(w).c_str());
  } else {
    conndiag::cli::LogAccount account{lines, log.unrecognized_lines(), 0};
    for (const auto& e : events) account.unrecognized_events += e.result.matches.empty() ? 1u : 0u;
    conndiag::cli::PrintLogSummary(stdout, classifier.knowledge_base(), events, account, warnings,
                                   {UseColor(), options.lang});
  }
  return any_confident ? kConfident : kNotConfident;
}


// One input: a paste, or a log with --log. `several`: more inputs follow or came before (JSON lines then name
// their file, and an empty input's message names it).
int RunOne(const conndiag::Classifier& classifier, const conndiag::Options& options, const conndiag::cli::Args& args,
           const std::string& path, bool several) {
  std::string open_error;
  std::FILE* in = conndiag::cli::OpenInput(path, open_error);
  if (!in) return Fail(open_error);
  const std::string file = several ? path : std::string();
  if (args.log) {
    const int status = RunLog(classifier, options, in, args, file);
    if (in != stdin) std::fclose(in);
    return status;
  }

  std::string text;
  conndiag::cli::InputNotes notes;
  auto read_error = conndiag::cli::ReadAll(in, conndiag::kMaxPasteBytes, text, &notes);
  if (in != stdin) std::fclose(in);
  if (read_error) return Fail(*read_error);
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Fail((several ? path + ": " : std::string()) +
                "the input is empty: give the error text as a file or on standard input");
  }

  conndiag::Result result = classifier.Classify(text, options);
  if (const std::string note = conndiag::cli::NotesWarning(notes); !note.empty()) {
    result.warnings.insert(result.warnings.begin(), note);
  }
  if (args.json) {
    const std::string json =
        conndiag::ResultToJson(classifier.knowledge_base(), result, options, text, conndiag::OffsetUnit::kUtf8Bytes);
    // One paste: indented for people reading a terminal (re-parsing for layout costs nothing noticeable);
    // several: one line each, naming its file.
    if (several) std::printf("%s\n", WithFile(json, path).c_str());
    else std::printf("%s\n", nlohmann::ordered_json::parse(json).dump(2).c_str());
  } else {
    conndiag::cli::PrintResult(stdout, classifier.knowledge_base(), result, {UseColor(), options.lang});
  }
  return !result.matches.empty() && result.matches.front().confident ? kConfident : kNotConfident;
}

}  // namespace

int Run(int argc, char** argv);

int main(int argc, char** argv) {
  try {
    return Run(argc, argv);
  } catch (const std::bad_alloc&) {
    // Memory is bounded by design (see LogClassifier's budgets); this is for a machine with far less.
    return Fail("out of memory: the input needs more memory than this process may use");
  }
}

int Run(int argc, char** argv) {
  // `conndiag kb ...`: the knowledge-base tools (a file named "kb" is read as `conndiag -- kb` or `./kb`).
  if (argc > 1 && std::string_view(argv[1]) == "kb") {
    return conndiag::cli::RunKbCommand(argc, argv, conndiag::DefaultKnowledgeBase());
  }
  auto parsed = conndiag::cli::ParseArgs(argc, argv);
  if (auto* usage = std::get_if<conndiag::cli::UsageError>(&parsed)) {
    return Fail(usage->message + " (see conndiag --help)");
  }
  auto args = std::get<conndiag::cli::Args>(parsed);
  if (!args.lang_given) {
    args.lang = conndiag::cli::LanguageFromLocale(std::getenv("LC_ALL"), std::getenv("LC_MESSAGES"), std::getenv("LANG"));
  }
  if (args.help) {
    std::fputs(conndiag::cli::UsageText(), stdout);
    return 0;
  }

  std::string kb_text;
  if (args.kb_path.empty()) {
    kb_text = std::string(conndiag::DefaultKnowledgeBase());
  } else {
    std::string error;
    kb_text = ReadFile(args.kb_path, error);
    if (!error.empty()) return Fail(error);
  }
  // A --kb file may be complete, or extend the built-in knowledge base ("extends": "conndiag"). The built-in
  // one's patterns were all compiled by its tests: each is compiled here when a text first needs it.
  auto loaded = args.kb_path.empty() ? conndiag::Classifier::FromJson(kb_text, conndiag::PatternChecks::kOnFirstUse)
                                     : conndiag::Classifier::FromJsonExtending(conndiag::DefaultKnowledgeBase(), kb_text);
  if (!loaded.ok()) {
    const std::string source = args.kb_path.empty() ? "built-in knowledge base" : args.kb_path;
    return Fail(source + ": " + loaded.error().What());
  }
  const conndiag::Classifier& classifier = loaded.value();
  {
    // Checked at load: a language the knowledge base declares but the words of the core or of the command
    // lack is still served (its causes and fixes), with the missing words in English; say so once.
    const std::string source = args.kb_path.empty() ? "built-in knowledge base" : args.kb_path;
    std::vector<std::string> warnings = classifier.load_warnings();
    for (auto& w : conndiag::cli::MissingWordWarnings(classifier.knowledge_base().languages)) warnings.push_back(w);
    for (const auto& w : warnings) {
      std::fprintf(stderr, "conndiag: warning: %s\n", conndiag::cli::Printable(source + ": " + w).c_str());
    }
  }

  if (args.version) {
    std::printf("conndiag %s (git %s, knowledge base %s)\n", conndiag::kVersion, conndiag::kGitRevision,
                classifier.knowledge_base().version.c_str());
    return 0;
  }

  const conndiag::Options options{args.app, args.lang, args.top};
  if (auto invalid = classifier.Validate(options)) return Fail("--" + invalid->What());

  // Several files: each diagnosed on its own, in order; one that cannot be read does not stop the others.
  const bool several = args.inputs.size() > 1;
  int worst = kConfident;
  for (std::size_t i = 0; i < args.inputs.size(); ++i) {
    const std::string& path = args.inputs[i];
    if (several && !args.json) {
      std::printf("%s==> %s <==\n", i ? "\n" : "", conndiag::cli::Printable(path == "-" ? "standard input" : path).c_str());
      std::fflush(stdout);
    }
    const int status = RunOne(classifier, options, args, path, several);
    worst = std::max(worst, status);  // 2 (could not read) over 1 (not confident) over 0
  }
  return WithReportHint(worst, args);
}
