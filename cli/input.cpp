// Reading the CLI's input: decoding to UTF-8, refusing binary data, and line streaming in bounded memory.
#include "input.h"

#include <cerrno>
#include <cstring>
#include <vector>

#include "conndiag/utf8.h"

namespace conndiag::cli {
namespace {

constexpr std::size_t kChunk = 1 << 20;
constexpr std::size_t kBinaryWindow = 8000;  // like git: a NUL this early means binary

// Windows-1252's bytes 0x80-0x9F (0xA0-0xFF are Latin-1, the same code points). The five undefined
// bytes map to the C1 control of the same value, as browsers decode them.
constexpr char16_t kWindows1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

// Checks the UTF-8 of `bytes`: 1 valid with a multi-byte sequence, 0 only ASCII (or a sequence cut at the
// end, to be judged with the next piece), -1 invalid.
int Utf8Verdict(std::string_view bytes) {
  int verdict = 0;
  for (std::size_t i = 0; i < bytes.size();) {
    const Utf8Char c = DecodeUtf8(bytes, i);
    if (!c.valid) {
      // A good lead whose sequence runs into the end of this piece may complete in the next one.
      const auto lead = static_cast<unsigned char>(bytes[i]);
      const bool cut = lead >= 0xC2 && lead <= 0xF4 && i + c.length == bytes.size();
      return cut ? verdict : -1;
    }
    if (c.length > 1) verdict = 1;
    i += c.length;
  }
  return verdict;
}

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
    if (!utf8_confirmed_) {
      // Decided by the first non-ASCII bytes: valid UTF-8 stays UTF-8 (later bad bytes are only bad bytes).
      // A sequence cut at the end of this piece waits for the next one to be judged whole.
      std::string joined = carry_ + std::string(bytes);
      carry_.clear();
      std::size_t tail = 0;
      while (tail < 3 && tail < joined.size() &&
             (static_cast<unsigned char>(joined[joined.size() - 1 - tail]) & 0xC0) == 0x80) {
        ++tail;
      }
      if (tail < joined.size() && static_cast<unsigned char>(joined[joined.size() - 1 - tail]) >= 0xC0) {
        carry_ = joined.substr(joined.size() - 1 - tail);
        joined.resize(joined.size() - 1 - tail);
      }
      const int verdict = Utf8Verdict(joined);
      if (verdict < 0) {
        encoding_ = Encoding::kWindows1252;
        DecodeWindows1252(joined + carry_, out);
        carry_.clear();
        return std::nullopt;
      }
      utf8_confirmed_ = verdict > 0;
      out.append(joined);
      return std::nullopt;
    }
    out.append(bytes);
    return std::nullopt;
  }
  if (encoding_ == Encoding::kWindows1252) {
    DecodeWindows1252(bytes, out);
    return std::nullopt;
  }
  DecodeUtf16(bytes, out);
  return std::nullopt;
}

void InputDecoder::DecodeWindows1252(std::string_view bytes, std::string& out) {
  for (char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x80) out.push_back(c);
    else if (b < 0xA0) AppendUtf8(out, kWindows1252High[b - 0x80]);
    else AppendUtf8(out, b);
  }
}

std::string NotesWarning(const InputNotes& notes) {
  return notes.windows1252 ? "the input is not valid UTF-8: it was read as Windows-1252 (Western European)" : "";
}

std::optional<std::string> InputDecoder::Finish(std::string& out) {
  if (encoding_ == Encoding::kUnknown) {
    encoding_ = Encoding::kUtf8;
    std::string held;
    held.swap(carry_);
    return Feed(held, out);
  }
  if (encoding_ == Encoding::kUtf8) {
    out.append(carry_);  // a UTF-8 sequence cut by the end of the input: the core reads it as a bad byte
  } else if (!carry_.empty() || high_surrogate_) {
    AppendUtf8(out, 0xFFFD);  // a cut-off UTF-16 unit
  }
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
                                        const std::function<void(std::size_t)>& on_progress, InputNotes* notes) {
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
  if (notes) notes->windows1252 = decoder.windows1252();
  return on_text(decoded);
}

std::optional<std::string> ReadAll(std::FILE* in, std::size_t limit, std::string& text, InputNotes* notes,
                                   const char* what) {
  return ForEachChunk(
      in,
      [&](std::string_view piece) -> std::optional<std::string> {
        text.append(piece);
        if (text.size() <= limit) return std::nullopt;
        const std::string too_big = std::string(what) + " is larger than " + std::to_string(limit >> 20) + " MB";
        return std::string(what) == "the input" ? too_big + "; a single error is never that long: for a log use --log"
                                                : too_big + ", the most conndiag accepts";
      },
      [](std::size_t) {}, notes);
}

}  // namespace conndiag::cli
