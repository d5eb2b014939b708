// curl -L in the lab: every hop is a request of its own to the world (the lab's network answers
// each), carrying what curl carries to it, within what is left of -m. The world here is a lab's,
// with an app that also answers a few paths with redirects.
import { describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { Session } from '../../src/engine/session.ts';
import type { HttpRequest, HttpResponse, World } from '../../src/engine/world/types.ts';

const ROUTE = 'sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io';
const OTHER = `nothing.apps.m50kgrxk.northeurope.aroapp.io`;
const HOP_MS = 1200;

/** The lab's world, whose route also answers /go/<status>?to=<url-encoded Location> with a redirect that took HOP_MS. */
async function redirectingLab(name: string): Promise<{ world: World; asked: HttpRequest[] }> {
  const world = createFixtureWorld(await loadLab({ name }));
  const asked: HttpRequest[] = [];
  return {
    asked,
    world: {
      ...world,
      async http(req) {
        asked.push(req);
        const url = new URL(req.url);
        const m = /^\/go\/(\d{3})$/.exec(url.pathname);
        if (!m) return world.http(req);
        const redirect: HttpResponse = {
          httpVersion: '1.1',
          status: Number(m[1]),
          statusText: 'Found',
          headers: [['Location', url.searchParams.get('to') ?? '/'], ['Content-Length', '0']],
          body: '',
          remote: { ip: '192.0.2.80', port: 80 },
          timing: { lookupMs: 3, connectMs: 27, tlsMs: 0, firstByteMs: HOP_MS - 1, totalMs: HOP_MS },
        };
        return redirect;
      },
    },
  };
}

const go = (to: string, status = 302) => `http://${ROUTE}/go/${status}?to=${encodeURIComponent(to)}`;

describe('curl -L in the lab', () => {
  it('asks the world once per hop, and the lab\'s network answers the last one', async () => {
    const { world, asked } = await redirectingLab('aro2');
    const result = await new Session(world).run(`curl -s -L -w '[%{num_redirects} %{url_effective}]' '${go('/api/healthcheck')}'`);
    expect(result).toMatchObject({ status: 0, stdout: `{\n  "health": "OK"\n}\n[1 http://${ROUTE}/api/healthcheck]` });
    expect(asked.map((r) => r.url)).toEqual([go('/api/healthcheck'), `http://${ROUTE}/api/healthcheck`]);
  });

  it('carries the reader\'s credentials only to the same host, port and scheme, a custom Host only to the first host, other headers everywhere', async () => {
    const { world, asked } = await redirectingLab('aro2');
    const headers = `-H 'Authorization: Bearer reader-token' -H 'Cookie: a=1' -H 'X-Trace: t1' -H 'Host: ${ROUTE}'`;
    await new Session(world).run(`curl -s -L ${headers} '${go(`http://${ROUTE}/api/healthcheck`)}'`);
    await new Session(world).run(`curl -s -L ${headers} '${go(`http://${OTHER}/`)}'`);
    await new Session(world).run(`curl -s -L -k ${headers} '${go(`https://${ROUTE}/api/healthcheck`)}'`);
    const [, same, , other, , tls] = asked.map((r) => r.headers);
    expect(same).toMatchObject({ Host: ROUTE, Authorization: 'Bearer reader-token', Cookie: 'a=1', 'X-Trace': 't1' });
    expect(other).toEqual({ Host: OTHER, 'User-Agent': 'curl/7.88.1', Accept: '*/*', 'X-Trace': 't1' });
    expect(tls).toEqual({ Host: ROUTE, 'User-Agent': 'curl/7.88.1', Accept: '*/*', 'X-Trace': 't1' });
  });

  it('-m is one limit over all the hops: the next hop gets what is left, and the timeout counts from the start', async () => {
    const { world, asked } = await redirectingLab('snat-exhaustion');
    // The SNAT scenario's /api/ip waits 30 s for the router's 504: -m 5 ends it in the second hop.
    const result = await new Session(world).run(`curl -sS -L -m 5 '${go('/api/ip')}'`);
    expect(result).toMatchObject({ status: 28, stdout: '', stderr: 'curl: (28) Operation timed out after 5001 milliseconds with 0 bytes received\n' });
    expect(asked.map((r) => r.maxTimeMs)).toEqual([5000, 5000 - HOP_MS]);
  });

  it('-w adds the hops\' times up, the redirects\' own in time_redirect', async () => {
    const { world } = await redirectingLab('aro2');
    const [redirect, total] = (await new Session(world).run(`curl -s -L -o /dev/null -w '%{time_redirect} %{time_total}' '${go('/api/healthcheck')}'`)).stdout.split(' ').map(Number);
    const [single] = (await new Session(world).run(`curl -s -o /dev/null -w '%{time_total}' http://${ROUTE}/api/healthcheck`)).stdout.split(' ').map(Number);
    expect(redirect).toBe(HOP_MS / 1000);
    expect(total).toBeCloseTo(redirect + single, 6);
  });

  it('-v says a kept connection to the same host is reused for the next hop, as curl 7.88 does', async () => {
    const { world } = await redirectingLab('aro2');
    const result = await new Session(world).run(`curl -v -o /dev/null -L '${go('/api/healthcheck')}'`);
    expect(result.stderr).toContain(
      // No body to ignore after Content-Length: 0 (curl says so only when body data comes).
      `< Content-Length: 0\r\n< \r\n* Connection #0 to host ${ROUTE} left intact\n* Issue another request to this URL: 'http://${ROUTE}/api/healthcheck'\n* Found bundle for host: `,
    );
    expect(result.stderr).toMatch(/\* Found bundle for host: 0x[0-9a-f]+ \[serially\]\n\* Can not multiplex, even if we wanted to\n\* Re-using existing connection #0 with host sqlapilb-project1\.apps\.m50kgrxk\.northeurope\.aroapp\.io\n> GET \/api\/healthcheck HTTP\/1\.1\r\n/);
    const other = await new Session(world).run(`curl -v -o /dev/null -L '${go(`http://${ROUTE}:8080/`)}'`);
    // curl's DNS cache holds a name with its port, so the name on another port is looked up afresh.
    expect(other.stderr).toContain(`* Connection #0 to host ${ROUTE} left intact\n* Clear auth, redirects to port from 80 to 8080\n* Issue another request to this URL: 'http://${ROUTE}:8080/'\n*   Trying 192.0.2.80:8080...\n`);
  });
});

describe('curl -m and -w in the lab', () => {
  it('-m ends a connection that never completes with curl\'s connection timeout, and -w still prints', async () => {
    const world = createFixtureWorld(await loadLab({ name: 'router-down' }));
    const result = await new Session(world).run(`curl -sS -m 3 -w '[%{http_code} %{exitcode}]' http://${ROUTE}/api/ip`);
    expect(result).toMatchObject({ status: 28, stdout: '[000 28]', stderr: 'curl: (28) Connection timed out after 3001 milliseconds\n' });
  });

  it('-w after a failure prints http_code 000 and, as time_total, the time curl waited, after the error and with the exit code kept', async () => {
    const world = createFixtureWorld(await loadLab({ name: 'router-down' }));
    // curl 7.88 writes its error first, then the write-out (checked: curl -s -S -m 2 -o /dev/null -w … http://127.0.0.1:9/ 2>&1).
    const sS = await new Session(world).run(`curl -s -S -m 2 -o /dev/null -w "%{http_code} %{time_total}\\n" http://${ROUTE}/api/ip 2>&1`);
    expect(sS).toMatchObject({ status: 28, stdout: 'curl: (28) Connection timed out after 2001 milliseconds\n000 2.001000\n' });
    const silent = await new Session(world).run(`curl -s -m 2 -o /dev/null -w "%{http_code}\\n" http://${ROUTE}/api/ip`);
    expect(silent).toMatchObject({ status: 28, stdout: '000\n', stderr: '' });
    const verbose = await new Session(world).run(`curl -v -m 2 -o /dev/null -w "%{http_code}\\n" http://${ROUTE}/api/ip 2>&1`);
    expect(verbose.status).toBe(28);
    expect(verbose.stdout).toMatch(/\* Closing connection 0\ncurl: \(28\) Connection timed out after 2001 milliseconds\n000\n$/);
    // Without -m the system's own connect timeout ends it; time_total is what the message says.
    const unlimited = await new Session(world).run(`curl -s -S -o /dev/null -w "%{time_total}" http://${ROUTE}/api/ip 2>&1`);
    const ms = Number(/after (\d+) ms/.exec(unlimited.stdout)?.[1]);
    expect(unlimited.stdout.endsWith(`\n${(ms / 1000).toFixed(6)}`)).toBe(true);
  });
});
