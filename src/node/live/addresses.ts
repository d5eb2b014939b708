// Where an address is, by the special-purpose ranges it falls in (IANA's IPv4 and IPv6 registries):
// what live mode needs to decide whether a packet may go there. Node's BlockList matches an
// IPv4-mapped IPv6 address (::ffff:127.0.0.1, ::ffff:7f00:1) against the IPv4 ranges, so both
// spellings of one address get one answer.
import { BlockList, isIP } from 'node:net';

export type AddressClass =
  /** Reached over the Internet: a cluster's public addresses are of this kind. */
  | { kind: 'public' }
  /** Reached only inside some private network: allowed inside the cluster's own. */
  | { kind: 'private' }
  /** Never the cluster's, wherever the reader is: this machine, its links, multicast, translators. */
  | { kind: 'never'; name: string }
  /** An Azure address that answers the machine it is asked from, with that machine's secrets. */
  | { kind: 'platform'; name: string };

type Family = 'ipv4' | 'ipv6';
const family = (ip: string): Family => (isIP(ip) === 6 ? 'ipv6' : 'ipv4');

/** Addresses and prefixes as one list; an entry that is neither is left out. */
function list(ranges: string[]): BlockList {
  const blocks = new BlockList();
  for (const range of ranges) {
    const [net, bits, ...rest] = range.split('/');
    const f = family(net);
    if (isIP(net) === 0 || rest.length > 0) continue;
    if (bits === undefined) blocks.addAddress(net, f);
    else if (/^\d{1,3}$/.test(bits) && Number(bits) <= (f === 'ipv6' ? 128 : 32)) blocks.addSubnet(net, Number(bits), f);
  }
  return blocks;
}

const PLATFORM: Array<[string, BlockList]> = [
  ['instance metadata', list(['169.254.169.254'])],
  ['Azure platform', list(['168.63.129.16'])],
];

const NEVER: Array<[string, BlockList]> = [
  ['loopback', list(['127.0.0.0/8', '::1/128'])],
  ['unspecified', list(['0.0.0.0/8', '::/128'])],
  ['link-local', list(['169.254.0.0/16', 'fe80::/10'])],
  ['multicast', list(['224.0.0.0/4', 'ff00::/8'])],
  ['reserved', list(['240.0.0.0/4', 'fec0::/10', '100::/64'])],
  // An IPv4 address inside an IPv6 one, reached through a translator or a tunnel: judged as
  // neither, since what it reaches is the IPv4 address's business.
  ['IPv4-translating', list(['::/96', '64:ff9b::/96', '64:ff9b:1::/48', '2002::/16', '2001::/32'])],
];

// RFC 1918, shared (CGNAT), IETF protocol assignments, benchmarking, unique local.
const PRIVATE = list(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '192.0.0.0/24', '198.18.0.0/15', 'fc00::/7']);

/** What kind of address `ip` (an address Node's isIP accepts) is. */
export function classify(address: string): AddressClass {
  const ip = address.replace(/%.*$/, '');
  const f = family(ip);
  const platform = PLATFORM.find(([, blocks]) => blocks.check(ip, f));
  if (platform) return { kind: 'platform', name: platform[0] };
  const never = NEVER.find(([, blocks]) => blocks.check(ip, f));
  if (never) return { kind: 'never', name: never[0] };
  return PRIVATE.check(ip, f) ? { kind: 'private' } : { kind: 'public' };
}

/** Whether the address is not reachable over the Internet (snapshots keep such addresses as they are). */
export function isPrivate(ip: string): boolean {
  return classify(ip).kind !== 'public';
}

/** Whether `ip` is inside one of the prefixes ("10.0.0.0/22", "fd00::/64"); malformed prefixes match nothing. */
export function insidePrefixes(ip: string, prefixes: string[]): boolean {
  return list(prefixes.filter((p) => p.includes('/'))).check(ip, family(ip));
}
