// Secrets: NAME TYPE DATA AGE (Kubernetes printSecret: the secret's type, the number of its data keys).
import type { KubeObject } from '../../../world/types.ts';
import { timestampSince } from '../duration.ts';
import { field, str } from './helpers.ts';
import type { PrintOptions, TablePrinter } from './types.ts';

export const secretPrinter: TablePrinter = {
  columns: [
    { name: 'Name', priority: 0, format: 'name' },
    { name: 'Type', priority: 0 },
    { name: 'Data', priority: 0 },
    { name: 'Age', priority: 0 },
  ],
  cells(secret: KubeObject, options: PrintOptions): string[] {
    const data = field(secret, 'data');
    const count = data && typeof data === 'object' ? Object.keys(data).length : 0;
    return [secret.metadata.name, str(field(secret, 'type')), String(count), timestampSince(secret.metadata.creationTimestamp, options.now)];
  },
};
