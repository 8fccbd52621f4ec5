// Knowledge bases that extend another ("extends": "conndiag"): merged here, validated by the loader
// (internal to core; Classifier::FromJsonExtending is the public way in).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "conndiag/expected.h"

namespace conndiag {

struct MergedKnowledgeBase {
  std::string json;          // the complete knowledge base to load
  std::vector<long> origin;  // merged entry index -> the overlay's entry index, or -1 (the base's own)
  // JSON pointers whose value in the merged base is the overlay's value at the same pointer, as it was
  // given: an app's field ("/apps/box/name"), a status ("/http_statuses/statuses/407"), another field of
  // the status wordings ("/http_statuses/before_number").
  std::vector<std::string> given;
};

// Whether a knowledge-base file extends another (has a top-level "extends"). Cheap; false for non-JSON.
bool ExtendsAnother(std::string_view json);

// Merges an extending file into `base_json`: entries whose id exists replace only the fields they give,
// new ids are added (source "custom" unless given), apps merge key by key, and the version becomes
// "base+overlay". The overlay is held to the same rules as a whole knowledge base: its size, nesting,
// known fields and their types (errors name its own JSON path).
Expected<MergedKnowledgeBase> MergeOverlay(std::string_view base_json, std::string_view overlay_json);

// An error about the merged knowledge base, told in the overlay's terms: "/entries/88/..." becomes the
// overlay's "/entries/0/..." when entry 88 came from it, a path under one the overlay gave is its own;
// otherwise it says the merged base is meant.
Error InOverlayTerms(const Error& merged, const MergedKnowledgeBase& how);

}  // namespace conndiag
