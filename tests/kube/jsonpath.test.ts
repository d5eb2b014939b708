// kubectl's JSONPath templates (client-go util/jsonpath) as `-o jsonpath=` runs them: missing
// keys allowed, values of one action joined by a space, maps and lists as compact JSON.
import { describe, expect, it } from 'vitest';
import { JsonPath, JsonPathError } from '../../src/engine/format/kube/jsonpath.ts';

const list = {
  apiVersion: 'v1',
  kind: 'List',
  metadata: { resourceVersion: '' },
  items: [
    { kind: 'Pod', metadata: { name: 'a', labels: { app: 'web' } }, status: { phase: 'Running', podIP: '10.0.0.1' }, spec: { ports: [{ port: 80 }] } },
    { kind: 'Pod', metadata: { name: 'b' }, status: { phase: 'Succeeded', podIP: '10.0.0.2' }, spec: { ports: [{ port: 8080 }] } },
  ],
};
const run = (t: string, data: unknown = list) => new JsonPath(t).execute(data);

describe('jsonpath templates', () => {
  it('joins the values of one action with a space and adds no newline', () => {
    expect(run('{.items[*].metadata.name}')).toBe('a b');
  });
  it('prints literal text and quoted strings, so {"\\n"} ends a line', () => {
    expect(run('names: {.items[*].metadata.name}{"\\n"}')).toBe('names: a b\n');
  });
  it('repeats the body of range for each value until end', () => {
    expect(run('{range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}')).toBe('a\t10.0.0.1\nb\t10.0.0.2\n');
  });
  it('indexes and slices arrays, negative indexes from the end', () => {
    expect(run('{.items[0].status.podIP}')).toBe('10.0.0.1');
    expect(run('{.items[-1:].metadata.name}')).toBe('b');
    expect(run('{.items[0:2].metadata.name}')).toBe('a b');
  });
  it('filters with ==, comparing strings and numbers', () => {
    expect(run('{.items[?(@.status.phase=="Running")].metadata.name}')).toBe('a');
    expect(run('{.items[?(@.spec.ports[0].port==8080)].metadata.name}')).toBe('b');
    expect(run('{.items[?(@.spec.ports[0].port>100)].metadata.name}')).toBe('b');
  });
  it('keeps items where a field exists with a bare filter', () => {
    expect(run('{.items[?(@.metadata.labels)].metadata.name}')).toBe('a');
  });
  it('prints maps and lists as compact JSON with sorted keys', () => {
    expect(run('{.items[0].metadata}')).toBe('{"labels":{"app":"web"},"name":"a"}');
    expect(run('{.items[0].spec.ports}')).toBe('[{"port":80}]');
  });
  it('prints nothing for a missing key (allow-missing-template-keys)', () => {
    expect(run('{.nope}')).toBe('');
    expect(run('{.items[*].metadata.labels.app}')).toBe('web');
  });
  it('supports unions, bracketed keys and recursive descent', () => {
    expect(run("{.items[0].metadata['name']}")).toBe('a');
    expect(run("{.items[*].metadata['name','labels']}")).toBe('a b {"app":"web"}'); // each member over all items
    // Only single quotes make a key; double quotes are an index kubectl rejects.
    expect(() => run('{.items[0].metadata["name"]}')).toThrow(new JsonPathError('invalid array index "name"'));
    expect(run('{..podIP}')).toBe('10.0.0.1 10.0.0.2');
  });
  it('prints numbers and booleans as Go does', () => {
    expect(run('{.a} {.b} {.c} {.d}', { a: 8080, b: 1.5, c: true, d: 1234567.5 })).toBe('8080 1.5 true 1.2345675e+06');
  });

  it.each([
    ['{.items[}', 'unterminated array'],
    ['{.items', 'unclosed action'],
    ['{#}', "unrecognized character in action: U+0023 '#'"],
    ['{.items[a]}', 'invalid array index a'],
    ['{"abc}', 'unterminated quoted string'],
    ['{.items[?(@.x=="y")}', 'unclosed array expect ]'],
  ])('rejects %s when parsing: %s', (template, message) => {
    expect(() => new JsonPath(template)).toThrow(new JsonPathError(message));
  });

  it.each([
    ['{.items[5]}', 'array index out of bounds: index 5, length 2'],
    ['{end}', 'not in range, nothing to end'],
    ['{foo}', 'unrecognized identifier foo'],
    ['{.kind[0]}', 'string is not array or slice'],
  ])('fails %s when executing: %s', (template, message) => {
    expect(() => run(template)).toThrow(new JsonPathError(message));
  });

  it('reports a missing key when missing keys are not allowed', () => {
    expect(() => new JsonPath('{.nope}').setAllowMissingKeys(false).execute(list)).toThrow(new JsonPathError('nope is not found'));
  });

  it('walks deep documents with recursive descent without hanging', () => {
    const data: Record<string, unknown> = {};
    let cur = data;
    for (let i = 0; i < 300; i++) cur = (cur.a = { x: i }) as Record<string, unknown>;
    expect(run('{..x}', data).split(' ')).toHaveLength(300);
  });
});
