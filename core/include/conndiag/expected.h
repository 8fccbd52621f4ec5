// A value or a precise error: how the core reports bad input instead of throwing across its boundary.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace conndiag {

// What went wrong and where: `path` is a JSON pointer into the input ("/entries/3/patterns/0"),
// empty when the problem is the input as a whole.
struct Error {
  std::string path;
  std::string message;

  // "path: message", or just the message when there is no path.
  std::string What() const { return path.empty() ? message : path + ": " + message; }
};

// Holds either a T or an Error. Check ok() before value(); error() is valid only when !ok().
template <class T>
class Expected {
 public:
  Expected(T value) : state_(std::move(value)) {}           // NOLINT(google-explicit-constructor)
  Expected(Error error) : state_(std::move(error)) {}       // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(state_); }
  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  const Error& error() const { return std::get<Error>(state_); }

 private:
  std::variant<T, Error> state_;
};

}  // namespace conndiag
