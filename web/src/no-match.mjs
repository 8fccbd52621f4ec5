// What to show when no known error matched, so that the reader still has a next step: what the text was
// understood to say (first), advice for its HTTP status, the next thing to try, and Microsoft's
// troubleshooting page for app connectors (opened only on click).
import { h } from './dom.mjs';
import { fieldsView } from './fields-view.mjs';

export const TROUBLESHOOTING_URL = 'https://learn.microsoft.com/defender-cloud-apps/troubleshooting-api-connectors-using-error-messages';

/**
 * The generic advice for an HTTP status, or null when the status says nothing useful on its own.
 * @param {number|null} status @param {object} words
 */
export function statusAdvice(status, words) {
  if (status === 401 || status === 403) return words.adviceAuth(status);
  if (status === 404) return words.advice404;
  if (status === 429 || (status >= 500 && status <= 599)) return words.adviceRetry(status);
  return null;
}

/**
 * The no-match block: lead, what was understood, status advice, next step, troubleshooting link.
 * @param {import('./api.mjs').Result} result @param {object} words
 * @param {string} app the app already chosen ('' for none: only then is the reader asked to choose one)
 */
export function noMatchView(result, words, app) {
  const advice = statusAdvice(result.fields && result.fields.http_status, words);
  return h('div', { class: 'no-match' },
    h('p', { class: 'lead' }, words.noMatch),
    fieldsView(result, words),
    advice ? h('p', { class: 'status-advice' }, advice) : null,
    h('p', { class: 'next' }, app ? words.noMatchNextApp : words.noMatchNext),
    h('p', { class: 'troubleshooting' },
      h('a', { href: TROUBLESHOOTING_URL, target: '_blank', rel: 'noopener noreferrer' }, words.troubleshootingLink)));
}
