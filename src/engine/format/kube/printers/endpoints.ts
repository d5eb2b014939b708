// Endpoints: NAME ENDPOINTS AGE (Kubernetes printEndpoints / formatEndpoints): ip:port pairs of
// every subset and port, at most three, then " + N more...".
import type { KubeObject } from '../../../world/types.ts';
import { timestampSince } from '../duration.ts';
import { arr, field, num, str } from './helpers.ts';
import type { PrintOptions, TablePrinter } from './types.ts';

const MAX = 3;

/** net.JoinHostPort: IPv6 addresses get brackets. */
function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

export function formatEndpoints(ep: KubeObject): string {
  const subsets = arr(field(ep, 'subsets'));
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = arr(field(ss, 'addresses'));
    const ports = arr(field(ss, 'ports'));
    if (ports.length === 0) {
      // Headless services may have no ports.
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === MAX) {
          more = true;
          break;
        }
        list.push(str(field(a, 'ip')));
      }
      continue;
    }
    for (const port of ports) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === MAX) {
          more = true;
          break;
        }
        list.push(joinHostPort(str(field(a, 'ip')), num(field(port, 'port'))));
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - MAX} more...` : ret;
}

export const endpointsPrinter: TablePrinter = {
  columns: [
    { name: 'Name', priority: 0, format: 'name' },
    { name: 'Endpoints', priority: 0 },
    { name: 'Age', priority: 0 },
  ],
  cells(ep: KubeObject, options: PrintOptions): string[] {
    return [ep.metadata.name, formatEndpoints(ep), timestampSince(ep.metadata.creationTimestamp, options.now)];
  },
};
