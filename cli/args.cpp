// Parsing of conndiag's command line into Args, with usage errors that say what was wrong.
#include "args.h"

#include <charconv>
#include <string_view>

namespace conndiag::cli {

const char* UsageText() {
  return R"(Usage: conndiag [--app APP] [--lang en|fr] [--top N] [--json] [--log] [--kb FILE]
                [--report-to ADDRESS] [FILE|-]
       conndiag --help | --version

Diagnoses a Microsoft Defender for Cloud Apps app-connector error: which app, why, and how to fix it.
Reads the error from FILE, or from standard input when FILE is - or absent. Nothing leaves the machine.

  --app APP     the app the error came from (office365, box, okta, salesforce, gsuite, servicenow,
                exchange, aws, atlassian, slack, smartsheet, workday, zendesk); rows of other apps
                drop out unless nothing else matches
  --lang LANG   language of causes and fixes: en (default) or fr
  --top N       show at most N matches (default 3)
  --json        one JSON object on standard output (with --log: one per line)
  --log         the input is a log: each distinct error event is classified once, with a count
  --kb FILE     use this knowledge base (JSON, same format as data/kb.json) instead of the built-in one,
                or add to it: a file with "extends": "conndiag" adds rows and overrides fields of existing ones
  --report-to ADDRESS
                where people should report a wrong answer (an email address or a URL): when there is
                no confident match (exit status 1), one line on standard error says so (default: the
                environment variable CONNDIAG_REPORT_TO; nothing is printed when neither is set)
  --help        this text
  --version     version, git revision and knowledge-base version

Exit status: 0 a confident match (with --log: at least one event), 1 no confident match,
             2 usage or input error (message on standard error, nothing on standard output).
)";
}

std::variant<Args, UsageError> ParseArgs(int argc, const char* const* argv) {
  Args args;
  bool have_input = false;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      args.help = true;
      return args;
    }
    if (arg == "--version") {
      args.version = true;
      return args;
    }
  }
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
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
    if (arg == "--app" || arg == "--lang" || arg == "--kb" || arg == "--top" || arg == "--report-to") {
      std::string v;
      auto r = flag_with_value(v);
      if (auto* e = std::get_if<UsageError>(&r)) return *e;
      if (arg == "--app") args.app = v;
      else if (arg == "--lang") args.lang = v;
      else if (arg == "--kb") args.kb_path = v;
      else if (arg == "--report-to") args.report_to = v;
      else {
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
      if (have_input) return UsageError{"only one input file may be given"};
      args.input = std::string(arg);
      have_input = true;
    }
  }
  return args;
}

}  // namespace conndiag::cli
