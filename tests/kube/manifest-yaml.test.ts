// The manifests of `kubectl apply -f -`: YAML as go-yaml v2 reads it (YAML 1.1 scalars), JSON, and
// several documents separated by ---.
import { describe, expect, it } from 'vitest';
import { readManifests, YamlError } from '../../src/engine/commands/kube/yaml-input.ts';

describe('manifests', () => {
  it('reads block mappings and sequences, at the key indentation too, with comments', () => {
    const [policy] = readManifests(`apiVersion: networking.k8s.io/v1  # the group
kind: NetworkPolicy
metadata:
  name: only-api
spec:
  podSelector:
    matchLabels:
      app: server
  policyTypes:
  - Ingress
  ingress:
    - from:
        - podSelector: {matchLabels: {app: sqlapi}}
      ports:
        - protocol: TCP
          port: 1433
`);
    expect(policy).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'only-api' },
      spec: { podSelector: { matchLabels: { app: 'server' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: { matchLabels: { app: 'sqlapi' } } }], ports: [{ protocol: 'TCP', port: 1433 }] }] },
    });
  });

  it('types scalars as go-yaml v2 does: yes is true, ~ is null, a leading 0 is octal (08 a float), quoted stays a string', () => {
    const [doc] = readManifests('a: yes\nb: "yes"\nc: ~\nd: 08\ne: 1.5\nf: \'it\'\'s\'\ng: "tab\\there"\nh: []\ni: {}\nj: 0755\n');
    expect(doc).toEqual({ a: true, b: 'yes', c: null, d: 8, e: 1.5, f: "it's", g: 'tab\there', h: [], i: {}, j: 493 });
  });

  it('keeps a literal block and folds a folded one', () => {
    const [doc] = readManifests('data:\n  script: |\n    line 1\n    line 2\n  note: >\n    one\n    two\n');
    expect(doc).toEqual({ data: { script: 'line 1\nline 2\n', note: 'one two\n' } });
  });

  it('reads several documents and skips empty ones; JSON is read as it is', () => {
    expect(readManifests('---\nkind: A\n---\n---\nkind: B\n').map((d) => d.kind)).toEqual(['A', 'B']);
    expect(readManifests('{"kind": "ConfigMap", "data": {"a": "1"}}')).toEqual([{ kind: 'ConfigMap', data: { a: '1' } }]);
  });

  it('refuses an unterminated quote', () => {
    expect(() => readManifests('a: "open\n')).toThrow(YamlError);
  });
});
