// For the agreement test with TextDecoder: reads hex-encoded byte strings, one per line, and prints for
// each what the core makes of it: character boundaries, the UTF-16 offset of every byte position, and the
// JSON string the result writer produces.
#include <iostream>
#include <string>
#include <vector>

#include "conndiag/utf8.h"
#include "json_writer.h"

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    std::string bytes;
    for (std::size_t i = 0; i + 1 < line.size(); i += 2) {
      bytes.push_back(static_cast<char>(std::stoi(line.substr(i, 2), nullptr, 16)));
    }
    std::vector<std::size_t> positions;
    for (std::size_t k = 0; k <= bytes.size(); ++k) positions.push_back(k);
    std::vector<std::size_t> boundaries{0};
    for (std::size_t i = 0; i < bytes.size();) {
      i += conndiag::DecodeUtf8(bytes, i).length;
      boundaries.push_back(i);
    }
    conndiag::JsonWriter w;
    w.BeginObject();
    w.Key("boundaries").BeginArray();
    for (std::size_t b : boundaries) w.Number(b);
    w.EndArray();
    w.Key("offsets").BeginArray();
    for (std::size_t o : conndiag::Utf16Offsets(bytes, positions)) w.Number(o);
    w.EndArray();
    w.Key("json").String(bytes);
    w.EndObject();
    std::cout << w.str() << '\n';
  }
  return 0;
}
