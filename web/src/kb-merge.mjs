// Portal knowledge bases: a file that extends the built-in one (adds rows, overrides a row's texts) or
// replaces it. The merged base is then validated by the core; its errors are mapped back to the file
// and the JSON path the portal team wrote.

/**
 * @typedef {object} MergedKb
 * @property {object} kb                 The knowledge base to load.
 * @property {(message: string) => string} explain  Rewrites a core error ("/entries/88/patterns/0: ...") to
 *                                       name the portal file and its own path.
 */

/**
 * Merges `overlay` (parsed JSON from `source`) into `base`. With `"extends": "conndiag"`, entries whose id
 * exists replace only the fields they give, new entries are added (source "custom" unless given), apps are
 * merged key by key, and the version becomes "base+overlay". Without it, the overlay replaces the base.
 * @param {object} base
 * @param {object} overlay
 * @param {string} source  Where the overlay came from (URL or file name), for error messages.
 * @returns {MergedKb}
 */
export function mergeKnowledgeBases(base, overlay, source) {
  const where = (path, message) => `${source}: ${path}: ${message}`;
  if (!overlay || typeof overlay !== 'object' || Array.isArray(overlay)) {
    throw new Error(where('/', 'the knowledge base must be a JSON object'));
  }
  if (overlay.extends === undefined) {
    const { $schema, ...kb } = overlay;
    return { kb, explain: (m) => `${source}: ${m}` };
  }
  if (overlay.extends !== 'conndiag') throw new Error(where('/extends', 'must be "conndiag" (the built-in knowledge base)'));
  if (overlay.entries !== undefined && !Array.isArray(overlay.entries)) throw new Error(where('/entries', 'must be an array'));
  if (overlay.apps !== undefined && (typeof overlay.apps !== 'object' || Array.isArray(overlay.apps))) {
    throw new Error(where('/apps', 'must be an object keyed by app'));
  }

  const kb = structuredClone(base);
  delete kb.$schema;
  if (overlay.version !== undefined) kb.version = `${base.version}+${overlay.version}`;
  for (const [key, app] of Object.entries(overlay.apps || {})) kb.apps[key] = { ...(kb.apps[key] || {}), ...app };

  // Where each merged entry came from, to translate the core's paths back into the overlay's.
  const origin = kb.entries.map(() => null);
  const index = new Map(kb.entries.map((e, i) => [e.id, i]));
  (overlay.entries || []).forEach((entry, i) => {
    if (!entry || typeof entry !== 'object' || typeof entry.id !== 'string') {
      throw new Error(where(`/entries/${i}`, 'each entry needs a string "id"'));
    }
    if (index.has(entry.id)) {
      const at = index.get(entry.id);
      kb.entries[at] = { ...kb.entries[at], ...entry };
      origin[at] = i;
    } else {
      index.set(entry.id, kb.entries.length);
      kb.entries.push({ source: 'custom', ...entry });
      origin.push(i);
    }
  });

  const explain = (message) => {
    const m = /^\/entries\/(\d+)(.*)$/s.exec(message);
    if (m && origin[Number(m[1])] !== null && origin[Number(m[1])] !== undefined) {
      return `${source}: /entries/${origin[Number(m[1])]}${m[2]}`;
    }
    return `${source} (merged with the built-in knowledge base): ${message}`;
  };
  return { kb, explain };
}
