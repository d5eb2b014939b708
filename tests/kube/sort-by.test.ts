// --sort-by as kubectl 1.32 sorts: Go's unstable sort.Sort with the sorter's Less (rows without the
// field are less than anything, even than each other), quantities by value, strings byte-wise, and
// what happens to a table or a list the sorter cannot sort.
import { describe, expect, it } from 'vitest';
import { goSort } from '../../src/engine/format/kube/go-sort.ts';
import { goLess, sortObjects, sortTableRows } from '../../src/engine/commands/kube/sort-by.ts';
import type { KubeObject } from '../../src/engine/world/types.ts';

const now = new Date('2020-05-29T16:00:00Z');
const pod = (name: string, labels?: Record<string, string>) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, ...(labels ? { labels } : {}) } }) as KubeObject;
const names = (objects: KubeObject[]) => objects.map((o) => o.metadata.name);

describe('goSort (Go sort.Sort)', () => {
  it('sorts like any sort when keys differ, short and long inputs alike', () => {
    for (const n of [5, 13, 60, 200]) {
      const values = Array.from({ length: n }, (_, i) => (i * 7919) % n);
      goSort(n, (i, j) => values[i] < values[j], (i, j) => ([values[i], values[j]] = [values[j], values[i]]));
      expect(values).toEqual([...values].sort((a, b) => a - b));
    }
  });

  it('reverses the rows whose Less is always true, as insertion sort moves each in front of the last', () => {
    const rows = ['a', 'b', 'c'];
    goSort(3, () => true, (i, j) => ([rows[i], rows[j]] = [rows[j], rows[i]]));
    expect(rows).toEqual(['c', 'b', 'a']);
  });
});

describe('goLess (sorter.go isLess on decoded JSON)', () => {
  it('compares two quantities by value and other strings byte-wise', () => {
    expect(goLess('9', '10')).toBe(true);
    expect(goLess('500m', '1')).toBe(true);
    expect(goLess('2Gi', '1500Mi')).toBe(false);
    expect(goLess('10.128.2.5', '10.128.10.5')).toBe(false);
    expect(goLess('Zeta', 'alpha')).toBe(true);
  });

  it('puts null first and refuses booleans, objects and values of two types', () => {
    expect(goLess(null, 'a')).toBe(true);
    expect(goLess('a', null)).toBe(false);
    expect(() => goLess(true, false)).toThrow('unsortable type: bool');
    expect(() => goLess({}, {})).toThrow('unsortable type: map[string]interface {}');
    expect(() => goLess(1, 'a')).toThrow('unsortable interface: interface');
  });
});

describe('sorting a table and a list', () => {
  const pods = [pod('server-1-deploy'), pod('server-1-ppl25', { app: 'server' }), pod('sqlapi-1-8jgx8', { app: 'sqlapi' }), pod('sqlapi-1-deploy')];

  it('puts the rows without the field first, in reverse order', () => {
    expect(names(sortTableRows(pods, '.metadata.labels.app', now))).toEqual(['sqlapi-1-deploy', 'server-1-deploy', 'server-1-ppl25', 'sqlapi-1-8jgx8']);
  });

  it('leaves a table nothing to print when no row has the field or the path does not parse, and keeps a single row', () => {
    expect(sortTableRows(pods, '.nope', now)).toEqual([]);
    expect(sortTableRows(pods, '{.items[', now)).toEqual([]);
    expect(sortTableRows([pods[0]], '.nope', now)).toEqual([pods[0]]);
  });

  it('fails a list the way kubectl does', () => {
    expect(() => sortObjects(pods, '.nope', now)).toThrow('error: couldn\'t find any field with path "{.nope}" in the list of objects');
    expect(() => sortObjects(pods, '{.items[', now)).toThrow("error: unexpected path string, expected a 'name1.name2'");
    expect(() => sortObjects(pods, '.metadata', now)).toThrow(/^F0529 16:00:00.000000       1 sorter.go:329\] Field \{.metadata\} in \*unstructured.Unstructured is an unsortable type/);
  });
});
