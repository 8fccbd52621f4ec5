// Result cards: app, confidence in words, cause, numbered fix steps, why, matched text; and the copy buttons.
import { h } from './dom.mjs';
import { segments } from './highlight.mjs';

/** The fix as plain text and as Markdown, for the copy buttons. */
export function fixAsText(match, words) {
  const steps = match.fix.map((s, i) => `${i + 1}. ${s}`).join('\n');
  return `${match.app_name} — ${match.cause}\n\n${words.fix}:\n${steps}\n`;
}

export function fixAsMarkdown(match, words) {
  const steps = match.fix.map((s, i) => `${i + 1}. ${s}`).join('\n');
  return `### ${match.app_name}: ${match.cause}\n\n**${words.fix}**\n\n${steps}\n\n_conndiag: \`${match.id}\`_\n`;
}

function confidenceWord(match, words) {
  if (match.confident) return words.likely;
  return match.score >= 0.5 ? words.possible : words.weak;
}

async function copy(button, text, words) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Clipboard API refused (file://, permissions): fall back to a selection the person can copy.
    const area = h('textarea', { class: 'copy-fallback', 'aria-hidden': 'true' }, text);
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
  const label = button.textContent;
  button.textContent = words.copied;
  setTimeout(() => (button.textContent = label), 1500);
}

/** The pasted text with the match's spans marked (as text nodes and <mark>, never HTML). */
export function highlighted(text, spans) {
  return h('pre', { class: 'matched-text' },
    segments(text, spans).map((s) => (s.matched ? h('mark', {}, s.text) : s.text)));
}

// Where the wording that recognized the text was seen (vendor docs, SDK source, public issue): links that
// open only when clicked.
function sourcesLine(match, words) {
  const sources = (match.signature && match.signature.sources) || [];
  if (!sources.length) return null;
  return h('p', { class: 'sources' }, `${words.seenIn} `,
    sources.slice(0, 3).map((url, i) => [i ? ', ' : '', h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, new URL(url).hostname)]));
}

/**
 * One card per match, in rank order, with the page hooks data-entry-id and data-app.
 * @param {import('./api.mjs').Match} match
 */
export function resultCard(match, rank, text, words, idPrefix = 'card') {
  const level = match.confident ? 'likely' : match.score >= 0.5 ? 'possible' : 'weak';
  return h('article', { class: `card ${level}`, dataset: { entryId: match.id, app: match.app }, 'aria-labelledby': `${idPrefix}-${rank}` },
    h('header', {},
      h('h3', { id: `${idPrefix}-${rank}` }, `${rank}. ${match.app_name}`),
      h('span', { class: `badge ${level}` }, `${confidenceWord(match, words)} · ${Math.round(match.score * 100)}%`),
      match.source === 'code-table' ? h('span', { class: 'badge source' }, words.fromCodeTable) : null,
      match.similar ? h('span', { class: 'badge source' }, words.similarBadge) : null),
    match.similar ? h('p', { class: 'similar-note' }, words.similarNote) : null,
    h('p', { class: 'cause' }, h('strong', {}, `${words.cause} `), match.cause),
    match.code ? h('p', { class: 'code-reason' }, h('strong', {}, `${match.code.message} `), match.code.reason) : null,
    h('h4', {}, words.fix),
    h('ol', { class: 'fix' }, match.fix.map((step) => h('li', {}, step))),
    h('div', { class: 'actions' },
      h('button', { type: 'button', onclick: (e) => copy(e.currentTarget, fixAsText(match, words), words) }, words.copyText),
      h('button', { type: 'button', onclick: (e) => copy(e.currentTarget, fixAsMarkdown(match, words), words) }, words.copyMarkdown),
      match.link ? h('a', { href: match.link, target: '_blank', rel: 'noopener noreferrer' }, words.vendorPage) : null),
    h('details', { class: 'why' },
      h('summary', {}, words.why),
      h('ul', {}, match.evidence.map((e) => h('li', {}, e))),
      sourcesLine(match, words),
      h('p', { class: 'id' }, h('code', {}, match.id)),
      text ? h('div', {}, h('p', {}, words.matchedText), highlighted(text, match.spans)) : null));
}
