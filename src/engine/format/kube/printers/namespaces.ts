// Namespaces: NAME STATUS AGE (Kubernetes printNamespace).
import type { KubeObject } from '../../../world/types.ts';
import { timestampSince } from '../duration.ts';
import { field, str } from './helpers.ts';
import type { PrintOptions, TablePrinter } from './types.ts';

export const namespacePrinter: TablePrinter = {
  columns: [
    { name: 'Name', priority: 0, format: 'name' },
    { name: 'Status', priority: 0 },
    { name: 'Age', priority: 0 },
  ],
  cells(ns: KubeObject, options: PrintOptions): string[] {
    return [ns.metadata.name, str(field(ns, 'status', 'phase')), timestampSince(ns.metadata.creationTimestamp, options.now)];
  },
};
