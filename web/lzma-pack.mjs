// Packs bytes for the offline page (web/build.mjs): .lzma as `xz --format=lzma` writes it, about 20%
// smaller than gzip on the module and the knowledge base, with the unpacked size written into its header
// (web/src/lzma.mjs wants it there; xz leaves it unknown and ends the stream with an end marker).
import { execFileSync } from 'node:child_process';

/**
 * @param {Uint8Array} bytes
 * @param {string} [options]  xz's --lzma1 options
 * @returns {Buffer}
 */
export function packLzma(bytes, options = 'preset=9e,nice=273') {
  let packed;
  try {
    packed = execFileSync('xz', ['--format=lzma', `--lzma1=${options}`, '--stdout'], { input: bytes, maxBuffer: 1 << 30 });
  } catch (err) {
    throw new Error(`packing with xz failed: ${err.code === 'ENOENT' ? 'xz is not installed (scripts/setup installs it)' : err.message}`);
  }
  packed.writeUInt32LE(bytes.length, 5);
  packed.writeUInt32LE(0, 9);
  return packed;
}
