// Resources without a printer of their own get the API server's default table: NAME and AGE
// (apiserver's default TableConvertor; cli-runtime's printObjectMeta is the same).
import type { KubeObject } from '../../../world/types.ts';
import { timestampSince } from '../duration.ts';
import type { PrintOptions, TablePrinter } from './types.ts';

export const defaultPrinter: TablePrinter = {
  columns: [
    { name: 'Name', priority: 0, format: 'name' },
    { name: 'Age', priority: 0 },
  ],
  cells(o: KubeObject, options: PrintOptions): string[] {
    return [o.metadata.name, timestampSince(o.metadata.creationTimestamp, options.now)];
  },
};
