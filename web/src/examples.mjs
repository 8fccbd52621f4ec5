// The first visit's examples: texts a person can try before pasting their own (an expired token, an
// ambiguous bare 401, a sample log). The two errors are the knowledge base's own wording (Microsoft's
// troubleshooting table, rows 13 and 7), in English and French; the log is generated, the same every time.

/** Microsoft 365's expired refresh token, as the table words it (entry o365-aadsts70008-token-expired). */
export const TOKEN_EXPIRED = {
  en: 'TokenRefreshException: {"error":"invalid_grant","error_description":"AADSTS70002: Error validating credentials. AADSTS70008: The provided authorization code or refresh token is expired. Send a new interactive authorization request for this user and resource.',
  fr: 'TokenRefreshException : {"error":"invalid_grant","error_description":"AADSTS70002: Erreur de validation des informations d’identification. AADSTS70008 : Le jeton d’actualisation ou le code d’autorisation fourni a expiré. Envoyez une nouvelle demande d’autorisation interactive pour cet utilisateur et cette ressource.',
};

/** A 401 with nothing naming the app: Okta, Microsoft 365 and Exchange Online all say it this way. */
export const BARE_401 = {
  en: 'HttpRequestFailure: Server returned: 401 Unauthorized',
  fr: 'HttpRequestFailure : Retourné par le serveur : 401 Non autorisé',
};

/** An error nothing in the knowledge base knows (a sync job's own wording, made up). */
export const UNKNOWN_ERROR = 'ERROR [sync] cursor 7f3a9c out of order, resetting the checkpoint';

// The log's error lines by line index: known errors of four apps (one of them twice), a 401 that names no
// app (not an Okta token error: the log would group the two), and two errors nothing knows. The other lines are the routine INFO and WARN a connector writes.
const LOG_ERRORS = new Map([
  [7, 'ERROR [box-poller] BoxRestException: Failed to parse response.'],
  [15, `ERROR [o365-poller] ${TOKEN_EXPIRED.en}"}`],
  [22, 'ERROR [okta-poller] {"errorCode":"E0000047","errorSummary":"API call exceeded rate limit due to too many requests.","errorLink":"E0000047"}'],
  [29, 'ERROR [sfdc-poller] SocketTimeoutException: Read timed out'],
  [36, `ERROR [http] ${BARE_401.en}`],
  [43, 'ERROR [box-poller] BoxRestException: Failed to parse response.'],
  [48, UNKNOWN_ERROR],
  [54, 'ERROR [scheduler] job 1182 ended with exit code 3'],
]);

const LOG_ROUTINE = [
  (i) => `INFO [scheduler] run ${200 + i} started`,
  (i) => `INFO [o365-poller] fetched ${(i * 37) % 500} activity events`,
  (i) => `INFO [box-poller] fetched ${(i * 13) % 90} events`,
  (i) => `INFO [okta-poller] fetched ${(i * 7) % 60} system log events`,
  (i) => `INFO [sfdc-poller] fetched ${(i * 11) % 120} login history rows`,
  (i) => (i % 3 ? `INFO [uploader] sent batch ${i} (${(i * 53) % 900} KB)` : `WARN [uploader] batch ${i} retried once`),
];

/** How many lines the sample log has: more than the 40 that make a paste a log. */
export const SAMPLE_LOG_LINES = 60;

/** The sample log: timestamped lines seven seconds apart, the same text on every call. */
export function sampleLog() {
  const start = Date.UTC(2026, 10, 25, 9, 0, 0);
  const lines = [];
  for (let i = 0; i < SAMPLE_LOG_LINES; i += 1) {
    const time = new Date(start + i * 7000).toISOString();
    lines.push(`${time} ${LOG_ERRORS.get(i) ?? LOG_ROUTINE[i % LOG_ROUTINE.length](i)}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * The examples offered on a first visit, in the order shown: their key (a stable hook) and text in `lang`.
 * @param {string} lang
 * @returns {{key: 'token-expired'|'bare-401'|'log', text: string}[]}
 */
export function examples(lang) {
  const pick = (texts) => (Object.hasOwn(texts, lang) ? texts[lang] : texts.en);
  return [
    { key: 'token-expired', text: pick(TOKEN_EXPIRED) },
    { key: 'bare-401', text: pick(BARE_401) },
    { key: 'log', text: sampleLog() },
  ];
}
