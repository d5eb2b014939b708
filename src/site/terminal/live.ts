// "Connect to my cluster": the terminal's world becomes the reader's cluster, lent by
// `aro-labs bridge` on their machine. The bridge URL (with its token) is kept for this tab only,
// so the next chapter reconnects; it never goes to localStorage.
import type { World } from '../../engine/world/types.ts';
import { parseBridgeUrl } from '../../engine/world/bridge/protocol.ts';
import { connectBridge, type BridgeError } from '../../engine/world/bridge/client.ts';

const TAB_KEY = 'aro-labs:v1:bridge';

export function rememberedBridge(): string | undefined {
  try {
    return sessionStorage.getItem(TAB_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function forgetBridge(): void {
  try {
    sessionStorage.removeItem(TAB_KEY);
  } catch {
    // storage disabled: nothing was kept
  }
}

/** Connects, or throws an Error whose message tells the reader what to do. */
export async function openBridge(text: string, onLost: (error: BridgeError) => void): Promise<World> {
  const address = parseBridgeUrl(text);
  if (!address) throw new Error('That is not a bridge URL. Run aro-labs bridge --cluster NAME -g GROUP and paste the http://127.0.0.1:…/#token=… line it prints.');
  let world: World;
  try {
    world = await connectBridge(address, onLost);
  } catch (error) {
    const status = (error as BridgeError).status;
    const reason = status === 401 ? 'it refused the token (was the bridge restarted? paste its new URL)' : status === 403 ? `it does not accept this page (${(error as Error).message})` : (error as Error).message;
    throw new Error(`Could not connect: ${reason}.`);
  }
  try {
    sessionStorage.setItem(TAB_KEY, text.trim());
  } catch {
    // not kept: the next page asks again
  }
  return world;
}
