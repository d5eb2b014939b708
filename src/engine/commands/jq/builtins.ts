// jq's builtin functions, each as a generator over its input.
import { compare, describe, index, JqRuntimeError, toJsonText, truthy, typeOf, type Builtin, type Evaluator, type Json } from './evaluate.ts';
import type { Ast } from './parser.ts';
import { regexBuiltins } from './regex.ts';

type Obj = Record<string, Json>;

const one = (f: (input: Json) => Json): Builtin =>
  function* (input) {
    yield f(input);
  };

function* each(ev: Evaluator, ast: Ast, input: Json, env: Parameters<Builtin>[2]): Generator<Json> {
  yield* ev.eval(ast, input, env);
}

function length(v: Json): Json {
  if (v === null) return 0;
  if (typeof v === 'boolean') throw new JqRuntimeError(`boolean (${v}) has no length`);
  if (typeof v === 'number') return Math.abs(v);
  if (typeof v === 'string') return [...v].length;
  if (Array.isArray(v)) return v.length;
  return Object.keys(v as object).length;
}

function keys(v: Json, sorted: boolean): Json {
  if (Array.isArray(v)) return v.map((_, i) => i);
  if (v !== null && typeof v === 'object') return sorted ? Object.keys(v).sort() : Object.keys(v);
  throw new JqRuntimeError(`${describe(v)} has no keys`);
}

function needArray(v: Json, what: string): Json[] {
  if (!Array.isArray(v)) throw new JqRuntimeError(`${describe(v)} cannot be ${what}, as it is not an array`);
  return v;
}

function needString(v: Json, fn: string): string {
  if (typeof v !== 'string') throw new JqRuntimeError(`${describe(v)} cannot be ${fn}`);
  return v;
}

const byKey = (ev: Evaluator, f: Ast, env: Parameters<Builtin>[2]) => (x: Json) => [...ev.eval(f, x, env)];

function contains(a: Json, b: Json): boolean {
  if (typeOf(a) !== typeOf(b)) throw new JqRuntimeError(`${describe(a)} and ${describe(b)} cannot have their containment checked`);
  if (typeof a === 'string') return a.includes(b as string);
  if (Array.isArray(a)) return (b as Json[]).every((y) => a.some((x) => typeOf(x) === typeOf(y) && contains(x, y)));
  if (a !== null && typeof a === 'object') return Object.entries(b as Obj).every(([k, v]) => k in (a as Obj) && typeOf((a as Obj)[k]) === typeOf(v) && contains((a as Obj)[k], v));
  return compare(a, b) === 0;
}


export function builtins(env: Record<string, string>): Map<string, Builtin> {
  const b = new Map<string, Builtin>();
  const def = (name: string, arity: number, f: Builtin) => b.set(`${name}/${arity}`, f);
  for (const [key, f] of regexBuiltins()) b.set(key, f);
  def('empty', 0, function* () {});
  def('not', 0, one((v) => !truthy(v)));
  def('length', 0, one(length));
  def('utf8bytelength', 0, one((v) => new TextEncoder().encode(needString(v, 'measured')).length));
  def('keys', 0, one((v) => keys(v, true)));
  def('keys_unsorted', 0, one((v) => keys(v, false)));
  def('values', 0, function* (v) {
    if (v !== null) yield v;
  });
  def('type', 0, one(typeOf));
  def('tostring', 0, one((v) => (typeof v === 'string' ? v : toJsonText(v))));
  def('tonumber', 0, one((v) => {
    if (typeof v === 'number') return v;
    const n = Number(v);
    if (typeof v !== 'string' || v.trim() === '' || Number.isNaN(n)) throw new JqRuntimeError(`Cannot parse '${String(v)}' as JSON`);
    return n;
  }));
  def('tojson', 0, one(toJsonText));
  def('fromjson', 0, one((v) => JSON.parse(needString(v, 'parsed'))));
  def('ascii_downcase', 0, one((v) => needString(v, 'lowercased').toLowerCase()));
  def('ascii_upcase', 0, one((v) => needString(v, 'uppercased').toUpperCase()));
  def('floor', 0, one((v) => Math.floor(v as number)));
  def('sqrt', 0, one((v) => Math.sqrt(v as number)));
  def('add', 0, one((v) => {
    const items = Array.isArray(v) ? v : Object.values(v as Obj);
    return items.reduce<Json>((acc, x) => (acc === null ? x : x === null ? acc : typeof acc === 'number' ? acc + (x as number) : typeof acc === 'string' ? acc + (x as string) : Array.isArray(acc) ? [...acc, ...(x as Json[])] : { ...(acc as Obj), ...(x as Obj) }), null);
  }));
  def('reverse', 0, one((v) => (typeof v === 'string' ? [...v].reverse().join('') : v === null ? [] : [...needArray(v, 'reversed')].reverse())));
  def('sort', 0, one((v) => [...needArray(v, 'sorted')].sort(compare)));
  def('unique', 0, one((v) => [...needArray(v, 'sorted')].sort(compare).filter((x, i, a) => i === 0 || compare(a[i - 1], x) !== 0)));
  def('min', 0, one((v) => [...needArray(v, 'sorted')].sort(compare)[0] ?? null));
  def('max', 0, one((v) => [...needArray(v, 'sorted')].sort(compare).pop() ?? null));
  def('flatten', 0, one((v) => needArray(v, 'flattened').flat(Infinity)));
  def('to_entries', 0, one((v) => Object.entries(v as Obj).map(([key, value]) => ({ key, value }))));
  def('from_entries', 0, one((v) => Object.fromEntries(needArray(v, 'converted').map((e) => {
    const o = e as Obj;
    const k = o.key ?? o.k ?? o.name ?? o.Name ?? o.Key ?? o.K;
    return [typeof k === 'string' ? k : toJsonText(k), 'value' in o ? o.value : (o.v ?? null)];
  }))));
  def('first', 0, one((v) => index(v, 0)));
  def('last', 0, one((v) => index(v, -1)));
  def('tostream', 0, function* () {
    throw new JqRuntimeError('tostream is not available in this lab terminal');
  });
  def('env', 0, one(() => ({ ...env })));
  def('now', 0, function* (_v, _a, _e, ev) {
    yield ev.now() / 1000;
  });
  def('objects', 0, function* (v) { if (typeOf(v) === 'object') yield v; });
  def('arrays', 0, function* (v) { if (Array.isArray(v)) yield v; });
  def('strings', 0, function* (v) { if (typeof v === 'string') yield v; });
  def('numbers', 0, function* (v) { if (typeof v === 'number') yield v; });
  def('booleans', 0, function* (v) { if (typeof v === 'boolean') yield v; });
  def('nulls', 0, function* (v) { if (v === null) yield v; });
  def('iterables', 0, function* (v) { if (v !== null && typeof v === 'object') yield v; });
  def('scalars', 0, function* (v) { if (v === null || typeof v !== 'object') yield v; });
  def('error', 0, function* (v) { throw new JqRuntimeError(v); });
  def('error', 1, function* (v, [m], e, ev) { for (const msg of ev.eval(m, v, e)) throw new JqRuntimeError(msg); });
  def('select', 1, function* (v, [f], e, ev) { for (const c of ev.eval(f, v, e)) if (truthy(c)) yield v; });
  def('map', 1, function* (v, [f], e, ev) {
    const items = Array.isArray(v) ? v : v !== null && typeof v === 'object' ? Object.values(v) : (() => { throw new JqRuntimeError(`Cannot iterate over ${typeOf(v)}`); })();
    yield items.flatMap((x) => [...ev.eval(f, x, e)]);
  });
  def('map_values', 1, function* (v, [f], e, ev) {
    if (Array.isArray(v)) yield v.flatMap((x) => [...ev.eval(f, x, e)].slice(0, 1));
    else yield Object.fromEntries(Object.entries(v as Obj).flatMap(([k, x]) => [...ev.eval(f, x, e)].slice(0, 1).map((y) => [k, y])));
  });
  def('with_entries', 1, function* (v, [f], e, ev) {
    const entries = Object.entries(v as Obj).map(([key, value]) => ({ key, value })).flatMap((x) => [...ev.eval(f, x, e)]);
    yield Object.fromEntries(entries.map((x) => [(x as Obj).key as string, (x as Obj).value]));
  });
  def('has', 1, function* (v, [k], e, ev) {
    for (const key of ev.eval(k, v, e)) yield Array.isArray(v) ? (key as number) >= 0 && (key as number) < v.length : Object.prototype.hasOwnProperty.call(v, key as string);
  });
  def('in', 1, function* (v, [o], e, ev) {
    for (const obj of ev.eval(o, v, e)) yield Array.isArray(obj) ? (v as number) < obj.length : Object.prototype.hasOwnProperty.call(obj, v as string);
  });
  def('contains', 1, function* (v, [x], e, ev) { for (const y of ev.eval(x, v, e)) yield contains(v, y); });
  def('inside', 1, function* (v, [x], e, ev) { for (const y of ev.eval(x, v, e)) yield contains(y, v); });
  def('startswith', 1, function* (v, [x], e, ev) { for (const y of ev.eval(x, v, e)) { if (typeof v !== 'string' || typeof y !== 'string') throw new JqRuntimeError('startswith() requires string inputs'); yield v.startsWith(y); } });
  def('endswith', 1, function* (v, [x], e, ev) { for (const y of ev.eval(x, v, e)) { if (typeof v !== 'string' || typeof y !== 'string') throw new JqRuntimeError('endswith() requires string inputs'); yield v.endsWith(y); } });
  def('ltrimstr', 1, function* (v, [x], e, ev) { for (const y of ev.eval(x, v, e)) yield typeof v === 'string' && typeof y === 'string' && v.startsWith(y) ? v.slice(y.length) : v; });
  def('rtrimstr', 1, function* (v, [x], e, ev) { for (const y of ev.eval(x, v, e)) yield typeof v === 'string' && typeof y === 'string' && v.endsWith(y) && y ? v.slice(0, -y.length) : v; });
  def('split', 1, function* (v, [x], e, ev) { for (const y of ev.eval(x, v, e)) yield needString(v, 'split').split(needString(y, 'used to split')); });
  def('join', 1, function* (v, [x], e, ev) {
    for (const sep of ev.eval(x, v, e)) yield needArray(v, 'joined').map((i) => (i === null ? '' : typeof i === 'string' ? i : typeof i === 'object' ? (() => { throw new JqRuntimeError(`Cannot join with ${typeOf(i)}`); })() : String(i))).join(sep as string);
  });
  def('sort_by', 1, function* (v, [f], e, ev) { const key = byKey(ev, f, e); yield [...needArray(v, 'sorted')].map((x) => [key(x), x] as const).sort((a, c) => compare(a[0], c[0])).map(([, x]) => x); });
  def('group_by', 1, function* (v, [f], e, ev) {
    const key = byKey(ev, f, e);
    const sorted = [...needArray(v, 'grouped')].map((x) => [key(x), x] as const).sort((a, c) => compare(a[0], c[0]));
    const groups: Json[][] = [];
    sorted.forEach(([k, x], i) => (i > 0 && compare(sorted[i - 1][0], k) === 0 ? groups[groups.length - 1].push(x) : groups.push([x])));
    yield groups;
  });
  def('unique_by', 1, function* (v, [f], e, ev) {
    const key = byKey(ev, f, e);
    const sorted = [...needArray(v, 'grouped')].map((x) => [key(x), x] as const).sort((a, c) => compare(a[0], c[0]));
    yield sorted.filter(([k], i) => i === 0 || compare(sorted[i - 1][0], k) !== 0).map(([, x]) => x);
  });
  def('min_by', 1, function* (v, [f], e, ev) { const key = byKey(ev, f, e); yield needArray(v, 'sorted').reduce<Json>((m, x) => (m === null || compare(key(x), key(m)) < 0 ? x : m), null); });
  def('max_by', 1, function* (v, [f], e, ev) { const key = byKey(ev, f, e); yield needArray(v, 'sorted').reduce<Json>((m, x) => (m === null || compare(key(x), key(m)) >= 0 ? x : m), null); });
  def('any', 0, one((v) => needArray(v, 'checked').some(truthy)));
  def('all', 0, one((v) => needArray(v, 'checked').every(truthy)));
  def('any', 1, function* (v, [f], e, ev) { yield needArray(v, 'checked').some((x) => [...ev.eval(f, x, e)].some(truthy)); });
  def('all', 1, function* (v, [f], e, ev) { yield needArray(v, 'checked').every((x) => [...ev.eval(f, x, e)].every(truthy)); });
  def('range', 1, function* (v, [n], e, ev) { for (const max of ev.eval(n, v, e)) for (let i = 0; i < (max as number); i++) yield i; });
  def('range', 2, function* (v, [a, z], e, ev) { for (const from of ev.eval(a, v, e)) for (const to of ev.eval(z, v, e)) for (let i = from as number; i < (to as number); i++) yield i; });
  def('limit', 2, function* (v, [n, f], e, ev) {
    for (const max of ev.eval(n, v, e)) {
      if ((max as number) <= 0) continue;
      let count = 0;
      for (const x of ev.eval(f, v, e)) {
        yield x;
        if (++count >= (max as number)) break;
      }
    }
  });
  def('first', 1, function* (v, [f], e, ev) { for (const x of ev.eval(f, v, e)) { yield x; return; } });
  def('recurse', 0, function* (v, _a, e, ev) { yield* each(ev, { t: 'recurse' }, v, e); });
  def('recurse', 1, function* rec(v, [f], e, ev): Generator<Json> { yield v; for (const x of ev.eval(f, v, e)) yield* rec(x, [f], e, ev); });
  def('repeat', 1, function* rep(v, [f], e, ev): Generator<Json> { yield v; for (const x of ev.eval(f, v, e)) yield* rep(x, [f], e, ev); });
  def('paths', 0, function* (v) {
    function* walk(x: Json, path: Json[]): Generator<Json> {
      const entries = Array.isArray(x) ? x.map((y, i) => [i, y] as const) : x !== null && typeof x === 'object' ? Object.entries(x) : [];
      for (const [k, y] of entries) {
        yield [...path, k];
        yield* walk(y, [...path, k]);
      }
    }
    yield* walk(v, []);
  });
  def('getpath', 1, function* (v, [p], e, ev) { for (const path of ev.eval(p, v, e)) yield (path as Json[]).reduce<Json>((x, k) => (x === null ? null : index(x, k)), v); });
  def('ascii', 0, one((v) => String.fromCharCode(v as number)));
  def('explode', 0, one((v) => [...needString(v, 'exploded')].map((c) => c.codePointAt(0)!)));
  def('implode', 0, one((v) => String.fromCodePoint(...(needArray(v, 'imploded') as number[]))));
  def('indices', 1, function* (v, [x], e, ev) {
    for (const y of ev.eval(x, v, e)) {
      if (typeof v === 'string' && typeof y === 'string') {
        const out: number[] = [];
        for (let i = v.indexOf(y); i >= 0 && y; i = v.indexOf(y, i + 1)) out.push(i);
        yield out;
      } else if (Array.isArray(v)) yield v.flatMap((z, i) => (compare(z, y) === 0 ? [i] : []));
      else yield null;
    }
  });
  def('isnan', 0, one((v) => Number.isNaN(v)));
  def('infinite', 0, one(() => Infinity));
  def('nan', 0, one(() => NaN));
  def('input', 0, function* () { throw new JqRuntimeError('No more inputs'); });
  return b;
}
