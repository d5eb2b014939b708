// jq 1.7.1's builtins that drive other filters (loops, searches, joins, streams) and those that
// reach outside the program (input, debug, halt). Loops are loops here, not recursion, so a long
// `until` runs inside the lab's step budget instead of its call-depth limit.
import { COST } from './budget.ts';
import { describe, JqRuntimeError, type Builtin, type Env, type Evaluator, type JqValue } from './evaluate.ts';
import { JqHalt, requireNumber } from './errors.ts';
import type { Ast } from './parser.ts';
import { COMPACT, writeJson } from './output.ts';
import { toText } from './text.ts';
import { isObject, newObject, plain } from './values.ts';
import * as lib from './library.ts';

const truthy = (v: JqValue) => v !== null && v !== false;

function* outputs(ev: Evaluator, f: Ast, input: JqValue, env: Env): Generator<JqValue> {
  yield* ev.eval(f, input, env);
}

/** The cartesian product of the arrays in `sets`, the first varying slowest. */
function* product(sets: JqValue[], ev: Evaluator): Generator<JqValue[]> {
  if (sets.length === 0) return yield [];
  for (const x of lib.iterate(sets[0], ev.budget)) {
    for (const rest of product(sets.slice(1), ev)) {
      ev.budget.step();
      yield [x, ...rest];
    }
  }
}

/** Indices of `needle` in `haystack` as jq's `indices` finds them. */
function indices(ev: Evaluator, v: JqValue, needle: JqValue): JqValue {
  if (v === null) return null;
  if (Array.isArray(v)) return ev.index(v, Array.isArray(needle) ? needle : [needle]);
  if (typeof v === 'string' && typeof needle === 'string') return lib.stringIndices(v, needle, ev.budget);
  return ev.index(v, needle);
}

/** tostream's events for `v` (and --stream's for an input): leaves as [path, value], then
 * [path of a container's last child] once that container is done. */
export function* streamEvents(v: JqValue, path: JqValue[] = []): Generator<JqValue> {
  if (Array.isArray(v) && v.length > 0) {
    for (let i = 0; i < v.length; i++) yield* streamEvents(v[i], [...path, i]);
    return yield [[...path, v.length - 1]];
  }
  const keys = isObject(v) ? Object.keys(v) : [];
  if (!isObject(v) || keys.length === 0) return yield [path, v];
  for (const k of keys) yield* streamEvents(v[k], [...path, k]);
  yield [[...path, keys[keys.length - 1]]];
}

export function controlBuiltins(): Array<[string, Builtin]> {
  const b: Array<[string, Builtin]> = [];
  const def = (key: string, f: Builtin) => b.push([key, f]);

  def('until/2', function* (v, [cond, update], e, ev) {
    // until(c; u): the first value, from the input by way of u, for which c holds.
    const pending: JqValue[] = [v];
    while (pending.length) {
      const x = pending.pop()!;
      ev.budget.step();
      for (const c of outputs(ev, cond, x, e)) {
        if (truthy(c)) yield x;
        else pending.push(...[...outputs(ev, update, x, e)].reverse());
      }
    }
  });
  def('while/2', function* (v, [cond, update], e, ev) {
    const pending: JqValue[] = [v];
    while (pending.length) {
      const x = pending.pop()!;
      ev.budget.step();
      for (const c of outputs(ev, cond, x, e)) {
        if (!truthy(c)) continue;
        yield x;
        pending.push(...[...outputs(ev, update, x, e)].reverse());
      }
    }
  });
  def('repeat/1', function* (v, [f], e, ev) {
    // jq 1.7.1 (Debian) runs f on the same input again and again.
    for (;;) {
      ev.budget.step();
      yield* outputs(ev, f, v, e);
    }
  });
  // recurse(f) and recurse(f; cond): each value, then what f makes of it, depth first. f's outputs
  // for a value are taken at once, so a deep recursion holds arrays, not suspended filters.
  const recurse = function* (ev: Evaluator, v: JqValue, next: (x: JqValue) => JqValue[]): Generator<JqValue> {
    const stack: Array<Iterator<JqValue>> = [[v][Symbol.iterator]()];
    while (stack.length) {
      const step = stack[stack.length - 1].next();
      if (step.done) {
        stack.pop();
        continue;
      }
      ev.budget.step();
      yield step.value;
      stack.push(next(step.value)[Symbol.iterator]());
    }
  };
  def('recurse/1', function* (v, [f], e, ev) { yield* recurse(ev, v, (x) => [...outputs(ev, f, x, e)]); });
  def('recurse/2', function* (v, [f, cond], e, ev) {
    yield* recurse(ev, v, (x) => [...outputs(ev, f, x, e)].filter((y) => [...outputs(ev, cond, y, e)].some(truthy)));
  });
  def('isempty/1', function* (v, [f], e, ev) {
    for (const _ of outputs(ev, f, v, e)) return yield false;
    yield true;
  });
  // last(f) is reduce f as $x (null; $x): null when f is empty.
  def('last/1', function* (v, [f], e, ev) {
    let last: JqValue = null;
    for (const x of outputs(ev, f, v, e)) last = x;
    yield last;
  });
  def('nth/1', function* (v, [n], e, ev) { for (const i of outputs(ev, n, v, e)) yield ev.index(v, i); });
  def('nth/2', function* (v, [n, f], e, ev) {
    for (const i of outputs(ev, n, v, e)) {
      if (ev.compare(i, 0) < 0) throw new JqRuntimeError("nth doesn't support negative indices");
      const at = requireNumber(i);
      let last: JqValue = null;
      let count = 0;
      for (const x of outputs(ev, f, v, e)) {
        last = x;
        if (++count > at) break;
      }
      yield last;
    }
  });
  def('limit/2', function* (v, [n, f], e, ev) {
    for (const limit of outputs(ev, n, v, e)) {
      const max = plain(limit);
      if (typeof max !== 'number') {
        // jq counts against a non-number by subtracting from it; below 0 in jq's order, all of f.
        if (ev.compare(limit, 0) > 0) throw new JqRuntimeError(`${describe(limit)} and number (1) cannot be subtracted`);
        yield* outputs(ev, f, v, e);
        continue;
      }
      if (max === 0) continue;
      if (max < 0) {
        yield* outputs(ev, f, v, e);
        continue;
      }
      let count = 0;
      for (const x of outputs(ev, f, v, e)) {
        yield x;
        if (++count >= max) break;
      }
    }
  });
  def('combinations/0', function* (v, _a, _e, ev) {
    if (lib.length(v, ev.budget) === 0) return yield [];
    yield* product(lib.iterate(v, ev.budget), ev);
  });
  def('combinations/1', function* (v, [n], e, ev) {
    for (const count of outputs(ev, n, v, e)) {
      const sets = Array.from({ length: Math.max(0, Math.ceil(requireNumber(count))) }, () => v);
      if (sets.length === 0) yield [];
      else yield* product(sets, ev);
    }
  });
  def('transpose/0', function* (v, _a, _e, ev) {
    const rows = lib.iterate(v, ev.budget);
    let width = 0;
    for (const r of rows) width = Math.max(width, lib.length(r, ev.budget));
    const out: JqValue[] = [];
    for (let i = 0; i < width; i++) out.push(rows.map((r) => ev.index(r, i)));
    ev.budget.charge(width * rows.length * COST.item);
    yield out;
  });
  def('IN/1', function* (v, [s], e, ev) {
    for (const x of outputs(ev, s, v, e)) if (ev.compare(x, v) === 0) return yield true;
    yield false;
  });
  def('IN/2', function* (v, [src, s], e, ev) {
    for (const x of outputs(ev, src, v, e)) for (const y of outputs(ev, s, v, e)) if (ev.compare(x, y) === 0) return yield true;
    yield false;
  });
  const index = (ev: Evaluator, rows: Iterable<JqValue>, key: Ast, e: Env) => {
    const out = newObject();
    for (const row of rows) for (const k of outputs(ev, key, row, e)) out[toText(k, ev.budget)] = row;
    return out;
  };
  def('INDEX/1', function* (v, [key], e, ev) { yield index(ev, lib.iterate(v, ev.budget), key, e); });
  def('INDEX/2', function* (v, [rows, key], e, ev) { yield index(ev, outputs(ev, rows, v, e), key, e); });
  const joined = function* (ev: Evaluator, idx: JqValue, row: JqValue, key: Ast, e: Env) {
    for (const k of outputs(ev, key, row, e)) yield [row, ev.index(idx, k)];
  };
  def('JOIN/2', function* (v, [idx, key], e, ev) {
    for (const table of outputs(ev, idx, v, e)) yield lib.iterate(v, ev.budget).flatMap((row) => [...joined(ev, table, row, key, e)]);
  });
  def('JOIN/3', function* (v, [idx, rows, key], e, ev) {
    for (const table of outputs(ev, idx, v, e)) for (const row of outputs(ev, rows, v, e)) yield* joined(ev, table, row, key, e);
  });
  def('JOIN/4', function* (v, [idx, rows, key, join], e, ev) {
    for (const table of outputs(ev, idx, v, e)) for (const row of outputs(ev, rows, v, e)) for (const pair of joined(ev, table, row, key, e)) yield* outputs(ev, join, pair, e);
  });
  def('walk/1', function* walk(v, [f], e, ev): Generator<JqValue> {
    // Children first (keys in their order), then f on the rebuilt value.
    let rebuilt: JqValue = v;
    if (Array.isArray(v)) rebuilt = v.flatMap((x) => [...walk(x, [f], e, ev)].slice(0, 1));
    else if (isObject(v)) {
      const out = newObject();
      for (const [k, x] of Object.entries(v)) for (const y of [...walk(x, [f], e, ev)].slice(0, 1)) out[k] = y;
      rebuilt = out;
    }
    ev.budget.step();
    yield* outputs(ev, f, rebuilt, e);
  });
  def('pick/1', function* (v, [f], e, ev) {
    let out: JqValue = null;
    for (const path of ev.paths(f, v, e)) out = ev.setPath(out, path, ev.getPath(v, path));
    yield out;
  });
  def('indices/1', function* (v, [x], e, ev) { for (const y of outputs(ev, x, v, e)) yield indices(ev, v, y); });
  def('index/1', function* (v, [x], e, ev) { for (const y of outputs(ev, x, v, e)) yield ev.index(indices(ev, v, y), 0); });
  def('rindex/1', function* (v, [x], e, ev) {
    for (const y of outputs(ev, x, v, e)) {
      const found = indices(ev, v, y);
      yield Array.isArray(found) ? (found.length ? found[found.length - 1] : null) : ev.index(found, -1);
    }
  });
  def('any/2', function* (v, [g, c], e, ev) {
    for (const x of outputs(ev, g, v, e)) for (const y of outputs(ev, c, x, e)) if (truthy(y)) return yield true;
    yield false;
  });
  def('all/2', function* (v, [g, c], e, ev) {
    for (const x of outputs(ev, g, v, e)) for (const y of outputs(ev, c, x, e)) if (!truthy(y)) return yield false;
    yield true;
  });
  def('bsearch/1', function* (v, [t], e, ev) {
    for (const target of outputs(ev, t, v, e)) {
      if (!Array.isArray(v)) throw new JqRuntimeError(`${describe(v)} cannot be searched from`);
      let lo = 0;
      let hi = v.length - 1;
      let found: number | null = null;
      while (lo <= hi && found === null) {
        const mid = (lo + hi) >> 1;
        const c = ev.compare(v[mid], target);
        if (c === 0) found = mid;
        else if (c < 0) lo = mid + 1;
        else hi = mid - 1;
      }
      yield found ?? -1 - lo;
    }
  });
  const numberTest = (name: string, test: (n: number) => boolean): [string, Builtin] => [name, function* (v) {
    const n = plain(v);
    if (typeof n !== 'number') throw new JqRuntimeError(`${describe(v)} number required`);
    yield test(n);
  }];
  b.push(numberTest('isinfinite/0', (n) => n === Infinity || n === -Infinity));
  b.push(numberTest('isnormal/0', (n) => Number.isFinite(n) && n !== 0 && Math.abs(n) >= 2.2250738585072014e-308));
  b.push(numberTest('isfinite/0', (n) => !(n === Infinity || n === -Infinity)));
  def('finites/0', function* (v) { const n = plain(v); if (typeof n === 'number' && Number.isFinite(n)) yield v; });
  def('normals/0', function* (v) { const n = plain(v); if (typeof n === 'number' && Number.isFinite(n) && n !== 0 && Math.abs(n) >= 2.2250738585072014e-308) yield v; });
  def('tostream/0', function* (v, _a, _e, ev) {
    for (const event of streamEvents(v)) {
      ev.budget.step();
      yield event;
    }
  });
  def('fromstream/1', function* (v, [f], e, ev) {
    let building: JqValue = null;
    for (const event of outputs(ev, f, v, e)) {
      if (!Array.isArray(event) || !Array.isArray(event[0])) throw new JqRuntimeError('Invalid path component');
      const path = event[0];
      if (event.length > 1) {
        if (path.length === 0) yield event[1];
        else building = ev.setPath(building, path, event[1]);
      } else if (path.length === 1) {
        yield building;
        building = null;
      }
    }
  });
  def('truncate_stream/1', function* (v, [f], e, ev) {
    const depth = requireNumber(v);
    for (const event of outputs(ev, f, v, e)) {
      const path = ev.index(event, 0);
      if (lib.length(path, ev.budget) > depth) yield ev.setPath(event, [0], ev.index(path, { start: depth, end: null }));
    }
  });
  def('input/0', function* (_v, _a, _e, ev) {
    const next = ev.io.nextInput();
    // jq 1.7.1 words running out of inputs as its internal `break`.
    if (next === undefined) throw new JqRuntimeError('break');
    yield next;
  });
  def('inputs/0', function* (_v, _a, _e, ev) {
    for (let next = ev.io.nextInput(); next !== undefined; next = ev.io.nextInput()) yield next;
  });
  def('input_line_number/0', function* (_v, _a, _e, ev) { yield ev.io.lineNumber(); });
  def('input_filename/0', function* (_v, _a, _e, ev) { yield ev.io.filename(); });
  def('debug/0', function* (v, _a, _e, ev) {
    ev.io.stderr(`${writeJson(['DEBUG:', v], COMPACT)}\n`);
    yield v;
  });
  def('debug/1', function* (v, [m], e, ev) {
    for (const msg of outputs(ev, m, v, e)) ev.io.stderr(`${writeJson(['DEBUG:', msg], COMPACT)}\n`);
    yield v;
  });
  def('stderr/0', function* (v, _a, _e, ev) {
    ev.io.stderr(writeJson(v, COMPACT));
    yield v;
  });
  def('halt/0', function* () { throw new JqHalt(0, ''); });
  const haltError = (v: JqValue, status: JqValue) => {
    const code = plain(status);
    if (typeof code !== 'number') throw new JqRuntimeError('halt_error/1: number required');
    return new JqHalt(code, typeof v === 'string' ? v : `${writeJson(v, COMPACT)}\n`);
  };
  def('halt_error/0', function* (v) { throw haltError(v, 5); });
  def('halt_error/1', function* (v, [c], e, ev) { for (const code of outputs(ev, c, v, e)) throw haltError(v, code); });
  def('get_search_list/0', function* () { yield ['~/.jq', '$ORIGIN/../lib/jq', '$ORIGIN/../lib']; });
  def('format/1', function* (v, [f], e, ev) {
    for (const name of outputs(ev, f, v, e)) {
      if (typeof name !== 'string') throw new JqRuntimeError(`${describe(name)} is not a valid format`);
      yield ev.format(name, v);
    }
  });
  return b;
}

