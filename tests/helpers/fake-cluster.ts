// A reader's cluster played on 127.0.0.1 for live-mode tests: fake ARM, a fake Kubernetes API
// server, a DNS server and the sample app behind its route, all answering from one lab world
// (ARM as `aro-labs export --arm` serves it, Kubernetes objects likewise). Latency and faults are
// set per test. Nothing listens anywhere but loopback. DNS and the app are fake-network.ts's.
// Both APIs answer as the real servers do: lists with the API server's shape (items without
// kind/apiVersion), ARM's and Kubernetes' own error bodies, and their usual response headers.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { ArmIndex } from '../../src/engine/sources/fixture/arm.ts';
import { KubeIndex } from '../../src/engine/sources/fixture/kube.ts';
import { podLog } from '../../src/engine/sources/fixture/pod-logs.ts';
import { WorldModel } from '../../src/engine/model/world-model.ts';
import { MonitorIndex } from '../../src/engine/sources/fixture/monitor.ts';
import { startFakeApp, startFakeDns } from './fake-network.ts';
import { exportArm, exportKube } from '../../src/engine/sources/fixture/export.ts';
import type { LabFile } from '../../src/engine/world/types.ts';
import { liveConfig, type LiveConfig } from '../../src/node/live/config.ts';

export const ARM_TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.fake-arm-token-for-tests';
export const KUBE_TOKEN = 'sha256~fAkEkUbEtOkEnFoRtEsTs0123456789abcdef';

export interface Fault {
  api: 'arm' | 'kube';
  /** Part of the request path the fault applies to. */
  match: string;
  status?: number;
  body?: unknown;
  /** Sent as is instead of JSON (malformed answers). */
  raw?: string;
  headers?: Record<string, string>;
  /** Never answer (the client's timeout ends it). */
  hang?: boolean;
  /** How many requests it hits; then it is gone. Default: all. */
  times?: number;
}

export interface FakeCluster {
  armUrl: string;
  kubeUrl: string;
  /** "127.0.0.1#port" */
  dns: string;
  appPort: number;
  kubeconfig: string;
  azureDir: string;
  latencyMs: number;
  faults: Fault[];
  requests: { arm: string[]; kube: string[]; app: string[]; dns: string[] };
  /** Paths of app requests that get no answer (a hanging route). */
  appHangs: Set<string>;
  /** Environment for live mode against this cluster (pins route hosts to the app server). */
  env(extra?: Record<string, string>): NodeJS.ProcessEnv;
  config(extra?: Record<string, string>): LiveConfig;
  kubeConfig(): KubeConfig;
  close(): Promise<void>;
}

/** The headers ARM's front door puts on every answer (ids a support request quotes, no caching). */
function armHeaders(req: http.IncomingMessage): Record<string, string> {
  const id = randomUUID();
  const stamp = new Date().toISOString().replace(/[-:]|\.\d+/g, '');
  const headers: Record<string, string> = {
    'Cache-Control': 'no-cache',
    Pragma: 'no-cache',
    'Content-Type': 'application/json; charset=utf-8',
    Expires: '-1',
    'x-ms-request-id': id,
    'x-ms-correlation-request-id': id,
    'x-ms-routing-request-id': `NORTHEUROPE:${stamp}:${id}`,
    'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
    'X-Content-Type-Options': 'nosniff',
  };
  const clientId = req.headers['x-ms-client-request-id'];
  if (typeof clientId === 'string') headers['x-ms-client-request-id'] = clientId;
  return headers;
}

/** ARM's two refusals: no Authorization header at all, or a token it does not accept. */
function armAuthentication(authorization: string | undefined): { body: unknown; challenge: string } | undefined {
  if (authorization === `Bearer ${ARM_TOKEN}`) return undefined;
  const challenge = (description: string) => `Bearer authorization_uri="https://login.windows.net/", error="invalid_token", error_description="${description}"`;
  if (authorization === undefined) {
    return {
      body: { error: { code: 'AuthenticationFailed', message: "Authentication failed. The 'Authorization' header is missing." } },
      challenge: challenge("The authentication failed because of missing 'Authorization' header."),
    };
  }
  return { body: { error: { code: 'InvalidAuthenticationToken', message: 'The access token is invalid.' } }, challenge: challenge('The access token is invalid.') };
}

/** The headers kube-apiserver puts on every answer (API Priority and Fairness ids are optional). */
function kubeHeaders(): Record<string, string> {
  return { 'Audit-Id': randomUUID(), 'Cache-Control': 'no-cache, private', 'Content-Type': 'application/json' };
}

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

export async function startFakeCluster(lab: LabFile, options: { latencyMs?: number } = {}): Promise<FakeCluster> {
  const arm = new ArmIndex(exportArm(lab));
  const monitor = new MonitorIndex(lab);
  // Pods' logs as the fixture serves them (the kubelet's text).
  const kube = new KubeIndex(exportKube(lab).items, { podLog: (namespace, name, params) => podLog(new WorldModel(lab), [], namespace, name, params) });
  const state = { latencyMs: options.latencyMs ?? 0, faults: [] as Fault[], requests: { arm: [] as string[], kube: [] as string[] } };

  const fault = (api: Fault['api'], path: string): Fault | undefined => {
    const found = state.faults.find((f) => f.api === api && path.includes(f.match) && (f.times ?? 1) > 0);
    if (found && found.times !== undefined) found.times -= 1;
    return found;
  };
  const delay = () => new Promise((r) => setTimeout(r, state.latencyMs));
  const send = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string>) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, headers);
    res.end(text);
  };
  const answerFault = (res: http.ServerResponse, f: Fault, headers: Record<string, string>) => {
    if (f.hang) return;
    if (f.raw !== undefined) send(res, f.status ?? 200, f.raw, { ...headers, 'Content-Type': 'text/html', ...f.headers });
    else send(res, f.status ?? 500, f.body ?? {}, { ...headers, ...f.headers });
  };

  const armServer = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    // resources.getById sends the id after the endpoint's own slash: "//subscriptions/…".
    const path = url.pathname.replace(/^\/+/, '/');
    state.requests.arm.push(`${path}?${url.searchParams}`);
    await delay();
    const headers = armHeaders(req);
    const refused = armAuthentication(req.headers.authorization);
    if (refused) return send(res, 401, refused.body, { ...headers, 'WWW-Authenticate': refused.challenge, 'x-ms-failure-cause': 'gateway' });
    const f = fault('arm', path);
    if (f) return answerFault(res, f, headers);
    const version = url.searchParams.get('api-version');
    if (!version) return send(res, 400, { error: { code: 'MissingApiVersionParameter', message: 'The api-version query parameter (?api-version=) is required for all requests.' } }, headers);
    // Azure Monitor lives on the same endpoint, below the resource, with its own api-version.
    const metrics = monitor.get(`${path}${url.search}`);
    if (metrics && version !== '2018-01-01') {
      const message = `No registered resource provider found for location 'global' and API version '${version}' for type 'metrics'. The supported api-versions are '2018-01-01'.`;
      return send(res, 400, { error: { code: 'NoRegisteredProviderFound', message } }, headers);
    }
    const answer = metrics ?? arm.get(path);
    send(res, answer.status, answer.body, answer.status === 200 ? { ...headers, 'x-ms-ratelimit-remaining-subscription-reads': '11999' } : headers);
  });

  const kubeServer = http.createServer(async (req, res) => {
    const path = req.url ?? '/';
    state.requests.kube.push(path);
    await delay();
    const headers = kubeHeaders();
    if (req.headers.authorization !== `Bearer ${KUBE_TOKEN}`) {
      return send(res, 401, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 }, headers);
    }
    const f = fault('kube', path);
    if (f) return answerFault(res, f, headers);
    const answer = kube.get(path);
    send(res, answer.status, answer.body, headers);
  });

  const [armPort, kubePort] = await Promise.all([listen(armServer), listen(kubeServer)]);
  const [dns, appServer] = await Promise.all([startFakeDns(lab), startFakeApp(lab)]);
  const dnsPort = dns.port;
  const appPort = appServer.port;

  const dir = await mkdtemp(join(tmpdir(), 'aro-labs-live-'));
  const kubeconfig = join(dir, 'kubeconfig');
  const namespace = lab.info.session.namespace;
  await writeFile(kubeconfig, JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    // client-node accepts plain http only with TLS verification off (there is no TLS to verify).
    clusters: [{ name: 'fake', cluster: { server: `http://127.0.0.1:${kubePort}`, 'insecure-skip-tls-verify': true } }],
    users: [{ name: 'kube:admin/fake', user: { token: KUBE_TOKEN } }],
    contexts: [{ name: 'project', context: { cluster: 'fake', user: 'kube:admin/fake', namespace } }],
    'current-context': 'project',
  }));
  const azureDir = join(dir, 'azure');
  await mkdir(azureDir);
  await writeFile(join(azureDir, 'azureProfile.json'), `\uFEFF${JSON.stringify({ installationId: 'test', subscriptions: [lab.info.account] })}`);

  const routeHosts = lab.kube.filter((o) => o.kind === 'Route').map((o) => String((o.spec as { host?: string }).host));
  const env = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
    KUBECONFIG: kubeconfig,
    AZURE_CONFIG_DIR: azureDir,
    ARO_LABS_ARM_ENDPOINT: `http://127.0.0.1:${armPort}`,
    ARO_LABS_ARM_TOKEN: ARM_TOKEN,
    ARO_LABS_DNS: `127.0.0.1#${dnsPort}`,
    ARO_LABS_RESOLVE: routeHosts.flatMap((h) => [`${h}:80:127.0.0.1:${appPort}`, `${h}:443:127.0.0.1:${appPort}`]).join(','),
    ARO_LABS_TIMEOUT: '2',
    ...extra,
  });

  return {
    armUrl: `http://127.0.0.1:${armPort}`,
    kubeUrl: `http://127.0.0.1:${kubePort}`,
    dns: `127.0.0.1#${dnsPort}`,
    appPort,
    kubeconfig,
    azureDir,
    get latencyMs() {
      return state.latencyMs;
    },
    set latencyMs(value: number) {
      state.latencyMs = value;
    },
    faults: state.faults,
    requests: { arm: state.requests.arm, kube: state.requests.kube, app: appServer.requests, dns: dns.requests },
    appHangs: appServer.hang,
    env,
    config: (extra) => liveConfig(env(extra)),
    kubeConfig() {
      const kc = new KubeConfig();
      kc.loadFromFile(kubeconfig);
      return kc;
    },
    async close() {
      await Promise.all([armServer, kubeServer].map((s) => new Promise((r) => {
        s.closeAllConnections();
        s.close(r);
      })));
      await Promise.all([dns.close(), appServer.close()]);
    },
  };
}

/** A live world on the fake cluster, with the same session settings the CLI would use. */
export async function liveWorldOn(fake: FakeCluster, lab: LabFile, extra: Record<string, string> = {}, ttlMs?: number) {
  const { createLiveWorld } = await import('../../src/node/live/world.ts');
  const env = lab.info.session.env;
  return createLiveWorld({ cluster: env.cluster_name, group: env.rg, config: fake.config(extra), kubeConfig: fake.kubeConfig(), ttlMs });
}
