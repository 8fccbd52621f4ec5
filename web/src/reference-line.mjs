// The small line on a card for a row of Microsoft's troubleshooting table: a link to Microsoft's page with
// the day the row was last checked against it. Only https addresses become links (safe-link.mjs).
import { h } from './dom.mjs';
import { isHttps } from './safe-link.mjs';

/**
 * "27 Nov 2026" (English) or "27 nov. 2026" (French) for "2026-11-27", with the language's short month
 * names; null for anything but a real day. Not Intl.DateTimeFormat: making the first one in a page loads
 * locale data, 18-40 ms on the main thread just before the first answer is shown.
 * @param {string|undefined|null} iso
 * @param {readonly string[]} months the twelve short month names, January first
 */
export function dayInWords(iso, months) {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
  if (!parts) return null;
  const [year, month, day] = parts.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 30 February over into March: such a day does not exist.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${day} ${months[month - 1]} ${year}`;
}

/**
 * The reference line of a match, or null when it has none (or one that is not https or has no real day).
 * @param {import('./api.mjs').Match} match
 */
export function referenceLine(match, words) {
  const ref = match.reference;
  if (!ref || !isHttps(ref.url)) return null;
  const day = dayInWords(ref.checked || ref.missing, words.referenceMonths);
  if (!day) return null;
  return h('p', { class: 'reference' },
    h('a', { href: ref.url, target: '_blank', rel: 'noreferrer noopener' },
      ref.checked ? words.referenceChecked(day) : words.referenceMissing(day)));
}
