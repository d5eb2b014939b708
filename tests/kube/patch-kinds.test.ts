// The three patches the API server applies, against the examples of their specifications: RFC 7386
// (JSON merge patch, appendix A), RFC 6902 (JSON patch, appendix A) and Kubernetes' strategic
// merge patch (lists merged by their patchMergeKey, `$patch: delete`, `$retainKeys`).
import { describe, expect, it } from 'vitest';
import { jsonPatch, mergePatch, PatchError, strategicMerge } from '../../src/engine/sources/fixture/writes/kube-patch.ts';
import type { JsonObject } from '../../src/engine/world/types.ts';

describe('JSON merge patch (RFC 7386 appendix A)', () => {
  const cases: Array<[unknown, unknown, unknown]> = [
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [['a', 'b'], ['c', 'd'], ['c', 'd']],
    [{ a: 'b' }, ['c'], ['c']],
    [{ a: 'foo' }, null, null],
    [{ a: 'foo' }, 'bar', 'bar'],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ];
  for (const [target, patch, result] of cases) {
    it(`${JSON.stringify(patch)} on ${JSON.stringify(target)}`, () => {
      expect(mergePatch(JSON.parse(JSON.stringify(target)), JSON.parse(JSON.stringify(patch)))).toEqual(result);
    });
  }
});

describe('JSON patch (RFC 6902 appendix A)', () => {
  it('adds an object member, an array element, and removes and replaces', () => {
    expect(jsonPatch({ foo: 'bar' }, [{ op: 'add', path: '/baz', value: 'qux' }])).toEqual({ baz: 'qux', foo: 'bar' });
    expect(jsonPatch({ foo: ['bar', 'baz'] }, [{ op: 'add', path: '/foo/1', value: 'qux' }])).toEqual({ foo: ['bar', 'qux', 'baz'] });
    expect(jsonPatch({ baz: 'qux', foo: 'bar' }, [{ op: 'remove', path: '/baz' }])).toEqual({ foo: 'bar' });
    expect(jsonPatch({ foo: ['bar', 'qux', 'baz'] }, [{ op: 'remove', path: '/foo/1' }])).toEqual({ foo: ['bar', 'baz'] });
    expect(jsonPatch({ baz: 'qux', foo: 'bar' }, [{ op: 'replace', path: '/baz', value: 'boo' }])).toEqual({ baz: 'boo', foo: 'bar' });
  });
  it('moves, copies, appends with -, escapes ~1 and ~0', () => {
    expect(jsonPatch({ foo: { bar: 'baz', waldo: 'fred' }, qux: { corge: 'grault' } }, [{ op: 'move', from: '/foo/waldo', path: '/qux/thud' }])).toEqual({ foo: { bar: 'baz' }, qux: { corge: 'grault', thud: 'fred' } });
    expect(jsonPatch({ foo: ['bar'] }, [{ op: 'add', path: '/foo/-', value: ['abc', 'def'] }])).toEqual({ foo: ['bar', ['abc', 'def']] });
    expect(jsonPatch({ 'a/b': 1, 'm~n': 2 }, [{ op: 'copy', from: '/a~1b', path: '/m~0n' }])).toEqual({ 'a/b': 1, 'm~n': 1 });
  });
  it('fails a test of another value and an operation on a missing path', () => {
    expect(() => jsonPatch({ baz: 'qux' }, [{ op: 'test', path: '/baz', value: 'bar' }])).toThrow(PatchError);
    expect(() => jsonPatch({ foo: 'bar' }, [{ op: 'remove', path: '/baz' }])).toThrow('remove operation does not apply: doc is missing path: "/baz": missing value');
  });
});

describe('strategic merge patch', () => {
  const pod: { spec: { containers: JsonObject[] } } = { spec: { containers: [{ name: 'a', image: 'a:1', env: [{ name: 'X', value: '1' }] }, { name: 'b', image: 'b:1' }] } };
  it('merges containers and env by name, keeping the elements the patch does not name', () => {
    const patched = strategicMerge(pod, { spec: { containers: [{ name: 'a', env: [{ name: 'Y', value: '2' }] }] } });
    expect(patched).toEqual({ spec: { containers: [{ name: 'a', image: 'a:1', env: [{ name: 'X', value: '1' }, { name: 'Y', value: '2' }] }, { name: 'b', image: 'b:1' }] } });
  });
  it('removes an element with $patch: delete, and replaces a list without a merge key whole', () => {
    expect(strategicMerge(pod, { spec: { containers: [{ name: 'b', $patch: 'delete' }] } })).toEqual({ spec: { containers: [pod.spec.containers[0]] } });
    expect(strategicMerge({ spec: { args: ['a', 'b'] } }, { spec: { args: ['c'] } })).toEqual({ spec: { args: ['c'] } });
  });
  it('merges a service port by port, ignores $setElementOrder, and keeps only $retainKeys', () => {
    const service = { spec: { ports: [{ port: 80, targetPort: 8080 }, { port: 443, targetPort: 8443 }] } };
    expect(strategicMerge(service, { spec: { $setElementOrder: null, ports: [{ port: 80, name: 'http' }] } })).toEqual({ spec: { ports: [{ port: 80, targetPort: 8080, name: 'http' }, { port: 443, targetPort: 8443 }] } });
    expect(strategicMerge({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } }, { strategy: { $retainKeys: ['type'], type: 'Recreate' } })).toEqual({ strategy: { type: 'Recreate' } });
  });
});
