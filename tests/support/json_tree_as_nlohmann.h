// Test support: a JsonTree value as nlohmann's, so that the two readers' results can be compared by
// nlohmann's dump (json_tree_test and json_tree_fuzzer). The dump tells 1 from 1.0 and an integer from an
// unsigned one only by value, as nlohmann's own parse does.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "json_tree.h"

namespace conndiag::testing {

inline nlohmann::json AsNlohmann(const JsonValue& v) {
  switch (v.kind()) {
    case JsonValue::Kind::kNull:
      return nullptr;
    case JsonValue::Kind::kFalse:
      return false;
    case JsonValue::Kind::kTrue:
      return true;
    case JsonValue::Kind::kInteger:
      return v.integer();
    case JsonValue::Kind::kUnsigned:
      return v.unsigned_integer();
    case JsonValue::Kind::kNumber:
      return v.number();
    case JsonValue::Kind::kString:
      return std::string(v.string());
    case JsonValue::Kind::kArray: {
      auto out = nlohmann::json::array();
      for (std::size_t i = 0; i < v.size(); ++i) out.push_back(AsNlohmann(v[i]));
      return out;
    }
    case JsonValue::Kind::kObject: {
      auto out = nlohmann::json::object();
      for (const auto& [key, value] : v.members()) out[std::string(key)] = AsNlohmann(value);
      return out;
    }
  }
  return nullptr;
}

}  // namespace conndiag::testing
