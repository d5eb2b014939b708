// curl and nslookup from the reader's machine, on every built-in lab: names, answers and failures.
import { describe, expect, it } from 'vitest';
import { labSession, out } from '../transcript/helpers.ts';
import { builtInLabs } from '../helpers/built-in-labs.ts';

for (const lab of builtInLabs()) {
  describe(`network on ${lab}`, async () => {
    const s = await labSession(lab);
    // The sample app's route, in the session's project (the cluster's own routes answer otherwise).
    const host = await out(s, "kubectl get route -o jsonpath='{.items[0].spec.host}'");
    const routerIp = await out(s, "kubectl get svc router-default -n openshift-ingress -o jsonpath='{.status.loadBalancer.ingress[0].ip}'");
    const resolver = s.world.info.resolver;

    it('nslookup answers the route host with the router IP, in bind9 layout', async () => {
      expect(await out(s, `nslookup ${host}`)).toBe(`Server:\t\t${resolver}\nAddress:\t${resolver}#53\n\nNon-authoritative answer:\nName:\t${host}\nAddress: ${routerIp}\n\n`);
    });

    it('nslookup cannot see cluster-internal names from outside', async () => {
      const r = await s.run('nslookup server.project1.svc.cluster.local');
      expect(r.status).toBe(1);
      expect(r.stdout).toContain("** server can't find server.project1.svc.cluster.local: NXDOMAIN\n");
    });

    it('curl -i shows the app and router headers with CRLF line ends', async () => {
      const text = await out(s, `curl -i http://${host}/api/healthcheck`);
      expect(text.startsWith('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n')).toBe(true);
      expect(text.endsWith('\r\n\r\n{\n  "health": "OK"\n}\n')).toBe(true);
    });

    it('curl -v traces the connection to the router IP', async () => {
      const r = await s.run(`curl -v -o /dev/null http://${host}/api/ip`);
      expect(r.stderr).toContain(`*   Trying ${routerIp}:80...\n* Connected to ${host} (${routerIp}) port 80 (#0)\n> GET /api/ip HTTP/1.1\r\n> Host: ${host}\r\n`);
      expect(r.stdout).toBe('');
    });

    it("the router answers 503 for a host with no route and the app 404 for an unknown path", async () => {
      const apps = host.slice(host.indexOf('.') + 1);
      expect(await out(s, `curl -s -o /dev/null -w '%{http_code}' http://nothing.${apps}/`)).toBe('503');
      expect(await out(s, `curl -s -o /dev/null -w '%{http_code}' http://${host}/nope`)).toBe('404');
    });

    it("curl fails like curl for unknown hosts, bad options and no URL", async () => {
      expect(await s.run('curl http://nope.invalid/')).toMatchObject({ status: 6, stderr: 'curl: (6) Could not resolve host: nope.invalid\n' });
      expect(await s.run('curl -s http://nope.invalid/')).toMatchObject({ status: 6, stderr: '' });
      expect(await s.run('curl --foo')).toMatchObject({ status: 2, stderr: "curl: option --foo: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n" });
      // With no argument at all curl only points at its help; with options and no URL it says so first.
      expect(await s.run('curl')).toMatchObject({ status: 2, stderr: "curl: try 'curl --help' or 'curl --manual' for more information\n" });
      expect(await s.run('curl -s')).toMatchObject({ status: 2, stderr: "curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n" });
    });
  });
}

describe('curl times the exchange', async () => {
  const route = 'http://sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io';

  it('reports the phases in order, TLS only over https', async () => {
    const s = await labSession('aro2');
    const times = (await out(s, `curl -s -o /dev/null -w '%{time_namelookup} %{time_connect} %{time_appconnect} %{time_pretransfer} %{time_starttransfer} %{time_total}' ${route}/api/healthcheck`)).split(' ').map(Number);
    expect(times[2]).toBe(0);
    expect(times[0]).toBeLessThan(times[1]);
    expect(times[1]).toBeLessThanOrEqual(times[3]);
    expect(times[3]).toBeLessThan(times[4]);
    expect(times[4]).toBeLessThanOrEqual(times[5]);
    const tls = (await out(s, `curl -sk -o /dev/null -w '%{time_connect} %{time_appconnect}' ${route.replace('http:', 'https:')}/api/healthcheck`)).split(' ').map(Number);
    expect(tls[1]).toBeGreaterThan(tls[0]);
  });

  it("shows the router's 30-second wait for a silent app, and -m gives up first", async () => {
    const s = await labSession('snat-exhaustion');
    const [code, total] = (await out(s, `curl -s -o /dev/null -w '%{http_code} %{time_total}' ${route}/api/ip`)).split(' ');
    expect(code).toBe('504');
    expect(Number(total)).toBeGreaterThanOrEqual(30);
    const quick = await s.run(`curl -sS -m 5 ${route}/api/ip`);
    expect(quick).toMatchObject({ status: 28, stdout: '', stderr: 'curl: (28) Operation timed out after 5001 milliseconds with 0 bytes received\n' });
    // The endpoints that stay inside the cluster answer well within the limit.
    expect((await s.run(`curl -s -m 5 ${route}/api/healthcheck`)).status).toBe(0);
  });
});
