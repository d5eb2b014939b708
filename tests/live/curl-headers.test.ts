// Headers in live mode's curl, both ways. An answer's header is judged with its name: a
// secret-named one (X-Api-Key, x-functions-key, Ocp-Apim-Subscription-Key, Authorization,
// Set-Cookie) shows only what is not its secret in -i and -v, and the secret is caught again
// wherever it reappears. A request's header goes as curl sends it: a value past Latin-1 as its
// UTF-8 bytes; what Node cannot send (a name that is no HTTP token, a control character in a
// value, a Host among them) ends as a curl error that says why, in the CLI and through the bridge.
import http from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { Session } from '../../src/engine/session.ts';
import { startBridge } from '../../src/node/live/bridge.ts';
import { REDACTED } from '../../src/node/live/redact.ts';
import { liveWorldOn, startFakeCluster } from '../helpers/fake-cluster.ts';
import { startFakeApp } from '../helpers/fake-network.ts';

const ROUTE = 'sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io';
const API_KEY = 'Pl4nt-header-api-key-7q';
const FUNCTIONS_KEY = 'Pl4nt-functions-key-3w';
const APIM_KEY = 'Pl4nt-apim-subscription-9e';
const SESSION = 'Pl4nt-session-cookie-5r';
const BEARER = 'Pl4nt-bearer-credential-1t';
const SECRET_HEADERS: Array<[string, string]> = [
  ['X-Api-Key', API_KEY],
  ['x-functions-key', FUNCTIONS_KEY],
  ['Ocp-Apim-Subscription-Key', APIM_KEY],
  ['Set-Cookie', `session=${SESSION}; Path=/; HttpOnly`],
  ['X-Upstream-Authorization', `Bearer ${BEARER}`],
];
// Headers that name secrets only in passing, or not at all: shown as they came.
const ORDINARY_HEADERS: Array<[string, string]> = [
  ['Content-Type', 'application/json'],
  ['Access-Control-Allow-Credentials', 'true'],
  ['Access-Control-Allow-Headers', 'Authorization, X-Api-Key'],
  ['X-Request-Id', 'b6f0c1f2-41d4-4c1e-9a57-0d4c1de0f00d'],
];

describe('curl headers in live mode', async () => {
  const lab = await loadLab({ name: 'aro2' });
  const fake = await startFakeCluster(lab);
  const app = await startFakeApp(lab, {
    '/keys': { kind: 'answer', headers: [...SECRET_HEADERS, ...ORDINARY_HEADERS], body: '{"ok":true}\n' },
    // The same app, later, quoting the key it was given in an error of its own.
    '/echo': { kind: 'answer', status: 401, headers: [['Content-Type', 'text/plain']], body: `key ${API_KEY} was refused\n` },
  });
  afterAll(() => Promise.all([fake.close(), app.close()]));
  // Each session a world of its own: what one learns does not help another.
  const world = () => liveWorldOn(fake, lab, { ARO_LABS_RESOLVE: `${ROUTE}:80:127.0.0.1:${app.port}` });
  const session = async () => new Session(await world());

  it('shows the values of secret-named answer headers as <redacted> in -i and -v, keeping each name, scheme and cookie attribute', async () => {
    const s = await session();
    const expectedHead = [
      'HTTP/1.1 200 OK',
      `X-Api-Key: ${REDACTED}`,
      `x-functions-key: ${REDACTED}`,
      `Ocp-Apim-Subscription-Key: ${REDACTED}`,
      `Set-Cookie: session=${REDACTED}; Path=/; HttpOnly`,
      `X-Upstream-Authorization: Bearer ${REDACTED}`,
      ...ORDINARY_HEADERS.map(([k, v]) => `${k}: ${v}`),
      'Content-Length: 12',
      'Connection: close',
    ];
    const included = await s.run(`curl -si http://${ROUTE}/keys`);
    expect(included).toMatchObject({ status: 0, stdout: `${expectedHead.map((l) => `${l}\r\n`).join('')}\r\n{"ok":true}\n` });
    const verbose = await s.run(`curl -sv http://${ROUTE}/keys`);
    expect(verbose.stderr).toContain(expectedHead.map((l) => `< ${l}\r\n`).join(''));
    for (const secret of [API_KEY, FUNCTIONS_KEY, APIM_KEY, SESSION, BEARER]) expect(included.stdout + verbose.stdout + verbose.stderr).not.toContain(secret);
  });

  it('remembers a secret header value, so the same value in a later answer is hidden too', async () => {
    const s = await session();
    // Before the header was seen, nothing marks the text as secret.
    expect((await s.run(`curl -s http://${ROUTE}/echo`)).stdout).toBe(`key ${API_KEY} was refused\n`);
    await s.run(`curl -s -o /dev/null http://${ROUTE}/keys`);
    expect((await s.run(`curl -s http://${ROUTE}/echo`)).stdout).toBe(`key ${REDACTED} was refused\n`);
  });

  it('sends a header value past Latin-1 as its UTF-8 bytes, as curl does', async () => {
    const before = app.heads.length;
    const result = await (await session()).run(`curl -s -H 'X-Note: ☺ café' http://${ROUTE}/api/ip`);
    expect(result.status).toBe(0);
    const sent = Buffer.from(app.heads.slice(before).join('\n'), 'latin1');
    expect(sent.includes(Buffer.from('\r\nX-Note: ☺ café\r\n', 'utf8'))).toBe(true);
  });

  it('ends with curl (7) and the reason, never an internal error, when a header name is not an HTTP token', async () => {
    const before = app.heads.length;
    const result = await (await session()).run(`curl -sS -H 'Bad Name: x' http://${ROUTE}/api/ip`);
    expect(result).toMatchObject({ status: 7, stdout: '', stderr: 'curl: (7) live mode sends only headers whose names are HTTP tokens; "Bad Name" is not one\n' });
    expect(app.heads.length).toBe(before);
  });

  it('answers through the bridge what it answers in the CLI: a refusal for what cannot be sent, the answer for UTF-8 values, no 500', async () => {
    const bridge = await startBridge({ world: await world(), origins: ['https://packets.example'] });
    try {
      const call = (headers: Record<string, string>) =>
        new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
          const body = JSON.stringify({ method: 'GET', url: `http://${ROUTE}/api/ip`, headers });
          const req = http.request(
            {
              host: '127.0.0.1',
              port: bridge.port,
              path: '/v1/http',
              method: 'POST',
              headers: { Host: `127.0.0.1:${bridge.port}`, Origin: 'https://packets.example', Authorization: `Bearer ${bridge.token}`, 'Content-Type': 'application/json' },
            },
            (res) => {
              let text = '';
              res.on('data', (c) => (text += c));
              res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }));
            },
          );
          req.on('error', reject);
          req.end(body);
        });
      const before = app.heads.length;
      const refusals: Array<[Record<string, string>, string]> = [
        [{ 'Bad Name': 'x' }, 'live mode sends only headers whose names are HTTP tokens; "Bad Name" is not one'],
        [{ 'X-A': 'a\r\nInjected: 1' }, "live mode does not send a header value with control characters, as the X-A header's is"],
        [{ Host: `${ROUTE}\u0000` }, "live mode does not send a header value with control characters, as the Host header's is"],
      ];
      for (const [headers, message] of refusals) {
        expect(await call(headers)).toEqual({ status: 200, body: { error: 'refused-by-policy', host: ROUTE, port: 80, message } });
      }
      expect(app.heads.length).toBe(before);
      const utf8 = await call({ 'X-Note': '☺' });
      expect([utf8.status, utf8.body.status]).toEqual([200, 200]);
      expect(Buffer.from(app.heads.at(-1)!, 'latin1').includes(Buffer.from('X-Note: ☺', 'utf8'))).toBe(true);
    } finally {
      await bridge.close();
    }
  });
});
