// config.openshift.io/v1 ClusterVersion: a custom resource, printed from its CRD's
// additionalPrinterColumns (openshift/api config/v1 types_cluster_version.go printcolumn markers):
// NAME, VERSION (`.status.history[?(@.state=="Completed")].version`, every completed update's
// version joined by spaces, as the API server prints a JSONPath column's several results),
// AVAILABLE (the Available condition's status), PROGRESSING (the Progressing condition's status),
// SINCE (the Progressing condition's lastTransitionTime, a `date` column: the time since) and
// STATUS (the Progressing condition's message).
import type { KubeObject } from '../../../world/types.ts';
import { timestampSince } from '../duration.ts';
import { arr, field, str } from './helpers.ts';
import type { PrintOptions, TablePrinter } from './types.ts';

const condition = (cv: KubeObject, type: string) => arr(field(cv, 'status', 'conditions')).find((c) => field(c, 'type') === type);

export const clusterVersionPrinter: TablePrinter = {
  columns: [
    { name: 'Name', priority: 0, format: 'name' },
    { name: 'Version', priority: 0 },
    { name: 'Available', priority: 0 },
    { name: 'Progressing', priority: 0 },
    { name: 'Since', priority: 0 },
    { name: 'Status', priority: 0 },
  ],
  cells(cv: KubeObject, options: PrintOptions): string[] {
    const completed = arr(field(cv, 'status', 'history')).filter((h) => field(h, 'state') === 'Completed');
    const since = field(condition(cv, 'Progressing'), 'lastTransitionTime');
    return [
      cv.metadata.name,
      completed.map((h) => str(field(h, 'version'))).join(' '),
      str(field(condition(cv, 'Available'), 'status')),
      str(field(condition(cv, 'Progressing'), 'status')),
      typeof since === 'string' ? timestampSince(since, options.now) : '',
      str(field(condition(cv, 'Progressing'), 'message')),
    ];
  },
};
