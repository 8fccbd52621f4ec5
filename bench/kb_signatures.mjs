// A knowledge base's signatures as the core reads them, for the JavaScript benchmarks: an entry's plain
// "patterns" make its one signature, and a signature that names an HTTP "status" gets that status's pattern,
// made from the file's "http_statuses", before its own patterns (core/src/http_statuses.cpp builds the same
// string; tests/core/kb_signatures_agreement.mjs checks that the two agree on every signature).

const alternation = (items, after = '') => items.map((item) => item + after).join('|');

/**
 * The pattern for an HTTP status in any of its wordings.
 * @param {{before_number: string[], statuses: Object<string, {reasons: string[], alone?: string[]}>}} wordings
 * @param {number} status
 */
export function statusPattern(wordings, status) {
  const number = String(status);
  const forms = wordings.statuses[number];
  let pattern = `\\b${number}\\)?[ :|-]{0,3}\\(?(?:(?:client|server) error:)?(?:${alternation(forms.reasons)})\\b`;
  if (wordings.before_number.length > 0) pattern += `|(?:${alternation(wordings.before_number, number)})\\b`;
  for (const alone of forms.alone || []) pattern += `|\\b${alone}\\b`;
  return pattern;
}

/**
 * Each signature of an entry as {id, patterns, hints}, with the patterns the core compiles.
 * @param {object} kb the knowledge base (data/kb.json, parsed)
 * @param {object} entry one of kb.entries
 */
export function signaturesOf(kb, entry) {
  const signatures = entry.signatures || [{ id: 'message', patterns: entry.patterns, hints: entry.hints }];
  return signatures.map((s) => ({
    id: s.id,
    patterns: [...(s.status ? [statusPattern(kb.http_statuses, s.status)] : []), ...(s.patterns || [])],
    hints: s.hints || [],
  }));
}
