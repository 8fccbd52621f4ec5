// Command-line arguments of conndiag (the contract is in docs/cli.md).
#pragma once

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

namespace conndiag::cli {

struct Args {
  std::string app;
  std::string lang = "en";
  bool lang_given = false;  // --lang was given; else the environment's locale may choose (see LanguageFromLocale)
  std::size_t top = 3;
  bool json = false;
  bool log = false;
  std::size_t threads = 0;  // --threads: 1 or 2; 0: not given (the machine decides, see ChooseLogThreads)
  std::string kb_path;   // empty: the built-in knowledge base
  std::vector<std::string> inputs = {"-"};  // files in order; "-" is standard input
  std::string report_to;  // where to report a wrong answer; empty: CONNDIAG_REPORT_TO, else nowhere
  bool help = false;
  bool version = false;
};

struct UsageError {
  std::string message;
};

// Parses argv; --help and --version (-h, -V) win over everything else. Accepts "--flag value" and
// "--flag=value"; "--" ends the options (what follows is input files, even if it starts with '-').
std::variant<Args, UsageError> ParseArgs(int argc, const char* const* argv);

// The language the environment's locale asks for, as the first set of LC_ALL, LC_MESSAGES and LANG says
// ("fr_FR.UTF-8" -> "fr"); "en" for anything else. Used when --lang is not given.
std::string LanguageFromLocale(const char* lc_all, const char* lc_messages, const char* lang);

// The --help text.
const char* UsageText();

}  // namespace conndiag::cli
