// EndpointSlices: NAME ADDRESSTYPE PORTS ENDPOINTS AGE (Kubernetes printEndpointSlice,
// formatDiscoveryPorts, formatDiscoveryEndpoints, listWithMoreString): at most three ports and
// three addresses, then " + N more...", "<unset>" when there are none.
import type { KubeObject } from '../../../world/types.ts';
import { timestampSince } from '../duration.ts';
import { arr, field, str } from './helpers.ts';
import type { PrintOptions, TablePrinter } from './types.ts';

const MAX = 3;

function listWithMore(list: string[], more: boolean, count: number): string {
  const ret = list.join(',');
  if (more) return `${ret} + ${count - MAX} more...`;
  return ret === '' ? '<unset>' : ret;
}

export function formatDiscoveryPorts(slice: KubeObject): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const port of arr(field(slice, 'ports'))) {
    if (list.length < MAX) {
      const p = field(port, 'port');
      const name = field(port, 'name');
      list.push(typeof p === 'number' ? String(p) : typeof name === 'string' ? name : '*');
    } else if (list.length === MAX) more = true;
    count++;
  }
  return listWithMore(list, more, count);
}

export function formatDiscoveryEndpoints(slice: KubeObject): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const endpoint of arr(field(slice, 'endpoints'))) {
    for (const address of arr(field(endpoint, 'addresses'))) {
      if (list.length < MAX) list.push(str(address));
      else if (list.length === MAX) more = true;
      count++;
    }
  }
  return listWithMore(list, more, count);
}

export const endpointSlicePrinter: TablePrinter = {
  columns: [
    { name: 'Name', priority: 0, format: 'name' },
    { name: 'AddressType', priority: 0 },
    { name: 'Ports', priority: 0 },
    { name: 'Endpoints', priority: 0 },
    { name: 'Age', priority: 0 },
  ],
  cells(slice: KubeObject, options: PrintOptions): string[] {
    return [
      slice.metadata.name,
      str(field(slice, 'addressType')),
      formatDiscoveryPorts(slice),
      formatDiscoveryEndpoints(slice),
      timestampSince(slice.metadata.creationTimestamp, options.now),
    ];
  },
};
