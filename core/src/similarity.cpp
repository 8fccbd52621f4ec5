// Similarity: weighted overlap between a paste and every known text, for pastes no signature matches.
#include "similarity.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>
#include <string_view>

#include "conndiag/normalize.h"

namespace conndiag {
namespace {

// Words too common to say anything (English and French), after normalization (no accents).
constexpr std::array<std::string_view, 64> kStopwords = {
    "the", "and", "for", "with", "this", "that", "from", "not", "was", "are", "has", "have", "had", "but",
    "you", "your", "its", "our", "can", "may", "will", "all", "any", "please", "error", "les", "des", "une",
    "est", "pour", "dans", "par", "sur", "aux", "cette", "pas", "vous", "votre", "qui", "que", "avec", "ont",
    "sont", "erreur", "failed", "exception", "request", "server", "returned", "com", "http", "https", "www",
    "org", "net", "java", "lang", "util", "message", "code", "status", "echec"};

// Feature weights relative to a word: pairs and exact tokens say more, character grams much less.
constexpr double kPairWeight = 1.5;
constexpr double kExactWeight = 2.0;
constexpr double kGramWeight = 0.25;
constexpr std::size_t kGramLength = 4;
constexpr std::size_t kGramMinWord = 7;
constexpr std::size_t kListed = 5;  // shared and missing words shown

struct Token {
  std::string_view text;
  std::size_t begin;
  bool has_digit;
  bool is_code;  // digits or '_': an identifier, matched only exactly
};

bool WordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
}

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!WordByte(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    const std::size_t begin = i;
    bool digit = false, underscore = false;
    while (i < text.size() && WordByte(static_cast<unsigned char>(text[i]))) {
      digit = digit || (text[i] >= '0' && text[i] <= '9');
      underscore = underscore || text[i] == '_';
      ++i;
    }
    tokens.push_back({text.substr(begin, i - begin), begin, digit, digit || underscore});
  }
  return tokens;
}

bool Stopword(std::string_view w) {
  return w.size() < 3 || std::find(kStopwords.begin(), kStopwords.end(), w) != kStopwords.end();
}

// The shape of an exact token that must not be confused with another of the same shape: a code family
// ("aadsts" + 5 digits) or an HTTP error status. Empty when any other token may stand beside it.
std::string Shape(std::string_view token) {
  std::size_t letters = 0;
  while (letters < token.size() && token[letters] >= 'a' && token[letters] <= 'z') ++letters;
  const std::string_view digits = token.substr(letters);
  if (digits.empty() || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return {};
  }
  if (letters == 0) {
    // A bare number is an HTTP error status only from 400 to 599; other numbers (ports, ids) never conflict.
    return digits.size() == 3 && (digits[0] == '4' || digits[0] == '5') ? "#3" : std::string();
  }
  return std::string(token.substr(0, letters)) + "#" + std::to_string(digits.size());
}

// Every feature of a text, each once, as strings ("w:word", "b:two words", "c:gram", "x:code").
std::set<std::string> Features(const std::vector<Token>& tokens) {
  std::set<std::string> out;
  const Token* previous = nullptr;
  for (const Token& t : tokens) {
    if (t.is_code) {
      out.insert("x:" + std::string(t.text));
      previous = nullptr;
      continue;
    }
    if (Stopword(t.text)) {
      previous = nullptr;
      continue;
    }
    out.insert("w:" + std::string(t.text));
    if (previous) out.insert("b:" + std::string(previous->text) + " " + std::string(t.text));
    if (t.text.size() >= kGramMinWord) {
      for (std::size_t k = 0; k + kGramLength <= t.text.size(); ++k) out.insert("c:" + std::string(t.text.substr(k, kGramLength)));
    }
    previous = &t;
  }
  return out;
}

double KindWeight(const std::string& feature) {
  switch (feature[0]) {
    case 'b': return kPairWeight;
    case 'x': return kExactWeight;
    case 'c': return kGramWeight;
    default: return 1.0;
  }
}

}  // namespace

std::uint32_t SimilarityIndex::FeatureId(const std::string& feature) {
  auto [it, inserted] = ids_.try_emplace(feature, static_cast<std::uint32_t>(names_.size()));
  if (inserted) names_.push_back(feature);
  return it->second;
}

SimilarityIndex::SimilarityIndex(const KnowledgeBase& kb) : kb_(&kb) {
  for (std::size_t e = 0; e < kb.entries.size(); ++e) {
    const Entry& entry = kb.entries[e];
    std::vector<std::string> texts;
    for (const auto& [lang, text] : entry.message) texts.push_back(text);
    for (const Signature& sig : entry.signatures) texts.insert(texts.end(), sig.examples.begin(), sig.examples.end());
    for (const std::string& text : texts) {
      const NormalizedText n = Normalize(text, /*keep_offsets=*/false);
      Document doc{e, {}, 0, {}};
      for (const std::string& f : Features(Tokenize(n.text))) doc.features.push_back(FeatureId(f));
      if (doc.features.empty()) continue;
      std::sort(doc.features.begin(), doc.features.end());
      documents_.push_back(std::move(doc));
    }
  }
  // Inverse document frequency: a feature every text has says nothing.
  std::vector<std::size_t> df(names_.size(), 0);
  for (const Document& d : documents_) {
    for (std::uint32_t f : d.features) ++df[f];
  }
  weights_.resize(names_.size());
  const double n = static_cast<double>(documents_.size());
  for (std::size_t f = 0; f < names_.size(); ++f) {
    weights_[f] = std::log(1.0 + n / static_cast<double>(df[f])) * KindWeight(names_[f]);
  }
  for (Document& d : documents_) {
    for (std::uint32_t f : d.features) {
      d.weight += weights_[f];
      if (names_[f][0] == 'x') d.exact.push_back(f);
    }
  }
}

std::vector<Candidate> SimilarityIndex::Closest(const std::string& normalized) const {
  if (!kb_ || documents_.empty()) return {};
  const std::vector<Token> tokens = Tokenize(normalized);
  std::set<std::uint32_t> present;         // the paste's features that some known text has
  std::set<std::string> paste_shapes;      // shapes of the paste's exact tokens
  for (const std::string& f : Features(tokens)) {
    if (auto it = ids_.find(f); it != ids_.end()) present.insert(it->second);
    if (f[0] == 'x') {
      if (std::string shape = Shape(std::string_view(f).substr(2)); !shape.empty()) paste_shapes.insert(shape);
    }
  }
  if (present.empty()) return {};

  struct Scored {
    std::size_t document;
    double similarity;
  };
  std::vector<double> best(kb_->entries.size(), 0.0);
  std::vector<std::size_t> best_document(kb_->entries.size(), 0);
  for (std::size_t d = 0; d < documents_.size(); ++d) {
    const Document& doc = documents_[d];
    // A code or status of the same family that differs rules the text out: never approximately equal.
    bool conflict = false;
    for (std::uint32_t f : doc.exact) {
      if (present.count(f)) continue;
      const std::string shape = Shape(std::string_view(names_[f]).substr(2));
      if (!shape.empty() && paste_shapes.count(shape)) conflict = true;
    }
    if (conflict) continue;
    double shared = 0;
    // Something distinctive must be shared: a word pair, or a code (a bare number such as a status is
    // not enough: "404" in "fetched 404 events" says nothing).
    bool strong = false;
    for (std::uint32_t f : doc.features) {
      if (!present.count(f)) continue;
      shared += weights_[f];
      const std::string& name = names_[f];
      const bool number = name[0] == 'x' && name.find_first_not_of("0123456789", 2) == std::string::npos;
      strong = strong || name[0] == 'b' || (name[0] == 'x' && !number);
    }
    const double similarity = shared / doc.weight;
    if (strong && similarity > best[doc.entry]) {
      best[doc.entry] = similarity;
      best_document[doc.entry] = d;
    }
  }

  std::vector<std::size_t> order;
  for (std::size_t e = 0; e < best.size(); ++e) {
    if (best[e] >= kThreshold && !kb_->entries[e].fallback) order.push_back(e);
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return best[a] > best[b]; });
  if (order.size() > kMaxProposals) order.resize(kMaxProposals);

  std::vector<Candidate> out;
  for (std::size_t e : order) {
    const Document& doc = documents_[best_document[e]];
    Candidate c;
    c.entry = &kb_->entries[e];
    c.similar = true;
    c.similarity = best[e];
    // The words worth naming: shared and missing, heaviest first.
    std::vector<std::uint32_t> words(doc.features.begin(), doc.features.end());
    std::erase_if(words, [&](std::uint32_t f) { return names_[f][0] != 'w' && names_[f][0] != 'x'; });
    std::stable_sort(words.begin(), words.end(), [&](std::uint32_t a, std::uint32_t b) { return weights_[a] > weights_[b]; });
    for (std::uint32_t f : words) {
      const std::string word = names_[f].substr(2);
      auto& list = present.count(f) ? c.shared : c.missing;
      if (list.size() < kListed) list.push_back(word);
      if (!present.count(f)) continue;
      for (const Token& t : tokens) {
        if (t.text == word) {
          c.normalized_spans.push_back({t.begin, t.begin + t.text.size()});
          break;
        }
      }
    }
    c.covered = 0;
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace conndiag
