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
  CHECK(a.inputs == std::vector<std::string>{"-"});
  CHECK(a.lang == "en");
  CHECK_FALSE(a.lang_given);
  CHECK(a.top == 3);
  CHECK_FALSE(a.json);
  CHECK_FALSE(a.log);
  CHECK(a.report_to.empty());
}

TEST_CASE("every flag, in both spellings", "[args]") {
  const auto a = std::get<Args>(Parse({"--app", "box", "--lang=fr", "--top", "5", "--json", "--log", "--kb=k.json",
                                       "--report-to", "mailto:it@example.com", "--threads", "1", "f.txt"}));
  CHECK(a.app == "box");
  CHECK(a.lang == "fr");
  CHECK(a.top == 5);
  CHECK(a.json);
  CHECK(a.log);
  CHECK(a.kb_path == "k.json");
  CHECK(a.report_to == "mailto:it@example.com");
  CHECK(a.threads == 1);
  CHECK(a.inputs == std::vector<std::string>{"f.txt"});
  CHECK(a.lang_given);
  CHECK(std::get<Args>(Parse({"--threads=2"})).threads == 2);
  CHECK(std::get<Args>(Parse({})).threads == 0);
}

TEST_CASE("several input files in order, -- ends the options, standard input at most once", "[args]") {
  CHECK(std::get<Args>(Parse({"a.txt", "--json", "b.txt"})).inputs == std::vector<std::string>{"a.txt", "b.txt"});
  const auto a = std::get<Args>(Parse({"--log", "--", "-odd.txt", "--json", "-"}));
  CHECK(a.log);
  CHECK_FALSE(a.json);  // after --, "--json" is a file name
  CHECK(a.inputs == std::vector<std::string>{"-odd.txt", "--json", "-"});
  CHECK(std::get<UsageError>(Parse({"-", "x", "-"})).message == "standard input (-) may be read only once");
  CHECK(std::get<Args>(Parse({"--", "--help"})).inputs == std::vector<std::string>{"--help"});  // a file, not the flag
}

TEST_CASE("the locale chooses French when --lang is not given, in POSIX's order", "[args]") {
  CHECK(LanguageFromLocale(nullptr, nullptr, "fr_FR.UTF-8") == "fr");
  CHECK(LanguageFromLocale(nullptr, nullptr, "fr") == "fr");
  CHECK(LanguageFromLocale(nullptr, nullptr, "fr_CA") == "fr");
  CHECK(LanguageFromLocale("en_US.UTF-8", nullptr, "fr_FR.UTF-8") == "en");  // LC_ALL first
  CHECK(LanguageFromLocale("", "fr_BE.UTF-8", "en_GB") == "fr");             // an empty one is skipped
  CHECK(LanguageFromLocale(nullptr, nullptr, "C.UTF-8") == "en");
  CHECK(LanguageFromLocale(nullptr, nullptr, "fry_DE") == "en");  // Frisian, not French
  CHECK(LanguageFromLocale(nullptr, nullptr, nullptr) == "en");
}

TEST_CASE("--help and --version win over anything else", "[args]") {
  CHECK(std::get<Args>(Parse({"--bogus", "--help"})).help);
  CHECK(std::get<Args>(Parse({"--version", "x", "y"})).version);
  CHECK(std::get<Args>(Parse({"-V", "--bogus"})).version);
  CHECK(std::get<Args>(Parse({"-h"})).help);
  // --version reports on the knowledge base --kb names.
  CHECK(std::get<Args>(Parse({"--kb", "k.json", "-V"})).kb_path == "k.json");
  CHECK(std::get<Args>(Parse({"--version", "--kb=k2.json"})).kb_path == "k2.json");
}

TEST_CASE("usage errors say what is wrong", "[args]") {
  CHECK(std::get<UsageError>(Parse({"--app"})).message == "--app needs a value");
  CHECK(std::get<UsageError>(Parse({"--top", "0"})).message == "--top takes a whole number from 1 to 1000, not \"0\"");
  CHECK(std::get<UsageError>(Parse({"--top", "3x"})).message == "--top takes a whole number from 1 to 1000, not \"3x\"");
  CHECK(std::get<UsageError>(Parse({"--threads", "4"})).message == "--threads takes 1 or 2, not \"4\"");
  CHECK(std::get<UsageError>(Parse({"--threads", "0"})).message == "--threads takes 1 or 2, not \"0\"");
  CHECK(std::get<UsageError>(Parse({"--frobnicate"})).message == "unknown option --frobnicate");
  CHECK(std::get<UsageError>(Parse({"--json=yes"})).message == "unknown option --json");
  CHECK(std::get<UsageError>(Parse({"--lang="})).message == "--lang needs a non-empty value");
  CHECK(std::get<UsageError>(Parse({"--report-to"})).message == "--report-to needs a value");
}
