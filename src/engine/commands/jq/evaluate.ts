// jq's evaluation: every filter turns one input into a stream of outputs (a generator here).
// A budget (budget.ts) stops endless or oversized programs (`range(1e9)`, `"x" * 1e9`) with an
// honest error: steps for filters and generated values, work for the data each operation
// builds, copies or compares. `reduce` changes its accumulator in place when nothing else can
// see it (in-place.ts), as real jq does, so appending in a loop stays linear.
import { patternVars, type Ast, type Pattern } from './parser.ts';
import { Budget, COST, JqBudgetError, type Meter } from './budget.ts';
import { describe, JqRuntimeError } from './errors.ts';
import { inPlacePlan, type InPlacePlan } from './in-place.ts';
import { arith, concatArrays, index, slice } from './operators.ts';
import { checkKey, deletePaths, getPath, put, setPath } from './paths.ts';
import { Scope } from './scope.ts';
import { formatValue, toJsonText } from './text.ts';
import { writePrefix } from './output.ts';
import { compare, copyObject, descendants, isObject, newObject, NumberLiteral, objectFrom, pathsOf, plain, typeOf, type JqValue, type JqObject } from './values.ts';

type Definition = { params: string[]; body: Ast; env: Env; closure?: true };
type Env = { vars: Scope<JqValue>; defs: Scope<Definition> };
type Builtin = (input: JqValue, args: Ast[], env: Env, ev: Evaluator) => Iterable<JqValue>;

/** How deeply evaluation nests (a user call is about nine levels): about half of what V8's
 * default stack holds, measured with `def f: if . < N then .+1|f else . end` (the stack gives
 * out near 3500 levels in Node 22), so the lab's message comes before the engine's. */
export const MAX_DEPTH = 2000;
/** What catching an error counts, in steps. */
const CATCH_STEPS = 4;

const truthy = (v: JqValue) => v !== null && v !== false;

/** jq's text of a value in a buffer of `size` bytes: cut to size - 4 and "..." when longer. */
function truncated(v: JqValue, size: number): string {
  const text = writePrefix(v, size).text;
  return text.length > size - 1 ? `${text.slice(0, size - 4)}...` : text;
}

/** Whether `ast` names paths (what `path(f)` accepts) rather than computing a value. */
function isPathExpression(ast: Ast): boolean {
  switch (ast.t) {
    case 'identity':
    case 'recurse':
      return true;
    case 'index':
    case 'slice':
    case 'iterate':
      return isPathExpression(ast.target);
    case 'pipe':
      return isPathExpression(ast.right);
    case 'literal':
    case 'string':
    case 'array':
    case 'object':
    case 'binary':
    case 'neg':
    case 'format':
      return false;
    case 'call':
      // A builtin that computes (to_entries, map…) is no path; getpath, select, recurse… are.
      return !NOT_PATHS.has(`${ast.name}/${ast.args.length}`);
    default:
      return true;
  }
}

/** Builtins that pass their input on or not, by its type or value. */
const TYPE_FILTERS = new Set(['values', 'nulls', 'booleans', 'numbers', 'strings', 'arrays', 'objects', 'iterables', 'scalars', 'finites', 'normals']);

/** Builtins whose result is a new value, not a place in their input. */
const NOT_PATHS = new Set(['to_entries/0', 'from_entries/0', 'with_entries/1', 'map/1', 'map_values/1', 'keys/0', 'keys_unsorted/0', 'tojson/0', 'tostring/0', 'length/0', 'sort/0', 'sort_by/1', 'unique/0', 'reverse/0', 'add/0', 'tostream/0', 'splits/1', 'split/1', 'ascii_downcase/0', 'ascii_upcase/0', 'type/0']);

/** `break $name` unwinding to its label (each run of a label is its own target). */
class BreakSignal {
  readonly target: JqValue;
  constructor(target: JqValue) {
    this.target = target;
  }
}

/** The variable a label binds, under a name no program can write. */
const labelVar = (name: string) => `*label-${name}`;

/** Filters with exactly one output, which Evaluator.single computes without a generator. */
function isSingle(ast: Ast): boolean {
  switch (ast.t) {
    case 'literal':
    case 'identity':
    case 'var':
      return true;
    case 'string':
      return ast.parts.length === 1 && typeof ast.parts[0] === 'string';
    case 'index':
      return !ast.optional && isSingle(ast.target) && isSingle(ast.key);
    default:
      return false;
  }
}

const singles = new WeakMap<Array<string | Ast>, { before: string; filter: Ast; after: string } | null>();

/** A string with exactly one interpolation, as the text before it, the filter and the text after. */
function singleInterpolation(parts: Array<string | Ast>): { before: string; filter: Ast; after: string } | null {
  let found = singles.get(parts);
  if (found === undefined) {
    const filters = parts.filter((p): p is Ast => typeof p !== 'string');
    const at = filters.length === 1 ? parts.indexOf(filters[0]) : -1;
    found = at < 0 ? null : { before: parts.slice(0, at).join(''), filter: filters[0], after: parts.slice(at + 1).join('') };
    singles.set(parts, found);
  }
  return found;
}

/** The operands of a chain `a, b, c` (left-nested by the parser), in order. */
function commaParts(ast: Ast): Ast[] {
  const parts: Ast[] = [];
  let node = ast;
  while (node.t === 'comma') {
    parts.push(node.right);
    node = node.left;
  }
  parts.push(node);
  return parts.reverse();
}

/** What a program reads and writes besides its input and outputs (`input`, `debug`, `stderr`). */
export interface EvalIO {
  /** The next input, when `input`/`inputs` read one. */
  nextInput(): JqValue | undefined;
  /** input_line_number: the newlines jq's parser has read so far. */
  lineNumber(): number;
  /** input_filename: jq names standard input once it has read from it. */
  filename(): string | null;
  stderr(text: string): void;
}

export class Evaluator {
  private depth = 0;
  readonly budget = new Budget();
  readonly builtins: ReadonlyMap<string, Builtin>;
  readonly now: () => number;
  /** The command's environment as jq's `env` and `$ENV` give it. */
  readonly environment: JqObject;
  io: EvalIO = { nextInput: () => undefined, lineNumber: () => 0, filename: () => null, stderr: () => {} };

  constructor(builtins: ReadonlyMap<string, Builtin>, now: () => number, environment: JqObject) {
    this.builtins = builtins;
    this.now = now;
    this.environment = environment;
  }

  *eval(ast: Ast, input: JqValue, env: Env): Generator<JqValue> {
    this.budget.step();
    if (++this.depth > MAX_DEPTH) {
      this.depth = 0;
      throw new JqBudgetError(`jq: error: the lab stops programs nested deeper than ${MAX_DEPTH} calls`);
    }
    try {
      // One generator per step: the node's own work happens here, not in a delegate.
      switch (ast.t) {
        case 'literal':
          yield ast.value;
          return;
        case 'string': {
          if (ast.parts.length === 1 && typeof ast.parts[0] === 'string') {
            yield ast.parts[0];
            return;
          }
          const single = singleInterpolation(ast.parts);
          if (!single) {
            yield* this.interpolate(ast.parts, ast.format, input, env);
            return;
          }
          // One interpolation (`"k\(.)"`): its outputs, between the text around it.
          const { before, filter, after } = single;
          for (const v of this.eval(filter, input, env)) {
            const text = formatValue(ast.format ?? 'text', v, this.budget);
            this.budget.charge(before.length + after.length);
            yield before + text + after;
          }
          return;
        }
        case 'call': {
          const def = env.defs.get(`${ast.name}/${ast.args.length}`);
          if (def) {
            yield* this.eval(def.body, input, this.callEnv(ast.name, ast.args, def, env));
            return;
          }
          const builtin = this.builtins.get(`${ast.name}/${ast.args.length}`);
          if (!builtin) throw new JqRuntimeError(`${ast.name}/${ast.args.length} is not defined`);
          yield* builtin(input, ast.args, env, this);
          return;
        }
        case 'identity':
          yield input;
          return;
        case 'recurse':
          yield* this.each(descendants(input, this.budget));
          return;
        case 'format':
          yield formatValue(ast.name, input, this.budget);
          return;
        case 'index':
          for (const target of this.eval(ast.target, input, env)) {
            for (const key of this.eval(ast.key, input, env)) {
              try {
                yield index(target, key, this.budget);
              } catch (e) {
                if (!ast.optional || !this.caught(e)) throw e;
              }
            }
          }
          return;
        case 'slice':
          for (const target of this.eval(ast.target, input, env)) {
            const from = ast.from ? this.first(ast.from, input, env) : null;
            const to = ast.to ? this.first(ast.to, input, env) : null;
            yield slice(target, from, to, this.budget);
          }
          return;
        case 'iterate':
          for (const target of this.eval(ast.target, input, env)) {
            if (Array.isArray(target)) yield* this.each(target);
            else if (isObject(target)) {
              const values = Object.values(target);
              this.budget.charge(values.length * COST.item);
              yield* this.each(values);
            }
            else if (!ast.optional) throw new JqRuntimeError(`Cannot iterate over ${describe(target)}`);
          }
          return;
        case 'pipe':
          for (const v of this.eval(ast.left, input, env)) yield* this.eval(ast.right, v, env);
          return;
        case 'comma':
          for (const part of commaParts(ast)) yield* this.eval(part, input, env);
          return;
        case 'neg':
          for (const literal of this.eval(ast.expr, input, env)) {
            const v = plain(literal);
            if (typeof v !== 'number') throw new JqRuntimeError(`${describe(v)} cannot be negated`);
            yield -v;
          }
          return;
        case 'binary':
          yield* this.binary(ast.op, ast.left, ast.right, input, env);
          return;
        case 'array': {
          const items: JqValue[] = [];
          if (ast.expr) {
            for (const v of this.eval(ast.expr, input, env)) {
              this.budget.charge(COST.item);
              items.push(v);
            }
          }
          yield items;
          return;
        }
        case 'object':
          yield* this.object(ast.entries, input, env);
          return;
        case 'if':
          yield* this.conditional(ast.branches, 0, ast.else, input, env);
          return;
        case 'try':
          try {
            for (const v of this.eval(ast.body, input, env)) yield v;
          } catch (e) {
            if (!this.caught(e)) throw e;
            if (ast.catch) yield* this.eval(ast.catch, e.value, env);
          }
          return;
        case 'optional':
          try {
            for (const v of this.eval(ast.expr, input, env)) yield v;
          } catch (e) {
            if (!this.caught(e)) throw e;
          }
          return;
        case 'var': {
          if (ast.name === 'ENV') {
            yield env.vars.get('ENV') ?? newObject();
            return;
          }
          const value = env.vars.get(ast.name);
          if (value === undefined) throw new JqRuntimeError(`$${ast.name} is not defined`);
          yield value;
          return;
        }
        case 'as':
          for (const v of this.eval(ast.source, input, env)) {
            if (!ast.patterns) yield* this.eval(ast.body, input, { ...env, vars: env.vars.with(ast.name, v) });
            else yield* this.destructure(ast.patterns, v, ast.body, input, env);
          }
          return;
        case 'foreach':
          yield* this.foreach(ast, input, env);
          return;
        case 'label': {
          const target = {};
          try {
            yield* this.eval(ast.body, input, { ...env, vars: env.vars.with(labelVar(ast.name), target) });
          } catch (e) {
            if (!(e instanceof BreakSignal && e.target === target)) throw e;
          }
          return;
        }
        case 'break': {
          const target = env.vars.get(labelVar(ast.name));
          if (!target) throw new JqRuntimeError(`$*label-${ast.name} is not defined`);
          throw new BreakSignal(target);
        }
        case 'reduce':
          yield* this.reduce(ast, input, env);
          return;
        case 'def':
          yield* this.eval(ast.rest, input, { ...env, defs: env.defs.with(`${ast.name}/${ast.params.length}`, { params: ast.params, body: ast.body, env }) });
          return;
        case 'assign':
          yield* this.assign(ast.op, ast.target, ast.value, input, env);
          return;
      }
    } finally {
      this.depth--;
    }
  }

  /** One output per combination of one output of each level, in jq's nesting order (level i
   * opens after the levels before it chose); an explicit stack, as programs may have many levels.
   * A suspended level is not on the call stack, so the depth it holds is set aside meanwhile. */
  private *combinations(levels: number, open: (level: number, chosen: JqValue[]) => Iterator<JqValue>): Generator<JqValue[]> {
    const chosen: JqValue[] = new Array(levels);
    if (levels === 0) {
      yield chosen;
      return;
    }
    const iterators: Iterator<JqValue>[] = [];
    const held: number[] = [];
    const resume = (level: number): IteratorResult<JqValue> => {
      this.depth += held[level];
      const before = this.depth - held[level];
      try {
        return iterators[level].next();
      } finally {
        held[level] = this.depth - before;
        this.depth = before;
      }
    };
    try {
      iterators.push(open(0, chosen));
      held.push(0);
      while (iterators.length) {
        const level = iterators.length - 1;
        const next = resume(level);
        if (next.done) {
          iterators.pop();
          held.pop();
          continue;
        }
        chosen[level] = next.value;
        if (level === levels - 1) yield chosen;
        else {
          iterators.push(open(level + 1, chosen));
          held.push(0);
        }
      }
    } finally {
      for (let level = iterators.length - 1; level >= 0; level--) {
        this.depth += held[level];
        iterators[level].return?.();
      }
    }
  }

  /** Whether `e` is an error a program may catch; catching one costs steps as a throw through
   * the evaluator's generators costs the engine far more than a filter does. */
  private caught(e: unknown): e is JqRuntimeError {
    if (!(e instanceof JqRuntimeError)) return false;
    for (let i = 0; i < CATCH_STEPS; i++) this.budget.step();
    return true;
  }

  /** Values a builtin produces one by one count as steps. */
  *each<T>(values: Iterable<T>): Generator<T> {
    for (const v of values) {
      this.budget.step();
      yield v;
    }
  }

  /** The scopes binding `pattern` to `value` (an object key that is an expression may give more
   * than one); keys are read as `.[key]` reads them. */
  *bind(pattern: Pattern, value: JqValue, input: JqValue, env: Env): Generator<Env> {
    if (pattern.p === 'var') {
      yield { ...env, vars: env.vars.with(pattern.name, value) };
      return;
    }
    if (pattern.p === 'array') {
      const step = function* (this: Evaluator, i: number, scope: Env): Generator<Env> {
        if (i === pattern.items.length) return yield scope;
        const item = this.index(value, i);
        for (const inner of this.bind(pattern.items[i], item, input, scope)) yield* step.call(this, i + 1, inner);
      };
      yield* step.call(this, 0, env);
      return;
    }
    const entry = function* (this: Evaluator, i: number, scope: Env): Generator<Env> {
      if (i === pattern.entries.length) return yield scope;
      const e = pattern.entries[i];
      for (const key of this.eval(e.key, input, scope)) {
        if (typeof key !== 'string') throw new JqRuntimeError(`Cannot index ${typeOf(value)} with ${typeOf(key)}`);
        const v = this.index(value, key);
        let bound = e.keyVar ? { ...scope, vars: scope.vars.with(e.keyVar, v) } : scope;
        if (!e.value) {
          yield* entry.call(this, i + 1, bound);
          continue;
        }
        for (const inner of this.bind(e.value, v, input, bound)) {
          bound = inner;
          yield* entry.call(this, i + 1, bound);
        }
      }
    };
    yield* entry.call(this, 0, env);
  }

  /** `SOURCE as P1 ?// P2 … | BODY` for one value: every pattern's variables start as null; an
   * error in binding or in the body moves on to the next pattern, the last one's error stands. */
  private *destructure(patterns: Pattern[], value: JqValue, body: Ast, input: JqValue, env: Env): Generator<JqValue> {
    let base = env;
    if (patterns.length > 1) for (const name of patterns.flatMap(patternVars)) base = { ...base, vars: base.vars.with(name, null) };
    for (let i = 0; i < patterns.length; i++) {
      const last = i === patterns.length - 1;
      try {
        for (const scope of this.bind(patterns[i], value, input, base)) yield* this.eval(body, input, scope);
        return;
      } catch (e) {
        if (last || !(e instanceof JqRuntimeError)) throw e;
      }
    }
  }

  /** `foreach SOURCE as P (INIT; UPDATE; EXTRACT)`: each output of UPDATE becomes the state and
   * is extracted in turn. */
  private *foreach(ast: Extract<Ast, { t: 'foreach' }>, input: JqValue, env: Env): Generator<JqValue> {
    for (const init of this.eval(ast.init, input, env)) {
      let state: JqValue = init;
      for (const v of this.eval(ast.source, input, env)) {
        const scopes = ast.pattern ? this.bind(ast.pattern, v, input, env) : [{ ...env, vars: env.vars.with(ast.name, v) }];
        for (const scoped of scopes) {
          for (const next of this.eval(ast.update, state, scoped)) {
            state = next;
            this.budget.step();
            if (ast.extract) yield* this.eval(ast.extract, next, scoped);
            else yield next;
          }
        }
      }
    }
  }

  private *reduce(ast: Extract<Ast, { t: 'reduce' }>, input: JqValue, env: Env): Generator<JqValue> {
    if (ast.pattern) {
      for (const init of this.eval(ast.init, input, env)) {
        let acc: JqValue = init;
        for (const v of this.eval(ast.source, input, env)) {
          for (const scoped of this.bind(ast.pattern, v, input, env)) {
            let last: JqValue = null;
            for (const out of this.eval(ast.update, acc, scoped)) last = out;
            acc = last;
          }
        }
        yield acc;
      }
      return;
    }
    const plan = inPlacePlan(ast.update);
    const usable = plan !== null && plan.calls.every((key) => !env.defs.has(key));
    for (const init of this.eval(ast.init, input, env)) {
      let acc: JqValue = init;
      // Whether acc is a container this loop made and alone holds (so it may change it).
      let owned = false;
      for (const v of this.eval(ast.source, input, env)) {
        const scoped = { ...env, vars: env.vars.with(ast.name, v) };
        if (usable && (Array.isArray(acc) || isObject(acc))) {
          const done = this.updateInPlace(plan, acc, owned, scoped);
          if (done) {
            ({ acc, owned } = done);
            continue;
          }
        }
        let last: JqValue = null;
        for (const out of this.eval(ast.update, acc, scoped)) last = out;
        acc = last;
        owned = false;
      }
      yield acc;
    }
  }

  /** One reduce update done in place; undefined when this update must run as written. The
   * plan's expressions cannot see the accumulator, so they run before anything changes. */
  private updateInPlace(plan: InPlacePlan, acc: JqValue[] | JqObject, owned: boolean, env: Env): { acc: JqValue; owned: boolean } | undefined {
    this.budget.step();
    const own = (): JqValue[] | JqObject => {
      if (owned) return acc;
      owned = true;
      return (acc = Array.isArray(acc) ? concatArrays(acc, [], this.budget) : copyObject(acc, this.budget));
    };
    if (plan.kind === 'append') {
      // `. + E` gives one output per output of E; reduce keeps the last.
      let last: JqValue = null;
      let count = 0;
      for (const r of this.eval(plan.value, acc, env)) {
        const fits = r === null || (Array.isArray(acc) ? Array.isArray(r) : isObject(r));
        if (!fits) arith('+', acc, r, this.budget);
        last = r;
        count++;
      }
      if (count === 0) return { acc: null, owned: false };
      if (last === null) return { acc, owned };
      const target = own();
      // `fits` made `last` the same kind of container as the accumulator.
      if (Array.isArray(target) && Array.isArray(last)) {
        this.budget.charge(last.length * COST.item);
        for (const x of last) target.push(x);
      } else if (!Array.isArray(target) && isObject(last)) {
        for (const k of Object.keys(last)) put(target, k, last[k], this.budget);
      }
      return { acc: target, owned };
    }
    if (plan.op === '|=') {
      for (const key of this.eval(plan.key, acc, env)) {
        const old = index(acc, key, this.budget);
        checkKey(acc, key);
        put(own(), key, this.first(plan.value, old, env), this.budget);
      }
      return { acc, owned };
    }
    const values = [...this.eval(plan.value, acc, env)];
    if (values.length !== 1) return undefined;
    const [v] = values;
    for (const key of this.eval(plan.key, acc, env)) {
      checkKey(acc, key);
      if (plan.op === '=') {
        put(own(), key, v, this.budget);
        continue;
      }
      const old = index(acc, key, this.budget);
      put(own(), key, plan.op === '//=' ? (truthy(old) ? old : v) : arith(plan.op[0], old, v, this.budget), this.budget);
    }
    return { acc, owned };
  }

  /** Paths a path expression points at (`.a.b`, `.[]`, `..`, `select(…)`, pipes of those). */
  *paths(ast: Ast, input: JqValue, env: Env): Generator<JqValue[]> {
    this.budget.step();
    switch (ast.t) {
      case 'identity':
        yield [];
        return;
      case 'recurse':
        yield [];
        for (const { path } of this.each(pathsOf(input, this.budget))) yield path;
        return;
      case 'index':
        if (!isPathExpression(ast.target) && !['index', 'slice', 'iterate', 'pipe'].includes(ast.target.t)) {
          // Indexing what is not a path: jq names the key and the value it was about to index.
          const target = this.first(ast.target, input, env);
          const key = this.first(ast.key, input, env);
          throw new JqRuntimeError(`Invalid path expression near attempt to access element ${truncated(key, 15)} of ${truncated(target, 30)}`);
        }
        for (const p of this.paths(ast.target, input, env)) {
          const here = getPath(input, p, this.budget);
          for (const key of this.eval(ast.key, input, env)) {
            try {
              index(here, key, this.budget);
            } catch (e) {
              if (ast.optional && this.caught(e)) continue;
              throw e;
            }
            this.budget.charge((p.length + 1) * COST.item);
            yield [...p, key];
          }
        }
        return;
      case 'slice':
        for (const p of this.paths(ast.target, input, env)) {
          for (const to of ast.to ? this.eval(ast.to, input, env) : [null]) {
            for (const from of ast.from ? this.eval(ast.from, input, env) : [null]) {
              this.budget.charge((p.length + 1) * COST.item);
              yield [...p, objectFrom([['start', from], ['end', to]])];
            }
          }
        }
        return;
      case 'iterate':
        for (const p of this.paths(ast.target, input, env)) {
          const v = getPath(input, p, this.budget);
          if (v !== null && (typeof v !== 'object' || v instanceof NumberLiteral)) {
            if (ast.optional) continue;
            throw new JqRuntimeError(`Cannot iterate over ${describe(v)}`);
          }
          const keys: JqValue[] = Array.isArray(v) ? v.map((_, i) => i) : v === null ? [] : Object.keys(v);
          for (const k of keys) {
            this.budget.charge((p.length + 1) * COST.item);
            yield* this.each([[...p, k]]);
          }
        }
        return;
      case 'pipe':
        if (!isPathExpression(ast.left)) {
          // A value piped into indexing: jq names the first key and the value.
          let first: Ast = ast.right;
          while ((first.t === 'index' || first.t === 'slice' || first.t === 'iterate') && first.target.t !== 'identity') first = first.target;
          if (first.t === 'index' && first.target.t === 'identity') {
            const target = this.first(ast.left, input, env);
            const key = this.first(first.key, target, env);
            throw new JqRuntimeError(`Invalid path expression near attempt to access element ${truncated(key, 15)} of ${truncated(target, 30)}`);
          }
        }
        for (const p of this.paths(ast.left, input, env)) {
          for (const q of this.paths(ast.right, getPath(input, p, this.budget), env)) {
            this.budget.charge((p.length + q.length) * COST.item);
            yield [...p, ...q];
          }
        }
        return;
      case 'comma':
        for (const part of commaParts(ast)) yield* this.paths(part, input, env);
        return;
      case 'optional':
        try {
          for (const p of this.paths(ast.expr, input, env)) yield p;
        } catch (e) {
          if (!this.caught(e)) throw e;
        }
        return;
      case 'if':
        yield* this.conditionalPaths(ast.branches, 0, ast.else, input, env);
        return;
      case 'call': {
        const def = env.defs.get(`${ast.name}/${ast.args.length}`);
        if (def) {
          yield* this.paths(def.body, input, this.callEnv(ast.name, ast.args, def, env));
          return;
        }
        if (ast.name === 'select' && ast.args.length === 1) {
          for (const c of this.eval(ast.args[0], input, env)) if (truthy(c)) yield [];
          return;
        }
        if (ast.name === 'empty' && ast.args.length === 0) return;
        // The type filters (nulls, values, scalars…) are selects: the input's own path when it passes.
        if (ast.args.length === 0 && TYPE_FILTERS.has(ast.name)) {
          for (const _ of this.eval(ast, input, env)) yield [];
          return;
        }
        if (ast.name === 'recurse' && ast.args.length === 0) {
          yield* this.paths({ t: 'recurse' }, input, env);
          return;
        }
        if (ast.name === 'getpath' && ast.args.length === 1) {
          for (const p of this.eval(ast.args[0], input, env)) {
            if (!Array.isArray(p)) throw new JqRuntimeError('Path must be specified as an array');
            yield p;
          }
          return;
        }
        break;
      }
      default:
        break;
    }
    const value = this.first(ast, input, env);
    throw new JqRuntimeError(`Invalid path expression with result ${truncated(value, 30)}`);
  }

  private *conditionalPaths(branches: Array<{ cond: Ast; then: Ast }>, i: number, otherwise: Ast | undefined, input: JqValue, env: Env): Generator<JqValue[]> {
    if (i === branches.length) {
      yield* otherwise ? this.paths(otherwise, input, env) : [[]];
      return;
    }
    for (const c of this.eval(branches[i].cond, input, env)) {
      if (truthy(c)) yield* this.paths(branches[i].then, input, env);
      else yield* this.conditionalPaths(branches, i + 1, otherwise, input, env);
    }
  }

  /** `@name` applied to `v`. */
  format(name: string, v: JqValue): string {
    return formatValue(name, v, this.budget);
  }

  getPath(v: JqValue, path: JqValue): JqValue {
    if (!Array.isArray(path)) throw new JqRuntimeError('Path must be specified as an array');
    return getPath(v, path, this.budget);
  }

  setPath(v: JqValue, path: JqValue, value: JqValue): JqValue {
    if (!Array.isArray(path)) throw new JqRuntimeError('Path must be specified as an array');
    return setPath(v, path, value, this.budget);
  }

  deletePaths(v: JqValue, paths: JqValue): JqValue {
    if (!Array.isArray(paths)) throw new JqRuntimeError('Paths must be specified as an array');
    const list: JqValue[][] = [];
    for (const p of paths) {
      if (!Array.isArray(p)) throw new JqRuntimeError(`Path must be specified as array, not ${typeOf(p)}`);
      list.push(p);
    }
    return deletePaths(v, list, this.budget);
  }

  private *assign(op: string, target: Ast, value: Ast, input: JqValue, env: Env): Generator<JqValue> {
    if (op === '|=') {
      // jq 1.7.1: the update's first output replaces the value; a path it gives none is deleted,
      // once every path has been updated.
      let out = input;
      const gone: JqValue[][] = [];
      for (const p of this.paths(target, input, env)) {
        let updated = false;
        for (const v of this.eval(value, getPath(out, p, this.budget), env)) {
          out = setPath(out, p, v, this.budget);
          updated = true;
          break;
        }
        if (!updated) gone.push(p);
      }
      yield gone.length ? deletePaths(out, gone, this.budget) : out;
      return;
    }
    for (const v of this.eval(value, input, env)) {
      let out = input;
      for (const p of this.paths(target, input, env)) {
        const old = getPath(out, p, this.budget);
        out = setPath(out, p, op === '=' ? v : op === '//=' ? (truthy(old) ? old : v) : arith(op[0], old, v, this.budget), this.budget);
      }
      yield out;
    }
  }

  first(ast: Ast, input: JqValue, env: Env): JqValue {
    for (const v of this.eval(ast, input, env)) return v;
    return null;
  }

  /** jq's comparison and arithmetic, charged to this program's budget. */
  compare(a: JqValue, b: JqValue): number {
    return compare(a, b, this.budget);
  }

  arith(op: string, a: JqValue, b: JqValue): JqValue {
    return arith(op, a, b, this.budget);
  }

  index(target: JqValue, key: JqValue): JqValue {
    return index(target, key, this.budget);
  }

  private *interpolate(parts: Array<string | Ast>, format: string | undefined, input: JqValue, env: Env): Generator<JqValue> {
    if (parts.every((p) => typeof p === 'string' || isSingle(p))) {
      // `"\(.a)-\(.b)"`: one string, no generators.
      const text = parts.map((p) => (typeof p === 'string' ? p : formatValue(format ?? 'text', this.single(p, input, env), this.budget))).join('');
      this.budget.charge(text.length * COST.char);
      yield text;
      return;
    }
    const formatted = function* (this: Evaluator, part: Ast): Generator<JqValue> {
      for (const v of this.eval(part, input, env)) yield formatValue(format ?? 'text', v, this.budget);
    };
    const open = (i: number): Iterator<JqValue> => {
      const part = parts[i];
      return typeof part === 'string' ? [part][Symbol.iterator]() : formatted.call(this, part);
    };
    for (const chosen of this.combinations(parts.length, open)) {
      const text = chosen.join('');
      this.budget.charge(text.length * COST.char);
      yield text;
    }
  }

  private *binary(op: string, left: Ast, right: Ast, input: JqValue, env: Env): Generator<JqValue> {
    if (op === 'and' || op === 'or') {
      for (const l of this.eval(left, input, env)) {
        if (op === 'and' && !truthy(l)) yield false;
        else if (op === 'or' && truthy(l)) yield true;
        else for (const r of this.eval(right, input, env)) yield truthy(r);
      }
      return;
    }
    if (op === '//') {
      // jq 1.7.1 lets errors on the left through.
      let any = false;
      for (const l of this.eval(left, input, env)) {
        if (truthy(l)) {
          any = true;
          yield l;
        }
      }
      if (!any) yield* this.eval(right, input, env);
      return;
    }
    for (const r of this.eval(right, input, env)) {
      for (const l of this.eval(left, input, env)) {
        switch (op) {
          case '==':
            yield this.compare(l, r) === 0;
            break;
          case '!=':
            yield this.compare(l, r) !== 0;
            break;
          case '<':
            yield this.compare(l, r) < 0;
            break;
          case '<=':
            yield this.compare(l, r) <= 0;
            break;
          case '>':
            yield this.compare(l, r) > 0;
            break;
          case '>=':
            yield this.compare(l, r) >= 0;
            break;
          default:
            yield this.arith(op, l, r);
        }
      }
    }
  }

  /** `{k: v, …}`: one object per combination of the entries' keys and values. */
  /** The one output of a filter isSingle accepts (`.a`, `$x`, `"k"`, `.`), without a generator. */
  private single(ast: Ast, input: JqValue, env: Env): JqValue {
    this.budget.step();
    switch (ast.t) {
      case 'literal':
        return ast.value;
      case 'identity':
        return input;
      case 'string': {
        const [text] = ast.parts;
        if (typeof text !== 'string') throw new Error('an interpolated string may have other than one output');
        return text;
      }
      case 'var':
        if (ast.name === 'ENV') return env.vars.get('ENV') ?? newObject();
        const value = env.vars.get(ast.name);
        if (value === undefined) throw new JqRuntimeError(`$${ast.name} is not defined`);
        return value;
      case 'index':
        return index(this.single(ast.target, input, env), this.single(ast.key, input, env), this.budget);
      default:
        throw new Error(`${ast.t} may have other than one output`);
    }
  }

  private *object(entries: Array<{ key: Ast; value?: Ast }>, input: JqValue, env: Env): Generator<JqValue> {
    if (entries.every((e) => isSingle(e.key) && (!e.value || isSingle(e.value)))) {
      // `{a: .x, b: $y}`: one object, its entries in order, no generators.
      this.budget.charge(entries.length * COST.entry);
      const out = newObject();
      for (const entry of entries) {
        const key = this.single(entry.key, input, env);
        if (typeof key !== 'string') throw new JqRuntimeError(`Cannot use ${describe(key)} as object key`);
        out[key] = entry.value ? this.single(entry.value, input, env) : index(input, key, this.budget);
      }
      yield out;
      return;
    }
    // Level 2i chooses entry i's key, level 2i+1 its value.
    const outputs = (ast: Ast): Iterator<JqValue> => (isSingle(ast) ? [this.single(ast, input, env)][Symbol.iterator]() : this.eval(ast, input, env));
    const open = (level: number, chosen: JqValue[]): Iterator<JqValue> => {
      const entry = entries[level >> 1];
      if (level % 2 === 0) return outputs(entry.key);
      const key = chosen[level - 1];
      if (typeof key !== 'string') throw new JqRuntimeError(`Cannot use ${describe(key)} as object key`);
      return entry.value ? outputs(entry.value) : [index(input, key, this.budget)][Symbol.iterator]();
    };
    for (const chosen of this.combinations(entries.length * 2, open)) {
      this.budget.charge(entries.length * COST.entry);
      const out = newObject();
      for (let i = 0; i < chosen.length; i += 2) {
        const key = chosen[i];
        // open() let only strings through as keys.
        if (typeof key === 'string') out[key] = chosen[i + 1];
      }
      yield out;
    }
  }

  private *conditional(branches: Array<{ cond: Ast; then: Ast }>, i: number, otherwise: Ast | undefined, input: JqValue, env: Env): Generator<JqValue> {
    if (i === branches.length) {
      yield* otherwise ? this.eval(otherwise, input, env) : [input];
      return;
    }
    for (const c of this.eval(branches[i].cond, input, env)) {
      if (truthy(c)) yield* this.eval(branches[i].then, input, env);
      else yield* this.conditional(branches, i + 1, otherwise, input, env);
    }
  }

  /** A user function's environment: its parameters are filters run in the caller's environment. */
  private callEnv(name: string, args: Ast[], def: Definition, env: Env): Env {
    // A parameter's filter runs where it was written: its own name there is the caller's (`n`
    // in `f(n - 1)`), not itself, or every recursion by a parameter would never end.
    if (def.closure) return def.env;
    const defs = def.params.reduce((scope, p, i) => scope.with(`${p}/0`, { params: [], body: args[i], env, closure: true }), def.env.defs.with(`${name}/${args.length}`, def));
    return { vars: def.env.vars, defs };
  }

}

export { compare, describe, index, JqBudgetError, JqRuntimeError, Scope, toJsonText, truthy, typeOf };
export type { Builtin, Env, JqValue, JqObject, Meter };
