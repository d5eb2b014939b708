// kubectl -o json / -o yaml. The goldens were printed by kubectl itself (goldens/README.md); the
// unit cases each name the rule they show.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kubectlJson } from '../../src/engine/format/kube/json.ts';
import { kubectlYaml, yamlKeyOrder } from '../../src/engine/format/kube/yaml.ts';

const golden = (name: string) => readFileSync(new URL(`./goldens/${name}`, import.meta.url), 'utf8');
const input = JSON.parse(golden('yaml-cases.input.json'));

describe('kubectl -o json', () => {
  it('matches kubectl byte for byte on the awkward-values object', () => {
    expect(kubectlJson(input)).toBe(golden('yaml-cases.kubectl.json'));
  });

  it('sorts keys at every level (unstructured objects are Go maps) and indents by 4', () => {
    expect(kubectlJson({ kind: 'Pod', apiVersion: 'v1', metadata: { name: 'x', labels: { z: '1', a: '2' } } })).toBe(
      '{\n    "apiVersion": "v1",\n    "kind": "Pod",\n    "metadata": {\n        "labels": {\n            "a": "2",\n            "z": "1"\n        },\n        "name": "x"\n    }\n}\n',
    );
  });

  it('escapes <, > and & like Go, and keeps empty lists and maps on one line', () => {
    expect(kubectlJson({ a: '<none> & more', b: [], c: {} })).toBe('{\n    "a": "\\u003cnone\\u003e \\u0026 more",\n    "b": [],\n    "c": {}\n}\n');
  });
});

describe('kubectl -o yaml', () => {
  it('matches kubectl byte for byte on the awkward-values object', () => {
    expect(kubectlYaml(input)).toBe(golden('yaml-cases.kubectl.yaml'));
  });

  it('does not indent a list under its key', () => {
    expect(kubectlYaml({ spec: { ports: [{ port: 8080, protocol: 'TCP' }] } })).toBe('spec:\n  ports:\n  - port: 8080\n    protocol: TCP\n');
  });

  it('double-quotes strings that would read back as another type', () => {
    expect(kubectlYaml({ a: 'true', b: '8080', c: '', d: 'yes', e: '2020-05-29T15:06:00Z', f: 'null', g: '1.5' })).toBe(
      'a: "true"\nb: "8080"\nc: ""\nd: "yes"\ne: "2020-05-29T15:06:00Z"\nf: "null"\ng: "1.5"\n',
    );
  });

  it('single-quotes strings that cannot be plain, and quotes keys the same way', () => {
    expect(kubectlYaml({ a: '*', b: 'x: y', c: ' lead', n: 'v' })).toBe("a: '*'\nb: 'x: y'\nc: ' lead'\n\"n\": v\n");
  });

  it('writes multi-line strings as literal blocks with the right chomping', () => {
    expect(kubectlYaml({ a: 'one\ntwo\n', b: 'one\ntwo', c: 'one\n\n' })).toBe('a: |\n  one\n  two\nb: |-\n  one\n  two\nc: |+\n  one\n\n');
  });

  it('folds long plain strings at a space past column 80', () => {
    const text = 'word '.repeat(20).trim();
    const out = kubectlYaml({ key: text });
    expect(out.split('\n')[0].length).toBeGreaterThan(80);
    expect(out).toBe(`key: ${'word '.repeat(16).trim()}\n  ${'word '.repeat(4).trim()}\n`);
  });

  it('orders keys the go-yaml v2 way: digit runs by value, non-letters first', () => {
    expect(['a10', 'a9', 'B', '_x', 'a'].sort(yamlKeyOrder)).toEqual(['_x', 'B', 'a', 'a9', 'a10']);
  });

  it('prints the empty list of kubectl get -o yaml', () => {
    expect(kubectlYaml({ apiVersion: 'v1', items: [], kind: 'List', metadata: { resourceVersion: '' } })).toBe(
      'apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n',
    );
  });
});
