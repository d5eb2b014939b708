// Which DNS server a lookup tool asks: the reader's resolver (the lab's `info.resolver`) or the one
// named on the command line. Every server answers with the lab's public DNS (dns.ts): the reader's
// machine sees the same Internet whichever resolver it asks.
import type { World } from '../../world/types.ts';

export interface Server {
  address: string;
  port: number;
}

const IPV4 = /^(\d{1,3})(\.\d{1,3}){3}$/;

export const isIpv4 = (text: string) => IPV4.test(text) && text.split('.').every((o) => Number(o) <= 255);

/** The reader's own resolver. */
export function defaultServer(world: World): Server {
  const [address, port = '53'] = world.info.resolver.split('#');
  return { address, port: Number(port) };
}

/** Why a server named by a host name cannot be asked, in the words of bind9's tools (`tool: …`):
 * a name the lab's DNS does not hold has no address; one it holds is a machine of the lab that
 * serves no DNS, which this terminal does not model. */
export async function namedServerProblem(world: World, tool: string, name: string): Promise<string> {
  const addresses = await world.resolve(name);
  if (Array.isArray(addresses) && addresses.length === 0) return `${tool}: couldn't get address for '${name}': not found\n`;
  return `${tool}: asking a server given by name is not available in this lab terminal; give a resolver's address (${defaultServer(world).address})\n`;
}
