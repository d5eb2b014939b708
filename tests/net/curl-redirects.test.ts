// curl -L hop by hop, --max-redirs and -m's parsing, against what the real curl 7.88.1 printed for
// the same lines and the same answers (curl-redirects.references.json): the route host reaches a
// fake app on 127.0.0.1 whose scripted redirects lead to the lab's router.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { Session } from '../../src/engine/session.ts';
import { liveWorldOn, startFakeCluster } from '../helpers/fake-cluster.ts';
import { startFakeApp } from '../helpers/fake-network.ts';
import { LINES, ROUTE, SCRIPTS } from './curl-redirect-cases.ts';

interface Reference {
  line: string;
  stdout: string;
  stderr: string;
  exit: number;
}

const references = JSON.parse(readFileSync(new URL('curl-redirects.references.json', import.meta.url), 'utf8')) as Reference[];

describe('curl -L against the real curl', async () => {
  const lab = await loadLab({ name: 'aro2' });
  const fake = await startFakeCluster(lab);
  const app = await startFakeApp(lab, SCRIPTS);
  afterAll(() => Promise.all([fake.close(), app.close()]));
  const world = await liveWorldOn(fake, lab, { ARO_LABS_RESOLVE: `${ROUTE}:80:127.0.0.1:${app.port}` });

  it('has a reference for every line', () => {
    expect(references.map((r) => r.line)).toEqual(LINES);
  });

  for (const reference of references) {
    it(reference.line, async () => {
      const result = await new Session(world).run(reference.line);
      expect({ stdout: result.stdout, stderr: result.stderr, exit: result.status }).toEqual({ stdout: reference.stdout, stderr: reference.stderr, exit: reference.exit });
    });
  }

  it('asks each hop once: a chain of two redirects is three requests, and a loop stops after --max-redirs', async () => {
    app.requests.length = 0;
    await new Session(world).run(`curl -s -L http://${ROUTE}/chain`);
    expect(app.requests).toEqual([`${ROUTE}/chain`, `${ROUTE}/r301`, `${ROUTE}/api/healthcheck`]);
    app.requests.length = 0;
    await new Session(world).run(`curl -s -L --max-redirs 3 http://${ROUTE}/loop`);
    expect(app.requests).toEqual(Array(4).fill(`${ROUTE}/loop`));
  });

  it('-v traces each hop as curl 7.88 does: the ignored body, the reused or closed connection, the next URL', async () => {
    const result = await new Session(world).run(`curl -v -o /dev/null -L http://${ROUTE}/r302`);
    // The redirect came with Connection: close, so curl opens a new connection for the next hop.
    expect(result.stderr).toContain(
      `< Connection: close\r\n< \r\n* Ignoring the response-body\n* Closing connection 0\n* Issue another request to this URL: 'http://${ROUTE}/api/healthcheck'\n* Hostname ${ROUTE} was found in DNS cache\n*   Trying 127.0.0.1:${app.port}...\n* Connected to ${ROUTE} (127.0.0.1) port ${app.port} (#1)\n> GET /api/healthcheck HTTP/1.1\r\n`,
    );
    expect(result.stderr.endsWith(`< \r\n* Connection #1 to host ${ROUTE} left intact\n`)).toBe(true);
    const capped = await new Session(world).run(`curl -v -o /dev/null -L --max-redirs 0 http://${ROUTE}/r302`);
    expect(capped.stderr.endsWith('* Ignoring the response-body\n* Closing connection 0\n* Maximum (0) redirects followed\ncurl: (47) Maximum (0) redirects followed\n')).toBe(true);
  });
});
