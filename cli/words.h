// The command's own words (headings, labels, messages), one table per language.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace conndiag::cli {

struct Words {
  const char* colon;      // French puts a space before the colon
  const char* semicolon;  // and before the semicolon
  const char* likely;
  const char* possible;
  const char* weak;
  const char* cause;
  const char* fix;
  const char* why;
  const char* fields;
  const char* no_match;
  const char* no_confident;
  const char* try_next;
  const char* more_info;
  const char* warning;
  const char* summary;  // {1} problems, {2} lines
  const char* line;
  const char* nothing_in_log;  // {1} lines
  const char* code;
  const char* understood;
  const char* not_recognized;  // {1} error lines, {2} distinct events
  const char* ambiguous;       // a log event that fits several rows: which app?
  const char* report_to;       // {1} the address where a wrong answer is reported
  // Rows of Microsoft's table: "Source: <url> (checked 2026-11-27)".
  const char* source;
  const char* checked_on;  // {1} YYYY-MM-DD: the row's text was on the page that day
  const char* missing_on;  // {1} YYYY-MM-DD: it was not
};

// The words for `lang`; English's for a language the command has no table for.
const Words& WordsFor(std::string_view lang);

// One warning per language of `languages` (a knowledge base's) that the command has no words for.
std::vector<std::string> MissingWordWarnings(const std::vector<std::string>& languages);

}  // namespace conndiag::cli
