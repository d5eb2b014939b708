// config.openshift.io/v1 ClusterOperators: a custom resource, printed by the API server from its
// CRD's additionalPrinterColumns (openshift/api config/v1
// zz_generated.crd-manifests/0000_00_cluster-version-operator_01_clusteroperators.crd.yaml, the same
// columns since OpenShift 4.1's CRD): NAME, then VERSION (`.status.versions[?(@.name=="operator")].version`),
// AVAILABLE, PROGRESSING, DEGRADED (each condition's status) and SINCE (the Available condition's
// lastTransitionTime, a `date` column: printed as the time since). A value the object lacks is an
// empty cell.
import type { KubeObject } from '../../../world/types.ts';
import { timestampSince } from '../duration.ts';
import { arr, field, str } from './helpers.ts';
import type { PrintOptions, TablePrinter } from './types.ts';

const condition = (co: KubeObject, type: string) => arr(field(co, 'status', 'conditions')).find((c) => field(c, 'type') === type);

export const clusterOperatorPrinter: TablePrinter = {
  columns: [
    { name: 'Name', priority: 0, format: 'name' },
    { name: 'Version', priority: 0 },
    { name: 'Available', priority: 0 },
    { name: 'Progressing', priority: 0 },
    { name: 'Degraded', priority: 0 },
    { name: 'Since', priority: 0 },
  ],
  cells(co: KubeObject, options: PrintOptions): string[] {
    const version = arr(field(co, 'status', 'versions')).find((v) => field(v, 'name') === 'operator');
    const since = field(condition(co, 'Available'), 'lastTransitionTime');
    return [
      co.metadata.name,
      str(field(version, 'version')),
      str(field(condition(co, 'Available'), 'status')),
      str(field(condition(co, 'Progressing'), 'status')),
      str(field(condition(co, 'Degraded'), 'status')),
      typeof since === 'string' ? timestampSince(since, options.now) : '',
    ];
  },
};
