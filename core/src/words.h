// The core's localized words (internal): the sentences explanations and "understood" lines are made of,
// one table per language. {1} and {2} in a sentence are filled in (fill.h).
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace conndiag {

// Evidence sentences of a match (explain.cpp).
struct EvidenceWords {
  const char* matched;
  const char* app_chosen;
  const char* app_named;
  const char* app_all;
  const char* app_unknown;
  const char* app_contradicted;
  const char* ambiguous;
  const char* code_table;
  const char* fallback;
  const char* signature;
  const char* code_row;
  const char* similar;
  const char* lacks;
};

// What a text says, whatever matched (understand.cpp).
struct UnderstoodWords {
  const char* app_chosen;    // {1} app
  const char* app_named;     // {1} app, {2} clue
  const char* status;        // {1} "401 Unauthorized", {2} meaning
  const char* code_known;    // {1} code, {2} reason
  const char* code_unknown;  // {1} code
  const char* exception;     // {1}
  const char* oauth;         // {1} error, {2} description
  const char* oauth_bare;    // {1} error
  std::array<std::pair<int, const char*>, 11> statuses;
};

struct CoreWords {
  EvidenceWords evidence;
  UnderstoodWords understood;
};

// The words for `lang`; English's for a language the core has no table for.
const CoreWords& WordsFor(std::string_view lang);

// The languages the core has words for ("en", "fr").
std::vector<std::string> WordLanguages();

// One warning per language of `languages` (a knowledge base's) that the core has no words for: its
// causes and fixes are shown, but evidence and "understood" sentences fall back to English.
std::vector<std::string> MissingWordWarnings(const std::vector<std::string>& languages);

}  // namespace conndiag
