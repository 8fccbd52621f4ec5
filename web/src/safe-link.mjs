// Which addresses a card may turn into links: only absolute https:// ones, whatever the knowledge base (a
// custom one included) or a reply says. The loader refuses any other already; this holds even if it did not.

/** Whether `url` is an absolute https:// address. */
export function isHttps(url) {
  if (typeof url !== 'string') return false;
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The addresses a card links to: the vendor's page (null when there is none or it is not https) and at most
 * three https sources of the signature that matched.
 * @param {import('./api.mjs').Match} match
 * @returns {{vendor: string | null, sources: string[]}}
 */
export function cardLinks(match) {
  const sources = (match.signature && match.signature.sources) || [];
  return { vendor: isHttps(match.link) ? match.link : null, sources: sources.filter(isHttps).slice(0, 3) };
}
