// Understanding: the facts a text carries, said plainly, so that even an unknown error leaves a next step.
#include "understand.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

#include "fill.h"
#include "words.h"

namespace conndiag {
namespace {

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// Whether `a` is `upper` (already upper case) but for the case of its letters.
bool SameUpper(std::string_view a, std::string_view upper) {
  return a.size() == upper.size() && std::equal(a.begin(), a.end(), upper.begin(), [](char x, char u) {
           return std::toupper(static_cast<unsigned char>(x)) == static_cast<unsigned char>(u);
         });
}

// The code-table entry whose message is this code ("AADSTS70008"), or nullptr. Compared in place: an
// upper-case copy of every code entry's message, for each code of a paste, was a twentieth of its time.
const Entry* CodeEntry(const KnowledgeBase& kb, const std::string& code) {
  for (const Entry& e : kb.entries) {
    if (e.fallback || e.source != "code-table") continue;
    auto it = e.message.find("en");
    if (it != e.message.end() && SameUpper(it->second, code)) return &e;
  }
  return nullptr;
}

}  // namespace

std::vector<std::string> Understand(const KnowledgeBase& kb, const Options& options, const Fields& fields,
                                    const std::optional<std::string>& app_guess, const std::string& app_clue) {
  const UnderstoodWords& say = WordsFor(options.lang).understood;
  std::vector<std::string> out;
  if (!options.app.empty() && options.app != "all") {
    out.push_back(Fill(say.app_chosen, AppName(kb, options.app, options.lang)));
  } else if (app_guess) {
    out.push_back(Fill(say.app_named, AppName(kb, *app_guess, options.lang), app_clue));
  }
  if (fields.http_status) {
    const auto& list = say.statuses;
    auto it = std::find_if(list.begin(), list.end(), [&](const auto& s) { return s.first == *fields.http_status; });
    if (it != list.end()) {
      std::string status = std::to_string(*fields.http_status);
      if (!fields.http_reason.empty()) status += " " + fields.http_reason;
      out.push_back(Fill(say.status, status, it->second));
    }
  }
  std::vector<std::string> codes;
  for (const auto& c : fields.aadsts) codes.push_back("AADSTS" + c);
  for (const auto& c : fields.af_codes) codes.push_back(Upper(c));
  for (const auto& c : fields.okta_codes) codes.push_back(Upper(c));
  for (const auto& code : codes) {
    if (const Entry* e = CodeEntry(kb, code)) {
      out.push_back(Fill(say.code_known, code, InLanguage(e->cause, options.lang)));
    } else {
      out.push_back(Fill(say.code_unknown, code));
    }
  }
  if (!fields.exceptions.empty()) out.push_back(Fill(say.exception, fields.exceptions.front()));
  if (!fields.oauth_error.empty()) {
    out.push_back(fields.oauth_error_description.empty()
                      ? Fill(say.oauth_bare, fields.oauth_error)
                      : Fill(say.oauth, fields.oauth_error, fields.oauth_error_description));
  }
  return out;
}

}  // namespace conndiag
