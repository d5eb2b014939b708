// ServiceAccounts: NAME SECRETS AGE (Kubernetes printServiceAccount: SECRETS the number of entries of
// the account's `secrets`, which OpenShift 4.16 and later fill with the dockercfg secret only).
import type { KubeObject } from '../../../world/types.ts';
import { timestampSince } from '../duration.ts';
import { arr, field } from './helpers.ts';
import type { PrintOptions, TablePrinter } from './types.ts';

export const serviceAccountPrinter: TablePrinter = {
  columns: [
    { name: 'Name', priority: 0, format: 'name' },
    { name: 'Secrets', priority: 0 },
    { name: 'Age', priority: 0 },
  ],
  cells(sa: KubeObject, options: PrintOptions): string[] {
    return [sa.metadata.name, String(arr(field(sa, 'secrets')).length), timestampSince(sa.metadata.creationTimestamp, options.now)];
  },
};
