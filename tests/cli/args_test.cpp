// Tests of cli/args.cpp: the command line of docs/cli.md and its usage errors.
#include <catch2/catch.hpp>

#include "args.h"

using namespace conndiag::cli;

namespace {
std::variant<Args, UsageError> Parse(std::vector<const char*> argv) {
  argv.insert(argv.begin(), "conndiag");
  return ParseArgs(static_cast<int>(argv.size()), argv.data());
}
}  // namespace

TEST_CASE("defaults: read standard input, English, top 3, text output", "[args]") {
  const auto a = std::get<Args>(Parse({}));
  CHECK(a.input == "-");
  CHECK(a.lang == "en");
  CHECK(a.top == 3);
  CHECK_FALSE(a.json);
  CHECK_FALSE(a.log);
  CHECK(a.report_to.empty());
}

TEST_CASE("every flag, in both spellings", "[args]") {
  const auto a = std::get<Args>(Parse({"--app", "box", "--lang=fr", "--top", "5", "--json", "--log", "--kb=k.json",
                                        "--report-to", "mailto:it@example.com", "f.txt"}));
  CHECK(a.app == "box");
  CHECK(a.lang == "fr");
  CHECK(a.top == 5);
  CHECK(a.json);
  CHECK(a.log);
  CHECK(a.kb_path == "k.json");
  CHECK(a.report_to == "mailto:it@example.com");
  CHECK(a.input == "f.txt");
}

TEST_CASE("--help and --version win over anything else", "[args]") {
  CHECK(std::get<Args>(Parse({"--bogus", "--help"})).help);
  CHECK(std::get<Args>(Parse({"--version", "x", "y"})).version);
}

TEST_CASE("usage errors say what is wrong", "[args]") {
  CHECK(std::get<UsageError>(Parse({"--app"})).message == "--app needs a value");
  CHECK(std::get<UsageError>(Parse({"--top", "0"})).message == "--top takes a whole number from 1 to 1000, not \"0\"");
  CHECK(std::get<UsageError>(Parse({"--top", "3x"})).message == "--top takes a whole number from 1 to 1000, not \"3x\"");
  CHECK(std::get<UsageError>(Parse({"--frobnicate"})).message == "unknown option --frobnicate");
  CHECK(std::get<UsageError>(Parse({"--json=yes"})).message == "unknown option --json");
  CHECK(std::get<UsageError>(Parse({"a", "b"})).message == "only one input file may be given");
  CHECK(std::get<UsageError>(Parse({"--lang="})).message == "--lang needs a non-empty value");
  CHECK(std::get<UsageError>(Parse({"--report-to"})).message == "--report-to needs a value");
}
