// The baseline the wasm core is compared with: the same knowledge base, classified by plain JavaScript
// with RegExp, written the straightforward way a web developer would (no prefilter). It normalizes the
// text the same way, runs every signature's patterns and hints, scores by characters explained and app clues, and
// extracts the main fields with regexes, so it does comparable work. Used by bench/page_bench.mjs.
import { signaturesOf } from './kb_signatures.mjs';

const QUOTES = [[/[\u2018\u2019\u201a\u201b\u2032]/g, "'"], [/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"'],
  [/[\u2010-\u2015\u2212]/g, '-'], [/\u2026/g, '...']];

export function normalize(text) {
  let t = text.replace(/\\+(["/'])/g, '$1').replace(/\\+[nrt]/g, ' ')
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
  for (const [re, to] of QUOTES) t = t.replace(re, to);
  t = t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/œ/g, 'oe').replace(/æ/g, 'ae').toLowerCase();
  return t.replace(/[\s\u00a0\u202f]+/g, ' ').replace(/ ?: ?/g, ':').trim();
}

export class JsClassifier {
  constructor(kb) {
    this.kb = kb;
    // An entry is recognized by any of its signatures (or by its plain patterns and hints).
    this.entries = kb.entries.map((e) => ({
      entry: e,
      signatures: signaturesOf(kb, e).map((s) => ({
        patterns: s.patterns.map((p) => new RegExp(p)),
        hints: s.hints.map((p) => new RegExp(p)),
      })),
    }));
    this.apps = Object.entries(kb.apps).map(([key, app]) => ({ key, clues: app.clues || [] }));
  }

  classify(text, { app = '', lang = 'en', top = 3 } = {}) {
    const t = normalize(text);
    let guess = null;
    let best = 0;
    for (const a of this.apps) {
      const n = a.clues.filter((c) => t.includes(c)).length;
      if (n > best) [guess, best] = [a.key, n];
    }
    const candidates = [];
    for (const { entry, signatures } of this.entries) {
      let covered = -1;
      for (const { patterns, hints } of signatures) {
        let here = 0;
        let all = true;
        for (const re of patterns) {
          const m = re.exec(t);
          if (!m) {
            all = false;
            break;
          }
          here += m[0].length;
        }
        if (!all) continue;
        for (const re of hints) {
          const m = re.exec(t);
          if (m) here += m[0].length;
        }
        covered = Math.max(covered, here);
      }
      if (covered < 0) continue;
      const named = app || guess;
      const factor = !named ? 0.9 : entry.apps.includes(named) ? 1 : entry.apps.includes('all') ? 0.9 : 0.5;
      candidates.push({ id: entry.id, app: entry.apps[0], score: (covered / (covered + 10)) * factor,
        cause: entry.cause[lang], fix: entry.fix[lang] });
    }
    candidates.sort((a, b) => b.score - a.score);
    const fields = {
      http_status: Number((/\b([1-5]\d\d)\b/.exec(t) || [])[1]) || null,
      aadsts: [...t.matchAll(/aadsts(\d{4,8})/g)].map((m) => m[1]),
      exception: (/\b([A-Z]\w*(?:Exception|Failure))\b/.exec(text) || [])[1] || null,
      oauth_error: (/"error":"([a-z_]+)"/.exec(t) || [])[1] || null,
    };
    return { matches: candidates.slice(0, top), app_guess: guess, fields };
  }
}
