// Leases: NAME HOLDER AGE (Kubernetes printLease: the lease's holderIdentity, empty when unset).
import type { KubeObject } from '../../../world/types.ts';
import { timestampSince } from '../duration.ts';
import { field, str } from './helpers.ts';
import type { PrintOptions, TablePrinter } from './types.ts';

export const leasePrinter: TablePrinter = {
  columns: [
    { name: 'Name', priority: 0, format: 'name' },
    { name: 'Holder', priority: 0 },
    { name: 'Age', priority: 0 },
  ],
  cells(lease: KubeObject, options: PrintOptions): string[] {
    return [lease.metadata.name, str(field(lease, 'spec', 'holderIdentity')), timestampSince(lease.metadata.creationTimestamp, options.now)];
  },
};
