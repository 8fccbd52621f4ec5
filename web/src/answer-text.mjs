// The words a card says about itself, derived from the match: its short title (the cause in brief), where
// the answer comes from, and whether the top answers are too close to pick one. Pure functions: no DOM.

const TITLE_CHARS = 70;

// A cause reads "X happened (detail): consequence, so more." Its first clause is the short title: cut at the
// first sentence end, colon, semicolon, dash or ", so" (French puts a space before ':' and ';'), once the
// parentheses (detail, never the gist) are dropped.
// Plain commas are not cuts: "The Slack Discovery API, which the connector reads, is not enabled" keeps its subject.
const CLAUSE_END = /\.\s|\s?[:;]\s|\s[—–-]\s|,\s(?:so|donc|because|car)\s/;

/**
 * The cause in brief: its first clause, at most about 70 characters, cut at a word boundary.
 * @param {string} cause
 */
export function shortCause(cause) {
  let text = String(cause || '').replace(/\s*\([^()]*\)/g, '').trim();
  const cut = text.search(CLAUSE_END);
  // A clause of a few words ("Okta says") says nothing: then the cause is cut by length only.
  if (cut >= 20) text = text.slice(0, cut);
  text = text.replace(/[.\s]+$/, '');
  if (text.length <= TITLE_CHARS) return text;
  const space = text.lastIndexOf(' ', TITLE_CHARS);
  return text.slice(0, space > 30 ? space : TITLE_CHARS).replace(/[,;:\s]+$/, '') + '…';
}

// The family of a code-table row, from its id (aadsts-…, af-…) or its app (Okta's E0000… codes).
function codeFamily(match) {
  if (/^aadsts/i.test(match.id)) return 'AADSTS';
  if (/^af-/i.test(match.id)) return 'AF';
  if (match.app === 'okta') return 'Okta';
  return 'AADSTS/AF/Okta';
}

/**
 * One plain sentence of where the answer comes from (Microsoft's table, a code table, a vendor, the organization).
 * @param {import('./api.mjs').Match} match @param {object} words
 */
export function provenance(match, words) {
  if (match.source === 'connector') return match.row ? words.fromTableRow(match.row) : words.fromTable;
  if (match.source === 'code-table') return words.fromCodeTableWhy(codeFamily(match));
  if (match.source === 'vendor') return words.fromVendor;
  return words.fromCustom;
}

/**
 * Whether to tell the reader the answers are close: the top one is not confident, or the next one is within
 * 0.05 of it and about another app (so the order alone should not decide).
 * @param {import('./api.mjs').Match[]} matches
 */
export function answersAreClose(matches) {
  if (!matches.length) return false;
  const [top, next] = matches;
  if (!top.confident) return true;
  return Boolean(next) && next.app !== top.app && top.score - next.score <= 0.05;
}
