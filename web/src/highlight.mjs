// Splits a text into plain and matched segments from [begin, end) spans (JS string indices).

/**
 * @param {string} text
 * @param {Array<[number, number]>} spans  Any order, may overlap or run past the end.
 * @returns {Array<{text: string, matched: boolean}>}
 */
export function segments(text, spans) {
  const clean = spans
    .map(([b, e]) => [Math.max(0, Math.min(b, text.length)), Math.max(0, Math.min(e, text.length))])
    .filter(([b, e]) => e > b)
    .sort((x, y) => x[0] - y[0]);
  const merged = [];
  for (const [b, e] of clean) {
    const last = merged[merged.length - 1];
    if (last && b <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([b, e]);
  }
  const out = [];
  let at = 0;
  for (const [b, e] of merged) {
    if (b > at) out.push({ text: text.slice(at, b), matched: false });
    out.push({ text: text.slice(b, e), matched: true });
    at = e;
  }
  if (at < text.length) out.push({ text: text.slice(at), matched: false });
  return out;
}
