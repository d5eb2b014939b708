// A SQL failure takes the time the ODBC driver takes: a NetworkPolicy that drops the app's packets
// makes the app wait for the driver's login timeout before it answers (curl's time_total, the app's
// own log lines and curl -m agree), a name that does not resolve fails at once, a working database
// answers in the app's usual few milliseconds; all within the router's 30 s server timeout.
import { describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { Session } from '../../src/engine/session.ts';
import { WorldModel } from '../../src/engine/model/world-model.ts';
import { ODBC_LOGIN_TIMEOUT_MS, sqlOutcome } from '../../src/engine/app/sqlapi.ts';
import type { LabFile } from '../../src/engine/world/types.ts';

type Obj = Record<string, any>;

const ROUTER_SERVER_TIMEOUT_S = 30;

function appOf(lab: LabFile) {
  const model = new WorldModel(lab);
  const route = model.routes().find((r) => model.routeBackend(r))!;
  const pod = model.routeBackend(route)! as Obj;
  const env = Object.fromEntries(pod.spec.containers[0].env.map((e: Obj) => [e.name, e.value]));
  return { host: String((route.spec as Obj).host), pod, outcome: sqlOutcome(model, pod as never, env.SQL_SERVER_FQDN, pod.metadata.namespace) };
}

/** The app's log lines for the last /api/sqlversion: [time of its first logger line, time of its access line] in ms. */
function requestSpan(log: string): [number, number] {
  const lines = log.split('\n');
  const end = lines.findLastIndex((l) => l.includes('"GET /api/sqlversion HTTP/1.1"'));
  const begin = lines.slice(0, end).findLastIndex((l) => l.includes('INFO in sql_api: Building connection string'));
  const logger = /^\[(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d),(\d{3})\]/.exec(lines[begin])!;
  const access = /\[(\d\d)\/(\w{3})\/(\d{4}) (\d\d:\d\d:\d\d)\]/.exec(lines[end])!;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const accessAt = Date.parse(`${access[3]}-${String(months.indexOf(access[2]) + 1).padStart(2, '0')}-${access[1]}T${access[4]}Z`);
  return [Date.parse(`${logger[1]}T${logger[2]}.${logger[3]}Z`), accessAt];
}

async function ask(name: string) {
  const lab = await loadLab({ name });
  const app = appOf(lab);
  const s = new Session(createFixtureWorld(lab), { tty: false });
  const curl = await s.run(`curl -s -o /dev/null -w '%{http_code} %{time_total}' http://${app.host}/api/sqlversion`);
  const [code, total] = curl.stdout.split(' ');
  const log = (await s.run(`oc logs ${app.pod.metadata.name} -n ${app.pod.metadata.namespace}`)).stdout;
  const limited = await s.run(`curl -s -m 5 http://${app.host}/api/sqlversion`);
  return { app, code, seconds: Number(total), span: requestSpan(log), limited };
}

describe('sql-networkpolicy', () => {
  it("answers after the ODBC driver's login timeout, within the router's server timeout, as the app's log shows", async () => {
    const { app, code, seconds, span, limited } = await ask('sql-networkpolicy');
    expect(app.outcome).toBe('login-timeout');
    expect(code).toBe('200');
    expect(seconds).toBeGreaterThanOrEqual(ODBC_LOGIN_TIMEOUT_MS / 1000);
    expect(seconds).toBeLessThan(ROUTER_SERVER_TIMEOUT_S);
    // The app's first line of the request and its access line are the login timeout apart, and no
    // further apart than curl waited.
    const [begin, end] = span;
    expect(end - begin).toBeGreaterThanOrEqual(ODBC_LOGIN_TIMEOUT_MS);
    expect(end - begin).toBeLessThanOrEqual(seconds * 1000);
    // curl -m 5 gives up first: connected, no answer yet.
    expect(limited.status).toBe(28);
  });
});

describe.each(['wrong-sql-fqdn', 'aro2'])('%s', (name) => {
  it('answers the SQL endpoint at once, a name that does not resolve as fast as a working database', async () => {
    const { app, code, seconds, span, limited } = await ask(name);
    expect(app.outcome).toBe(name === 'aro2' ? 'answered' : 'no-such-host');
    expect(code).toBe('200');
    expect(seconds).toBeLessThan(1);
    expect(span[1] - span[0]).toBeLessThan(1000);
    expect(limited.status).toBe(0);
  });
});
