// Explanation: turns ranked candidates into Matches with text in the asked language and the evidence.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "infer_app.h"
#include "rank.h"

namespace conndiag {

// Fills result.matches (at most options.top) from ranked candidates: app, cause, fix and evidence in
// options.lang, spans mapped back to byte offsets of `original`.
void Explain(const KnowledgeBase& kb, const Options& options, std::string_view original,
             const NormalizedText& normalized, const AppInference& apps, const std::vector<Candidate>& candidates,
             Result& result);

}  // namespace conndiag
