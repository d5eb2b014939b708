// The sample app's container log (erjosito/whoami's api/sql_api.py, run as `python3 sql_api.py`:
// Flask's development server, `app.run(host='0.0.0.0', port=8080, debug=True, use_reloader=False)`),
// computed from the world:
//   - its start: the script's own `Using default port 8080` (a print, flushed with Flask's banner),
//     Flask 1.1's banner on stdout and Werkzeug 1.0's `Running on` line (no debugger PIN: without
//     the reloader Werkzeug does not print it);
//   - one Werkzeug access line per request it answered, `ADDRESS - - [29/May/2020 16:00:00]
//     "GET /api/ip HTTP/1.1" 200 -`, whose ADDRESS is the connection's source: a router pod's IP for
//     everything that came through a route (the router is a reverse proxy and opens its own
//     connection: the client's address is only in X-Forwarded-For), for the steady load the lab
//     describes (info.app.load) and for every request the reader's own curl made in this session
//     (the client's own address when it came straight through a LoadBalancer service);
//   - for /api/sqlversion and /api/sqlsrcip, the app's logger lines (`[2020-05-29 16:00:00,123]
//     INFO in sql_api: …`), and its error when SQL Server does not answer.
// A request of the reader's is logged as the app answered it, by the pod that answered it: the
// world may change afterwards (the pod replaced, a policy removed) without rewriting the log.
import type { KubeObject } from '../world/types.ts';
import type { WorldModel } from '../model/world-model.ts';
import type { AppResponse } from './flask.ts';
import { containerEnv, SQL_SERVER_PORT } from './sqlapi.ts';
import type { ContainerRun, LogLine } from './pod-log.ts';
import { arr, field, isJsonObject, optStr, parseJson, str } from '../world/json.ts';

/** A request the reader's curl made, as the app saw it. */
export interface AppRequest {
  at: Date;
  method: string;
  host: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  /** The connection's source address as the app saw it (REMOTE_ADDR). */
  remoteAddr: string;
}

/** A request the app answered, in the session's journal: the pod that answered (its uid) and the
 * lines it logged then. */
export interface AppRequestRecord {
  pod: string;
  at: Date;
  lines: LogLine[];
}

/** What tells one pod from another across the world's changes: a replacement has a new uid. */
const podKey = (pod: KubeObject) => pod.metadata.uid ?? `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`;

/** The lab keeps a steady load's latest lines, not days of them. */
const MAX_LOAD_LINES = 2000;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** BaseHTTPRequestHandler.log_date_time_string: `29/May/2020 16:00:00`, the server's local time (UTC in the container). */
function werkzeugDate(at: Date): string {
  return `${pad(at.getUTCDate())}/${MONTHS[at.getUTCMonth()]}/${at.getUTCFullYear()} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}`;
}

/** Python logging's asctime: `2020-05-29 16:00:00,123`. */
function asctime(at: Date): string {
  return `${at.toISOString().slice(0, 10)} ${at.toISOString().slice(11, 19)},${pad(at.getUTCMilliseconds(), 3)}`;
}

/** Whether a pod runs the sample API (its image is erjosito/sqlapi). */
export function runsSqlApi(pod: KubeObject): boolean {
  return arr(pod.spec?.containers).some((c) => /(^|\/)sqlapi:/.test(String(field(c, 'image'))));
}

/** The pods a route's requests reach: the lab's router sends each route to one backend pod. */
function servesRoute(model: WorldModel, pod: KubeObject, host: string): boolean {
  const route = model.routeForHost(host);
  const backend = route ? model.routeBackend(route) : undefined;
  return backend?.metadata.uid === pod.metadata.uid && backend?.metadata.name === pod.metadata.name;
}

function accessLine(at: Date, address: string, method: string, target: string, status: number): LogLine {
  return { at, text: `${address} - - [${werkzeugDate(at)}] "${method} ${target} HTTP/1.1" ${status} -` };
}

/** The logger's lines around a SQL query (send_sql_query), from the app's own answer. */
function sqlLines(model: WorldModel, pod: KubeObject, record: AppRequest, answer: AppResponse): LogLine[] {
  const query = new URLSearchParams(record.query);
  const env = containerEnv(pod);
  const fqdn = query.get('SQL_SERVER_FQDN') ?? env.SQL_SERVER_FQDN ?? '';
  const ip = model.clusterResolve(fqdn, pod.metadata.namespace ?? 'default')[0];
  const sqlQuery = record.path === '/api/sqlsrcip' ? "SELECT CONNECTIONPROPERTY('client_net_address')" : 'SELECT @@VERSION';
  let output = '';
  try {
    output = String(field(parseJson(answer.body), 'sql_output') ?? '');
  } catch {
    output = '';
  }
  const failed = /^Connection to server /.test(output);
  // The access line is written when the answer is sent (record.at); the request began as long
  // before as the app took: its few milliseconds, the driver's lookup of a name that does not
  // resolve, or its whole login timeout when nothing answers.
  const began = record.at.getTime() - (answer.waitMs ?? 0) - 40;
  const at = (ms: number) => new Date(ms < 30 ? began + ms : record.at.getTime() - 40 + ms);
  const info = (ms: number, text: string): LogLine => ({ at: at(ms), text: `[${asctime(at(ms))}] INFO in sql_api: ${text}` });
  const lines: LogLine[] = [
    info(0, 'Building connection string with no Database'),
    info(1, `connection string: Driver={ODBC Driver 17 for SQL Server};Server=tcp:${fqdn},${SQL_SERVER_PORT};Uid=${env.SQL_SERVER_USERNAME ?? ''};Pwd=${env.SQL_SERVER_PASSWORD ?? ''};Encrypt=yes;TrustServerCertificate=yes;Connection Timeut=30;`),
    // The script joins the address into this line: a name that does not resolve (False) gets no line.
    ...(ip ? [info(2, `Connecting to database server ${fqdn} - ${ip}...`)] : []),
  ];
  if (failed) {
    const error = ip
      ? "('HYT00', '[HYT00] [Microsoft][ODBC Driver 17 for SQL Server]Login timeout expired (0) (SQLDriverConnect)')"
      : "('08001', '[08001] [Microsoft][ODBC Driver 17 for SQL Server]TCP Provider: Error code 0x2AF9 (11001) (SQLDriverConnect)')";
    lines.push(info(30, output), { at: at(31), text: `[${asctime(at(31))}] ERROR in sql_api: ${error}` });
  } else {
    lines.push(info(20, `Sending SQL query ${sqlQuery}...`), info(25, `Query "${sqlQuery}" has returned 1 rows`), info(25, "Variable type for first row: <class 'pyodbc.Row'>"));
  }
  return lines;
}

interface ServingRouter {
  ip: string;
  /** Milliseconds: from when it was ready until it was deleted (or for good). */
  from: number;
  until: number;
}

/** The router pods that took the app's traffic, and when: a router of the world's past from its
 * readiness (else its creation) to its deletion; a router of now from its readiness, while it is
 * ready. In the order the router is chosen now (the first by name). */
function servingRouters(model: WorldModel): ServingRouter[] {
  const isRouter = (p: KubeObject) => p.kind === 'Pod' && p.metadata.namespace === 'openshift-ingress' && p.metadata.name.startsWith('router-');
  const ready = (p: KubeObject) => arr(p.status?.conditions).filter(isJsonObject).find((c) => c.type === 'Ready');
  const since = (p: KubeObject) => {
    const r = ready(p);
    return Date.parse(r?.status === 'True' ? str(r.lastTransitionTime) : (p.metadata.creationTimestamp ?? optStr(r?.lastTransitionTime) ?? ''));
  };
  const ip = (p: KubeObject) => String(p.status?.podIP ?? '');
  const past = (model.lab.past ?? []).filter((x) => isRouter(x.object)).map((x) => ({ name: x.object.metadata.name, ip: ip(x.object), from: since(x.object), until: Date.parse(x.deletedAt) }));
  const now = model.routerPods().map((p) => ({ name: p.metadata.name, ip: ip(p), from: since(p), until: Infinity }));
  return [...past, ...now]
    .filter((s) => s.ip && !Number.isNaN(s.from) && s.from < s.until)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The lines one run of the sample API's container wrote, up to `until`. */
export function appLog(model: WorldModel, pod: KubeObject, run: ContainerRun, until: Date, journal: readonly AppRequestRecord[]): LogLine[] {
  const start = run.startedAt;
  const banner = [
    'Using default port 8080',
    ' * Serving Flask app "sql_api" (lazy loading)',
    ' * Environment: production',
    '   WARNING: This is a development server. Do not use it in a production deployment.',
    '   Use a production WSGI server instead.',
    ' * Debug mode: on',
    ' * Running on http://0.0.0.0:8080/ (Press CTRL+C to quit)',
  ];
  const lines: LogLine[] = banner.map((text, i) => ({ at: new Date(start.getTime() + 900 + i), text }));
  // The steady load arrives through whichever router served at the time: the routers of the past
  // (a scenario replaced them) until they were deleted, the routers of now while they are ready.
  const clock = new Date(model.lab.info.clock);
  const serving = servingRouters(model);
  const servedBy = (t: number) => serving.find((s) => s.from <= t && t < s.until)?.ip;
  for (const load of model.lab.info.app.load ?? []) {
    const [namespace, name] = load.route.split('/');
    const route = model.kube('Route', namespace).find((r) => r.metadata.name === name);
    const host = optStr(route?.spec?.host);
    if (!host || !servesRoute(model, pod, host)) continue;
    const every = 60_000 / load.perMinute;
    const from = Math.max(start.getTime() + 5_000, load.sinceMinutes !== undefined ? clock.getTime() - load.sinceMinutes * 60_000 : 0);
    const lastServed = Math.min(until.getTime(), Math.max(start.getTime(), ...serving.map((s) => s.until)));
    const first = Math.max(from, lastServed - every * MAX_LOAD_LINES);
    // On the load's own ten-second grid, 0.3 s past each tick.
    for (let t = Math.ceil(first / every) * every + 300; t <= lastServed; t += every) {
      const address = servedBy(t);
      if (address) lines.push(accessLine(new Date(t), address, 'GET', load.path, 200));
    }
  }
  for (const record of journal) {
    if (record.pod === podKey(pod) && record.at >= start && record.at <= until) lines.push(...record.lines);
  }
  return lines.filter((l) => l.at <= until).sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The journal's record of a request `pod` answered with `answer`: the lines the app logged for it,
 * from the world as it was when it answered. */
export function appRequestRecord(model: WorldModel, pod: KubeObject, request: AppRequest, answer: AppResponse): AppRequestRecord {
  const sql = request.path === '/api/sqlversion' || request.path === '/api/sqlsrcip' ? sqlLines(model, pod, request, answer) : [];
  const target = `${request.path}${request.query ? `?${request.query}` : ''}`;
  return { pod: podKey(pod), at: request.at, lines: [...sql, accessLine(request.at, request.remoteAddr, request.method, target, answer.status)] };
}
