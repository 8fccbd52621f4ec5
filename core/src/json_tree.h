// A read-only JSON tree built in one pass into flat arrays (internal to core): the core's JSON reader, for
// knowledge bases, overlays, JSON bodies in pastes and the module's options. Loading a knowledge base reads
// every value once; nlohmann's tree (a map node and a string per value) made parsing half of a page's load,
// and its code a seventh of the module. Accepts exactly what nlohmann::json::parse accepts, with the same
// values (a duplicate key keeps its last value, members are listed in key order): tests and a fuzzer
// compare the two.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace conndiag {

class JsonTree;
class JsonMembers;

// One value of a JsonTree: a small handle, valid as long as the tree (and the text it was parsed from).
class JsonValue {
 public:
  enum class Kind : std::uint8_t { kNull, kFalse, kTrue, kInteger, kUnsigned, kNumber, kString, kArray, kObject };

  Kind kind() const;
  bool is_null() const { return kind() == Kind::kNull; }
  bool is_boolean() const { return kind() == Kind::kFalse || kind() == Kind::kTrue; }
  // A whole number written without fraction or exponent that fits 64 bits (as nlohmann's is_number_integer).
  bool is_number_integer() const { return kind() == Kind::kInteger || kind() == Kind::kUnsigned; }
  bool is_number() const { return is_number_integer() || kind() == Kind::kNumber; }
  bool is_string() const { return kind() == Kind::kString; }
  bool is_array() const { return kind() == Kind::kArray; }
  bool is_object() const { return kind() == Kind::kObject; }

  bool boolean() const { return kind() == Kind::kTrue; }
  // An integer's value; one above INT64_MAX (kUnsigned) reads as INT64_MAX here, exactly in unsigned_integer().
  std::int64_t integer() const;
  std::uint64_t unsigned_integer() const;
  double number() const;            // any number's value
  std::string_view string() const;  // a string's text, unescaped, UTF-8

  // Members of an object or elements of an array (0 for anything else).
  std::size_t size() const;
  bool empty() const { return size() == 0; }
  // The i-th element of an array, or the i-th member's value of an object (members in key order).
  JsonValue operator[](std::size_t i) const;
  // The i-th member's key of an object.
  std::string_view key(std::size_t i) const;
  // An object's member of that key, or nothing (also for a value that is not an object).
  std::optional<JsonValue> find(std::string_view key) const;
  bool contains(std::string_view key) const { return find(key).has_value(); }

  // An object's members in key order, for `for (const auto& [key, value] : v.members())`.
  JsonMembers members() const;

 private:
  friend class JsonTree;
  JsonValue(const JsonTree* tree, std::uint32_t node) : tree_(tree), node_(node) {}
  const JsonTree* tree_;
  std::uint32_t node_;
};

// An object's members, as JsonValue::members() lists them.
struct JsonMember {
  std::string_view key;
  JsonValue value;
};

class JsonMembers {
 public:
  class Iterator {
   public:
    Iterator(const JsonValue* object, std::size_t i) : object_(object), i_(i) {}
    JsonMember operator*() const { return {object_->key(i_), (*object_)[i_]}; }
    Iterator& operator++() { return ++i_, *this; }
    bool operator!=(const Iterator& other) const { return i_ != other.i_; }

   private:
    const JsonValue* object_;
    std::size_t i_;
  };
  explicit JsonMembers(JsonValue object) : object_(object) {}
  Iterator begin() const { return {&object_, 0}; }
  Iterator end() const { return {&object_, object_.size()}; }

 private:
  JsonValue object_;
};

inline JsonMembers JsonValue::members() const { return JsonMembers(*this); }

class JsonTree {
 public:
  JsonTree() = default;
  JsonTree(const JsonTree&) = delete;  // values point into the tree
  JsonTree& operator=(const JsonTree&) = delete;

  // Parses `text` (which must outlive the tree: strings without escapes are read in place). False when it is
  // not one JSON value or nests deeper than `max_depth`; error() then says what and where.
  bool Parse(std::string_view text, int max_depth);
  const std::string& error() const { return error_; }
  // Whether Parse stopped because the text nests deeper than `max_depth` (containers in containers).
  bool too_deep() const { return too_deep_; }
  // The whole text's value; only after Parse returned true.
  JsonValue root() const { return JsonValue(this, root_); }

 private:
  friend class JsonValue;
  struct Node {
    JsonValue::Kind kind;
    std::uint32_t key;    // an object member's key (index in strings_)
    std::uint32_t first;  // a container's first child (index in nodes_), or a string's index in strings_
    std::uint32_t count;  // a container's children
    union {
      std::int64_t integer;
      std::uint64_t unsigned_integer;
      double number;
    };
  };
  class Parser;

  std::vector<Node> nodes_;                // each container's children stored together, after their own
  std::vector<std::string_view> strings_;  // into the text, or into owned_ for strings that had escapes
  std::deque<std::string> owned_;          // a deque: growing it never moves the strings views point into
  std::uint32_t root_ = 0;
  std::string error_;
  bool too_deep_ = false;
};

}  // namespace conndiag
