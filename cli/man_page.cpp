// Writes conndiag's man page (conndiag.1, roff) from the one source of its words: the --help and kb --help
// texts, so that the page never says something the command does not. Run by the build; its output is
// installed with the command.
#include <cstdio>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "args.h"
#include "conndiag/version.h"
#include "kb_command.h"

namespace {

// roff text: backslashes doubled as \e, a leading '.' or '\'' kept from being read as a request, and '-'
// written \- (a hyphen-minus, so that options can be searched and copied).
std::string Roff(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\') out += "\\e";
    else if (c == '-') out += "\\-";
    else out += c;
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out.insert(0, "\\&");
  return out;
}

std::vector<std::string> Lines(std::string_view text) {
  std::vector<std::string> lines;
  std::istringstream in{std::string(text)};
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string Trim(const std::string& s) {
  const auto b = s.find_first_not_of(' ');
  return b == std::string::npos ? std::string() : s.substr(b);
}

// Blocks separated by blank lines.
std::vector<std::vector<std::string>> Blocks(std::string_view text) {
  std::vector<std::vector<std::string>> blocks(1);
  for (const auto& line : Lines(text)) {
    if (Trim(line).empty()) {
      if (!blocks.back().empty()) blocks.emplace_back();
    } else {
      blocks.back().push_back(line);
    }
  }
  if (blocks.back().empty()) blocks.pop_back();
  return blocks;
}

// An options block ("  --app APP     what it does", continuation lines indented): one .TP item each.
void Items(const std::vector<std::string>& block) {
  for (const auto& line : block) {
    if (line.rfind("  ", 0) == 0 && line.size() > 2 && line[2] != ' ') {
      const std::string item = line.substr(2);
      const auto gap = item.find("  ");
      std::printf(".TP\n\\fB%s\\fR\n", Roff(item.substr(0, gap)).c_str());
      if (gap != std::string::npos) std::printf("%s\n", Roff(Trim(item.substr(gap))).c_str());
    } else {
      std::printf("%s\n", Roff(Trim(line)).c_str());
    }
  }
}

void Paragraph(const std::vector<std::string>& block) {
  std::printf(".PP\n");
  for (const auto& line : block) std::printf("%s\n", Roff(Trim(line)).c_str());
}

}  // namespace

int main() {
  const auto help = Blocks(conndiag::cli::UsageText());
  const auto kb = Blocks(conndiag::cli::KbUsageText());
  // --help: synopsis, description, options, exit status. kb --help: synopsis, commands, exit status.
  if (help.size() != 4 || kb.size() != 3) {
    std::fprintf(stderr, "man_page: the --help texts no longer have the blocks this page is made of\n");
    return 1;
  }
  std::printf(".TH CONNDIAG 1 \"\" \"conndiag %s\" \"User Commands\"\n", conndiag::kVersion);
  std::printf(".SH NAME\nconndiag \\- diagnose Microsoft Defender for Cloud Apps app\\-connector errors\n");
  std::printf(".SH SYNOPSIS\n.nf\n");
  for (const auto& line : help[0]) {
    if (line.find(" kb ") != std::string::npos) continue;  // the kb commands' own lines follow
    std::printf("%s\n", Roff(Trim(line.rfind("Usage: ", 0) == 0 ? line.substr(7) : line)).c_str());
  }
  for (const auto& line : kb[0]) std::printf("%s\n", Roff(Trim(line.rfind("Usage: ", 0) == 0 ? line.substr(7) : line)).c_str());
  std::printf(".fi\n.SH DESCRIPTION\n");
  Paragraph(help[1]);
  std::printf(".SH OPTIONS\n");
  Items(help[2]);
  std::printf(".SH KNOWLEDGE-BASE TOOLS\n");
  Items(kb[1]);
  std::printf(".SH EXIT STATUS\n");
  Paragraph(help[3]);
  Paragraph(kb[2]);
  std::printf(".SH ENVIRONMENT\n"
              ".TP\n\\fBCONNDIAG_REPORT_TO\\fR\nwhere to report a wrong answer, when \\fB\\-\\-report\\-to\\fR is not given\n"
              ".TP\n\\fBLC_ALL\\fR, \\fBLC_MESSAGES\\fR, \\fBLANG\\fR\nthe first one set chooses French (fr...) or English when \\fB\\-\\-lang\\fR is not given\n"
              ".TP\n\\fBNO_COLOR\\fR\nset: no colour on a terminal\n");
  std::printf(".SH SEE ALSO\nThe offline page, conndiag.html, diagnoses the same errors in a browser.\n");
  return 0;
}
