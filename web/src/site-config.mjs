// The hosted page's configuration file, conndiag-config.json beside index.html, that IT edits (today: the
// report address, {"reportTo": "mailto:..."}). Read only over http(s), from the page's own folder: the
// offline file makes no request at all, and its policy (connect-src 'none') would refuse one anyway.

export const CONFIG_FILE = 'conndiag-config.json';

/**
 * The configuration, or {} when there is none to read (file://, a missing or malformed file): the page
 * works the same without it.
 * @returns {Promise<{reportTo?: string|null}>}
 */
export async function readSiteConfig() {
  if (location.protocol !== 'https:' && location.protocol !== 'http:') return {};
  try {
    // Revalidated, not cached for a year like the hashed files: IT's edit shows on the next load.
    const response = await fetch(new URL(CONFIG_FILE, document.baseURI), { credentials: 'same-origin', cache: 'no-cache' });
    if (!response.ok) return {};
    const config = await response.json();
    return config && typeof config === 'object' && !Array.isArray(config) ? config : {};
  } catch {
    return {};
  }
}
