// The log workers read a file in fixed-size pieces (web/src/file-pieces.mjs): from a byte stream into the
// pieces themselves, from any other stream by copying. Either way the pieces must be the file, in order,
// each the full size but the last, each with a buffer of its own (it is handed to another worker).
import { test } from 'node:test';
import assert from 'node:assert/strict';

import fc from 'fast-check';

import { filePieces } from '../../web/src/file-pieces.mjs';

// A Blob-like file whose stream gives `bytes` in chunks of the given sizes (cycled), as a byte stream or
// not, failing after `failAfter` chunks if set; `modes` records each reader asked for (a plain stream
// refuses a 'byob' one).
function fakeFile(bytes, chunkSizes, { byteStream, failAfter = Infinity, modes = [] }) {
  return {
    size: bytes.length,
    stream() {
      let at = 0;
      let chunks = 0;
      const stream = new ReadableStream({
        type: byteStream ? 'bytes' : undefined,
        pull(controller) {
          if (chunks === failAfter) {
            controller.error(new TypeError('the file changed'));
            return;
          }
          if (at === bytes.length) {
            controller.close();
            controller.byobRequest?.respond(0);
            return;
          }
          const size = Math.min(chunkSizes[chunks % chunkSizes.length], bytes.length - at);
          controller.enqueue(bytes.slice(at, at + size));
          at += size;
          chunks += 1;
        },
      });
      return recordingReaders(stream, modes);
    },
  };
}

// `stream`, its getReader recording in `modes` each reader asked for.
function recordingReaders(stream, modes) {
  const getReader = stream.getReader.bind(stream);
  stream.getReader = (options) => {
    modes.push(options?.mode ?? 'default');
    return getReader(options);
  };
  return stream;
}

async function collect(file, pieceBytes) {
  const pieces = [];
  for await (const piece of filePieces(file, pieceBytes)) pieces.push(piece);
  return pieces;
}

function checkPieces(pieces, bytes, pieceBytes) {
  assert.equal(pieces.length, Math.ceil(bytes.length / pieceBytes));
  pieces.forEach((piece, i) => {
    assert.equal(piece.length, i < pieces.length - 1 ? pieceBytes : bytes.length - i * pieceBytes);
    assert.equal(piece.byteOffset, 0);
  });
  assert.equal(new Set(pieces.map((piece) => piece.buffer)).size, pieces.length, 'a buffer of its own each');
  assert.deepEqual(Buffer.concat(pieces), Buffer.from(bytes));
}

test('a byte stream and a plain one give the same pieces: the file, in order, full size but the last', async () => {
  await fc.assert(fc.asyncProperty(
    fc.uint8Array({ maxLength: 3000 }),
    fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 5 }),
    fc.integer({ min: 1, max: 1024 }),
    async (bytes, chunkSizes, pieceBytes) => {
      for (const byteStream of [true, false]) {
        const modes = [];
        const pieces = await collect(fakeFile(bytes, chunkSizes, { byteStream, modes }), pieceBytes);
        assert.deepEqual(modes, byteStream ? ['byob'] : ['byob', 'default']);  // refused, then a plain reader
        checkPieces(pieces, bytes, pieceBytes);
      }
    }), { numRuns: 300 });
});

test('a real Blob is read into the pieces themselves (its stream is a byte stream)', async () => {
  const bytes = new Uint8Array(200_000).map((_, i) => (i * 7919) & 255);
  const blob = new Blob([bytes]);
  const modes = [];
  const file = { stream: () => recordingReaders(blob.stream(), modes) };
  const pieces = await collect(file, 65_536);
  assert.deepEqual(modes, ['byob']);
  checkPieces(pieces, bytes, 65_536);
  // Each piece can be moved to another worker, and the others stay whole.
  structuredClone(pieces[0], { transfer: [pieces[0].buffer] });
  assert.equal(pieces[0].length, 0);
  assert.equal(pieces[1].length, 65_536);
});

test('an empty file gives no piece', async () => {
  assert.deepEqual(await collect(new Blob([]), 16), []);
  assert.deepEqual(await collect(fakeFile(new Uint8Array(0), [4], { byteStream: false }), 16), []);
});

test('a stream that fails (a file changed since it was chosen) fails the read as unreadable, either way', async () => {
  for (const byteStream of [true, false]) {
    const file = fakeFile(new Uint8Array(5000), [1000], { byteStream, failAfter: 3 });
    const pieces = [];
    await assert.rejects(async () => {
      for await (const piece of filePieces(file, 2048)) pieces.push(piece);
    }, (e) => e.unreadable === true && /the file changed/.test(e.message));
    assert.equal(pieces.length, 1, 'the piece read before the failure came first');
  }
});
