// Command-line arguments of conndiag (the contract is in docs/cli.md).
#pragma once

#include <cstddef>
#include <string>
#include <variant>

namespace conndiag::cli {

struct Args {
  std::string app;
  std::string lang = "en";
  std::size_t top = 3;
  bool json = false;
  bool log = false;
  std::string kb_path;   // empty: the built-in knowledge base
  std::string input = "-";
  std::string report_to;  // where to report a wrong answer; empty: CONNDIAG_REPORT_TO, else nowhere
  bool help = false;
  bool version = false;
};

struct UsageError {
  std::string message;
};

// Parses argv; --help and --version win over everything else. Accepts "--flag value" and "--flag=value".
std::variant<Args, UsageError> ParseArgs(int argc, const char* const* argv);

// The --help text.
const char* UsageText();

}  // namespace conndiag::cli
