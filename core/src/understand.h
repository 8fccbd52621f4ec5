// Understanding: what a text says, in plain sentences, whether or not an entry matched (internal to core).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "conndiag/classifier.h"

namespace conndiag {

// Sentences in options.lang (English when the knowledge base's language has no words here): the app
// (chosen, or named by a clue), the HTTP status and what it means, each AADSTS/AF/Okta code with the
// code table's reason (or that the tables do not know it), the exception, the OAuth error.
std::vector<std::string> Understand(const KnowledgeBase& kb, const Options& options, const Fields& fields,
                                    const std::optional<std::string>& app_guess, const std::string& app_clue);

}  // namespace conndiag
