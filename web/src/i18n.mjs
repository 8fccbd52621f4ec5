// The page's own words, in English and French, and the choice of language.

export const STRINGS = {
  en: {
    title: 'conndiag — app connector error diagnoser',
    tagline: 'Paste a Defender for Cloud Apps connector error: get the app, the cause and the fix. Nothing leaves your browser.',
    errorLabel: 'Error message',
    resultsTitle: 'Diagnosis',
    placeholder: 'Paste the error text, or a whole log…',
    appLabel: 'App',
    anyApp: 'Not sure (detect from the text)',
    language: 'Français',
    languageTitle: 'Afficher en français',
    openLog: 'Open a log file…',
    dropHint: 'or drop a log file here',
    loading: 'Loading the diagnoser…',
    empty: 'Paste an error above to see its diagnosis.',
    likely: 'likely',
    possible: 'possible',
    weak: 'weak match',
    cause: 'Cause',
    fix: 'How to fix it',
    why: 'Why this answer',
    matchedText: 'Matched in your text',
    fields: 'What the error says',
    noMatch: 'No known connector error matched.',
    noMatchNext: 'Try pasting the whole error, including the exception name and any JSON, or choose the app.',
    whichApp: 'Which app were you connecting?',
    results: (n) => (n === 1 ? '1 possible diagnosis' : `${n} possible diagnoses`),
    copyText: 'Copy fix',
    copyMarkdown: 'Copy as Markdown',
    copied: 'Copied',
    vendorPage: "Vendor's page for this code",
    share: 'Copy shareable link',
    shareTenants: 'also hide tenant ids',
    fromCodeTable: 'from the error-code table',
    similarBadge: 'similar text',
    similarNote: 'No known wording matched exactly; your text resembles this error (see why).',
    seenIn: 'This wording was seen in:',
    logSummary: (n, lines) => `${n} distinct problem${n === 1 ? '' : 's'} in ${lines.toLocaleString('en')} lines`,
    logLines: 'Lines',
    logProgress: (mb, total, lines) => `Reading the log: ${mb} of ${total} MB, ${lines.toLocaleString('en')} lines…`,
    logCancel: 'Cancel',
    logCancelled: 'Cancelled: the log was not read to the end.',
    logUnreadable: 'The file could not be read: it changed, moved or went away since it was chosen (a log still being written changes). Choose it again, or a copy of it',
    logCount: 'Count',
    logApp: 'App',
    logDiagnosis: 'Diagnosis',
    logEvent: 'Event',
    logNone: 'No known connector error in this log.',
    logWarnings: 'Read with limits',
    logUnrecognized: (lines, distinct) => `Not recognized: ${lines.toLocaleString('en')} error line${lines === 1 ? '' : 's'} (${distinct.toLocaleString('en')} distinct)`,
    logLine: 'line',
    logNotSure: '(not sure)',
    logNotSureTitle: 'It fits several apps or matches weakly: diagnose it alone and choose the app.',
    diagnoseLine: 'Diagnose this line',
    filterApp: 'Show app',
    allApps: 'All apps',
    fieldNames: {
      http_status: 'HTTP status', aadsts: 'AADSTS codes', af_code: 'AF code', okta_codes: 'Okta codes',
      exception: 'Exception', oauth_error: 'OAuth error', tenant_id: 'Tenant id', hosts: 'Hosts',
    },
    footer: 'Runs entirely in your browser. Knowledge base',
    errorLoading: 'The diagnoser could not start',
    tryAgain: 'Try again',
    linkBlocked: (url) => `This portal does not let the diagnoser open links. The address: ${url}`,
    strength: (pct) => `match strength ${pct}%`,
    strengthTitle: 'How much of your text this answer explains and how well the app agrees. Not a probability: the percentages of different answers need not add up to 100.',
    closeAnswers: 'These answers are close: try the fixes in this order, or choose the app.',
    closeAnswersApp: 'These answers are close: try the fixes in this order.',
    fromTableRow: (row) => `From Microsoft's troubleshooting table (row ${row}).`,
    fromTable: "From Microsoft's troubleshooting table.",
    fromCodeTableWhy: (family) => `From the error-code table (${family}).`,
    fromVendor: "From the vendor's documentation.",
    fromCustom: "From your organization's knowledge base.",
    supportRef: 'Reference for support:',
    entryShown: 'The answer this link points to.',
    entryUnknown: (id) => `This link points to an answer that does not exist: "${id}". It may come from another version of conndiag; paste the error instead.`,
    noMatchNextApp: 'Try pasting the whole error, including the exception name and any JSON.',
    adviceAuth: (status) => (status === 401
      ? 'A 401 means the app refused the credentials: reconnect the app with an account whose password, token or key is current.'
      : 'A 403 means the credentials work but lack a right: check the connecting account is an administrator with the permissions and license the connector needs.'),
    advice404: 'A 404 means the app did not find what the connector asked for: check the instance address (URL, domain, tenant) entered for the connector.',
    adviceRetry: (status) => `A ${status} is usually temporary on the app's side: wait a few minutes, then select Test now on the connector.`,
    troubleshootingLink: "Microsoft's troubleshooting page for app connector errors",
    labelled: (label, text) => `${label}: ${text}`,
    closeAnswerOne: 'This answer is not certain: try its fix, or choose the app.',
    closeAnswerOneApp: 'This answer is not certain: check that its cause fits before applying the fix.',
    filteredTo: (app) => `Filtered to ${app}`,
    showAllApps: 'Show all apps',
    shareNothing: 'Nothing to share yet: paste an error first.',
    shareNoLog: 'A link carries one error, not a log: share the log file itself.',
    shareDone: (copied, removed) => `${copied ? 'Link copied' : 'Link ready in the address bar: copy it from there'}` +
      `${removed ? ` (removed: ${removed})` : ' (nothing secret found to remove)'}.`,
    // Log rows: per-row actions, the row's own "which app", the loaded file's bar.
    logAlternatives: (n) => `Other answers (${n})`,
    logOpenFull: 'Open as full diagnosis',
    logWhichApp: 'Which app?',
    logChooseApp: 'Choose…',
    logAnswerFor: (app) => `Answer for ${app}:`,
    logFileLabel: 'Log file:',
    logFileName: (name, bytes) => `${name} (${bytes < 1048576
      ? `${(bytes / 1024).toLocaleString('en', { maximumFractionDigits: 1 })}\u00a0KB`
      : `${(bytes / 1048576).toLocaleString('en', { maximumFractionDigits: 1 })}\u00a0MB`})`,
    logClose: 'Close',
    // Browse view and first visit
    skipLink: 'Skip to the error box',
    browseLink: 'Browse known errors',
    browseAll: 'Browse all known errors',
    browseTitle: 'Known errors',
    browseIntro: 'Every error conndiag recognizes, by app. Open one to see its cause and fix; Escape returns to the error box.',
    browseSearch: 'Search (words of the message, cause, id or app)',
    browseCount: (n, total) => `${n} of ${total} error${total === 1 ? '' : 's'}`,
    browseNone: (query) => `No known error contains "${query}".`,
    browseApp: (name, n) => `${name} (${n})`,
    browseBack: 'Back to the error box',
    tryExample: 'Try an example:',
    exampleTokenExpired: 'An expired token (Microsoft 365)',
    exampleBare401: 'A bare 401 (which app?)',
    exampleLog: (lines) => `A sample log (${lines} lines)`,
    knows: (entries, apps, names) =>
      `Knows ${entries} error${entries === 1 ? '' : 's'} across ${apps} app${apps === 1 ? '' : 's'}: ${names}.`,
    // "Not the right answer?" report (report.mjs, report-view.mjs)
    reportButton: 'Not the right answer?',
    reportIntro: 'Review this report before you share it. Nothing has been sent: copy it, or open it in your mail or ticket tool and send it yourself.',
    reportLabel: 'Report (secrets removed)',
    reportRedacted: (list) => `Redacted: ${list}.`,
    reportNothingRedacted: 'Nothing needed redacting.',
    reportKinds: {
      'email address': ['email address', 'email addresses'], token: ['token', 'tokens'], password: ['password', 'passwords'],
      key: ['key', 'keys'], 'private key': ['private key', 'private keys'], secret: ['secret', 'secrets'],
      id: ['id (GUID)', 'ids (GUIDs)'],
    },
    reportCopy: 'Copy report',
    reportOpen: 'Open report',
    reportGoesTo: (destination) => `"Open report" prepares it for ${destination}; nothing is sent until you send it there.`,
    reportTruncated: 'The report is too long for a link: the message holds its beginning only. Copy the full report and paste it in.',
    reportTruncatedNote: '[Cut to fit in a link: copy the full report from conndiag.]',
    reportRefused: (value) => `The configured report address was ignored (only mailto:, https: and http: addresses are allowed): ${value}`,
    reportTitle: 'conndiag: not the right answer',
    reportSubject: (id) => `conndiag: wrong answer (${id})`,
    reportSubjectNoMatch: 'conndiag: no answer for this error',
    reportPasted: 'Pasted text',
    reportFields: 'Extracted fields',
    reportCandidates: 'Top candidates',
    reportNone: '(none)',
    reportConfident: 'confident',
    reportNotConfident: 'not confident',
    reportApp: 'App chosen:',
    reportAppNone: '(none: detected from the text)',
    reportLanguage: 'Language:',
    reportKb: 'Knowledge base:',
    reportBuild: 'Build:',
    // Reference line: a row of Microsoft's table and when it was last checked against Microsoft's page.
    // Short month names as British English writes them ("27 Sept 2026").
    referenceMonths: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'],
    referenceChecked: (day) => `Microsoft's troubleshooting page, checked ${day}`,
    referenceMissing: (day) => `Microsoft's troubleshooting page: this error was no longer on it on ${day}`,
  },
  fr: {
    title: "conndiag — diagnostic des erreurs de connecteurs d'applications",
    tagline: "Collez une erreur de connecteur Defender for Cloud Apps : l'application, la cause et la solution. Rien ne quitte votre navigateur.",
    errorLabel: "Message d'erreur",
    resultsTitle: 'Diagnostic',
    placeholder: "Collez le texte de l'erreur, ou un journal entier…",
    appLabel: 'Application',
    anyApp: 'Je ne sais pas (déduire du texte)',
    language: 'English',
    languageTitle: 'Show in English',
    openLog: 'Ouvrir un fichier journal…',
    dropHint: 'ou déposez un fichier journal ici',
    loading: 'Chargement du diagnostic…',
    empty: 'Collez une erreur ci-dessus pour voir son diagnostic.',
    likely: 'probable',
    possible: 'possible',
    weak: 'correspondance faible',
    cause: 'Cause',
    fix: 'Comment corriger',
    why: 'Pourquoi cette réponse',
    matchedText: 'Reconnu dans votre texte',
    fields: "Ce que dit l'erreur",
    noMatch: 'Aucune erreur de connecteur connue ne correspond.',
    noMatchNext: "Collez l'erreur entière, avec le nom de l'exception et le JSON éventuel, ou choisissez l'application.",
    whichApp: 'Quelle application connectiez-vous ?',
    results: (n) => (n === 1 ? '1 diagnostic possible' : `${n} diagnostics possibles`),
    copyText: 'Copier la solution',
    copyMarkdown: 'Copier en Markdown',
    copied: 'Copié',
    vendorPage: "Page de l'éditeur pour ce code",
    share: 'Copier un lien de partage',
    shareTenants: 'masquer aussi les ID de locataire',
    fromCodeTable: 'tiré de la table des codes',
    similarBadge: 'texte semblable',
    similarNote: "Aucune formulation connue ne correspond exactement ; votre texte ressemble à cette erreur (voir pourquoi).",
    seenIn: 'Formulation vue dans :',
    logSummary: (n, lines) => `${n} problème${n > 1 ? 's' : ''} distinct${n > 1 ? 's' : ''} sur ${lines.toLocaleString('fr')} lignes`,
    logLines: 'Lignes',
    logProgress: (mb, total, lines) => `Lecture du journal : ${mb} sur ${total} Mo, ${lines.toLocaleString('fr')} lignes…`,
    logCancel: 'Annuler',
    logCancelled: "Annulé : le journal n'a pas été lu jusqu'au bout.",
    logUnreadable: "Le fichier n'a pas pu être lu : il a été modifié, déplacé ou supprimé depuis qu'il a été choisi (un journal encore en cours d'écriture change). Choisissez-le à nouveau, ou une copie",
    logCount: 'Nombre',
    logApp: 'Application',
    logDiagnosis: 'Diagnostic',
    logEvent: 'Événement',
    logNone: 'Aucune erreur de connecteur connue dans ce journal.',
    logWarnings: 'Lu avec des limites',
    logUnrecognized: (lines, distinct) => `Non reconnues : ${lines.toLocaleString('fr')} ligne${lines > 1 ? 's' : ''} d'erreur (${distinct.toLocaleString('fr')} distincte${distinct > 1 ? 's' : ''})`,
    logLine: 'ligne',
    logNotSure: '(incertain)',
    logNotSureTitle: "Convient à plusieurs applications ou correspond faiblement : diagnostiquez-le seul en choisissant l'application.",
    diagnoseLine: 'Diagnostiquer cette ligne',
    filterApp: "Afficher l'application",
    allApps: 'Toutes les applications',
    fieldNames: {
      http_status: 'Statut HTTP', aadsts: 'Codes AADSTS', af_code: 'Code AF', okta_codes: 'Codes Okta',
      exception: 'Exception', oauth_error: 'Erreur OAuth', tenant_id: 'ID de locataire', hosts: 'Hôtes',
    },
    footer: 'Fonctionne entièrement dans votre navigateur. Base de connaissances',
    errorLoading: "Le diagnostic n'a pas pu démarrer",
    tryAgain: 'Réessayer',
    linkBlocked: (url) => `Ce portail ne permet pas au diagnostic d'ouvrir des liens. L'adresse : ${url}`,
    strength: (pct) => `force de correspondance ${pct} %`,
    strengthTitle: "La part de votre texte que cette réponse explique et l'accord de l'application. Ce n'est pas une probabilité : les pourcentages de réponses différentes n'ont pas à totaliser 100.",
    closeAnswers: "Ces réponses sont proches : essayez les solutions dans cet ordre, ou choisissez l'application.",
    closeAnswersApp: 'Ces réponses sont proches : essayez les solutions dans cet ordre.',
    fromTableRow: (row) => `Tiré de la table de dépannage de Microsoft (ligne ${row}).`,
    fromTable: 'Tiré de la table de dépannage de Microsoft.',
    fromCodeTableWhy: (family) => `Tiré de la table des codes d'erreur (${family}).`,
    fromVendor: "Tiré de la documentation de l'éditeur.",
    fromCustom: 'Tiré de la base de connaissances de votre organisation.',
    supportRef: 'Référence pour le support :',
    entryShown: 'La réponse désignée par ce lien.',
    entryUnknown: (id) => `Ce lien désigne une réponse qui n'existe pas : « ${id} ». Il vient peut-être d'une autre version de conndiag ; collez plutôt l'erreur.`,
    noMatchNextApp: "Collez l'erreur entière, avec le nom de l'exception et le JSON éventuel.",
    adviceAuth: (status) => (status === 401
      ? "Un 401 signifie que l'application a refusé les identifiants : reconnectez l'application avec un compte dont le mot de passe, le jeton ou la clé est à jour."
      : "Un 403 signifie que les identifiants fonctionnent mais qu'il manque un droit : vérifiez que le compte de connexion est administrateur, avec les autorisations et la licence dont le connecteur a besoin."),
    advice404: "Un 404 signifie que l'application n'a pas trouvé ce que demandait le connecteur : vérifiez l'adresse de l'instance (URL, domaine, locataire) saisie pour le connecteur.",
    adviceRetry: (status) => `Un ${status} est en général passager du côté de l'application : attendez quelques minutes, puis sélectionnez Tester maintenant sur le connecteur.`,
    troubleshootingLink: "La page de dépannage de Microsoft pour les erreurs de connecteurs d'applications",
    labelled: (label, text) => `${label} : ${text}`,
    closeAnswerOne: "Cette réponse n'est pas certaine : essayez sa solution, ou choisissez l'application.",
    closeAnswerOneApp: "Cette réponse n'est pas certaine : vérifiez que sa cause correspond avant d'appliquer la solution.",
    filteredTo: (app) => `Filtré sur ${app}`,
    showAllApps: 'Afficher toutes les applications',
    shareNothing: "Rien à partager pour l'instant : collez d'abord une erreur.",
    shareNoLog: "Un lien porte une erreur, pas un journal : partagez plutôt le fichier journal.",
    shareDone: (copied, removed) => `${copied ? 'Lien copié' : "Lien prêt dans la barre d'adresse : copiez-le de là"}` +
      `${removed ? ` (retiré : ${removed})` : ' (aucun secret trouvé à retirer)'}.`,
    // Log rows: per-row actions, the row's own "which app", the loaded file's bar.
    logAlternatives: (n) => `Autre${n > 1 ? 's' : ''} réponse${n > 1 ? 's' : ''} (${n})`,
    logOpenFull: 'Ouvrir en diagnostic complet',
    logWhichApp: 'Quelle application\u00a0?',
    logChooseApp: 'Choisir…',
    logAnswerFor: (app) => `Réponse pour ${app}\u00a0:`,
    logFileLabel: 'Fichier journal\u00a0:',
    logFileName: (name, bytes) => `${name} (${bytes < 1048576
      ? `${(bytes / 1024).toLocaleString('fr', { maximumFractionDigits: 1 })}\u00a0Ko`
      : `${(bytes / 1048576).toLocaleString('fr', { maximumFractionDigits: 1 })}\u00a0Mo`})`,
    logClose: 'Fermer',
    // Browse view and first visit
    skipLink: "Aller à la zone de saisie de l'erreur",
    browseLink: 'Parcourir les erreurs connues',
    browseAll: 'Parcourir toutes les erreurs connues',
    browseTitle: 'Erreurs connues',
    browseIntro: "Toutes les erreurs que conndiag reconnaît, par application. Ouvrez-en une pour voir sa cause et sa solution ; Échap ramène à la zone de saisie de l'erreur.",
    browseSearch: 'Rechercher (message, cause, identifiant, application)',
    browseCount: (n, total) => `${n} erreur${n > 1 ? 's' : ''} sur ${total}`,
    browseNone: (query) => `Aucune erreur connue ne contient « ${query} ».`,
    browseApp: (name, n) => `${name} (${n})`,
    browseBack: "Retour à la zone de saisie de l'erreur",
    tryExample: 'Essayez un exemple :',
    exampleTokenExpired: 'Un jeton expiré (Microsoft 365)',
    exampleBare401: 'Un 401 seul (quelle application ?)',
    exampleLog: (lines) => `Un exemple de journal (${lines} lignes)`,
    knows: (entries, apps, names) =>
      `Reconnaît ${entries} erreur${entries > 1 ? 's' : ''} de ${apps} application${apps > 1 ? 's' : ''} : ${names}.`,
    // Rapport « Pas la bonne réponse ? » (report.mjs, report-view.mjs)
    reportButton: 'Pas la bonne réponse\u00a0?',
    reportIntro: "Relisez ce rapport avant de le partager. Rien n'a été envoyé\u00a0: copiez-le, ou ouvrez-le dans votre messagerie ou votre outil de tickets et envoyez-le vous-même.",
    reportLabel: 'Rapport (secrets retirés)',
    reportRedacted: (list) => `Masqué\u00a0: ${list}.`,
    reportNothingRedacted: 'Rien à masquer.',
    reportKinds: {
      'email address': ['adresse e-mail', 'adresses e-mail'], token: ['jeton', 'jetons'], password: ['mot de passe', 'mots de passe'],
      key: ['clé', 'clés'], 'private key': ['clé privée', 'clés privées'], secret: ['secret', 'secrets'],
      id: ['identifiant (GUID)', 'identifiants (GUID)'],
    },
    reportCopy: 'Copier le rapport',
    reportOpen: 'Ouvrir le rapport',
    reportGoesTo: (destination) => `«\u00a0Ouvrir le rapport\u00a0» le prépare pour ${destination}\u00a0; rien n'est envoyé tant que vous ne l'envoyez pas vous-même.`,
    reportTruncated: "Le rapport est trop long pour un lien\u00a0: le message n'en contient que le début. Copiez le rapport complet et collez-le dans le message.",
    reportTruncatedNote: '[Coupé pour tenir dans un lien\u00a0: copiez le rapport complet depuis conndiag.]',
    reportRefused: (value) => `L'adresse de signalement configurée a été ignorée (seules les adresses mailto:, https: et http: sont acceptées)\u00a0: ${value}`,
    reportTitle: 'conndiag\u00a0: pas la bonne réponse',
    reportSubject: (id) => `conndiag\u00a0: mauvaise réponse (${id})`,
    reportSubjectNoMatch: 'conndiag\u00a0: aucune réponse pour cette erreur',
    reportPasted: 'Texte collé',
    reportFields: 'Champs extraits',
    reportCandidates: 'Meilleurs candidats',
    reportNone: '(aucun)',
    reportConfident: 'sûr',
    reportNotConfident: 'pas sûr',
    reportApp: 'Application choisie\u00a0:',
    reportAppNone: '(aucune\u00a0: déduite du texte)',
    reportLanguage: 'Langue\u00a0:',
    reportKb: 'Base de connaissances\u00a0:',
    reportBuild: 'Version\u00a0:',
    // Reference line: a row of Microsoft's table and when it was last checked against Microsoft's page.
    referenceMonths: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
    referenceChecked: (day) => `Page de dépannage de Microsoft, vérifiée le ${day}`,
    referenceMissing: (day) => `Page de dépannage de Microsoft\u00a0: cette erreur n'y figurait plus le ${day}`,
  },
};

const STORAGE_KEY = 'conndiag.lang';

// French puts a no-break space before ":", ";", "!", "?" and "»" and after "«", so that the mark never starts
// a line. Applied to every French word here (and to what the word functions return), so a word written with
// a plain space, or a sentence built from a word and a pasted value, still follows the rule.
/** A French sentence with no-break spaces where French typography wants them. */
export function frenchSpaces(text) {
  return text
    .replace(/(\S)[ \u00a0\u202f]*([:;!?])(?=\s|$)/g, '$1\u00a0$2')  // not "https://", "10:30" or "?a=b"
    .replace(/(\S)[ \u00a0\u202f]*»/g, '$1\u00a0»')
    .replace(/«[ \u00a0\u202f]*/g, '«\u00a0');
}

function withFrenchSpaces(value) {
  if (typeof value === 'string') return frenchSpaces(value);
  if (typeof value === 'function') {
    return (...args) => {
      const out = value(...args);
      return typeof out === 'string' ? frenchSpaces(out) : out;
    };
  }
  if (Array.isArray(value)) return value.map(withFrenchSpaces);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, withFrenchSpaces(v)]));
  }
  return value;
}

STRINGS.fr = withFrenchSpaces(STRINGS.fr);

/**
 * Whether `lang` is a language the page speaks: an own key of STRINGS, so that "constructor",
 * "__proto__" or "toString" from a link, a message or storage are not mistaken for one.
 */
export function isLanguage(lang) {
  return typeof lang === 'string' && Object.hasOwn(STRINGS, lang);
}

/** The page's words in `lang`, English for anything else. */
export function wordsFor(lang) {
  return isLanguage(lang) ? STRINGS[lang] : STRINGS.en;
}

/**
 * A knowledge-base string (an object of translations, or a plain string) in `lang`, else in English; a plain
 * string as it is. Shared by everything that shows knowledge-base text: app names, causes, fixes, messages.
 */
export function inLanguage(value, lang) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return (Object.hasOwn(value, lang) && value[lang]) || value.en;
}

/** The language to start with: the remembered choice, else the browser's, else English. */
export function initialLanguage(fromLink) {
  if (isLanguage(fromLink)) return fromLink;
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(saved)) return saved;
  } catch {
    // Storage may be off (file://, privacy settings): the browser's language still works.
  }
  const browser = (navigator.languages || [navigator.language || 'en'])[0] || 'en';
  return browser.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** Remembers the person's choice (localStorage only; no cookies). */
export function rememberLanguage(lang) {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered, still applied.
  }
}
