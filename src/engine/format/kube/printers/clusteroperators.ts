// config.openshift.io/v1 ClusterOperators: a custom resource, printed by the API server from its
// CRD's additionalPrinterColumns (openshift/api config/v1
// zz_generated.crd-manifests/0000_00_cluster-version-operator_01_clusteroperators.crd.yaml): NAME,
// then VERSION (`.status.versions[?(@.name=="operator")].version`), AVAILABLE, PROGRESSING,
// DEGRADED (each condition's status) and SINCE (the Available condition's lastTransitionTime, a
// `date` column: printed as the time since). A value the object lacks is an empty cell (the ARO
// operator's `aro` reports no version).
// Clusters of OpenShift 4.9 and later print a MESSAGE column as well (`oc get co` on 4.9, 4.11,
// 4.12, 4.13, 4.19 and 4.22 clusters, in Red Hat's documentation and users' transcripts), which
// the CRD in openshift/api does not declare: its source is not in the material the lab was built
// from. What those transcripts show is modelled: empty for a healthy operator, else the message of
// the condition that is not as expected (Degraded True, else Available False, else Progressing
// True), cut at its first line break as kubectl cuts every cell.
import type { KubeObject } from '../../../world/types.ts';
import { timestampSince } from '../duration.ts';
import { arr, field, str } from './helpers.ts';
import type { PrintOptions, TablePrinter } from './types.ts';

const condition = (co: KubeObject, type: string) => arr(field(co, 'status', 'conditions')).find((c) => field(c, 'type') === type);

/** The operators' release (`4.3.18` → 3), from any operator that reports one. */
function minorOf(co: KubeObject | undefined): number | undefined {
  const version = str(field(arr(field(co, 'status', 'versions')).find((v) => field(v, 'name') === 'operator'), 'version'));
  const m = /^4\.(\d+)\./.exec(version);
  return m ? Number(m[1]) : undefined;
}

/** The condition whose message the MESSAGE column shows, when one is not as expected. */
function unexpectedMessage(co: KubeObject): string {
  const status = (type: string) => str(field(condition(co, type), 'status'));
  const pick = status('Degraded') === 'True' ? 'Degraded' : status('Available') === 'False' ? 'Available' : status('Progressing') === 'True' ? 'Progressing' : undefined;
  return pick ? str(field(condition(co, pick), 'message')) : '';
}

export const clusterOperatorPrinter: TablePrinter = {
  columns: [
    { name: 'Name', priority: 0, format: 'name' },
    { name: 'Version', priority: 0 },
    { name: 'Available', priority: 0 },
    { name: 'Progressing', priority: 0 },
    { name: 'Degraded', priority: 0 },
    { name: 'Since', priority: 0 },
    { name: 'Message', priority: 0 },
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
      unexpectedMessage(co),
    ];
  },
};

/** The printer of the CRD a cluster of these operators' release installs: MESSAGE from 4.9 on. */
export function clusterOperatorPrinterFor(sample: KubeObject | undefined): TablePrinter {
  const minor = minorOf(sample);
  if (minor !== undefined && minor < 9) return { columns: clusterOperatorPrinter.columns.slice(0, 6), cells: (co, o) => clusterOperatorPrinter.cells(co, o).slice(0, 6) };
  return clusterOperatorPrinter;
}
