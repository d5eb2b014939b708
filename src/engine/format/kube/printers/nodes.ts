// Nodes: NAME STATUS ROLES AGE VERSION, wide: INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION
// CONTAINER-RUNTIME (Kubernetes printNode).
import type { KubeObject } from '../../../world/types.ts';
import { timestampSince } from '../duration.ts';
import { arr, byteOrder, field, obj, str } from './helpers.ts';
import type { PrintOptions, TablePrinter } from './types.ts';

const ROLE_PREFIX = 'node-role.kubernetes.io/';

/** Roles from node-role.kubernetes.io/<role> labels and the kubernetes.io/role label, sorted. */
export function nodeRoles(node: KubeObject): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(obj(node.metadata.labels))) {
    if (k.startsWith(ROLE_PREFIX)) {
      const role = k.slice(ROLE_PREFIX.length);
      if (role !== '') roles.add(role);
    } else if (k === 'kubernetes.io/role' && v !== '') {
      roles.add(str(v));
    }
  }
  const joined = [...roles].sort(byteOrder).join(',');
  return joined === '' ? '<none>' : joined;
}

export function nodeStatus(node: KubeObject): string {
  const status: string[] = [];
  // Only the Ready condition is reported; the last one of that type wins, as in a Go map.
  let ready: unknown;
  for (const c of arr(field(node, 'status', 'conditions'))) if (str(field(c, 'type')) === 'Ready') ready = c;
  if (ready !== undefined) status.push(str(field(ready, 'status')) === 'True' ? 'Ready' : 'NotReady');
  if (status.length === 0) status.push('Unknown');
  if (field(node, 'spec', 'unschedulable') === true) status.push('SchedulingDisabled');
  return status.join(',');
}

function address(node: KubeObject, type: string): string {
  const a = arr(field(node, 'status', 'addresses')).find((x) => str(field(x, 'type')) === type);
  return a ? str(field(a, 'address')) : '<none>';
}

export const nodePrinter: TablePrinter = {
  columns: [
    { name: 'Name', priority: 0, format: 'name' },
    { name: 'Status', priority: 0 },
    { name: 'Roles', priority: 0 },
    { name: 'Age', priority: 0 },
    { name: 'Version', priority: 0 },
    { name: 'Internal-IP', priority: 1 },
    { name: 'External-IP', priority: 1 },
    { name: 'OS-Image', priority: 1 },
    { name: 'Kernel-Version', priority: 1 },
    { name: 'Container-Runtime', priority: 1 },
  ],
  cells(node: KubeObject, options: PrintOptions): string[] {
    const info = field(node, 'status', 'nodeInfo');
    const cells = [
      node.metadata.name,
      nodeStatus(node),
      nodeRoles(node),
      timestampSince(node.metadata.creationTimestamp, options.now),
      str(field(info, 'kubeletVersion')),
    ];
    if (!options.wide) return cells;
    return [
      ...cells,
      address(node, 'InternalIP'),
      address(node, 'ExternalIP'),
      str(field(info, 'osImage')) || '<unknown>',
      str(field(info, 'kernelVersion')) || '<unknown>',
      str(field(info, 'containerRuntimeVersion')) || '<unknown>',
    ];
  },
};
