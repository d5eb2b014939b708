// OpenShift projects: NAME DISPLAY NAME STATUS (openshift-apiserver printProject). The list is
// printed sorted by name.
import type { KubeObject } from '../../../world/types.ts';
import { field, str } from './helpers.ts';
import type { TablePrinter } from './types.ts';

export const DISPLAY_NAME_ANNOTATION = 'openshift.io/display-name';

export const projectPrinter: TablePrinter = {
  columns: [
    { name: 'Name', priority: 0, format: 'name' },
    { name: 'Display Name', priority: 0 },
    { name: 'Status', priority: 0 },
  ],
  cells(project: KubeObject): string[] {
    return [project.metadata.name, project.metadata.annotations?.[DISPLAY_NAME_ANNOTATION] ?? '', str(field(project, 'status', 'phase'))];
  },
};
