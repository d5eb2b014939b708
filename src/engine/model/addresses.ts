// IPv4 addresses and prefixes: the arithmetic every routing and reachability question needs.

/** An IPv4 address as a number, NaN when it is not one. */
function ipv4(ip: string): number {
  const parts = ip.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return NaN;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

/** Whether an address is inside a CIDR prefix (`10.60.0.0/22`). */
export function inPrefix(ip: string, prefix: string): boolean {
  const [base, bits = '32'] = prefix.split('/');
  const size = 2 ** (32 - Number(bits));
  const a = ipv4(ip);
  const b = ipv4(base);
  return Number.isFinite(a) && Number.isFinite(b) && Math.floor(a / size) === Math.floor(b / size);
}

/** RFC 1918 addresses: reachable only from inside a network that routes to them. */
export function isPrivateIp(ip: string): boolean {
  return ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].some((p) => inPrefix(ip, p));
}
