// Parsing of conndiag's command line into Args, with usage errors that say what was wrong.
#include "args.h"

#include <algorithm>
#include <charconv>
#include <string_view>

namespace conndiag::cli {

const char* UsageText() {
  return R"(Usage: conndiag [--app APP] [--lang en|fr] [--top N] [--json] [--log] [--threads 1|2] [--kb FILE]
                [--report-to ADDRESS] [--] [FILE|-]...
       conndiag --help | --version
       conndiag kb check FILE | kb explain [TEXT]   (knowledge-base tools: conndiag kb --help)

Diagnoses a Microsoft Defender for Cloud Apps app-connector error: which app, why, and how to fix it.
Reads the error from FILE, or from standard input when FILE is - or absent. Nothing leaves the machine.
Several files are diagnosed one by one, each under its name (with --json: one line per file, with its
"file"); -- ends the options, for a file whose name starts with -.

  --app APP     the app the error came from (office365, box, okta, salesforce, gsuite, servicenow,
                exchange, aws, atlassian, slack, smartsheet, workday, zendesk); rows of other apps
                drop out unless nothing else matches, and their bare-status rows always do
  --lang LANG   language of causes and fixes: en or fr (default: fr when the locale, LC_ALL, LC_MESSAGES
                or LANG, is French, else en)
  --top N       show at most N matches (default 3)
  --json        one JSON object on standard output (with --log: one per line)
  --log         the input is a log: each distinct error event is classified once, with a count
  --threads N   with --log: read the log on N threads, 1 or 2 (default: 2 when this process may run
                on two processors or more, else 1); the second reads ahead and picks out the lines
                worth a closer look. The events are the same either way
  --kb FILE     use this knowledge base (JSON, same format as data/kb.json) instead of the built-in one,
                or add to it: a file with "extends": "conndiag" adds rows and overrides fields of existing ones
  --report-to ADDRESS
                where people should report a wrong answer (an email address or a URL): when there is
                no confident match (exit status 1), one line on standard error says so (default: the
                environment variable CONNDIAG_REPORT_TO; nothing is printed when neither is set)
  -h, --help    show this help
  -V, --version  version, git revision and knowledge-base version (of the --kb file when given)

Exit status: 0 a confident match (with --log: at least one event), 1 no confident match,
             2 usage or input error (message on standard error, nothing on standard output).
             With several files: 2 if one could not be read (the others are still diagnosed),
             else 1 if one got no confident match, else 0.
)";
}

std::variant<Args, UsageError> ParseArgs(int argc, const char* const* argv) {
  Args args;
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--") break;  // file names from here on
    if (arg == "--help" || arg == "-h") {
      args.help = true;
      return args;
    }
    if (arg == "--version" || arg == "-V") args.version = true;
  }
  if (args.version) {
    // --version wins over everything else but --kb: it names the knowledge base it reports on.
    for (int i = 1; i < argc; ++i) {
      const std::string_view arg = argv[i];
      if (arg == "--") break;
      if (arg == "--kb" && i + 1 < argc) args.kb_path = argv[i + 1];
      if (arg.starts_with("--kb=")) args.kb_path = std::string(arg.substr(5));
    }
    return args;
  }
  bool options_ended = false;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (!options_ended && arg == "--") {
      options_ended = true;
      continue;
    }
    if (options_ended) {
      inputs.emplace_back(arg);
      continue;
    }
    std::string_view value;
    bool has_inline_value = false;
    if (arg.starts_with("--") && arg.find('=') != std::string_view::npos) {
      value = arg.substr(arg.find('=') + 1);
      arg = arg.substr(0, arg.find('='));
      has_inline_value = true;
    }
    auto take_value = [&](std::string_view flag) -> std::variant<std::string, UsageError> {
      if (has_inline_value) return std::string(value);
      if (i + 1 >= argc) return UsageError{std::string(flag) + " needs a value"};
      return std::string(argv[++i]);
    };
    auto flag_with_value = [&](std::string& out) -> std::variant<bool, UsageError> {
      auto v = take_value(arg);
      if (auto* e = std::get_if<UsageError>(&v)) return *e;
      out = std::get<std::string>(v);
      if (out.empty()) return UsageError{std::string(arg) + " needs a non-empty value"};
      return true;
    };
    if (arg == "--app" || arg == "--lang" || arg == "--kb" || arg == "--top" || arg == "--report-to" ||
        arg == "--threads") {
      std::string v;
      auto r = flag_with_value(v);
      if (auto* e = std::get_if<UsageError>(&r)) return *e;
      if (arg == "--app") args.app = v;
      else if (arg == "--lang") args.lang = v, args.lang_given = true;
      else if (arg == "--kb") args.kb_path = v;
      else if (arg == "--report-to") args.report_to = v;
      else if (arg == "--threads") {
        if (v != "1" && v != "2") return UsageError{"--threads takes 1 or 2, not \"" + v + "\""};
        args.threads = v == "1" ? 1 : 2;
      } else {
        std::size_t n = 0;
        auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
        if (ec != std::errc() || end != v.data() + v.size() || n == 0 || n > 1000) {
          return UsageError{"--top takes a whole number from 1 to 1000, not \"" + v + "\""};
        }
        args.top = n;
      }
    } else if (has_inline_value) {
      return UsageError{"unknown option " + std::string(arg)};
    } else if (arg == "--json") {
      args.json = true;
    } else if (arg == "--log") {
      args.log = true;
    } else if (arg.size() > 1 && arg[0] == '-') {
      return UsageError{"unknown option " + std::string(arg)};
    } else {
      inputs.emplace_back(arg);
    }
  }
  if (std::count(inputs.begin(), inputs.end(), "-") > 1) return UsageError{"standard input (-) may be read only once"};
  if (!inputs.empty()) args.inputs = std::move(inputs);
  return args;
}

std::string LanguageFromLocale(const char* lc_all, const char* lc_messages, const char* lang) {
  for (const char* value : {lc_all, lc_messages, lang}) {
    if (!value || !*value) continue;  // unset or empty: the next one decides (POSIX's order)
    const std::string_view v = value;
    return v.substr(0, 2) == "fr" && (v.size() == 2 || v[2] == '_' || v[2] == '.' || v[2] == '@') ? "fr" : "en";
  }
  return "en";
}

}  // namespace conndiag::cli
