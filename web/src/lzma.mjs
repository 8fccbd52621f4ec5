// The offline page's module and knowledge base travel LZMA-compressed (about 40 KB smaller than gzip);
// this unpacks them with the small decoder wasm the page also carries (wasm/lzma_decoder.c).
// The format: .lzma as `xz --format=lzma` writes it, with the size in its header
// (web/lzma-pack.mjs writes it) and the end marker after the last byte.

const HEADER = 13;  // properties byte, dictionary size (4), unpacked size (8)
const DECODER_RESERVE = 64 * 1024;  // room for the decoder's own stack and data (all below its __heap_base)
const PAGE = 64 * 1024;
const MAXIMUM_PAGES = 16384;  // 1 GB: the maximum the decoder declares
const LARGEST = 256 * 1024 * 1024;  // far above anything the page carries, well below the maximum
const align = (n) => (n + 7) & ~7;

// The decoder's return codes (lzma_decoder.c), in words.
const WHY = [
  'ok',
  'a bad header',
  'a bad range coder start',
  'a repeated match before any byte',
  'a match reaching before the start',
  'more bytes than its header says',
  'fewer bytes than its header says',
  'it is truncated',
  'no end marker after its last byte',
  'a damaged end',
];

/**
 * A function that unpacks one .lzma stream, from the decoder's wasm bytes.
 * @param {BufferSource} decoderWasm
 * @returns {Promise<(input: Uint8Array, what: string) => Uint8Array>}
 */
export async function lzmaDecoder(decoderWasm) {
  const module = await WebAssembly.compile(decoderWasm);
  return (input, what) => decode(module, input, what);
}

/**
 * @param {WebAssembly.Module} module
 * @param {Uint8Array} input
 * @param {string} what  named in errors ("the offline page's module")
 */
function decode(module, input, what) {
  const damaged = (why) => new Error(`${what} is damaged (LZMA: ${why})`);
  if (input.length < HEADER) throw damaged(WHY[1]);
  const size = input[5] + input[6] * 0x100 + input[7] * 0x10000 + input[8] * 0x1000000;
  if (input[9] | input[10] | input[11] | input[12] || size > LARGEST) throw damaged('no size, or one too big, in its header');
  // One memory for the decoder's data, the input, the output and the probabilities; each call its own
  // instance, so nothing stays allocated once the result is copied out.
  const inputAt = DECODER_RESERVE;
  const outputAt = align(inputAt + input.length);
  const probabilitiesAt = align(outputAt + size);
  // Its maximum is the one the decoder declares (1 GB, wasm/CMakeLists.txt): browsers refuse any other.
  const memory = new WebAssembly.Memory({ initial: Math.ceil(probabilitiesAt / PAGE), maximum: MAXIMUM_PAGES });
  const { exports } = new WebAssembly.Instance(module, { env: { memory } });
  if (exports.__heap_base.value > inputAt) throw new Error('the LZMA decoder needs more room than the page gives it');
  // (A bad properties byte needs none: lzma_decode then refuses it as a bad header.)
  const end = probabilitiesAt + exports.lzma_probabilities(input[0]) * 2;
  if (end > memory.buffer.byteLength) memory.grow(Math.ceil((end - memory.buffer.byteLength) / PAGE));
  new Uint8Array(memory.buffer, inputAt, input.length).set(input);
  const result = exports.lzma_decode(inputAt, input.length, outputAt, size, probabilitiesAt);
  if (result !== 0) throw damaged(WHY[result] || `code ${result}`);
  return new Uint8Array(memory.buffer, outputAt, size).slice();
}
