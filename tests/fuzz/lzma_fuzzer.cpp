// libFuzzer target: the offline page's LZMA decoder (wasm/lzma_decoder.c) on arbitrary bytes, with buffers
// of exactly the sizes the page gives it, so ASan sees any read or write outside them. Whatever the input,
// it must return (no crash, no hang) with one of its codes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <vector>

extern "C" {
std::uint32_t lzma_probabilities(std::uint32_t props);
std::uint32_t lzma_decode(const std::uint8_t* in, std::uint32_t in_size, std::uint8_t* out, std::uint32_t out_size,
                          std::uint16_t* probs);
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 13) return 0;
  // The unpacked size from the header, as the page reads it; capped so one input stays quick.
  const std::uint32_t out_size = data[5] | (data[6] << 8) | (data[7] << 16) | (std::uint32_t{data[8]} << 24);
  if (out_size > (1u << 20) || (data[9] | data[10] | data[11] | data[12]) != 0) return 0;
  const std::uint32_t probabilities = lzma_probabilities(data[0]);
  // Exactly sized copies: the decoder must not touch a byte beyond any of them.
  std::vector<std::uint8_t> in(data, data + size);
  std::vector<std::uint8_t> out(out_size);
  std::vector<std::uint16_t> probs(probabilities);
  const std::uint32_t result = lzma_decode(in.data(), static_cast<std::uint32_t>(in.size()), out.data(), out_size,
                                           probabilities ? probs.data() : nullptr);
  if (result > 9) std::abort();  // a code the page does not know
  return 0;
}
