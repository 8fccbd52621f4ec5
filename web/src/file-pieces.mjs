// A file's bytes in pieces of a fixed size (the last one shorter), read as one stream: reading a slice per
// piece took longer (100 MB read alone in a worker: 197-309 ms against 109-161 ms). Each piece has a buffer
// of its own, so that it can be handed to another worker.
//
// Where the browser's file streams are byte streams (Chromium, Firefox), the stream writes into the piece
// itself ("bring your own buffer"): no buffer per chunk for the collector to free, no copy from it. In the
// page's two-worker log, reading was a third of the helper's time, and the helper is what the log worker
// waits for (100 MB after a drag: the helper's reading 209-261 ms with a copy of each chunk, 135-200 ms
// without). Elsewhere the chunks the stream gives are copied into the piece.

// The browser refuses a file changed since it was chosen: said apart from the module's own errors.
const unreadable = (e) => Object.assign(new Error(e?.message ?? String(e)), { unreadable: true });

/**
 * @param {Blob} file
 * @param {number} pieceBytes
 * @returns {AsyncGenerator<Uint8Array>}
 */
export async function* filePieces(file, pieceBytes) {
  const stream = file.stream();
  let reader;
  let readInto;
  try {
    reader = stream.getReader({ mode: 'byob' });
    readInto = writtenInPlace(reader);
  } catch {
    reader = stream.getReader();  // not a byte stream
    readInto = copiedIn(reader);
  }
  let piece = new Uint8Array(pieceBytes);
  let filled = 0;
  try {
    for (;;) {
      const step = await readInto(piece, filled).catch((e) => {
        throw unreadable(e);
      });
      ({ piece, filled } = step);
      if (step.done) break;
      if (filled === pieceBytes) {
        yield piece;
        piece = new Uint8Array(pieceBytes);
        filled = 0;
      }
    }
    if (filled > 0) yield piece.subarray(0, filled);
  } finally {
    reader.releaseLock();
  }
}

// Each way of reading adds what comes next to the piece from `filled` on, and says where the piece is
// then, how much of it is filled and whether the stream has ended.

// A byte stream's reader writes into the piece. The read takes the piece's buffer and its result gives it
// back, moved (the old view is emptied), with what was written.
const writtenInPlace = (reader) => async (piece, filled) => {
  const { done, value } = await reader.read(piece.subarray(filled));
  return { done, piece: value ? new Uint8Array(value.buffer) : piece, filled: done ? filled : filled + value.length };
};

// Any other stream's chunks are copied in; a chunk bigger than the room left goes on into the next piece.
function copiedIn(reader) {
  let chunk = new Uint8Array(0);
  let used = 0;
  return async (piece, filled) => {
    if (used === chunk.length) {
      const { done, value } = await reader.read();
      if (done) return { done, piece, filled };
      chunk = value;
      used = 0;
    }
    const take = Math.min(chunk.length - used, piece.length - filled);
    piece.set(chunk.subarray(used, used + take), filled);
    used += take;
    return { done: false, piece, filled: filled + take };
  };
}
