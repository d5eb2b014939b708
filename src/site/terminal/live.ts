// "Connect to my cluster": the terminal's world becomes the reader's cluster, lent by
// `aro-labs bridge` on their machine. Loaded when the reader connects (or a tab reconnects).
import { parseBridgeUrl, connectBridge, type World, type BridgeError } from '../../engine/index.ts';
import { rememberBridge } from './bridge-memory.ts';

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
  rememberBridge(text.trim());
  return world;
}
