// The bridge lends the page the reader's live world and nothing else: loopback only, its token,
// allowed origins, a loopback Host, reads only, the cluster's hosts only, no secret in any answer.
import http from 'node:http';
import { spawn } from 'node:child_process';
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { Session } from '../../src/engine/session.ts';
import { createFixtureWorld } from '../../src/engine/world/fixture/index.ts';
import { startBridge } from '../../src/node/live/bridge.ts';
import { connectBridge } from '../../src/engine/world/bridge/client.ts';
import { parseBridgeUrl } from '../../src/engine/world/bridge/protocol.ts';
import { ARM_TOKEN, KUBE_TOKEN, liveWorldOn, startFakeCluster } from '../helpers/fake-cluster.ts';
import { ROOT } from '../helpers/site.ts';

const SITE = 'https://packets.example';

describe('aro-labs bridge', async () => {
  const lab = await loadLab({ name: 'aro2' });
  const fake = await startFakeCluster(lab);
  const world = await liveWorldOn(fake, lab);
  const bridge = await startBridge({ world, origins: [SITE] });
  const seen: string[] = [];
  afterAll(async () => {
    await bridge.close();
    await fake.close();
  });

  /** One raw request, headers exactly as given (a browser could not forge Host or Origin; an attacker's page can choose its own). */
  function raw(path: string, headers: Record<string, string>, body = '{}', method = 'POST', address = '127.0.0.1'): Promise<{ status: number; text: string; headers: http.IncomingHttpHeaders }> {
    return new Promise((resolve, reject) => {
      const req = http.request({ host: address, port: bridge.port, path, method, headers: { 'Content-Type': 'application/json', ...headers } }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => {
          seen.push(text);
          resolve({ status: res.statusCode ?? 0, text, headers: res.headers });
        });
      });
      req.on('error', reject);
      req.end(method === 'POST' ? body : undefined);
    });
  }
  const good = () => ({ Host: `127.0.0.1:${bridge.port}`, Origin: SITE, Authorization: `Bearer ${bridge.token}` });

  // The page's client, as a browser on SITE sends it: fetch adds the page's Origin.
  const originalFetch = globalThis.fetch;
  globalThis.fetch = (async (input: string, init: RequestInit) => {
    const response = await originalFetch(input, { ...init, headers: { ...(init.headers as Record<string, string>), Origin: SITE } });
    const text = await response.text();
    seen.push(text);
    return new Response(text, { status: response.status, headers: response.headers });
  }) as typeof fetch;
  afterAll(() => {
    globalThis.fetch = originalFetch;
  });
  const lost: string[] = [];
  const pageWorld = () => connectBridge(parseBridgeUrl(bridge.url)!, (error) => lost.push(error.message));

  it('prints a loopback URL with a long random token', () => {
    expect(bridge.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${bridge.port}/#token=[A-Za-z0-9_-]{32}$`));
    expect(parseBridgeUrl(bridge.url)).toEqual({ origin: `http://127.0.0.1:${bridge.port}`, token: bridge.token });
  });

  it('answers 401 without the token or with a wrong one', async () => {
    const { Authorization: _, ...noToken } = good();
    expect((await raw('/v1/info', noToken)).status).toBe(401);
    expect((await raw('/v1/info', { ...good(), Authorization: 'Bearer nope' })).status).toBe(401);
    expect((await raw('/v1/info', { ...good(), Authorization: `Bearer ${bridge.token}x` })).status).toBe(401);
    const answer = await raw('/v1/info', noToken);
    expect(JSON.parse(answer.text)).toEqual({ error: 'the bridge needs the token from the URL it printed' });
  });

  it('answers 403 to a foreign Origin, a missing Origin and a foreign Host (DNS rebinding)', async () => {
    expect((await raw('/v1/info', { ...good(), Origin: 'https://evil.example' })).status).toBe(403);
    const { Origin: _, ...noOrigin } = good();
    expect((await raw('/v1/info', noOrigin)).status).toBe(403);
    const rebinding = await raw('/v1/info', { ...good(), Host: `evil.example:${bridge.port}` });
    expect(rebinding.status).toBe(403);
    expect(rebinding.text).toContain('answers only at 127.0.0.1');
    const preflight = await raw('/v1/info', { Host: `127.0.0.1:${bridge.port}`, Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' }, '', 'OPTIONS');
    expect(preflight.status).toBe(403);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('lets the allowed page through its preflight, loopback (private network) included', async () => {
    const preflight = await raw('/v1/info', { Host: `127.0.0.1:${bridge.port}`, Origin: SITE, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Private-Network': 'true' }, '', 'OPTIONS');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(SITE);
    expect(preflight.headers['access-control-allow-private-network']).toBe('true');
    expect(preflight.headers['access-control-allow-headers']).toBe('Authorization, Content-Type');
  });

  it('listens on 127.0.0.1 only: other loopback addresses are refused', async () => {
    for (const address of ['127.0.0.2', '::1']) {
      const refused = await new Promise<string>((resolve) => {
        const socket = net.connect({ host: address, port: bridge.port }, () => {
          socket.destroy();
          resolve('connected');
        });
        socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
      expect(refused).toMatch(/ECONNREFUSED|EADDRNOTAVAIL|ENETUNREACH/);
    }
  });

  it('refuses writes and anything that is not a plain read', async () => {
    const post = (call: string, body: unknown) => raw(`/v1/${call}`, good(), JSON.stringify(body));
    expect((await post('http', { method: 'DELETE', url: 'http://sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io/api/ip', headers: {} })).status).toBe(403);
    expect((await post('arm', { path: '/subscriptions/x/resourceGroups/aro2', method: 'DELETE' })).status).toBe(403);
    expect((await post('kube', { path: '/api/v1/namespaces/project1/pods/sqlapi-1-8jgx8/exec?command=sh' })).status).toBe(403);
    expect((await post('kube', { path: '/api/v1/pods?watch=true' })).status).toBe(403);
    expect((await post('arm', { path: '/../../etc/passwd' })).status).toBe(403);
    // Query strings only for Azure Monitor's metrics, the one ARM read that needs one.
    expect((await post('arm', { path: '/subscriptions/x/resourceGroups/aro2?$expand=secrets' })).status).toBe(403);
    expect((await raw('/v1/arm', good(), '{"path":"/subscriptions/x"}', 'PUT')).status).toBe(405);
    expect((await post('exec', {})).status).toBe(404);
  });

  it("runs the page's commands through the bridge as the CLI would, refusing writes and foreign hosts", async () => {
    const remote = await pageWorld();
    expect(remote.info.name).toBe('live');
    const frozen = () => new Date(lab.info.clock);
    const session = new Session(remote, { now: frozen });
    const fixture = new Session(createFixtureWorld({ ...lab, info: { ...lab.info, resolver: remote.info.resolver } }), { now: frozen });
    for (const line of ['az network lb list -g aro2-resources -o table', 'kubectl get svc', 'nslookup sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io', 'curl -s http://sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io/api/ip', 'az monitor metrics list --resource /subscriptions/e7da9914-9b05-4891-893c-546cb7b0422e/resourceGroups/aro2-resources/providers/Microsoft.Network/loadBalancers/aro2-p8bjm --metrics UsedSnatPorts --dimension BackendIPAddress --offset 2m -o table']) {
      expect((await session.run(line)).stdout).toBe((await fixture.run(line)).stdout);
    }
    const write = await session.run('kubectl delete pod sqlapi-1-8jgx8');
    expect(write.stderr).toMatch(/^error: "kubectl delete" would change your cluster/);
    const azWrite = await session.run('az network public-ip delete -g aro2-resources -n x');
    expect(azWrite.stderr).toMatch(/^ERROR: 'az network public-ip delete' would change Azure, and live mode only reads/);
    const metadata = await session.run('curl http://169.254.169.254/metadata/instance');
    expect(metadata).toMatchObject({ status: 7, stderr: 'curl: (7) live mode never contacts 169.254.169.254 (the instance metadata address)\n' });
    const foreign = await session.run('curl http://example.com/');
    expect(foreign.stderr).toBe("curl: (7) live mode reaches only your cluster's route hosts and API server; example.com is not one of them\n");
    const post = await session.run('curl -X POST http://sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io/api/ip');
    expect(post).toMatchObject({ status: 7, stderr: 'curl: (7) the bridge only reads; it does not send POST requests\n' });
    // A refused call is not a lost bridge: the session stays live.
    expect((await session.run('kubectl get route -o name')).stdout).toBe('route.route.openshift.io/sqlapilb\n');
  });

  it('runs as `aro-labs bridge`: prints its URL, answers the allowed page, stops on Ctrl-C', async () => {
    const child = spawn(`${ROOT}bin/aro-labs`, ['bridge', '--cluster', 'aro2', '-g', 'aro2', '--origin', 'https://workshop.example/'], { env: { PATH: process.env.PATH, HOME: '/nonexistent', ...fake.env() } });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    await expect.poll(() => out, { timeout: 15_000 }).toMatch(/#token=/);
    const address = parseBridgeUrl(/http:\/\/127\.0\.0\.1:\d+\/#token=\S+/.exec(out)![0])!;
    expect(out).toContain('Pages allowed to connect: http://localhost:4321, http://127.0.0.1:4321, https://workshop.example');
    const answer = await originalFetch(`${address.origin}/v1/info`, { method: 'POST', headers: { Authorization: `Bearer ${address.token}`, Origin: 'https://workshop.example', 'Content-Type': 'application/json' }, body: '{}' });
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { name: string }).name).toBe('live');
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });

  it('never shows a secret: no token, no password, in any answer it gave', async () => {
    const remote = await pageWorld();
    const session = new Session(remote);
    const printenv = await session.run('curl -s http://sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io/api/printenv | jq -r .SQL_SERVER_PASSWORD');
    expect(printenv.stdout).toBe('<redacted>\n');
    const yaml = await session.run('kubectl get pods -o yaml');
    expect(yaml.stdout).toContain('<redacted>');
    const everything = seen.join('\n');
    for (const secret of [ARM_TOKEN, KUBE_TOKEN, bridge.token, 'Lab-Passw0rd!']) expect(everything).not.toContain(secret);
    expect(lost).toEqual([]);
  });
});
