// The JSON the WebAssembly API exchanges besides results (result_json.h): the options a call takes, what a
// loaded knowledge base holds, and a refusal. Kept in the core so that the binding stays a thin adapter.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "conndiag/classifier.h"
#include "conndiag/expected.h"

namespace conndiag {

// {"app": "", "lang": "en", "top": 3}, each optional. A value of the wrong type is refused, not guessed; a
// "top" out of range reads as 0, which Classifier::Validate refuses with the allowed range.
Expected<Options> OptionsFromJson(std::string_view json);

// {"apps": [{"key", "name": {lang: text}}], "build": {"git", "version"}, "entries": N, "languages": [...],
//  "patternsCompiled": "at load" | "on first use", "version": "...", "warnings": [...]}: keys in that order.
std::string KnowledgeBaseInfoJson(const Classifier& classifier, std::string_view build_version,
                                  std::string_view build_git);

// {"error": message, "ok": false}
std::string ErrorReplyJson(std::string_view message);

// "...": one string, escaped
std::string StringJson(std::string_view text);

// ["...", ...]
std::string StringListJson(const std::vector<std::string>& strings);

}  // namespace conndiag
