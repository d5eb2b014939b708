// What the page and `aro-labs bridge` say to each other: the World interface, one POST per call,
// answered in JSON. The page runs the engine itself; the bridge only reads, on the reader's
// machine, with the reader's credentials, which never leave it.

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
