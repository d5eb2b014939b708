// The bridge lends the page the reader's live world and nothing else: loopback only, its token,
// allowed origins, a loopback Host, reads only, the cluster's hosts only, no secret in any answer.
import http from 'node:http';
import { spawn } from 'node:child_process';
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { Session } from '../../src/engine/session.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { pageOrigin, startBridge } from '../../src/node/live/bridge.ts';
import { connectBridge } from '../../src/engine/sources/bridge/client.ts';
import { parseBridgeUrl } from '../../src/engine/sources/bridge/protocol.ts';
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

  // Raw paths with a valid token and an allowed origin: each refused before anything reaches
  // Azure or the cluster, with the reason it is not a plain read.
  const SUB = '/subscriptions/e7da9914-9b05-4891-893c-546cb7b0422e';
  const GROUP = `${SUB}/resourceGroups/aro2-resources`;
  const LB = `${GROUP}/providers/Microsoft.Network/loadBalancers/aro2-p8bjm`;
  const POD = '/api/v1/namespaces/project1/pods/sqlapi-1-8jgx8';
  const refusedPaths: Array<[call: 'arm' | 'kube', path: string, reason: string]> = [
    // Dot segments, plain and percent-encoded in every spelling.
    ['kube', '/api/v1/namespaces/.%2e/.%2e/.%2e/openapi/v2', 'a dot segment'],
    ['kube', '/api/v1/namespaces/%2e%2e/pods', 'a dot segment'],
    ['kube', '/api/v1/namespaces/%2E%2E/pods', 'a dot segment'],
    ['kube', '/api/v1/namespaces/%2e./pods', 'a dot segment'],
    ['kube', '/api/v1/namespaces/./pods', 'a dot segment'],
    ['kube', '/api/v1/../../openapi/v2', 'a dot segment'],
    ['kube', `${POD}/..`, 'a dot segment'],
    ['arm', `${GROUP}/../../providers/Microsoft.Authorization/roleAssignments`, 'a dot segment'],
    ['arm', `${GROUP}/%2e%2e`, 'a dot segment'],
    ['arm', '/../../etc/passwd', 'a dot segment'],
    // Encoded and back slashes, double and broken encodings, characters no path of the engine has.
    ['kube', '/api/v1/namespaces/project1%2fpods', 'an encoded slash'],
    ['kube', '/api/v1/namespaces/project1%2Fsecrets', 'an encoded slash'],
    ['kube', '/api/v1/namespaces/project1%5c..%5cpods', 'an encoded slash'],
    ['arm', `${SUB}\\..\\..\\providers\\Microsoft.Authorization\\roleAssignments`, 'a backslash'],
    ['arm', `${GROUP}\\..`, 'a backslash'],
    ['kube', '/api/v1\\namespaces', 'a backslash'],
    ['kube', '/api/v1/namespaces/%252e%252e/pods', 'a percent sign after decoding (double encoding)'],
    ['kube', '/api/v1/namespaces/%zz/pods', 'a malformed percent-encoding'],
    ['kube', '/api/v1/namespaces/%c0%ae%c0%ae/pods', 'a malformed percent-encoding'],
    ['kube', '/api/v1//namespaces/project1/pods', 'an empty segment'],
    ['kube', '/api/v1/namespaces/project1/pods/', 'an empty segment'],
    ['kube', '/api/v1/namespaces/project1/pods\u0000', 'a control character'],
    ['kube', '/api/v1/namespaces/project1/pods\\..\\secrets', 'a backslash'],
    ['kube', '/api/v1/namespaces/project1/pods\x7f', 'a control character'],
    ['kube', '/api/v1/namespaces/project1/pods\n', 'a control character'],
    ['kube', '/api/v1/namespaces/project1/pods\r\nHost: evil.example', 'a control character'],
    ['kube', '/api/v1/namespaces/project1/pods%00', 'a control character'],
    ['kube', '/api/v1/namespaces/project1/pods%0d%0aHost:%20evil', 'a control character'],
    ['kube', '/api/v1/namespaces/project1/pods#fragment', 'a fragment'],
    ['kube', 'api/v1/pods', 'not an absolute path'],
    ['kube', '/api/v1/namespaces/project 1/pods', 'a character that URLs escape'],
    ['kube', '/api/v1/namespaces/proj\u00e9ct1/pods', 'the name "proj\\u00e9ct1", which no Kubernetes object has'],
    ['kube', '/api/v1/namespaces/project1/pods/a;b', 'the name "a;b", which no Kubernetes object has'],
    ['kube', `/api/v1/namespaces/${'a'.repeat(2100)}/pods`, 'longer than 2048 characters'],
    ['arm', `${GROUP}/providers/Microsoft.Network/loadBalancers/${'x'.repeat(3000)}`, 'longer than 2048 characters'],
    // Proxy, exec, attach and port-forward: subresources the terminal never reads; a log only as kubectl logs reads it.
    ['kube', '/api/v1/namespaces/project1/services/sqlapi/proxy/api/ip', 'the subresource "proxy"'],
    ['kube', '/api/v1/namespaces/project1/services/https:sqlapi:443/proxy', 'the subresource "proxy"'],
    ['kube', `${POD}/proxy`, 'the subresource "proxy"'],
    ['kube', '/api/v1/nodes/aro2-p8bjm-master-0/proxy/metrics', 'the subresource "proxy"'],
    ['kube', '/api/v1/proxy/namespaces/project1/pods/sqlapi-1-8jgx8', '"v1 proxy" is not a resource the terminal reads'],
    ['kube', `${POD}/exec?command=sh`, 'the subresource "exec"'],
    ['kube', `${POD}/exec/?command=sh`, 'an empty segment'],
    ['kube', `${POD}/%65xec?command=sh&stdin=true`, 'the subresource "exec"'],
    ['kube', `${POD}/attach`, 'the subresource "attach"'],
    ['kube', `${POD}/portforward?ports=1433`, 'the subresource "portforward"'],
    ['kube', `${POD}/log?follow=true`, 'the query parameter "follow", which kubectl logs never sends'],
    ['kube', `${POD}/log?container=sqlapi&insecureSkipTLSVerifyBackend=true`, 'the query parameter "insecureSkipTLSVerifyBackend", which kubectl logs never sends'],
    ['kube', `${POD}/log/extra`, 'the subresource "log"'],
    ['kube', '/api/v1/namespaces/project1/services/sqlapi/log', 'the subresource "log"'],
    ['kube', '/api/v1/namespaces/project1/status', '"v1 status" is not a resource the terminal reads'],
    // Watches and query parameters kubectl's reads never send.
    ['kube', '/api/v1/pods?watch=true', 'the query parameter "watch", which kubectl never sends'],
    ['kube', '/api/v1/pods?labelSelector=app%3Dsqlapi&watch=1', 'the query parameter "watch", which kubectl never sends'],
    ['kube', '/api/v1/watch/pods', '"v1 watch" is not a resource the terminal reads'],
    ['kube', '/apis/apps/v1/watch/namespaces/project1/deployments', '"apps/v1 watch" is not a resource the terminal reads'],
    ['kube', '/api/v1/namespaces/project1/pods?resourceVersion=0&limit=500', 'the query parameter "resourceVersion", which kubectl never sends'],
    ['kube', '/api/v1/namespaces/project1/pods?labelSelector=a&labelSelector=b', 'the query parameter "labelSelector" twice'],
    ['kube', '/api/v1/namespaces/project1/pods?', 'a query part "" that is not name=value'],
    ['kube', `${POD}?labelSelector=app`, 'a selector on one object'],
    // Resources and places outside what kubectl and oc read.
    ['kube', '/openapi/v2', 'not a resource path under /api or /apis'],
    ['kube', '/metrics', 'not a resource path under /api or /apis'],
    ['kube', '/apis/rbac.authorization.k8s.io/v1/clusterroles', '"rbac.authorization.k8s.io/v1 clusterroles" is not a resource the terminal reads'],
    ['kube', '/api/v1/namespaces/project1/nodes', 'nodes are not read inside a namespace'],
    ['kube', '/api/v1/pods/sqlapi-1-8jgx8', 'one of the pods is read inside its namespace'],
    // ARM: only the resource types and reads az has, queries only for Azure Monitor's metrics.
    ['arm', '/providers/Microsoft.Compute/operations', 'not below /subscriptions/ID'],
    ['arm', SUB, 'not below /subscriptions/ID'],
    ['arm', `${SUB}/resourceGroups/aro2?$expand=secrets`, 'the query parameter "$expand", which az sends only with metrics'],
    ['arm', `${GROUP}/providers/Microsoft.ContainerService/managedClusters/aks/accessProfiles/clusterAdmin`, '"Microsoft.ContainerService/managedClusters" is not a resource type the terminal reads'],
    ['arm', `${GROUP}/providers/Microsoft.Network/connections/vpn/sharedkey`, '"Microsoft.Network/connections" is not a resource type the terminal reads'],
    ['arm', `${SUB}/resourceGroups/aro2/providers/Microsoft.RedHatOpenShift/openShiftClusters/aro2/listCredentials`, '"listCredentials", which the terminal does not read below Microsoft.RedHatOpenShift/openShiftClusters'],
    ['arm', `${LB}/providers/Microsoft.Insights/diagnosticSettings`, '"providers", which the terminal does not read below Microsoft.Network/loadBalancers'],
    ['arm', `${LB}/backendAddressPools/pool/extra`, '"extra" below a child resource'],
    ['arm', `${GROUP}/deployments`, '"deployments", which the terminal does not read in a resource group'],
    ['arm', `${SUB}/providers/Microsoft.Network/loadBalancers/aro2-p8bjm`, 'a resource outside a resource group'],
    ['arm', `${LB}/providers/Microsoft.Insights/metrics?metricnames=UsedSnatPorts&api-version=2099-01-01`, 'the query parameter "api-version", which az monitor metrics list never sends'],
    ['arm', `${GROUP}/providers/Microsoft.Insights/metrics?metricnames=x`, 'metrics of something that is not a resource'],
    ['arm', `${GROUP}/providers/Microsoft.Network/loadBalancers/a%3Bb`, 'the name "a;b", which no Azure resource has'],
  ];

  it(`refuses ${refusedPaths.length} raw paths that are not plain reads, before anything reaches Azure or the cluster`, async () => {
    const before = { arm: fake.requests.arm.length, kube: fake.requests.kube.length };
    const answers: Array<[string, number, string]> = [];
    for (const [call, path] of refusedPaths) {
      const answer = await raw(`/v1/${call}`, good(), JSON.stringify({ path }));
      answers.push([path, answer.status, (JSON.parse(answer.text) as { error: string }).error]);
    }
    expect(answers.map(([path, status, error]) => [path, status, /^the bridge only reads; (ARM|Kubernetes) path "/.test(error) ? error.replace(/^.* is not a plain read \(/, '(') : error])).toEqual(
      refusedPaths.map(([, path, reason]) => [path, 403, `(${reason})`]),
    );
    expect({ arm: fake.requests.arm.length, kube: fake.requests.kube.length }).toEqual(before);
  });

  it('shows a refused path escaped and cut short, whatever it holds', async () => {
    const answer = await raw('/v1/kube', good(), JSON.stringify({ path: `/api/v1/namespaces/\u202e\u001b[31m/${'a'.repeat(3000)}` }));
    const error = (JSON.parse(answer.text) as { error: string }).error;
    expect(error).toMatch(/^the bridge only reads; Kubernetes path "\/api\/v1\/namespaces\/\\u202e\\u001b\[31m\/a+\.\.\." is not a plain read \(longer than 2048 characters\)$/);
    expect(error.length).toBeLessThan(300);
  });

  it('still reads every shape the engine sends: lists, objects, selectors, OpenShift resources, ARM resources and metrics', async () => {
    const allowed: Array<['arm' | 'kube', string, number]> = [
      ['kube', '/api/v1/namespaces/project1/pods', 200],
      ['kube', '/api/v1/namespaces/project1/pods?labelSelector=deployment%3Dsqlapi-1', 200],
      ['kube', '/api/v1/pods?fieldSelector=metadata.namespace%3Dproject1', 200],
      ['kube', POD, 200],
      ['kube', '/api/v1/namespaces/project1', 200],
      ['kube', '/api/v1/nodes', 200],
      ['kube', '/apis/route.openshift.io/v1/routes', 200],
      ['kube', '/apis/route.openshift.io/v1/namespaces/project1/routes/sqlapilb', 200],
      ['kube', '/apis/config.openshift.io/v1/infrastructures/cluster', 404], // aro2 has none: the API server's own answer comes through
      ['kube', '/api/v1/namespaces/project1/services/server%2Cpods', 404],
      ['arm', `${SUB}/resourcegroups`, 200],
      ['arm', `${SUB}/resourcegroups/aro2-resources`, 200],
      ['arm', `${GROUP}/resources`, 200],
      ['arm', `${SUB}/providers/Microsoft.Network/loadBalancers`, 200],
      ['arm', LB, 200],
      ['arm', `${LB}/backendAddressPools`, 200],
      ['arm', `${SUB}/resourceGroups/aro2/providers/Microsoft.Network/virtualNetworks/aro2-vnet/subnets`, 200],
    ];
    const before = fake.requests.kube.length + fake.requests.arm.length;
    for (const [call, path, status] of allowed) {
      const answer = await raw(`/v1/${call}`, good(), JSON.stringify({ path }));
      expect([path, answer.status, (JSON.parse(answer.text) as { status: number }).status]).toEqual([path, 200, status]);
    }
    expect(fake.requests.kube.length + fake.requests.arm.length).toBeGreaterThan(before);
    // The metrics read az monitor sends, query and all, through the page's own client.
    const session = new Session(await pageWorld(), { now: () => new Date(lab.info.clock) });
    const metrics = await session.run(`az monitor metrics list --resource ${LB} --metrics UsedSnatPorts --offset 5m -o tsv --query "value[0].name.value"`);
    expect(metrics).toMatchObject({ status: 0, stdout: 'UsedSnatPorts\n' });
  });

  it('refuses bridge call addresses that are not exactly /v1/NAME', async () => {
    for (const path of ['/v1/../v1/kube', '/v1/kube/', '/v1/kube?path=/api/v1/pods', '/v1/%6bube', '//v1/kube', '/v1/kube/../exec', '/V1/kube']) {
      const answer = await raw(path, good(), JSON.stringify({ path: '/api/v1/pods' }));
      expect([path, answer.status]).toEqual([path, 404]);
    }
  });

  it('takes only the body each call expects: a JSON object of known fields of the right types, at most 64 KiB', async () => {
    const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const bodies: Array<[call: string, body: string, status: number, error: string]> = [
      ['kube', 'not json', 400, 'the request body is not JSON'],
      ['kube', '{"path": "/api/v1/pods"', 400, 'the request body is not JSON'],
      ['kube', '[]', 400, 'the request body is not a JSON object'],
      ['kube', '["/api/v1/pods"]', 400, 'the request body is not a JSON object'],
      ['kube', 'null', 400, 'the request body is not a JSON object'],
      ['kube', '"/api/v1/pods"', 400, 'the request body is not a JSON object'],
      ['kube', '42', 400, 'the request body is not a JSON object'],
      ['kube', JSON.stringify({ path: '/api/v1/pods', pad: 'x'.repeat(70_000) }), 413, 'requests are limited to 65536 bytes'],
      ['kube', `{"path":"/api/v1/pods","x":${nested(20_000)}}`, 400, 'the kube call\'s body does not fit: unknown field "x"'],
      ['kube', `{"path":${nested(20_000)}}`, 400, 'the kube call\'s body does not fit: path must be a string'],
      ['kube', '{}', 400, 'the kube call\'s body does not fit: path is missing'],
      ['kube', '{"path":""}', 400, 'the kube call\'s body does not fit: path is missing'],
      ['kube', '{"path":5}', 400, 'the kube call\'s body does not fit: path must be a string'],
      ['kube', '{"path":{"toString":"/api/v1/pods"}}', 400, 'the kube call\'s body does not fit: path must be a string'],
      ['arm', '{"path":["/subscriptions"]}', 400, 'the arm call\'s body does not fit: path must be a string'],
      ['kube', '{"path":"/api/v1/pods","verbose":true}', 400, 'the kube call\'s body does not fit: unknown field "verbose"'],
      ['kube', '{"path":"/api/v1/pods","__proto__":{"path":"/version"}}', 400, 'the kube call\'s body does not fit: unknown field "__proto__"'],
      ['kube', '{"path":"/api/v1/pods","method":"DELETE"}', 403, 'the bridge only reads; it does not send DELETE requests'],
      ['kube', '{"path":"/api/v1/pods","method":"\\u001b[2J"}', 403, 'the bridge only reads; it does not send \\u001b[2J requests'],
      ['http', '{"method":"GET","url":"http://x.example/","headers":{"a":1}}', 400, 'the http call\'s body does not fit: headers.a must be a string'],
      ['http', '{"method":"GET","url":"http://x.example/","headers":["a: b"]}', 400, 'the http call\'s body does not fit: headers must be an object of strings'],
      ['http', '{"method":"GET","url":"http://x.example/","headers":"a: b"}', 400, 'the http call\'s body does not fit: headers must be an object of strings'],
      ['http', `{"method":"GET","url":"http://x.example/","headers":{"a":${nested(10_000)}}}`, 400, 'the http call\'s body does not fit: headers.a must be a string'],
      ['http', `{"method":"GET","url":"http://x.example/","headers":${JSON.stringify(Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`h${i}`, 'v'])))}}`, 400, 'the http call\'s body does not fit: headers has more than 100 headers'],
      ['http', '{"method":1,"url":"http://x.example/"}', 400, 'the http call\'s body does not fit: method must be a string'],
      ['http', '{"url":"http://x.example/"}', 400, 'the http call\'s body does not fit: method is missing'],
      ['http', '{"method":"GET","url":"http://x.example/","maxTimeMs":-1}', 400, 'the http call\'s body does not fit: maxTimeMs must not be negative'],
      ['http', '{"method":"GET","url":"http://x.example/","maxTimeMs":"5"}', 400, 'the http call\'s body does not fit: maxTimeMs must be a number'],
      ['http', '{"method":"GET","url":"http://x.example/","insecure":"yes"}', 400, 'the http call\'s body does not fit: insecure must be a boolean'],
      ['http', '{"method":"GET","url":"http://x.example/","proxy":"http://evil.example"}', 400, 'the http call\'s body does not fit: unknown field "proxy"'],
      ['resolve', '{"host":{}}', 400, 'the resolve call\'s body does not fit: host must be a string'],
      ['info', '{"x":1}', 400, 'the info call\'s body does not fit: unknown field "x"'],
    ];
    for (const [call, body, status, error] of bodies) {
      const answer = await raw(`/v1/${call}`, good(), body);
      expect([body.slice(0, 80), answer.status, (JSON.parse(answer.text) as { error: string }).error]).toEqual([body.slice(0, 80), status, error]);
    }
  });

  it('refuses Origin null always, and never starts with an origin that is not an http or https page', async () => {
    const answer = await raw('/v1/info', { ...good(), Origin: 'null' });
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.text)).toEqual({ error: 'origin "null" is not allowed: sandboxed frames, file: and data: pages all send it, so it names no page the bridge could trust' });
    const preflight = await raw('/v1/info', { Host: `127.0.0.1:${bridge.port}`, Origin: 'null', 'Access-Control-Request-Method': 'POST' }, '', 'OPTIONS');
    expect([preflight.status, preflight.headers['access-control-allow-origin']]).toEqual([403, undefined]);
    for (const origin of ['null', 'file:///home/reader/page.html', 'data:text/html,hi', 'https://site.example/page', 'https://site.example/?x', 'https://user@site.example', 'site.example']) {
      await expect(startBridge({ world, origins: [origin] }), origin).rejects.toThrow(/never accepts|give the scheme:\/\/host\[:port\] of an http or https page/);
    }
    expect(pageOrigin('https://Site.Example:443/')).toBe('https://site.example');
    expect(pageOrigin('http://localhost:4321')).toBe('http://localhost:4321');
  });

  it('as `aro-labs bridge`, says which --origin it does not accept, and why', async () => {
    const cases: Array<[string[], Record<string, string>, RegExp]> = [
      [['--origin', 'file:///home/reader/page.html'], {}, /^aro-labs bridge: --origin: "file:\/\/\/home\/reader\/page\.html" is not an http or https page; give the scheme:\/\/host\[:port\] of an http or https page \(file:, data: and sandboxed pages send Origin "null", which the bridge never accepts\)\n/],
      [['--origin', 'null'], {}, /^aro-labs bridge: --origin: "null" is the origin of sandboxed frames, file: and data: pages alike, which the bridge never accepts; /],
      [['--origin', 'https://site.example/labs/'], {}, /^aro-labs bridge: --origin: "https:\/\/site\.example\/labs\/" is more than an origin; /],
      [[], { ARO_LABS_ORIGINS: 'https://ok.example,null' }, /^aro-labs bridge: ARO_LABS_ORIGINS: "null" is the origin of sandboxed frames/],
    ];
    for (const [args, env, message] of cases) {
      const child = spawn(`${ROOT}bin/aro-labs`, ['bridge', '--cluster', 'aro2', '-g', 'aro2', ...args], { env: { PATH: process.env.PATH, HOME: '/nonexistent', ...fake.env(), ...env } });
      let err = '';
      child.stderr.on('data', (c) => (err += c));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect([code, err]).toEqual([2, expect.stringMatching(message)]);
    }
  }, 30_000);

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
