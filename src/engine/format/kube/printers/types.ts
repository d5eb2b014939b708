// A server-side table printer: the column definitions and the row cells the API server would
// put in the `meta.k8s.io/v1 Table` it returns to `kubectl get`.
import type { KubeObject } from '../../../world/types.ts';

export interface ColumnDefinition {
  /** As the server names it ("Cluster-IP", "Nominated Node"); kubectl upper-cases it. */
  name: string;
  /** 0: always shown; 1: only with -o wide. */
  priority: 0 | 1;
  /** "name" marks the column kubectl prefixes with kind/ when several types are printed. */
  format?: 'name';
}

export interface PrintOptions {
  now: Date;
  /**
   * The API server always generates tables with Wide: true (printerstorage.TableConvertor), so
   * `kubectl get` never sees the non-wide variants (e.g. a LoadBalancer EXTERNAL-IP clipped to 16
   * characters). Printers still honour false for callers that print client-side.
   */
  wide: boolean;
}

export interface TablePrinter {
  columns: ColumnDefinition[];
  cells(obj: KubeObject, options: PrintOptions): string[];
}
