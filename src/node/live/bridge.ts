// `aro-labs bridge`: lends the page's terminal the reader's live world, and nothing more. It binds
// 127.0.0.1 only, answers only requests that carry its random token, come from an allowed page
// origin and name it by a loopback Host (a DNS-rebinding page names its own host), and only reads:
// ARM and Kubernetes GETs of the paths the engine reads (bridge-paths.ts), DNS and HTTP held to
// the cluster's hosts by the live world. Every call and every answer is bounded in size and time.
import http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { BRIDGE_API, BRIDGE_CALLS, bridgeUrl, type HttpRequest, type Json, type World, type BridgeCall } from '../../engine/index.ts';
import { armReadPath, kubeReadPath, PathRefusal } from './bridge-paths.ts';

/** The published site and the local dev and preview servers. */
export const DEFAULT_ORIGINS = ['http://localhost:4321', 'http://127.0.0.1:4321'];

const MAX_BODY = 64 * 1024;
const MiB = 1024 * 1024;
/** Above the live sources' own bound on one answer (bounds.ts), with room for JSON escaping. */
export const MAX_ANSWER_BYTES = 48 * MiB;
/** Above what the live world itself may take (ARM retries, curl -m): a call that outlives it is dropped. */
export const CALL_TIMEOUT_MS = 120_000;

export interface BridgeOptions {
  world: World;
  /** Page origins allowed to call (exact scheme://host[:port] of http or https pages). */
  origins?: string[];
  /** 0: a free port. */
  port?: number;
  /** Largest answer sent, in bytes of JSON. */
  maxAnswerBytes?: number;
  /** How long one call may take before the bridge answers 504. */
  callTimeoutMs?: number;
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

/** Text for the terminal with every character outside printable ASCII escaped (no control or bidi tricks). */
const ascii = (text: string) => text.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

export class OriginError extends Error {}

/**
 * A page origin the bridge may answer: exactly scheme://host[:port] of an http or https page (a
 * trailing slash, as an address bar shows it, is dropped). `null` never: sandboxed frames, file:
 * and data: pages all send it, so it names no page in particular.
 */
export function pageOrigin(value: string): string {
  const hint = 'give the scheme://host[:port] of an http or https page';
  if (value.trim().toLowerCase() === 'null') throw new OriginError(`"null" is the origin of sandboxed frames, file: and data: pages alike, which the bridge never accepts; ${hint}`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new OriginError(`"${value}" is not a URL; ${hint}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new OriginError(`"${value}" is not an http or https page; ${hint} (file:, data: and sandboxed pages send Origin "null", which the bridge never accepts)`);
  if (url.username || url.password || url.pathname !== '/' || url.search || url.hash || /[?#]$/.test(value)) throw new OriginError(`"${value}" is more than an origin; ${hint}, without user, path, query or fragment`);
  return url.origin;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => new Refusal(413, `requests are limited to ${MAX_BODY} bytes`);
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) {
      req.resume();
      reject(tooLarge());
      return;
    }
    let size = 0;
    const parts: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(tooLarge());
      else parts.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

// What each call takes: only these fields, each of its type and bounded; a field the page never
// sends is refused rather than ignored.
const pathBody = z.strictObject({ path: z.string().min(1), method: z.string().optional() });
const httpBody = z.strictObject({
  method: z.string().min(1).max(32),
  url: z.string().min(1).max(8192),
  headers: z
    .record(z.string().min(1).max(256), z.string().max(8192))
    .refine((headers) => Object.keys(headers).length <= 100, 'has more than 100 headers')
    .optional(),
  insecure: z.boolean().optional(),
  // 0 when curl -m's time is already spent (redirects): the world then times out at once.
  maxTimeMs: z.number().nonnegative().finite().optional(),
});
// The page sends an HttpRequest as curl built it: a field added there must be added here, or tsc says so.
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
true satisfies SameKeys<z.infer<typeof httpBody>, HttpRequest>;
const BODIES = {
  info: z.strictObject({}),
  refresh: z.strictObject({}),
  arm: pathBody,
  kube: pathBody,
  resolve: z.strictObject({ host: z.string().min(1).max(1024) }),
  http: httpBody,
} satisfies Record<BridgeCall, z.ZodType>;

/** A body problem in a sentence: the first field at fault and what is wrong with it. */
function bodyProblem(issue: z.core.$ZodIssue, body: Record<string, unknown>): string {
  const field = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') return `unknown field ${JSON.stringify(issue.keys[0])}`;
  if (issue.path.length === 1 && body[field] === undefined) return `${field} is missing`;
  switch (issue.code) {
    case 'invalid_type':
      return `${field} must be ${issue.expected === 'record' ? 'an object of strings' : `a ${issue.expected}`}`;
    case 'too_small':
      return issue.origin === 'string' ? `${field} is missing` : `${field} must not be negative`;
    case 'too_big':
      return `${field} is longer than ${String(issue.maximum)} characters`;
    default:
      return `${field} ${issue.message}`;
  }
}

function parseBody<C extends BridgeCall>(name: C, raw: string): z.infer<(typeof BODIES)[C]> {
  let value: unknown;
  try {
    value = raw ? JSON.parse(raw) : {};
  } catch {
    throw new Refusal(400, 'the request body is not JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Refusal(400, 'the request body is not a JSON object');
  const body = value as Record<string, unknown>;
  // A write is a refusal of its own, whatever else the body holds.
  if ((name === 'arm' || name === 'kube') && typeof body.method === 'string' && body.method.toUpperCase() !== 'GET') {
    throw new Refusal(403, `the bridge only reads; it does not send ${ascii(body.method)} requests`);
  }
  const parsed = BODIES[name].safeParse(body);
  if (!parsed.success) throw new Refusal(400, `the ${name} call's body does not fit: ${ascii(bodyProblem(parsed.error.issues[0], body))}`);
  return parsed.data as z.infer<(typeof BODIES)[C]>;
}

/** A path as a message shows it: quoted and cut short. */
const shown = (path: string) => ascii(JSON.stringify(path.length > 120 ? `${path.slice(0, 120)}...` : path));

/** Whether a path is a plain read of what the engine reads (bridge-paths.ts), in the refusal's words. */
function readPath(path: string, check: (path: string) => string, what: string): string {
  try {
    return check(path);
  } catch (error) {
    if (!(error instanceof PathRefusal)) throw error;
    throw new Refusal(403, `the bridge only reads; ${what} path ${shown(path)} is not a plain read (${ascii(error.message)})`);
  }
}

/** The call's answer, or a 504 when it takes longer than the bridge waits. */
function within<T>(answer: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Refusal(504, `the bridge gave up on this call after ${ms / 1000} s`)), ms);
  });
  return Promise.race([answer, late]).finally(() => clearTimeout(timer));
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = randomBytes(24).toString('base64url');
  const origins = new Set((options.origins ?? DEFAULT_ORIGINS).map(pageOrigin));
  const { world } = options;
  const maxAnswer = options.maxAnswerBytes ?? MAX_ANSWER_BYTES;
  const callTimeout = options.callTimeoutMs ?? CALL_TIMEOUT_MS;
  let port = 0;

  const handlers: { [C in BridgeCall]: (body: z.infer<(typeof BODIES)[C]>) => Promise<unknown> } = {
    info: async () => world.info,
    arm: async (body) => world.arm(readPath(body.path, armReadPath, 'ARM')),
    kube: async (body) => world.kube(readPath(body.path, kubeReadPath, 'Kubernetes')),
    resolve: (body) => world.resolve(body.host),
    http: (body) => {
      const method = body.method.toUpperCase();
      if (method !== 'GET' && method !== 'HEAD') throw new Refusal(403, `the bridge only reads; it does not send ${ascii(method)} requests`);
      const request: HttpRequest = { method, url: body.url, headers: body.headers ?? {}, insecure: body.insecure === true, ...(body.maxTimeMs !== undefined ? { maxTimeMs: body.maxTimeMs } : {}) };
      return world.http(request);
    },
    refresh: async () => (world.refresh ? world.refresh() : 0),
  };
  const handle = <C extends BridgeCall>(name: C, raw: string) => handlers[name](parseBody(name, raw));

  /** Host, Origin and token, in that order: a foreign page is told 403 before it learns anything about tokens. */
  function admit(req: http.IncomingMessage, res: http.ServerResponse): void {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) throw new Refusal(403, `the bridge answers only at 127.0.0.1:${port}, not at ${ascii(JSON.stringify(host))}`);
    const origin = req.headers.origin;
    if (origin === 'null') throw new Refusal(403, 'origin "null" is not allowed: sandboxed frames, file: and data: pages all send it, so it names no page the bridge could trust');
    if (!origin || !origins.has(origin)) throw new Refusal(403, `origin ${ascii(JSON.stringify(origin ?? '(none)'))} is not allowed; start the bridge with --origin for another site`);
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
  }

  // Node checks the header and request timeouts at this interval (30 s by default), so a
  // slow sender is cut off within a second of its limit.
  const server = http.createServer({ connectionsCheckingInterval: 1_000 }, async (req, res) => {
    const send = (status: number, body: unknown) => {
      let text = JSON.stringify(body) ?? 'null';
      if (Buffer.byteLength(text) > maxAnswer) {
        const limit = maxAnswer % MiB === 0 ? `${maxAnswer / MiB} MiB` : `${maxAnswer} bytes`;
        [status, text] = [502, JSON.stringify({ error: `the answer is larger than the bridge sends (${limit})` })];
      }
      res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
      res.end(text);
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
      if (!(BRIDGE_CALLS as readonly string[]).includes(name)) throw new Refusal(404, `no such bridge call ${ascii(JSON.stringify(req.url))}`);
      if (req.method !== 'POST') throw new Refusal(405, 'bridge calls are POST requests');
      const raw = await readBody(req);
      send(200, (await within(handle(name as BridgeCall, raw), callTimeout)) as Json);
    } catch (error) {
      if (error instanceof Refusal) send(error.status, { error: error.message });
      else send(500, { error: 'the bridge could not answer this call' });
    }
  });
  server.headersTimeout = 10_000;
  // Receiving a request of at most 64 KiB; the call's own time is bounded by callTimeout.
  server.requestTimeout = 30_000;
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
