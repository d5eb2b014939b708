// Go's text/template as kubectl -o go-template runs it: missing keys print <no value>, an object's
// integers are int64 and the template's 1.0 a float (never equal), maps range in key order, Go's
// parse and execution errors with their positions, and a runaway template stops.
import { describe, expect, it } from 'vitest';
import { GoTemplate, TemplateError, goSprintf, GoInt } from '../../src/engine/format/kube/go-template.ts';

const run = (template: string, data: unknown) => new GoTemplate(template).execute(data);
const pods = { kind: 'List', items: [{ metadata: { name: 'a', labels: { app: 'x' } }, spec: { replicas: 2 } }, { metadata: { name: 'b' }, spec: { replicas: 1.5 } }] };

describe('GoTemplate', () => {
  it('ranges, branches and prints values as Go does', () => {
    expect(run('{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}', pods)).toBe('a\nb\n');
    expect(run('{{range .items}}{{with .metadata.labels}}{{.app}}{{else}}none{{end}} {{end}}', pods)).toBe('x none ');
    expect(run('{{range $i, $p := .items}}{{if $i}},{{end}}{{$p.spec.replicas}}{{end}}', pods)).toBe('2,1.5');
    expect(run('{{range $k, $v := (index .items 0).metadata}}{{$k}};{{end}}', pods)).toBe('labels;name;');
    expect(run('{{.nope}} {{.nope.deeper}}', pods)).toBe('<no value> <no value>');
    expect(run('{{(index .items 0).metadata}}', pods)).toBe('map[labels:map[app:x] name:a]');
    expect(run('{{range .items -}} {{ .metadata.name }} {{- end}}', pods)).toBe('ab');
  });

  it("compares an object's integer with the template's int, and refuses a float", () => {
    expect(run('{{if eq (index .items 0).spec.replicas 2}}two{{end}}', pods)).toBe('two');
    expect(() => run('{{if eq (index .items 0).spec.replicas 2.0}}x{{end}}', pods)).toThrow('error calling eq: incompatible types for comparison');
  });

  it("reports Go's parse and execution errors with their positions", () => {
    expect(() => new GoTemplate('{{.items')).toThrow('template: output:1: unclosed action');
    expect(() => new GoTemplate('{{nope .items}}')).toThrow('template: output:1: function "nope" not defined');
    expect(() => run('{{.items.nope}}', pods)).toThrow('template: output:1:8: executing "output" at <.items.nope>: can\'t evaluate field nope in type interface {}');
    expect(() => run('{{index .items 9}}', pods)).toThrow('template: output:1:2: executing "output" at <index .items 9>: error calling index: index out of range: 9');
  });

  it('keeps what it printed before failing', () => {
    try {
      run('{{range .items}}{{.metadata.name}} {{index .items 0}}{{end}}', pods);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TemplateError);
      expect((e as TemplateError).partial).toBe('a ');
    }
  });

  it('stops a template that does too much', () => {
    const many = { items: Array.from({ length: 2000 }, () => ({ items: Array.from({ length: 2000 }, () => 1) })) };
    expect(() => new GoTemplate('{{range .items}}{{range .items}}{{.}}{{end}}{{end}}').execute(many, 100_000)).toThrow(TemplateError);
  });
});

describe('goSprintf', () => {
  it("formats as Go's fmt, wrong verbs included", () => {
    expect(goSprintf('%-5s|%5d|%05d', ['ab', new GoInt(42), new GoInt(7)])).toBe('ab   |   42|00007');
    expect(goSprintf('%d %s', [1.5, 3])).toBe('%!d(float64=1.5) %!s(int64=3)');
    expect(goSprintf('%s %s', ['a'])).toBe('a %!s(MISSING)');
  });
});
