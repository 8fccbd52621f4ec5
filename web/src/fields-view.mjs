// The facts extracted from the error (status, codes, exception, OAuth error, tenant), as a definition list.
import { h } from './dom.mjs';

function display(key, fields) {
  const value = fields[key];
  if (key === 'http_status') return value ? `${value}${fields.http_reason ? ' ' + fields.http_reason : ''}` : null;
  if (key === 'aadsts') return value.length ? value.map((c) => 'AADSTS' + c).join(', ') : null;
  if (Array.isArray(value)) return value.length ? value.join(', ') : null;
  return value || null;
}

/** @param {object} fields  Result.fields @param {object} words */
export function fieldsView(fields, words) {
  const rows = Object.entries(words.fieldNames)
    .map(([key, label]) => [label, display(key, fields)])
    .filter(([, value]) => value);
  if (!rows.length) return null;
  return h('section', { class: 'fields', 'aria-label': words.fields },
    h('h3', {}, words.fields),
    h('dl', {}, rows.map(([label, value]) => [h('dt', {}, label), h('dd', {}, h('code', {}, value))])));
}
