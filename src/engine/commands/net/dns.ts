// The lab's public DNS as one resolver answers it, for nslookup, dig and host alike (and for the
// DNS server the references are recorded against, so the real tools read the same answers). It
// holds what the world publishes: A records (the route wildcard, the API name, the lab's extra
// names) and PTR records of public IPs with a reverse FQDN. A name it holds answers other types
// with no records (NOERROR); a name it does not hold is NXDOMAIN. It holds no zone of its own, so
// negative answers carry no SOA.
import { field, optStr } from '../../world/json.ts';
import type { NetError, World } from '../../world/types.ts';

/** The bind9 release whose nslookup, dig and host the lab's imitate (Debian 12's bind9-dnsutils). */
export const BIND_VERSION = '9.18.49-1~deb12u3-Debian';

export type RecordType = 'A' | 'NS' | 'CNAME' | 'SOA' | 'PTR' | 'MX' | 'TXT' | 'AAAA' | 'SRV' | 'ANY';

/** Type codes on the wire (RFC 1035, 3596, 2782). */
export const TYPE_CODES: Record<RecordType, number> = { A: 1, NS: 2, CNAME: 5, SOA: 6, PTR: 12, MX: 15, TXT: 16, AAAA: 28, SRV: 33, ANY: 255 };

export type Rcode = 'NOERROR' | 'SERVFAIL' | 'NXDOMAIN' | 'REFUSED';
export const RCODES: Record<Rcode, number> = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 };

export interface DnsRecord {
  /** Owner name as the question spelled it, with its final dot. */
  name: string;
  type: 'A' | 'PTR';
  ttl: number;
  /** An address, or a name with its final dot. */
  data: string;
}

export interface DnsAnswer {
  /** The question's name as asked, with its final dot. */
  name: string;
  type: RecordType;
  rcode: Rcode;
  records: DnsRecord[];
}

/** The records' time to live: what Azure DNS holds for the cluster's names (a cache counts it
 * down; the lab's clock does not move, so the resolver always answers the full value). */
export const TTL = 300;

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** An IPv4 address's reverse name (`7.100.51.198.in-addr.arpa`), or undefined for anything else. */
export function reverseName(ip: string): string | undefined {
  const m = IPV4.exec(ip);
  if (!m || m.slice(1).some((o) => Number(o) > 255)) return undefined;
  return `${m.slice(1).reverse().map(Number).join('.')}.in-addr.arpa`;
}

/** The address a reverse name stands for, when it is a whole IPv4 one. */
function addressOf(name: string): string | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.in-addr\.arpa$/i.exec(name);
  return m ? m.slice(1).reverse().join('.') : undefined;
}

const withDot = (name: string) => (name.endsWith('.') ? name : `${name}.`);

/** The reverse FQDN a public IP of the world's subscription has set, when one has. */
async function reverseFqdn(world: World, ip: string): Promise<string | undefined> {
  const subscription = optStr(world.info.account.id);
  if (!subscription) return undefined;
  const listed = await world.arm(`/subscriptions/${subscription}/providers/Microsoft.Network/publicIPAddresses`);
  const items = field(listed.body, 'value');
  const match = Array.isArray(items) ? items.find((p) => field(p, 'properties', 'ipAddress') === ip) : undefined;
  const fqdn = field(match, 'properties', 'dnsSettings', 'reverseFqdn');
  return typeof fqdn === 'string' && fqdn !== '' ? withDot(fqdn) : undefined;
}

/** The resolver's answer to one question, or live mode's refusal of the name. */
export async function ask(world: World, asked: string, type: RecordType): Promise<DnsAnswer | NetError> {
  const name = withDot(asked);
  const host = name.slice(0, -1);
  const answer = (rcode: Rcode, records: DnsRecord[] = []): DnsAnswer => ({ name, type, rcode, records });
  const reversed = addressOf(host);
  if (reversed !== undefined) {
    // Live mode reads no PTR records: the reader's own resolver holds them, not the cluster's objects.
    if (world.source === 'live') return { error: 'refused-by-policy', host, message: `a reverse lookup (${host}) is not available in this lab terminal in live mode` };
    const target = await reverseFqdn(world, reversed);
    if (!target) return answer('NXDOMAIN');
    return answer('NOERROR', type === 'PTR' || type === 'ANY' ? [{ name, type: 'PTR', ttl: TTL, data: target }] : []);
  }
  if (host === '') return answer('NOERROR');
  const addresses = await world.resolve(host);
  if (!Array.isArray(addresses)) return addresses;
  if (addresses.length === 0) return answer('NXDOMAIN');
  return answer('NOERROR', type === 'A' || type === 'ANY' ? addresses.map((data) => ({ name, type: 'A' as const, ttl: TTL, data })) : []);
}

/** A record type as the tools take it on their command lines (any case), or undefined. */
export function recordType(text: string): RecordType | undefined {
  const upper = text.toUpperCase();
  return isRecordType(upper) ? upper : undefined;
}

function isRecordType(text: string): text is RecordType {
  return Object.hasOwn(TYPE_CODES, text);
}

/** The id of a question on the wire. A real resolver client picks one at random; the lab picks one
 * from the question (FNV-1a of type and name), so a line prints the same id every time. */
export function queryId(name: string, type: RecordType): number {
  let hash = 0x811c9dc5;
  for (const c of `${type} ${withDot(name).toLowerCase()}`) hash = Math.imul(hash ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return (hash % 65535) + 1;
}
