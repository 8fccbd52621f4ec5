// Localized words keyed by language, English the fallback: each layer (the core, the CLI) has one table.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace conndiag {

template <class Words, std::size_t N>
class WordsTable {
 public:
  // `tables`: (language code, words) pairs; the first is the fallback and must be English.
  constexpr explicit WordsTable(std::array<std::pair<std::string_view, const Words*>, N> tables) : tables_(tables) {}

  // The words for `lang`, or the fallback's when there is no table for it.
  const Words& For(std::string_view lang) const {
    for (const auto& [code, words] : tables_) {
      if (code == lang) return *words;
    }
    return *tables_.front().second;
  }

  std::vector<std::string> Languages() const {
    std::vector<std::string> out;
    for (const auto& table : tables_) out.emplace_back(table.first);
    return out;
  }

  // One warning per language of `declared` (a knowledge base's "languages") with no table, as
  // "/languages/2: \"de\": <what falls back> fall back to English (there are words for en, fr)".
  std::vector<std::string> MissingWarnings(const std::vector<std::string>& declared, std::string_view what) const {
    std::string available;
    for (const auto& table : tables_) available += (available.empty() ? "" : ", ") + std::string(table.first);
    std::vector<std::string> warnings;
    for (std::size_t i = 0; i < declared.size(); ++i) {
      bool known = false;
      for (const auto& table : tables_) known = known || table.first == declared[i];
      if (!known) {
        warnings.push_back("/languages/" + std::to_string(i) + ": \"" + declared[i] + "\": " + std::string(what) +
                           " fall back to English (there are words for " + available + ")");
      }
    }
    return warnings;
  }

 private:
  std::array<std::pair<std::string_view, const Words*>, N> tables_;
};

}  // namespace conndiag
