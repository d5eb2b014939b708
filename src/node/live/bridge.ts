// `aro-labs bridge`: lends the page's terminal the reader's live world, and nothing more. It binds
// 127.0.0.1 only, answers only requests that carry its random token, come from an allowed page
// origin and name it by a loopback Host (a DNS-rebinding page names its own host), and only reads:
// ARM and Kubernetes GETs by path, DNS and HTTP held to the cluster's hosts by the live world.
import http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { HttpRequest, Json, World } from '../../engine/world/types.ts';
import { BRIDGE_API, BRIDGE_CALLS, bridgeUrl, type BridgeCall } from '../../engine/world/bridge/protocol.ts';

/** The published site and the local dev and preview servers. */
export const DEFAULT_ORIGINS = ['http://localhost:4321', 'http://127.0.0.1:4321'];

const MAX_BODY = 64 * 1024;
// Plain reads by path; Azure Monitor's metrics are the one read that needs a query string.
const ARM_PATH = /^\/(?:(?:subscriptions|providers)\/[^?#]*|subscriptions\/[^?#]+\/providers\/Microsoft\.Insights\/metrics\?[^#]*)$/i;
const KUBE_PATH = /^\/(api|apis|version)(\/[^?#]*)?(\?[^#]*)?$/;

export interface BridgeOptions {
  world: World;
  /** Page origins allowed to call (exact scheme://host:port). */
  origins?: string[];
  /** 0: a free port. */
  port?: number;
}

export interface Bridge {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

class Refusal extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const parts: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(new Refusal(413, `requests are limited to ${MAX_BODY} bytes`));
      else parts.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

const text = (value: unknown, what: string): string => {
  if (typeof value !== 'string' || !value) throw new Refusal(400, `${what} is missing`);
  return value;
};

/** Whether a path is a plain read: no traversal, nothing to watch or exec into. */
function readPath(path: string, pattern: RegExp, what: string): string {
  if (!pattern.test(path) || /(^|\/)\.\.?(\/|$)|%2e%2e|\/(exec|attach|portforward|proxy)(\?|$)|[?&]watch=/i.test(path)) {
    throw new Refusal(403, `the bridge only reads; ${what} path ${JSON.stringify(path)} is not a plain read`);
  }
  return path;
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = randomBytes(24).toString('base64url');
  const origins = new Set(options.origins ?? DEFAULT_ORIGINS);
  const { world } = options;
  let port = 0;

  const handlers: Record<BridgeCall, (body: Record<string, unknown>) => Promise<unknown>> = {
    info: async () => world.info,
    arm: (body) => world.arm(readPath(text(body.path, 'path'), ARM_PATH, 'ARM')),
    kube: (body) => world.kube(readPath(text(body.path, 'path'), KUBE_PATH, 'Kubernetes')),
    resolve: (body) => world.resolve(text(body.host, 'host')),
    http: (body) => {
      const method = text(body.method, 'method').toUpperCase();
      if (method !== 'GET' && method !== 'HEAD') throw new Refusal(403, `the bridge only reads; it does not send ${method} requests`);
      const headers = body.headers && typeof body.headers === 'object' ? (body.headers as Record<string, string>) : {};
      const request: HttpRequest = { method, url: text(body.url, 'url'), headers, insecure: body.insecure === true, ...(typeof body.maxTimeMs === 'number' && body.maxTimeMs > 0 ? { maxTimeMs: body.maxTimeMs } : {}) };
      return world.http(request);
    },
    refresh: async () => (world.refresh ? world.refresh() : 0),
  };

  /** Host, Origin and token, in that order: a foreign page is told 403 before it learns anything about tokens. */
  function admit(req: http.IncomingMessage, res: http.ServerResponse): void {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) throw new Refusal(403, `the bridge answers only at 127.0.0.1:${port}, not at ${JSON.stringify(host)}`);
    const origin = req.headers.origin;
    if (!origin || !origins.has(origin)) throw new Refusal(403, `origin ${JSON.stringify(origin ?? '(none)')} is not allowed; start the bridge with --origin for another site`);
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
  }

  const server = http.createServer(async (req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
      res.end(JSON.stringify(body));
    };
    try {
      admit(req, res);
      if (req.method === 'OPTIONS') {
        // The preflight of a cross-origin POST with a token; Chrome asks again for loopback targets.
        res.setHeader('Access-Control-Allow-Methods', 'POST');
        res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
        res.setHeader('Access-Control-Max-Age', '600');
        if (req.headers['access-control-request-private-network'] === 'true') res.setHeader('Access-Control-Allow-Private-Network', 'true');
        res.writeHead(204);
        res.end();
        return;
      }
      const auth = req.headers.authorization ?? '';
      if (!auth.startsWith('Bearer ') || !sameToken(auth.slice(7), token)) throw new Refusal(401, 'the bridge needs the token from the URL it printed');
      const name = (req.url ?? '').startsWith(`${BRIDGE_API}/`) ? (req.url ?? '').slice(BRIDGE_API.length + 1) : '';
      if (!(BRIDGE_CALLS as readonly string[]).includes(name)) throw new Refusal(404, `no such bridge call ${JSON.stringify(req.url)}`);
      if (req.method !== 'POST') throw new Refusal(405, 'bridge calls are POST requests');
      let body: Record<string, unknown>;
      try {
        const raw = await readBody(req);
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch (error) {
        if (error instanceof Refusal) throw error;
        throw new Refusal(400, 'the request body is not JSON');
      }
      if (body.method !== undefined && name !== 'http' && body.method !== 'GET') throw new Refusal(403, `the bridge only reads; it does not send ${String(body.method)} requests`);
      send(200, (await handlers[name as BridgeCall](body)) as Json);
    } catch (error) {
      if (error instanceof Refusal) send(error.status, { error: error.message });
      else send(500, { error: 'the bridge could not answer this call' });
    }
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 120_000;
  port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
  return {
    url: bridgeUrl(`http://127.0.0.1:${port}`, token),
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
