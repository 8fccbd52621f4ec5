// The facts extracted from the error (status, codes, exception, OAuth error, tenant), as a definition list.
import { h } from './dom.mjs';

function display(key, fields) {
  const value = fields[key];
  if (key === 'http_status') return value ? `${value}${fields.http_reason ? ' ' + fields.http_reason : ''}` : null;
  if (key === 'aadsts') return value.length ? value.map((c) => 'AADSTS' + c).join(', ') : null;
  if (Array.isArray(value)) return value.length ? value.join(', ') : null;
  return value || null;
}

/**
 * What the error says: the extracted fields, and, when no answer is sure, the core's plain sentences about
 * them (what a status means, what a code means, which app) so that there is always a next step.
 * @param {import('./api.mjs').Result} result @param {object} words
 */
export function fieldsView(result, words) {
  const fields = result.fields;
  const rows = Object.entries(words.fieldNames)
    .map(([key, label]) => [label, display(key, fields)])
    .filter(([, value]) => value);
  const sure = result.matches.length > 0 && result.matches[0].confident;
  const sentences = sure ? [] : (result.understood || []);
  if (!rows.length && !sentences.length) return null;
  return h('section', { class: 'fields', 'aria-label': words.fields },
    h('h3', {}, words.fields),
    sentences.length ? h('ul', { class: 'understood' }, sentences.map((line) => h('li', {}, line))) : null,
    rows.length ? h('dl', {}, rows.map(([label, value]) => [h('dt', {}, label), h('dd', {}, h('code', {}, value))])) : null);
}
