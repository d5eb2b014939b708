// Workload controllers that `get all` lists next to pods: ReplicationControllers, ReplicaSets,
// Deployments (Kubernetes printers.go) and OpenShift DeploymentConfigs (openshift-apiserver).
import type { KubeObject } from '../../../world/types.ts';
import { timestampSince } from '../duration.ts';
import { arr, byteOrder, field, formatLabels, formatLabelSelector, num, str } from './helpers.ts';
import type { PrintOptions, TablePrinter } from './types.ts';

/** layoutContainerCells: container names and images, each joined by commas. */
function containerCells(obj: KubeObject): [string, string] {
  const containers = arr(field(obj, 'spec', 'template', 'spec', 'containers'));
  return [containers.map((c) => str(field(c, 'name'))).join(','), containers.map((c) => str(field(c, 'image'))).join(',')];
}

/** spec.replicas; the API server defaults a missing value to 1. */
function desired(obj: KubeObject): number {
  const r = field(obj, 'spec', 'replicas');
  return typeof r === 'number' ? r : 1;
}

const wideColumns = [
  { name: 'Containers', priority: 1 as const },
  { name: 'Images', priority: 1 as const },
  { name: 'Selector', priority: 1 as const },
];

export const replicationControllerPrinter: TablePrinter = {
  columns: [
    { name: 'Name', priority: 0, format: 'name' },
    { name: 'Desired', priority: 0 },
    { name: 'Current', priority: 0 },
    { name: 'Ready', priority: 0 },
    { name: 'Age', priority: 0 },
    ...wideColumns,
  ],
  cells(rc: KubeObject, options: PrintOptions): string[] {
    const cells = [
      rc.metadata.name,
      String(desired(rc)),
      String(num(field(rc, 'status', 'replicas'))),
      String(num(field(rc, 'status', 'readyReplicas'))),
      timestampSince(rc.metadata.creationTimestamp, options.now),
    ];
    if (!options.wide) return cells;
    return [...cells, ...containerCells(rc), formatLabels(field(rc, 'spec', 'selector'))];
  },
};

export const replicaSetPrinter: TablePrinter = {
  columns: replicationControllerPrinter.columns,
  cells(rs: KubeObject, options: PrintOptions): string[] {
    const cells = [
      rs.metadata.name,
      String(desired(rs)),
      String(num(field(rs, 'status', 'replicas'))),
      String(num(field(rs, 'status', 'readyReplicas'))),
      timestampSince(rs.metadata.creationTimestamp, options.now),
    ];
    if (!options.wide) return cells;
    return [...cells, ...containerCells(rs), formatLabelSelector(field(rs, 'spec', 'selector'))];
  },
};

export const deploymentPrinter: TablePrinter = {
  columns: [
    { name: 'Name', priority: 0, format: 'name' },
    { name: 'Ready', priority: 0 },
    { name: 'Up-to-date', priority: 0 },
    { name: 'Available', priority: 0 },
    { name: 'Age', priority: 0 },
    ...wideColumns,
  ],
  cells(d: KubeObject, options: PrintOptions): string[] {
    const cells = [
      d.metadata.name,
      `${num(field(d, 'status', 'readyReplicas'))}/${desired(d)}`,
      String(num(field(d, 'status', 'updatedReplicas'))),
      String(num(field(d, 'status', 'availableReplicas'))),
      timestampSince(d.metadata.creationTimestamp, options.now),
    ];
    if (!options.wide) return cells;
    // A deployment prints its selector's String() as is: empty, not <none>.
    const selector = formatLabelSelector(field(d, 'spec', 'selector'));
    return [...cells, ...containerCells(d), selector === '<none>' ? '' : selector];
  },
};

/** TRIGGERED BY: config, image(<istag>), sorted as a set. */
function triggeredBy(dc: KubeObject): string {
  const containers = new Set(arr(field(dc, 'spec', 'template', 'spec', 'containers')).map((c) => str(field(c, 'name'))));
  const triggers = new Set<string>();
  for (const t of arr(field(dc, 'spec', 'triggers'))) {
    const type = str(field(t, 'type'));
    if (type === 'ConfigChange') triggers.add('config');
    else if (type === 'ImageChange') {
      const p = field(t, 'imageChangeParams');
      if (p && field(p, 'automatic') === true) {
        const names = arr(field(p, 'containerNames')).map(str);
        let prefix = '';
        if (containers.size !== 1 && !names.every((n) => containers.has(n))) prefix = [...names].sort(byteOrder).join(',') + ':';
        const kind = str(field(p, 'from', 'kind'));
        const from = str(field(p, 'from', 'name'));
        triggers.add(kind === 'ImageStreamTag' ? `image(${prefix}${from})` : `${kind}(${prefix}${from})`);
      }
    } else triggers.add(type);
  }
  return [...triggers].sort(byteOrder).join(',');
}

export const deploymentConfigPrinter: TablePrinter = {
  columns: [
    { name: 'Name', priority: 0, format: 'name' },
    { name: 'Revision', priority: 0 },
    { name: 'Desired', priority: 0 },
    { name: 'Current', priority: 0 },
    { name: 'Triggered By', priority: 0 },
  ],
  cells(dc: KubeObject): string[] {
    const replicas = num(field(dc, 'spec', 'replicas'));
    return [
      dc.metadata.name,
      String(num(field(dc, 'status', 'latestVersion'))),
      field(dc, 'spec', 'test') === true ? `${replicas} (during test)` : String(replicas),
      String(num(field(dc, 'status', 'updatedReplicas'))),
      triggeredBy(dc),
    ];
  },
};

export const daemonSetPrinter: TablePrinter = {
  columns: [
    { name: 'Name', priority: 0, format: 'name' },
    { name: 'Desired', priority: 0 },
    { name: 'Current', priority: 0 },
    { name: 'Ready', priority: 0 },
    { name: 'Up-to-date', priority: 0 },
    { name: 'Available', priority: 0 },
    { name: 'Node Selector', priority: 0 },
    { name: 'Age', priority: 0 },
    ...wideColumns,
  ],
  cells(ds: KubeObject, options: PrintOptions): string[] {
    const count = (name: string) => String(num(field(ds, 'status', name)));
    const cells = [
      ds.metadata.name,
      count('desiredNumberScheduled'),
      count('currentNumberScheduled'),
      count('numberReady'),
      count('updatedNumberScheduled'),
      count('numberAvailable'),
      formatLabels(field(ds, 'spec', 'template', 'spec', 'nodeSelector')),
      timestampSince(ds.metadata.creationTimestamp, options.now),
    ];
    if (!options.wide) return cells;
    return [...cells, ...containerCells(ds), formatLabelSelector(field(ds, 'spec', 'selector'))];
  },
};
