// NetworkPolicies: NAME POD-SELECTOR AGE (Kubernetes printNetworkPolicy).
import type { KubeObject } from '../../../world/types.ts';
import { timestampSince } from '../duration.ts';
import { field, formatLabelSelector } from './helpers.ts';
import type { PrintOptions, TablePrinter } from './types.ts';

export const networkPolicyPrinter: TablePrinter = {
  columns: [
    { name: 'Name', priority: 0, format: 'name' },
    { name: 'Pod-Selector', priority: 0 },
    { name: 'Age', priority: 0 },
  ],
  cells(np: KubeObject, options: PrintOptions): string[] {
    return [np.metadata.name, formatLabelSelector(field(np, 'spec', 'podSelector')), timestampSince(np.metadata.creationTimestamp, options.now)];
  },
};
