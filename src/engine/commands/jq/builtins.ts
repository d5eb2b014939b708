// jq's builtin functions, each as a generator over its input. The work on values lives in
// library.ts (charged to the program's budget); this table binds names to it.
import { describe, JqRuntimeError, toJsonText, truthy, typeOf, type Builtin, type Evaluator, type JqValue, type JqObject } from './evaluate.ts';
import { COST } from './budget.ts';
import { JqInputError, parseJsonText } from './input.ts';
import { requireNumber } from './errors.ts';
import * as lib from './library.ts';
import type { Ast } from './parser.ts';
import { regexBuiltins } from './regex.ts';
import { mathBuiltins } from './math.ts';
import { controlBuiltins } from './control.ts';
import { dateBuiltins } from './dates.ts';
import { toText } from './text.ts';
import { isObject, NumberLiteral, objectFrom, pathsOf, plain } from './values.ts';

const one = (f: (input: JqValue, ev: Evaluator) => JqValue): Builtin =>
  function* (input, _args, _env, ev) {
    yield f(input, ev);
  };


function needArray(v: JqValue, what: string): JqValue[] {
  if (!Array.isArray(v)) throw new JqRuntimeError(`${describe(v)} cannot be ${what}, as it is not an array`);
  return v;
}

const byKey = (ev: Evaluator, f: Ast, env: Parameters<Builtin>[2]) => (x: JqValue) => [...ev.eval(f, x, env)];

/** jq's `*_by(f)` start with `map([f])`, then refuse anything but an array (objects iterate
 * first): each item with its key. */
function keyed(ev: Evaluator, v: JqValue, key: (x: JqValue) => JqValue, refusal: string): Array<readonly [JqValue, JqValue]> {
  const items = lib.iterate(v, ev.budget);
  ev.budget.charge(items.length * 2 * COST.item);
  const pairs = items.map((x) => [key(x), x] as const);
  if (!Array.isArray(v)) throw new JqRuntimeError(`${describe(v)} and ${describe(pairs.map(([k]) => k))} cannot be ${refusal}`);
  return pairs;
}

const NOT_BOTH_ARRAYS = 'sorted, as they are not both arrays';

/** Items ordered by jq's total order of their keys (a stable sort, as jq's). */
function sortedBy(ev: Evaluator, v: JqValue, key: (x: JqValue) => JqValue): Array<readonly [JqValue, JqValue]> {
  return keyed(ev, v, key, NOT_BOTH_ARRAYS).sort((a, c) => ev.compare(a[0], c[0]));
}

/** `min_by`/`max_by`: the first item with the least key, or the last with the greatest. */
function extremeBy(ev: Evaluator, v: JqValue, key: (x: JqValue) => JqValue, greatest: boolean): JqValue {
  let best: readonly [JqValue, JqValue] | null = null;
  for (const pair of keyed(ev, v, key, 'iterated over')) {
    const c = best === null ? 0 : ev.compare(pair[0], best[0]);
    if (best === null || (greatest ? c >= 0 : c < 0)) best = pair;
  }
  return best === null ? null : best[1];
}

/** `min`/`max` take only arrays. */
function extreme(ev: Evaluator, v: JqValue, greatest: boolean): JqValue {
  if (!Array.isArray(v)) throw new JqRuntimeError(`${describe(v)} and ${describe(v)} cannot be iterated over`);
  return extremeBy(ev, v, (x) => x, greatest);
}

/** jq's any/all (`any(.[]; f)`): the conditions in order, up to the first that decides. */
function decide(conditions: Iterable<JqValue>, all: boolean): boolean {
  for (const c of conditions) if (truthy(c) !== all) return !all;
  return all;
}

function* conditions(ev: Evaluator, v: JqValue, f: Ast, env: Parameters<Builtin>[2]): Generator<JqValue> {
  for (const x of lib.iterate(v, ev.budget)) yield* ev.eval(f, x, env);
}

/** A JSON text from a string, with jq's words for what is wrong with it. */
function parsed(text: string, ev: Evaluator): JqValue {
  ev.budget.charge(text.length * COST.char);
  try {
    return parseJsonText(text);
  } catch (e) {
    if (e instanceof JqInputError) throw new JqRuntimeError(`${e.reason} (while parsing '${text}')`);
    throw e;
  }
}

function rangeBound(v: JqValue): number {
  v = plain(v);
  if (typeof v !== 'number') throw new JqRuntimeError('Range bounds must be numeric');
  return v;
}

function* counting(from: number, to: number): Generator<number> {
  for (let i = from; i < to; i++) yield i;
}

let table: ReadonlyMap<string, Builtin> | undefined;

/** The builtins by "name/arity", made once: none keeps anything of a run (`env` reads the run's
 * evaluator), and making them is a good part of a short program's cost. */
export function builtins(): ReadonlyMap<string, Builtin> {
  table ??= makeBuiltins();
  return table;
}

function makeBuiltins(): Map<string, Builtin> {
  const b = new Map<string, Builtin>();
  const def = (name: string, arity: number, f: Builtin) => b.set(`${name}/${arity}`, f);
  for (const [key, f] of [...regexBuiltins(), ...mathBuiltins(), ...controlBuiltins(), ...dateBuiltins()]) b.set(key, f);
  def('empty', 0, function* () {});
  def('not', 0, one((v) => !truthy(v)));
  def('length', 0, one((v, ev) => lib.length(v, ev.budget)));
  def('utf8bytelength', 0, one((v, ev) => lib.utf8ByteLength(v, ev.budget)));
  def('keys', 0, one((v, ev) => lib.keys(v, true, ev.budget)));
  def('keys_unsorted', 0, one((v, ev) => lib.keys(v, false, ev.budget)));
  def('values', 0, function* (v) {
    if (v !== null) yield v;
  });
  def('type', 0, one(typeOf));
  def('tostring', 0, one((v, ev) => toText(v, ev.budget)));
  def('tonumber', 0, one((v, ev) => {
    if (typeOf(v) === 'number') return v;
    if (typeof v !== 'string') throw new JqRuntimeError(`${describe(v)} cannot be parsed as a number`);
    const n = parsed(v, ev);
    if (typeOf(n) !== 'number') throw new JqRuntimeError(`${describe(v)} cannot be parsed as a number`);
    return n;
  }));
  def('tojson', 0, one((v, ev) => toJsonText(v, ev.budget)));
  def('fromjson', 0, one((v, ev) => {
    if (typeof v !== 'string') throw new JqRuntimeError(`${describe(v)} only strings can be parsed`);
    return parsed(v, ev);
  }));
  def('ascii_downcase', 0, one((v, ev) => lib.asciiCase(v, false, ev.budget)));
  def('ascii_upcase', 0, one((v, ev) => lib.asciiCase(v, true, ev.budget)));
  def('add', 0, one((v, ev) => lib.add(v, ev.budget, (x, y) => ev.arith('+', x, y))));
  def('reverse', 0, one((v, ev) => lib.reverse(v, ev.budget)));
  def('sort', 0, one((v, ev) => sortedBy(ev, needArray(v, 'sorted'), (x) => x).map(([, x]) => x)));
  def('unique', 0, one((v, ev) => sortedBy(ev, v, (x) => [x]).map(([, x]) => x).filter((x, i, a) => i === 0 || ev.compare(a[i - 1], x) !== 0)));
  def('min', 0, one((v, ev) => extreme(ev, v, false)));
  def('max', 0, one((v, ev) => extreme(ev, v, true)));
  def('flatten', 0, one((v, ev) => lib.flatten(v, Infinity, ev.budget)));
  def('flatten', 1, function* (v, [depth], e, ev) {
    for (const d of ev.eval(depth, v, e)) yield lib.flatten(v, requireNumber(d), ev.budget);
  });
  def('to_entries', 0, one((v, ev) => lib.toEntries(v, ev.budget)));
  def('from_entries', 0, one((v, ev) => lib.fromEntries(v, ev.budget, (x, k) => ev.index(x, k))));
  def('with_entries', 1, function* (v, [f], e, ev) {
    const entries = lib.toEntries(v, ev.budget).flatMap((x) => [...ev.eval(f, x, e)]);
    yield lib.fromEntries(entries, ev.budget, (x, k) => ev.index(x, k));
  });
  def('first', 0, one((v, ev) => ev.index(v, 0)));
  def('last', 0, one((v, ev) => ev.index(v, -1)));
  def('env', 0, one((_v, ev) => ev.environment));
  def('now', 0, function* (_v, _a, _e, ev) {
    yield ev.now() / 1000;
  });
  def('objects', 0, function* (v) { if (typeOf(v) === 'object') yield v; });
  def('arrays', 0, function* (v) { if (Array.isArray(v)) yield v; });
  def('strings', 0, function* (v) { if (typeof v === 'string') yield v; });
  def('numbers', 0, function* (v) { if (typeOf(v) === 'number') yield v; });
  def('booleans', 0, function* (v) { if (typeof v === 'boolean') yield v; });
  def('nulls', 0, function* (v) { if (v === null) yield v; });
  def('iterables', 0, function* (v) { if (v !== null && typeof v === 'object' && !(v instanceof NumberLiteral)) yield v; });
  def('scalars', 0, function* (v) { if (v === null || typeof v !== 'object' || v instanceof NumberLiteral) yield v; });
  // jq 1.7 raises error(null) as any other error (1.6 took it for backtracking).
  def('error', 0, function* (v) { throw new JqRuntimeError(v); });
  def('error', 1, function* (v, [m], e, ev) { for (const msg of ev.eval(m, v, e)) throw new JqRuntimeError(msg); });
  def('select', 1, function* (v, [f], e, ev) { for (const c of ev.eval(f, v, e)) if (truthy(c)) yield v; });
  def('map', 1, function* (v, [f], e, ev) {
    const out: JqValue[] = [];
    for (const x of lib.iterate(v, ev.budget)) {
      for (const y of ev.eval(f, x, e)) {
        ev.budget.charge(COST.item);
        out.push(y);
      }
    }
    yield out;
  });
  def('map_values', 1, function* (v, [f], e, ev) {
    lib.iterate(v, ev.budget);
    if (Array.isArray(v)) yield v.flatMap((x) => [...ev.eval(f, x, e)].slice(0, 1));
    else if (isObject(v)) yield objectFrom(Object.entries(v).flatMap(([k, x]) => [...ev.eval(f, x, e)].slice(0, 1).map((y) => [k, y] as const)));
  });
  def('has', 1, function* (v, [k], e, ev) {
    for (const key of ev.eval(k, v, e)) yield lib.has(v, key);
  });
  def('in', 1, function* (v, [o], e, ev) {
    for (const obj of ev.eval(o, v, e)) yield lib.has(obj, v);
  });
  def('contains', 1, function* (v, [x], e, ev) { for (const y of ev.eval(x, v, e)) yield lib.checkedContains(v, y, ev.budget); });
  def('inside', 1, function* (v, [x], e, ev) { for (const y of ev.eval(x, v, e)) yield lib.checkedContains(y, v, ev.budget); });
  def('startswith', 1, function* (v, [x], e, ev) { for (const y of ev.eval(x, v, e)) { if (typeof v !== 'string' || typeof y !== 'string') throw new JqRuntimeError('startswith() requires string inputs'); ev.budget.charge(y.length); yield v.startsWith(y); } });
  def('endswith', 1, function* (v, [x], e, ev) { for (const y of ev.eval(x, v, e)) { if (typeof v !== 'string' || typeof y !== 'string') throw new JqRuntimeError('endswith() requires string inputs'); ev.budget.charge(y.length); yield v.endsWith(y); } });
  def('ltrimstr', 1, function* (v, [x], e, ev) { for (const y of ev.eval(x, v, e)) { if (typeof y === 'string') ev.budget.charge(y.length); yield typeof v === 'string' && typeof y === 'string' && v.startsWith(y) ? v.slice(y.length) : v; } });
  def('rtrimstr', 1, function* (v, [x], e, ev) { for (const y of ev.eval(x, v, e)) { if (typeof y === 'string') ev.budget.charge(y.length); yield typeof v === 'string' && typeof y === 'string' && v.endsWith(y) && y ? v.slice(0, -y.length) : v; } });
  def('split', 1, function* (v, [x], e, ev) { for (const y of ev.eval(x, v, e)) yield lib.split(v, y, ev.budget); });
  def('join', 1, function* (v, [x], e, ev) {
    for (const sep of ev.eval(x, v, e)) yield lib.join(v, sep, ev.budget, (a, c) => ev.arith('+', a, c));
  });
  def('sort_by', 1, function* (v, [f], e, ev) { yield sortedBy(ev, v, byKey(ev, f, e)).map(([, x]) => x); });
  def('group_by', 1, function* (v, [f], e, ev) {
    const sorted = sortedBy(ev, v, byKey(ev, f, e));
    const groups: JqValue[][] = [];
    sorted.forEach(([k, x], i) => (i > 0 && ev.compare(sorted[i - 1][0], k) === 0 ? groups[groups.length - 1].push(x) : groups.push([x])));
    yield groups;
  });
  def('unique_by', 1, function* (v, [f], e, ev) {
    const sorted = sortedBy(ev, v, byKey(ev, f, e));
    yield sorted.filter(([k], i) => i === 0 || ev.compare(sorted[i - 1][0], k) !== 0).map(([, x]) => x);
  });
  def('min_by', 1, function* (v, [f], e, ev) { yield extremeBy(ev, v, byKey(ev, f, e), false); });
  def('max_by', 1, function* (v, [f], e, ev) { yield extremeBy(ev, v, byKey(ev, f, e), true); });
  def('any', 0, one((v, ev) => decide(lib.iterate(v, ev.budget), false)));
  def('all', 0, one((v, ev) => decide(lib.iterate(v, ev.budget), true)));
  def('any', 1, function* (v, [f], e, ev) { yield decide(conditions(ev, v, f, e), false); });
  def('all', 1, function* (v, [f], e, ev) { yield decide(conditions(ev, v, f, e), true); });
  def('range', 1, function* (v, [n], e, ev) { for (const max of ev.eval(n, v, e)) yield* ev.each(counting(0, rangeBound(max))); });
  def('range', 2, function* (v, [a, z], e, ev) { for (const from of ev.eval(a, v, e)) for (const to of ev.eval(z, v, e)) yield* ev.each(counting(rangeBound(from), rangeBound(to))); });
  // jq: `if $by > 0 then $from|while(. < $upto; . + $by) elif $by < 0 then $from|while(. > $upto; . + $by) else empty end`.
  def('range', 3, function* (v, [a, z, s], e, ev) {
    for (const from of ev.eval(a, v, e)) {
      for (const upto of ev.eval(z, v, e)) {
        for (const by of ev.eval(s, v, e)) {
          const direction = ev.compare(by, 0);
          if (direction === 0) continue;
          for (let x = from; direction > 0 ? ev.compare(x, upto) < 0 : ev.compare(x, upto) > 0; x = ev.arith('+', x, by)) {
            ev.budget.step();
            yield x;
          }
        }
      }
    }
  });
  def('first', 1, function* (v, [f], e, ev) { for (const x of ev.eval(f, v, e)) { yield x; return; } });
  def('recurse', 0, function* (v, _a, e, ev) { yield* ev.eval({ t: 'recurse' }, v, e); });
  def('paths', 0, function* (v, _a, _e, ev) {
    for (const { path } of pathsOf(v, ev.budget)) {
      ev.budget.step();
      yield path;
    }
  });
  def('paths', 1, function* (v, [f], e, ev) {
    for (const { path, value } of pathsOf(v, ev.budget)) {
      for (const c of ev.eval(f, value, e)) if (truthy(c)) yield path;
    }
  });
  def('path', 1, function* (v, [f], e, ev) { yield* ev.paths(f, v, e); });
  def('getpath', 1, function* (v, [p], e, ev) { for (const path of ev.eval(p, v, e)) yield ev.getPath(v, path); });
  def('setpath', 2, function* (v, [p, x], e, ev) { for (const path of ev.eval(p, v, e)) for (const value of ev.eval(x, v, e)) yield ev.setPath(v, path, value); });
  def('delpaths', 1, function* (v, [p], e, ev) { for (const paths of ev.eval(p, v, e)) yield ev.deletePaths(v, paths); });
  def('del', 1, function* (v, [f], e, ev) { yield ev.deletePaths(v, [...ev.paths(f, v, e)]); });
  def('explode', 0, one((v, ev) => lib.explode(v, ev.budget)));
  def('implode', 0, one((v, ev) => lib.implode(v, ev.budget)));
  def('isnan', 0, one((v) => Number.isNaN(requireNumber(v))));
  def('infinite', 0, one(() => Infinity));
  def('nan', 0, one(() => NaN));
  def('builtins', 0, function* () { yield [...b.keys()]; });
  return b;
}
