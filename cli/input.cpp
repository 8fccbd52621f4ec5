// Reading the CLI's input: decoding to UTF-8, refusing binary data, and line streaming in bounded memory.
#include "input.h"

#include "conndiag/normalize.h"

#include <cerrno>
#include <cstring>
#include <vector>

namespace conndiag::cli {
namespace {

constexpr std::size_t kChunk = 1 << 20;
constexpr std::size_t kBinaryWindow = 8000;  // like git: a NUL this early means binary


}  // namespace

std::optional<std::string> InputDecoder::Feed(std::string_view bytes, std::string& out) {
  if (encoding_ == Encoding::kUnknown) {
    if (carry_.size() + bytes.size() < 4) {
      carry_.append(bytes);  // too little to tell yet
      return std::nullopt;
    }
    std::string head = carry_ + std::string(bytes.substr(0, 4));
    auto u = [&](std::size_t i) { return static_cast<unsigned char>(head[i]); };
    std::size_t skip = 0;
    if (head.size() >= 3 && u(0) == 0xEF && u(1) == 0xBB && u(2) == 0xBF) {
      encoding_ = Encoding::kUtf8;
      skip = 3;
    } else if (head.size() >= 2 && u(0) == 0xFF && u(1) == 0xFE) {
      encoding_ = Encoding::kUtf16Le;
      skip = 2;
    } else if (head.size() >= 2 && u(0) == 0xFE && u(1) == 0xFF) {
      encoding_ = Encoding::kUtf16Be;
      skip = 2;
    } else if (head.size() >= 4 && u(0) != 0 && u(1) == 0 && u(2) != 0 && u(3) == 0) {
      encoding_ = Encoding::kUtf16Le;  // ASCII text saved as UTF-16 without a BOM
    } else if (head.size() >= 4 && u(0) == 0 && u(1) != 0 && u(2) == 0 && u(3) != 0) {
      encoding_ = Encoding::kUtf16Be;
    } else {
      encoding_ = Encoding::kUtf8;
    }
    std::string first = carry_ + std::string(bytes);
    carry_.clear();
    std::string_view rest(first);
    rest.remove_prefix(std::min(skip, rest.size()));
    return Feed(rest, out);
  }
  if (encoding_ == Encoding::kUtf8) {
    if (checked_ < kBinaryWindow) {
      const std::size_t n = std::min(bytes.size(), kBinaryWindow - checked_);
      const auto nul = bytes.substr(0, n).find('\0');
      if (nul != std::string_view::npos) {
        return "the input looks binary (a NUL byte at offset " + std::to_string(checked_ + nul) +
               "); give the text of the error or log";
      }
      checked_ += n;
    }
    out.append(bytes);
    return std::nullopt;
  }
  DecodeUtf16(bytes, out);
  return std::nullopt;
}

std::optional<std::string> InputDecoder::Finish(std::string& out) {
  if (encoding_ == Encoding::kUnknown) {
    encoding_ = Encoding::kUtf8;
    std::string held;
    held.swap(carry_);
    return Feed(held, out);
  }
  if (!carry_.empty() || high_surrogate_) AppendUtf8(out, 0xFFFD);  // a cut-off UTF-16 unit
  carry_.clear();
  high_surrogate_ = 0;
  return std::nullopt;
}

void InputDecoder::DecodeUtf16(std::string_view bytes, std::string& out) {
  std::string buffer = carry_ + std::string(bytes);
  carry_.clear();
  const bool le = encoding_ == Encoding::kUtf16Le;
  std::size_t i = 0;
  for (; i + 1 < buffer.size(); i += 2) {
    const auto a = static_cast<unsigned char>(buffer[i]);
    const auto b = static_cast<unsigned char>(buffer[i + 1]);
    const auto unit = static_cast<char16_t>(le ? (a | (b << 8)) : ((a << 8) | b));
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      if (high_surrogate_) AppendUtf8(out, 0xFFFD);
      high_surrogate_ = unit;
      continue;
    }
    if (unit >= 0xDC00 && unit <= 0xDFFF) {
      if (high_surrogate_) {
        AppendUtf8(out, 0x10000 + ((static_cast<char32_t>(high_surrogate_) - 0xD800) << 10) + (unit - 0xDC00u));
        high_surrogate_ = 0;
      } else {
        AppendUtf8(out, 0xFFFD);
      }
      continue;
    }
    if (high_surrogate_) {
      AppendUtf8(out, 0xFFFD);
      high_surrogate_ = 0;
    }
    AppendUtf8(out, unit);
  }
  if (i < buffer.size()) carry_.assign(buffer, i, std::string::npos);
}

std::FILE* OpenInput(const std::string& path, std::string& error) {
  if (path == "-") return stdin;
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) error = "cannot open " + path + ": " + std::strerror(errno);
  return f;
}

std::optional<std::string> ForEachChunk(std::FILE* in,
                                        const std::function<std::optional<std::string>(std::string_view)>& on_text,
                                        const std::function<void(std::size_t)>& on_progress) {
  InputDecoder decoder;
  std::vector<char> chunk(kChunk);
  std::string decoded;
  std::size_t raw = 0;
  while (true) {
    const std::size_t n = std::fread(chunk.data(), 1, chunk.size(), in);
    if (n == 0) break;
    raw += n;
    decoded.clear();
    if (auto err = decoder.Feed(std::string_view(chunk.data(), n), decoded)) return err;
    if (auto err = on_text(decoded)) return err;
    on_progress(raw);
  }
  if (std::ferror(in)) return std::string("cannot read the input: ") + std::strerror(errno);
  decoded.clear();
  if (auto err = decoder.Finish(decoded)) return err;
  return on_text(decoded);
}

std::optional<std::string> ReadAll(std::FILE* in, std::size_t limit, std::string& text) {
  return ForEachChunk(
      in,
      [&](std::string_view piece) -> std::optional<std::string> {
        text.append(piece);
        if (text.size() <= limit) return std::nullopt;
        return "the input is larger than " + std::to_string(limit >> 20) +
               " MB; a single error is never that long: for a log use --log";
      },
      [](std::size_t) {});
}

}  // namespace conndiag::cli
