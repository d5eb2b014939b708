// The page's side of live mode: a World whose every call goes to `aro-labs bridge` on the reader's
// machine. When the bridge stops answering, the calls report it and `onLost` lets the terminal
// fall back to the lab.
import type { HttpRequest, Json, LabInfo, NetError, RestResponse, World } from '../../world/types.ts';
import { errorMessage, field, optStr, parseJson } from '../../world/json.ts';
import { BRIDGE_API, isHttpAnswer, isResolveAnswer, isRestAnswer, type BridgeAddress, type BridgeCall } from './protocol.ts';

export class BridgeError extends Error {
  /** HTTP status of the bridge's refusal; 0 when the bridge did not answer at all. */
  readonly status: number;
  constructor(message: string, status: number) {
    super(message);
    this.status = status;
  }
}

/** One call; a refused or failed call throws BridgeError with the bridge's own words. */
async function call(address: BridgeAddress, name: BridgeCall, body: object = {}): Promise<Json> {
  let response: Response;
  try {
    response = await fetch(`${address.origin}${BRIDGE_API}/${name}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${address.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new BridgeError(`the bridge at ${address.origin} does not answer (is aro-labs bridge still running?)`, 0);
  }
  const text = await response.text();
  let parsed: Json;
  try {
    parsed = parseJson(text);
  } catch {
    throw new BridgeError(`the bridge at ${address.origin} answered HTTP ${response.status} without JSON`, response.status);
  }
  if (!response.ok) {
    const message = optStr(field(parsed, 'error')) ?? `HTTP ${response.status}`;
    throw new BridgeError(message, response.status);
  }
  return parsed;
}

/** One call whose answer must have the shape `fits` checks; another shape is a refusal of that call. */
async function answer<T>(address: BridgeAddress, name: BridgeCall, body: object, fits: (value: unknown) => value is T): Promise<T> {
  const value = await call(address, name, body);
  if (fits(value)) return value;
  throw new BridgeError(`the bridge at ${address.origin} answered the ${name} call in a shape this page does not read`, 502);
}

export async function connectBridge(address: BridgeAddress, onLost: (error: BridgeError) => void = () => {}): Promise<World> {
  // JSON boundary: the bridge sends the live world's LabInfo as it built it. The lab file's schema
  // does not describe it: a live world leaves what it cannot know empty (the reader's public
  // address), which a lab file may not.
  const info = (await call(address, 'info')) as unknown as LabInfo;
  const lost = (error: unknown): never => {
    const failure = error instanceof BridgeError ? error : new BridgeError(String(error), 0);
    onLost(failure);
    throw failure;
  };
  // No answer, or a token it no longer takes (restarted): the bridge is gone. Any other refusal
  // concerns this one call, which fails in the tool's words while the session stays live.
  const gone = (error: unknown) => !(error instanceof BridgeError) || error.status === 0 || error.status === 401;
  const rest = async (name: 'arm' | 'kube', path: string): Promise<RestResponse> => {
    try {
      return await answer(address, name, { path }, isRestAnswer);
    } catch (error) {
      if (gone(error)) return lost(error);
      return { status: 0, body: null, failure: { kind: 'unreachable', endpoint: address.origin, detail: errorMessage(error) } };
    }
  };
  const refused = (error: unknown, host: string): NetError => {
    if (gone(error)) return lost(error);
    return { error: 'refused-by-policy', host, message: errorMessage(error) };
  };
  return {
    source: 'live',
    info,
    arm: (path) => rest('arm', path),
    kube: (path) => rest('kube', path),
    async resolve(host) {
      try {
        return await answer(address, 'resolve', { host }, isResolveAnswer);
      } catch (error) {
        return refused(error, host);
      }
    },
    async http(req: HttpRequest) {
      try {
        return await answer(address, 'http', req, isHttpAnswer);
      } catch (error) {
        return refused(error, new URL(req.url).hostname);
      }
    },
    async refresh() {
      try {
        return Number(await call(address, 'refresh'));
      } catch (error) {
        return lost(error);
      }
    },
  };
}
