// A realistic app-connector log for benchmarks, generated from a seed: the same bytes on every run.
// Usage: node bench/realistic_log.mjs [--mb N] [--seed N] > file   (default 100 MB, seed 1; streams, so memory
// stays constant whatever the size). At the end it tells standard error how many lines, error and warning lines
// and distinct error templates it wrote.
//
// What is in it: INFO and DEBUG lines of several formats (ISO timestamps with Z and with numeric zones,
// log4j's "yyyy-MM-dd HH:mm:ss,SSS", syslog, Apache access lines), tenant GUIDs, request and correlation ids,
// user emails, hosts, HTTP statuses, JSON response bodies on one line, long INFO lines of several KB; and about
// 1% error and warning lines: every real error text of tests/real/tuning.jsonl (its ids and emails varied),
// French .NET errors, errors no knowledge-base entry describes, with Java and .NET stack traces as
// continuation lines. Each error event names the connector instance it came from, so the same wording from
// several tenants makes distinct events (thousands in 100 MB); about a third of the error lines repeat an event
// seen earlier, with new timestamps and ids only (the repeats conndiag --log merges).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** sfc32, seeded through splitmix32: small, fast, and the same sequence on every platform. */
function generator(seed) {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i += 1) next();
  const below = (n) => Math.floor((next() / 4294967296) * n);
  return {
    below,
    chance: (p) => next() / 4294967296 < p,
    pick: (list) => list[below(list.length)],
  };
}

const HEX = '0123456789abcdef';
const APPS = {
  office365: { name: 'Office 365', host: 'manage.office.com', java: false },
  box: { name: 'Box', host: 'api.box.com', java: true },
  okta: { name: 'Okta', host: '{tenant}.okta.com', java: true },
  salesforce: { name: 'Salesforce', host: '{tenant}.my.salesforce.com', java: true },
  gsuite: { name: 'Google Workspace', host: 'admin.googleapis.com', java: true },
  servicenow: { name: 'ServiceNow', host: '{tenant}.service-now.com', java: true },
  exchange: { name: 'Exchange Online', host: 'outlook.office365.com', java: false },
  aws: { name: 'AWS', host: 'cloudtrail.us-east-1.amazonaws.com', java: true },
  atlassian: { name: 'Atlassian', host: 'api.atlassian.com', java: true },
  slack: { name: 'Slack', host: 'slack.com', java: true },
  smartsheet: { name: 'Smartsheet', host: 'api.smartsheet.com', java: true },
  workday: { name: 'Workday', host: 'wd5-services1.myworkday.com', java: true },
  zendesk: { name: 'Zendesk', host: '{tenant}.zendesk.com', java: true },
};
const APP_KEYS = Object.keys(APPS);
const TENANT_WORDS = ['contoso', 'fabrikam', 'northwind', 'adatum', 'tailspin', 'wingtip', 'litware', 'proseware',
  'woodgrove', 'lucerne', 'alpineski', 'coho', 'humongous', 'relecloud', 'trey', 'wideworld', 'margie', 'consolidated',
  'fourthcoffee', 'blueyonder'];
const FIRST = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'mallory', 'niaj',
  'olivia', 'peggy', 'rupert', 'sybil', 'trent', 'victor', 'walter', 'yannick', 'zoe', 'amelie', 'benoit', 'chloe'];
const LAST = ['martin', 'bernard', 'dubois', 'smith', 'johnson', 'nguyen', 'garcia', 'muller', 'rossi', 'kowalski',
  'tanaka', 'okafor', 'silva', 'larsen', 'novak', 'haddad'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// Frames of the connector's own code and of the libraries it calls; line numbers fixed per template
// (the same code throws from the same line), so frames never make repeats distinct.
const JAVA_FRAMES = [
  'com.adallom.adalib.httputils.HttpClient.execute(HttpClient.java:{n})',
  'com.adallom.adalib.httputils.RetryingHttpClient.executeWithRetries(RetryingHttpClient.java:{n})',
  'com.adallom.connectors.{app}.ActivityPoller.poll(ActivityPoller.java:{n})',
  'com.adallom.connectors.{app}.{App}ApiClient.fetchPage({App}ApiClient.java:{n})',
  'com.adallom.connectors.common.ConnectorTask.run(ConnectorTask.java:{n})',
  'org.apache.http.impl.execchain.MainClientExec.execute(MainClientExec.java:{n})',
  'org.apache.http.impl.client.InternalHttpClient.doExecute(InternalHttpClient.java:{n})',
  'com.fasterxml.jackson.databind.ObjectMapper.readValue(ObjectMapper.java:{n})',
  'java.util.concurrent.Executors$RunnableAdapter.call(Executors.java:{n})',
  'java.util.concurrent.FutureTask.run(FutureTask.java:{n})',
  'java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:{n})',
  'java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:{n})',
  'java.lang.Thread.run(Thread.java:{n})',
];
const DOTNET_FRAMES = [
  'System.Net.HttpWebRequest.GetResponse()',
  'System.Net.Http.HttpClientHandler.SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)',
  'Microsoft.IdentityModel.Clients.ActiveDirectory.Internal.Http.HttpClientWrapper.GetResponseAsync()',
  'Microsoft.Cloud.AppSecurity.Connectors.{App}.AuditLogReader.ReadPageAsync(String cursor) in C:\\agent\\src\\Connectors\\{App}\\AuditLogReader.cs:line {n}',
  'Microsoft.Cloud.AppSecurity.Connectors.Common.PollingTask.RunAsync(CancellationToken token) in C:\\agent\\src\\Connectors\\Common\\PollingTask.cs:line {n}',
  'System.Runtime.CompilerServices.TaskAwaiter.HandleNonSuccessAndDebuggerNotification(Task task)',
  'System.Threading.Tasks.Task.Execute()',
];

// French .NET wordings (Windows in French writes them), and the French stack frames that go with them.
const FRENCH = [
  'System.Net.WebException: Le serveur distant a retourné une erreur : (401) Non autorisé.',
  'System.Net.WebException: Le serveur distant a retourné une erreur : (403) Interdit.',
  'System.Net.WebException: Le serveur distant a retourné une erreur : (404) Introuvable.',
  'System.Net.WebException: Le serveur distant a retourné une erreur : (500) Erreur interne du serveur.',
  'System.Net.WebException: Le serveur distant a retourné une erreur : (503) Serveur non disponible.',
  'System.Net.WebException: Le serveur distant a retourné une erreur : (429) Trop de demandes.',
  'System.Net.WebException: La connexion sous-jacente a été fermée : Une erreur inattendue s\'est produite lors d\'un envoi.',
  'System.Net.WebException: Impossible de se connecter au serveur distant',
  'System.Net.WebException: Le délai d\'attente de l\'opération a expiré.',
  'System.Net.Http.HttpRequestException: Une erreur s\'est produite lors de l\'envoi de la demande.',
  'HttpRequestFailure : Retourné par le serveur : 401 Non autorisé',
  'HttpRequestFailure : Retourné par le serveur : 403 Interdit',
];

// Errors no knowledge-base entry describes: the connector's own plumbing, storage, scheduling.
const UNKNOWN = [
  'Failed to write batch {n} to blob container activities-{w}: the lease was lost ({n} ms)',
  'Checkpoint store error: could not persist cursor for partition {n} (ETag mismatch)',
  'Scheduler error: job {w}-{n} missed its window by {n} s; skipping this cycle',
  'Unhandled exception in metrics reporter: queue {w} is full ({n} items dropped)',
  'Failed to deserialize cached settings for connector {w}: unexpected end of input at position {n}',
  'Disk usage on /var/lib/connector reached {n}%; pausing the spool writer',
  'Error while compacting the local event cache: segment {n} is corrupt',
  'Internal error: worker {n} exited with code {n} while draining the {w} queue',
];

// Real error texts: every line of tests/real/tuning.jsonl, multi-line ones made into one event (JSON bodies
// on one line, other lines indented so a reader of logs keeps them with the error).
function realTemplates() {
  const rows = readFileSync(path.join(root, 'tests/real/tuning.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  return rows.map((row) => {
    let text = row.text.trim();
    if (text.startsWith('{')) {
      try {
        text = JSON.stringify(JSON.parse(text));
      } catch {
        // not JSON after all: kept as written
      }
    }
    const lines = text.split(/\r?\n/).map((l) => l.trimEnd()).filter((l) => l.trim());
    const rest = lines.slice(1).map((l) => (/^(?:[ \t]|at |Caused by:|\.\.\. )/.test(l) ? l : `    ${l}`));
    return { id: row.id, app: APPS[row.app] ? row.app : 'office365', head: lines[0], rest };
  });
}

function main() {
  const args = process.argv.slice(2);
  const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
  const targetBytes = Math.round(option('--mb', 100) * 1048576);
  const seed = option('--seed', 1);
  const r = generator(seed);

  const hex = (n) => {
    let s = '';
    for (let i = 0; i < n; i += 1) s += HEX[r.below(16)];
    return s;
  };
  const guid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[r.below(4)]}${hex(3)}-${hex(12)}`;
  const tenantName = (i) => `${TENANT_WORDS[i % TENANT_WORDS.length]}${i >= TENANT_WORDS.length ? `-${Math.floor(i / TENANT_WORDS.length)}` : ''}`;
  const email = (tenant) => `${r.pick(FIRST)}.${r.pick(LAST)}${r.chance(0.3) ? r.below(100) : ''}@${tenant}.com`;

  // The clock: 2026-11-25T00:00:00Z, advancing a few milliseconds a line.
  let ms = Date.UTC(2026, 10, 25);
  const two = (n) => String(n).padStart(2, '0');
  const parts = (offsetMinutes) => {
    const d = new Date(ms + offsetMinutes * 60000);
    return {
      date: `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`,
      time: `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`,
      frac: String(d.getUTCMilliseconds()).padStart(3, '0'),
      d,
    };
  };
  const zone = (minutes, colon) => `${minutes < 0 ? '-' : '+'}${two(Math.floor(Math.abs(minutes) / 60))}${colon ? ':' : ''}${two(Math.abs(minutes) % 60)}`;
  const ZONES = [60, 120, -300, -480, 330];
  const HOSTS = ['mdca-conn-01', 'mdca-conn-02', 'collector-eu-3', 'collector-us-1'];
  const LEVEL_WORDS = { INFO: 'INFO', DEBUG: 'DEBUG', WARN: 'WARN', ERROR: 'ERROR' };
  // Each line is written by one of several loggers, each with its own prefix format.
  const prefix = (level, thread) => {
    const style = r.below(10);
    if (style < 4) {
      const p = parts(0);
      return `${p.date}T${p.time}.${p.frac}Z ${LEVEL_WORDS[level].padEnd(5)} [${thread}] `;
    }
    if (style < 6) {
      const z = r.pick(ZONES);
      const p = parts(z);
      return `${p.date}T${p.time}.${p.frac}${zone(z, true)} ${level} [${thread}] `;
    }
    if (style < 8) {
      const p = parts(0);
      return `${p.date} ${p.time},${p.frac} ${level.padEnd(5)} [${thread}] c.a.c.${r.pick(['ActivityPoller', 'TokenManager', 'HttpClient', 'Scheduler'])} - `;
    }
    if (style < 9) {
      const p = parts(0);
      return `${MONTHS[p.d.getUTCMonth()]} ${String(p.d.getUTCDate()).padStart(2, ' ')} ${p.time} ${r.pick(HOSTS)} connector-agent[${2000 + r.below(40)}]: ${level} `;
    }
    const z = -300;
    const p = parts(z);
    return `${p.date}T${p.time}.${p.frac}${zone(z, false)} ${level} [${thread}] `;
  };
  const thread = () => r.pick([`pool-${1 + r.below(4)}-thread-${1 + r.below(16)}`, `connector-worker-${r.below(8)}`, 'scheduler', 'main', `http-nio-8443-exec-${1 + r.below(10)}`]);

  // INFO and DEBUG lines, most of a log.
  const users = Array.from({ length: 300 }, (_, i) => email(tenantName(i % 60)));
  const noise = () => {
    const app = r.pick(APP_KEYS);
    const tenant = tenantName(r.below(400));
    switch (r.below(12)) {
      case 0:
      case 1:
        return `${prefix('INFO', thread())}fetched ${r.below(5000)} ${APPS[app].name} activities for tenant ${guid()} in ${r.below(900)} ms (correlation id ${hex(16)})`;
      case 2:
        return `10.${r.below(255)}.${r.below(255)}.${r.below(255)} - - [25/Nov/2026:${parts(0).time} +0000] "GET /api/v1/activities?page=${r.below(99)}&tenant=${tenant} HTTP/1.1" ${r.chance(0.97) ? 200 : r.pick([204, 304, 404])} ${r.below(90000)} "-" "connector-agent/4.2.${r.below(30)}"`;
      case 3:
        return `${prefix('DEBUG', 'scheduler')}next run of job ${hex(16)} at +${r.below(600)}s; queue depth ${r.below(40)}`;
      case 4:
        return `${prefix('INFO', thread())}user ${r.pick(users)} signed in to ${APPS[app].name} from 203.0.113.${r.below(255)} (request ${guid()})`;
      case 5:
        return `${prefix('DEBUG', thread())}--> GET https://${APPS[app].host.replace('{tenant}', tenant)}/api/v2/audit/events?since=${parts(0).date}T${parts(0).time}Z&limit=1000 x-request-id: ${guid()} x-correlation-id: ${hex(32)}`;
      case 6: {
        // A response body on one line, as HTTP client loggers write them.
        const items = Array.from({ length: 1 + r.below(3) }, () => `{"id":"${guid()}","createdDateTime":"${parts(0).date}T${parts(0).time}Z","userPrincipalName":"${r.pick(users)}","appDisplayName":"${APPS[app].name}","ipAddress":"198.51.100.${r.below(255)}","status":{"code":0,"additionalDetails":null}}`);
        return `${prefix('DEBUG', thread())}<-- 200 OK https://${APPS[app].host.replace('{tenant}', tenant)}/v1.0/auditLogs (${r.below(900)} ms) {"@odata.context":"https://${APPS[app].host.replace('{tenant}', tenant)}/v1.0/$metadata#auditLogs","value":[${items.join(',')}]}`;
      }
      case 7:
        return `${prefix('INFO', thread())}token refresh succeeded for ${APPS[app].name} instance ${tenant}; access token valid for ${3000 + r.below(600)} s`;
      case 8:
        if (r.chance(0.15)) {
          // A long INFO line: a page summary listing the ids it committed.
          const ids = Array.from({ length: 20 + r.below(100) }, () => guid());
          return `${prefix('INFO', 'ingest')}batch committed for ${APPS[app].name} tenant ${tenant}: ${ids.length} events, ids=[${ids.join(',')}], checkpoint=${parts(0).date}T${parts(0).time}Z, lag ${r.below(3000)} ms`;
        }
        return `${prefix('INFO', 'ingest')}batch ${r.below(100000)} committed: ${r.below(2000)} events, lag ${r.below(3000)} ms`;
      case 9:
        return `${prefix('DEBUG', thread())}connection pool stats: leased ${r.below(20)}, pending ${r.below(5)}, available ${r.below(40)}, max 50 (route https://${APPS[app].host.replace('{tenant}', tenant)}:443)`;
      case 10:
        return `${prefix('INFO', thread())}${APPS[app].name} connector heartbeat: instance ${tenant} healthy, last event ${parts(0).date}T${parts(0).time}Z`;
      default:
        return `${prefix('DEBUG', thread())}cache hit ratio ${r.below(100)}% for ${APPS[app].name} user lookups (${r.below(10000)} entries)`;
    }
  };

  // Error templates: real texts, French texts, unknown errors. An instance is a template at a tenant, its ids varied.
  const templates = [
    ...realTemplates().map((t) => ({ ...t, kind: 'real' })),
    ...FRENCH.map((head, i) => ({ id: `fr${i}`, app: r.pick(['office365', 'exchange']), head, rest: [], kind: 'french' })),
    ...UNKNOWN.map((head, i) => ({ id: `unknown${i}`, app: r.pick(APP_KEYS), head, rest: [], kind: 'unknown' })),
  ];
  const real = templates.filter((t) => t.kind === 'real');
  const french = templates.filter((t) => t.kind === 'french');
  const unknown = templates.filter((t) => t.kind === 'unknown');
  const vary = (text, tenant) => text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, () => guid())
    .replace(/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[a-z]{2,}/g, () => email(tenant))
    .replace(/\b(?=[0-9a-f]*\d)[0-9a-f]{12,}\b/g, (m) => hex(m.length))
    .replace(/\{n\}/g, () => String(r.below(5000)))
    .replace(/\{w\}/g, () => r.pick(TENANT_WORDS));
  const stack = (template, index) => {
    const App = template.app[0].toUpperCase() + template.app.slice(1);
    const fill = (f, k) => f.replace('{app}', template.app).replaceAll('{App}', App).replace('{n}', String(20 + ((index * 131 + k * 17) % 900)));
    if (APPS[template.app].java && template.kind !== 'french') {
      const frames = JAVA_FRAMES.slice(index % 4).map((f, k) => `\tat ${fill(f, k)}`);
      if (index % 3 === 0) frames.push(`Caused by: java.net.SocketTimeoutException: Read timed out`, `\tat java.net.SocketInputStream.socketRead0(Native Method)`, `\t... ${frames.length} more`);
      return frames;
    }
    const word = template.kind === 'french' ? 'à' : 'at';
    const frames = DOTNET_FRAMES.slice(index % 3).map((f, k) => `   ${word} ${fill(f, k)}`);
    return [...frames, template.kind === 'french' ? '--- Fin de la trace de la pile à partir de l\'emplacement précédent ---' : '--- End of stack trace from previous location ---', `   ${word} ${fill(DOTNET_FRAMES[4], 9)}`];
  };
  // A new event: a template at one tenant, with its own ids; kept to be repeated later.
  const newInstance = () => {
    const roll = r.below(100);
    const group = roll < 72 ? real : roll < 84 ? french : unknown;
    const index = r.below(group.length);
    const template = group[index];
    const tenantIndex = r.below(400);
    const tenant = tenantName(tenantIndex);
    const head = vary(template.head, tenant);
    const rest = template.rest.map((l) => vary(l, tenant));
    const withStack = template.rest.length === 0 && r.chance(0.45);
    return {
      template,
      level: template.kind === 'unknown' || r.chance(0.9) ? 'ERROR' : 'WARN',
      message: `${APPS[template.app].name} connector ${tenant}: ${head}`,
      rest: withStack ? [...rest, ...stack(template, templates.indexOf(template))] : rest,
    };
  };
  // The live incidents: an error repeats while it lasts (new timestamps, same words), then gives way.
  const pool = [];
  const POOL_SIZE = 3000;
  const usedTemplates = new Set();
  let distinctEvents = 0;
  const errorEvent = () => {
    let event;
    if (pool.length > 0 && r.chance(0.35)) {
      event = r.pick(pool);
    } else {
      event = newInstance();
      distinctEvents += 1;
      if (pool.length < POOL_SIZE) pool.push(event);
      else pool[r.below(POOL_SIZE)] = event;
    }
    usedTemplates.add(event.template.id);
    return event;
  };
  // Warnings the connector writes on its own (retries, slow responses): repeated, few distinct.
  const warning = () => (r.chance(0.5)
    ? `${prefix('WARN', thread())}retrying request ${hex(12)} to ${APPS[r.pick(APP_KEYS)].name} after 429 Too Many Requests, attempt ${1 + r.below(5)} of 5`
    : `${prefix('WARN', thread())}slow response from ${APPS[r.pick(APP_KEYS)].host.replace('{tenant}', tenantName(r.below(40)))}: ${1000 + r.below(9000)} ms for page ${r.below(50)}`);

  let written = 0;
  let lines = 0;
  let errorLines = 0;
  let warnLines = 0;
  let continuationLines = 0;
  let buffer = [];
  let bufferChars = 0;
  const out = process.stdout;

  const flush = () => new Promise((resolve) => {
    const chunk = buffer.join('');
    buffer = [];
    bufferChars = 0;
    written += Buffer.byteLength(chunk);
    if (out.write(chunk)) resolve();
    else out.once('drain', resolve);
  });
  const put = (line) => {
    buffer.push(line, '\n');
    bufferChars += line.length + 1;
    lines += 1;
  };

  (async () => {
    while (written + bufferChars < targetBytes) {
      ms += r.below(25);
      const roll = r.below(1000);
      if (roll < 9) {
        const event = errorEvent();
        put(`${prefix(event.level, thread())}${event.message}`);
        for (const l of event.rest) put(l);
        continuationLines += event.rest.length;
        if (event.level === 'ERROR') errorLines += 1;
        else warnLines += 1;
      } else if (roll < 11) {
        put(warning());
        warnLines += 1;
      } else {
        put(noise());
      }
      if (bufferChars >= 1 << 20) await flush();
    }
    await flush();
    process.stderr.write(`realistic_log: ${lines} lines (${(written / 1048576).toFixed(1)} MB, seed ${seed}): ` +
      `${errorLines} error lines and ${warnLines} warning lines (${((100 * (errorLines + warnLines)) / lines).toFixed(2)}%), ` +
      `${continuationLines} continuation lines; ${usedTemplates.size} distinct error templates, ${distinctEvents} distinct error events\n`);
  })();
}

main();
