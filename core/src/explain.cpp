// Explanation: the words that tell a person why a match was made, in the asked language.
#include "explain.h"

#include <algorithm>
#include <map>

#include "conndiag/join.h"
#include "conndiag/utf8.h"
#include "fill.h"
#include "words.h"
#include "match.h"

namespace conndiag {
namespace {

constexpr std::size_t kMaxQuoted = 80;

// A quotation of the original text, cut at a character boundary when long.
std::string Quote(std::string_view text) {
  if (text.size() <= kMaxQuoted) return std::string(text);
  return std::string(CutAtCharacter(text, kMaxQuoted)) + "…";
}

}  // namespace

void Explain(const KnowledgeBase& kb, const Options& options, std::string_view original,
             const NormalizedText& normalized, const AppInference& apps, const std::vector<Candidate>& candidates,
             Result& result) {
  const std::optional<std::string>& app_guess = apps.guess;
  const EvidenceWords& say = WordsFor(options.lang).evidence;
  const std::size_t count = std::min(options.top, candidates.size());
  for (std::size_t i = 0; i < count; ++i) {
    const Candidate& c = candidates[i];
    const Entry& e = *c.entry;
    Match m;
    m.entry = &e;
    m.app = c.app;
    m.score = c.score;
    m.confident = c.confident;
    m.cause = InLanguage(e.cause, options.lang);
    m.fix = InLanguage(e.fix, options.lang);
    m.signature = c.signature;
    m.code = c.code;
    if (c.code) m.code_reason = InLanguage(c.code->cause, options.lang);
    m.similar = c.similar;
    m.shared = c.shared;
    m.missing = c.missing;

    std::vector<Span> source_spans;
    for (std::size_t k = 0; k < c.normalized_spans.size(); ++k) {
      const Span src = normalized.ToSource(c.normalized_spans[k]);
      source_spans.push_back(src);
      const std::string quoted = Quote(original.substr(src.begin, src.end - src.begin));
      const std::string line = Fill(say.matched, quoted);
      if (std::find(m.evidence.begin(), m.evidence.end(), line) == m.evidence.end()) m.evidence.push_back(line);
    }
    m.spans = MergeSpans(std::move(source_spans));
    if (c.similar) {
      m.evidence.push_back(Fill(say.similar, JoinWithCommas(c.shared)));
      if (!c.missing.empty()) m.evidence.push_back(Fill(say.lacks, JoinWithCommas(c.missing)));
    } else if (c.signature && c.entry->signatures.size() + (c.code ? 1 : 0) > 1) {
      // Which of the entry's known wordings it was (an entry with one wording needs no such line).
      const std::string name = InLanguage(c.signature->name, options.lang);
      m.evidence.push_back(Fill(say.signature, name.empty() ? c.signature->id : name));
    }
    if (c.code) m.evidence.push_back(Fill(say.code_row, InLanguage(c.code->message, options.lang)));

    const bool for_all = std::find(e.apps.begin(), e.apps.end(), "all") != e.apps.end();
    if (for_all) {
      m.evidence.emplace_back(say.app_all);
    } else if (!options.app.empty() && !c.off_app) {
      m.evidence.push_back(Fill(say.app_chosen, AppName(kb, c.app, options.lang)));
    } else if (c.off_app) {
      const std::string named = !options.app.empty() ? options.app : app_guess.value_or("");
      m.evidence.push_back(Fill(say.app_contradicted, AppName(kb, named, options.lang),
                                AppName(kb, c.app, options.lang)));
    } else if (app_guess && *app_guess == c.app) {
      m.evidence.push_back(Fill(say.app_named, AppName(kb, c.app, options.lang), apps.ClueFor(kb, c.app)));
    } else {
      m.evidence.emplace_back(say.app_unknown);
    }

    if (i == 0 && !c.confident && !c.off_app) {
      // Which other apps know the same message: the person must pick, never a silent guess.
      std::vector<std::string> tied{AppName(kb, c.app, options.lang)};
      for (std::size_t k = 1; k < candidates.size(); ++k) {
        const Candidate& other = candidates[k];
        const std::string name = AppName(kb, other.app, options.lang);
        if (other.score >= c.score - kTieMargin && std::find(tied.begin(), tied.end(), name) == tied.end()) {
          tied.push_back(name);
        }
      }
      if (tied.size() > 1) {
        std::string list;
        for (const auto& a : tied) list += (list.empty() ? "" : ", ") + a;
        m.evidence.push_back(Fill(say.ambiguous, list));
      }
    }
    if (e.source == "code-table") m.evidence.emplace_back(say.code_table);
    if (e.fallback) m.evidence.emplace_back(say.fallback);
    result.matches.push_back(std::move(m));
  }
}

}  // namespace conndiag
