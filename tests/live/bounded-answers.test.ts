// Every answer live mode reads is bounded in size and in time: an API server or ARM endpoint that
// trickles a byte now and then, streams without end or announces a huge body ends as the tool's
// own clear failure, and the connection is closed. The bridge bounds each call the same way.
// Each misbehaving server is a fake on 127.0.0.1.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { Session } from '../../src/engine/session.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import type { World } from '../../src/engine/world/types.ts';
import type { LiveConfig } from '../../src/node/live/config.ts';
import { createKubeSource } from '../../src/node/live/kube.ts';
import { createArmSource } from '../../src/node/live/arm.ts';
import { createLiveWorld } from '../../src/node/live/world.ts';
import { MAX_ANSWER_BYTES } from '../../src/node/live/bounds.ts';
import { startBridge } from '../../src/node/live/bridge.ts';

type Behaviour = 'trickle' | 'endless' | 'announced' | 'hang';

interface Misbehaving {
  url: string;
  host: string;
  /** Bytes of body written so far. */
  sent(): number;
  /** Resolves when every connection the server accepted has closed. */
  allClosed(): Promise<void>;
  close(): Promise<void>;
}

/** A server that answers every request 200 with JSON headers, then misbehaves in the body. */
async function misbehaving(behaviour: Behaviour): Promise<Misbehaving> {
  let sent = 0;
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const announced = behaviour === 'announced' ? { 'Content-Length': String(1024 ** 3) } : {};
    res.writeHead(200, { 'Content-Type': 'application/json', ...announced });
    const write = (chunk: string | Buffer) => {
      sent += chunk.length;
      return res.write(chunk);
    };
    if (behaviour === 'trickle' || behaviour === 'announced') {
      // A byte every 100 ms: the socket is never idle long enough for an idle timeout.
      write('{"items":[');
      const timer = setInterval(() => write(' '), 100);
      res.on('close', () => clearInterval(timer));
    } else if (behaviour === 'endless') {
      // As fast as the client reads, for ever.
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      write('{"items":[');
      const pump = () => {
        while (!res.destroyed && write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    }
    req.resume();
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    sent: () => sent,
    allClosed: () => new Promise<void>((resolve) => {
      const check = () => (sockets.size === 0 ? resolve() : setTimeout(check, 20));
      check();
    }),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

const TIMEOUT_MS = 600;
const SUBSCRIPTION = 'e7da9914-9b05-4891-893c-546cb7b0422e';

function config(armUrl: string): LiveConfig {
  return { armEndpoint: new URL(armUrl), armToken: 'test-token-not-a-secret', subscription: SUBSCRIPTION, account: { id: SUBSCRIPTION }, pins: [], timeoutMs: TIMEOUT_MS };
}

function kubeConfigFor(url: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'fake', server: url, skipTLSVerify: true }],
    users: [{ name: 'u', token: 'sha256~test-token-not-a-secret' }],
    contexts: [{ name: 'c', cluster: 'fake', user: 'u', namespace: 'project1' }],
    currentContext: 'c',
  });
  return kc;
}

const credential = { getToken: async () => ({ token: 'test-token-not-a-secret', expiresOnTimestamp: Date.now() + 3_600_000 }) };
const tooLarge = `the answer is larger than ${MAX_ANSWER_BYTES / 1024 / 1024} MiB, the most live mode reads of one answer`;

describe('live answers are bounded in size and time', () => {
  const servers: Misbehaving[] = [];
  const serve = async (behaviour: Behaviour) => {
    const server = await misbehaving(behaviour);
    servers.push(server);
    return server;
  };
  afterAll(() => Promise.all(servers.map((s) => s.close())));

  it('Kubernetes: an answer that trickles in past the timeout is a timeout, and the connection is closed', async () => {
    const server = await serve('trickle');
    const source = await createKubeSource(config(server.url), kubeConfigFor(server.url));
    const answer = await source.get('/api/v1/namespaces/project1/pods');
    expect(answer).toEqual({ status: 0, body: null, failure: { kind: 'timeout', endpoint: server.host, detail: `no answer within ${TIMEOUT_MS / 1000} s` } });
    await server.allClosed();
  }, 15_000);

  it('Kubernetes: an answer that never ends stops at the size bound, and the connection is closed', async () => {
    const server = await serve('endless');
    const source = await createKubeSource({ ...config(server.url), timeoutMs: 60_000 }, kubeConfigFor(server.url));
    const answer = await source.get('/api/v1/pods');
    expect(answer).toEqual({ status: 0, body: null, failure: { kind: 'unreachable', endpoint: server.host, detail: tooLarge } });
    await server.allClosed();
    expect(server.sent()).toBeLessThan(2 * MAX_ANSWER_BYTES);
  }, 30_000);

  it('Kubernetes: an answer announced larger than the bound is refused at its headers', async () => {
    const server = await serve('announced');
    const source = await createKubeSource({ ...config(server.url), timeoutMs: 60_000 }, kubeConfigFor(server.url));
    const answer = await source.get('/api/v1/configmaps');
    expect(answer.failure).toEqual({ kind: 'unreachable', endpoint: server.host, detail: tooLarge });
    await server.allClosed();
  }, 15_000);

  it('ARM: an answer that trickles in past the timeout is a timeout, and the connection is closed', async () => {
    const server = await serve('trickle');
    const source = await createArmSource(config(server.url), credential);
    const answer = await source.get(`/subscriptions/${SUBSCRIPTION}/resourceGroups/aro2-resources/providers/Microsoft.Network/loadBalancers`);
    expect(answer).toEqual({ status: 0, body: null, failure: { kind: 'timeout', endpoint: server.url, detail: `no answer within ${TIMEOUT_MS / 1000} s` } });
    await server.allClosed();
  }, 15_000);

  it('ARM: an answer that never ends stops at the size bound, and the connection is closed', async () => {
    const server = await serve('endless');
    const source = await createArmSource({ ...config(server.url), timeoutMs: 60_000 }, credential);
    const answer = await source.get(`/subscriptions/${SUBSCRIPTION}/resources`);
    expect(answer).toEqual({ status: 0, body: null, failure: { kind: 'unreachable', endpoint: server.url, detail: tooLarge } });
    await server.allClosed();
    expect(server.sent()).toBeLessThan(2 * MAX_ANSWER_BYTES);
  }, 30_000);

  it('ARM: an answer announced larger than the bound is refused at its headers', async () => {
    const server = await serve('announced');
    const source = await createArmSource({ ...config(server.url), timeoutMs: 60_000 }, credential);
    const answer = await source.get(`/subscriptions/${SUBSCRIPTION}/resourcegroups`);
    expect(answer.failure).toEqual({ kind: 'unreachable', endpoint: server.url, detail: tooLarge });
    await server.allClosed();
  }, 15_000);

  it('the commands say so in their own words, and the terminal is free again', async () => {
    const [kube, arm] = await Promise.all([serve('trickle'), serve('endless')]);
    const world = await createLiveWorld({ cluster: 'aro2', group: 'aro2', config: config(arm.url), kubeConfig: kubeConfigFor(kube.url), credential });
    const session = new Session(world);
    expect(await session.run('kubectl get pods')).toMatchObject({ status: 1, stderr: `Unable to connect to the server: dial tcp ${kube.host}: i/o timeout\n` });
    expect(await session.run('az network lb list -g aro2-resources -o table')).toMatchObject({ status: 1, stderr: `ERROR: Cannot reach Azure Resource Manager (${arm.url}): ${tooLarge}\n` });
    expect(await session.run('echo still here')).toMatchObject({ status: 0, stdout: 'still here\n' });
  }, 30_000);
});

describe('the bridge bounds each call', async () => {
  const lab = await loadLab({ name: 'aro2' });
  const fixture = createFixtureWorld(lab);
  const SITE = 'https://packets.example';

  async function call(world: World, options: { callTimeoutMs?: number; maxAnswerBytes?: number }, name: string, body: unknown) {
    const bridge = await startBridge({ world, origins: [SITE], ...options });
    try {
      const response = await fetch(`http://127.0.0.1:${bridge.port}/v1/${name}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${bridge.token}`, Origin: SITE, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as { error?: string } };
    } finally {
      await bridge.close();
    }
  }

  it('answers 504 when the world does not answer within the call timeout', async () => {
    const silent: World = { ...fixture, kube: () => new Promise(() => {}) };
    expect(await call(silent, { callTimeoutMs: 300 }, 'kube', { path: '/api/v1/pods' })).toEqual({ status: 504, body: { error: 'the bridge gave up on this call after 0.3 s' } });
  }, 15_000);

  it('answers 502 instead of an answer larger than it sends', async () => {
    const big: World = { ...fixture, kube: async () => ({ status: 200, body: { items: ['x'.repeat(4096)] } }) };
    expect(await call(big, { maxAnswerBytes: 1024 * 1024 }, 'kube', { path: '/api/v1/pods' })).toMatchObject({ status: 200 });
    expect(await call(big, { maxAnswerBytes: 1024 }, 'kube', { path: '/api/v1/pods' })).toEqual({ status: 502, body: { error: 'the answer is larger than the bridge sends (1024 bytes)' } });
  });
});
