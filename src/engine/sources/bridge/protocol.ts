// What the page and `aro-labs bridge` say to each other: the World interface, one POST per call,
// answered in JSON. The page runs the engine itself; the bridge only reads, on the reader's
// machine, with the reader's credentials, which never leave it.
import { z } from 'zod';
import type { HttpResponse, NetError, RestResponse } from '../../world/types.ts';
import { json } from '../../world/schema/wire.ts';

export const BRIDGE_API = '/v1';

/** The calls the bridge answers, each a read. */
export type BridgeCall = 'info' | 'arm' | 'kube' | 'resolve' | 'http' | 'refresh';

export const BRIDGE_CALLS: readonly BridgeCall[] = ['info', 'arm', 'kube', 'resolve', 'http', 'refresh'];

/** A bridge URL as `aro-labs bridge` prints it: the token rides in the fragment, so it is never sent as part of a URL. */
export interface BridgeAddress {
  origin: string;
  token: string;
}

export function bridgeUrl(origin: string, token: string): string {
  return `${origin}/#token=${token}`;
}

/** Reads a pasted bridge URL; undefined when it is not one (wrong scheme, not loopback, no token). */
export function parseBridgeUrl(text: string): BridgeAddress | undefined {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return undefined;
  }
  const token = new URLSearchParams(url.hash.slice(1)).get('token');
  if (url.protocol !== 'http:' || !token) return undefined;
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') return undefined;
  return { origin: url.origin, token };
}

// The answers' shapes, which the page checks before it trusts an answer (a bridge of another
// version may answer otherwise). A body came through JSON.parse, so it is JSON throughout: its top
// tells enough.

const restAnswer = z.object({
  status: z.number(),
  body: json,
  headers: z.record(z.string(), z.string()).optional(),
  failure: z.object({ kind: z.enum(['credentials', 'unreachable', 'refused', 'timeout', 'malformed', 'not-allowed']), endpoint: z.string(), detail: z.string() }).optional(),
}) satisfies z.ZodType<RestResponse>;

const httpResponse = z.object({
  httpVersion: z.string(),
  status: z.number(),
  statusText: z.string(),
  headers: z.array(z.tuple([z.string(), z.string()])),
  body: z.string(),
  remote: z.object({ ip: z.string(), port: z.number() }),
  timing: z.object({ lookupMs: z.number(), connectMs: z.number(), tlsMs: z.number(), firstByteMs: z.number(), totalMs: z.number() }).optional(),
}) satisfies z.ZodType<HttpResponse>;

const netError = z.object({
  error: z.enum(['resolve', 'connect', 'timeout', 'tls', 'refused-by-policy', 'too-large', 'closed']),
  host: z.string(),
  port: z.number().optional(),
  message: z.string().optional(),
  connected: z.boolean().optional(),
  resolving: z.boolean().optional(),
  limitMs: z.number().optional(),
  partial: z.object({ response: httpResponse, bodyBytes: z.number() }).optional(),
}) satisfies z.ZodType<NetError>;

const resolveAnswer = z.union([z.array(z.string()), netError]) satisfies z.ZodType<string[] | NetError>;
const httpAnswer = z.union([httpResponse, netError]) satisfies z.ZodType<HttpResponse | NetError>;

export const isRestAnswer = (value: unknown): value is RestResponse => restAnswer.safeParse(value).success;
export const isResolveAnswer = (value: unknown): value is string[] | NetError => resolveAnswer.safeParse(value).success;
export const isHttpAnswer = (value: unknown): value is HttpResponse | NetError => httpAnswer.safeParse(value).success;
