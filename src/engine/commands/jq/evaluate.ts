// jq's evaluation: every filter turns one input into a stream of outputs (a generator here).
// A step budget stops endless programs (`range(1e9)`, `repeat(.)`) with an honest error.
import type { Ast } from './parser.ts';

export class JqRuntimeError extends Error {
  readonly value: unknown;
  constructor(value: unknown) {
    super(typeof value === 'string' ? value : JSON.stringify(value));
    this.value = value;
  }
}

export class JqBudgetError extends Error {}

type Json = unknown;
type Env = { vars: Map<string, Json>; defs: Map<string, { params: string[]; body: Ast; env: Env }> };
type Builtin = (input: Json, args: Ast[], env: Env, ev: Evaluator) => Iterable<Json>;

const MAX_STEPS = 1_000_000;
const MAX_DEPTH = 200;

export function typeOf(v: Json): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v === 'object' ? 'object' : typeof v;
}

const TYPE_ORDER = ['null', 'boolean', 'number', 'string', 'array', 'object'];

/** jq's total order: null < false < true < numbers < strings < arrays < objects. */
export function compare(a: Json, b: Json): number {
  const ta = typeOf(a);
  const tb = typeOf(b);
  if (ta !== tb) return TYPE_ORDER.indexOf(ta) - TYPE_ORDER.indexOf(tb);
  if (ta === 'boolean') return Number(a) - Number(b);
  if (ta === 'number') return (a as number) - (b as number);
  if (ta === 'string') return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
  if (ta === 'array') {
    const x = a as Json[];
    const y = b as Json[];
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      const c = compare(x[i], y[i]);
      if (c) return c;
    }
    return x.length - y.length;
  }
  if (ta === 'object') {
    const kx = Object.keys(a as object).sort();
    const ky = Object.keys(b as object).sort();
    const c = compare(kx, ky);
    if (c) return c;
    for (const k of kx) {
      const d = compare((a as Record<string, Json>)[k], (b as Record<string, Json>)[k]);
      if (d) return d;
    }
  }
  return 0;
}

const truthy = (v: Json) => v !== null && v !== false;

/** How jq names a value in error messages: `number (1)`, `string ("abc")`, `object ({"a":1})`. */
export function describe(v: Json): string {
  let text = JSON.stringify(v) ?? 'null';
  if (text.length > 11) text = `${text.slice(0, 10)}...`;
  return `${typeOf(v)} (${text})`;
}

function indexError(target: Json, key: Json): JqRuntimeError {
  const k = typeof key === 'string' ? `string "${key}"` : typeOf(key);
  return new JqRuntimeError(`Cannot index ${typeOf(target)} with ${k}`);
}

function index(target: Json, key: Json): Json {
  if (target === null) {
    if (typeof key === 'string' || typeof key === 'number' || key === null) return null;
  }
  if (typeof key === 'string' && target !== null && typeof target === 'object' && !Array.isArray(target)) return (target as Record<string, Json>)[key] ?? null;
  if (typeof key === 'number' && Array.isArray(target)) {
    const i = Math.floor(key < 0 ? target.length + key : key);
    return target[i] ?? null;
  }
  throw indexError(target, key);
}

function arith(op: string, a: Json, b: Json): Json {
  const ta = typeOf(a);
  const tb = typeOf(b);
  const fail = (verb: string) => new JqRuntimeError(`${describe(a)} and ${describe(b)} cannot be ${verb}`);
  switch (op) {
    case '+':
      if (a === null) return b;
      if (b === null) return a;
      if (ta === 'number' && tb === 'number') return (a as number) + (b as number);
      if (ta === 'string' && tb === 'string') return (a as string) + (b as string);
      if (ta === 'array' && tb === 'array') return [...(a as Json[]), ...(b as Json[])];
      if (ta === 'object' && tb === 'object') return { ...(a as object), ...(b as object) };
      throw fail('added');
    case '-':
      if (ta === 'number' && tb === 'number') return (a as number) - (b as number);
      if (ta === 'array' && tb === 'array') return (a as Json[]).filter((x) => !(b as Json[]).some((y) => compare(x, y) === 0));
      throw fail('subtracted');
    case '*':
      if (ta === 'number' && tb === 'number') return (a as number) * (b as number);
      if ((ta === 'string' && tb === 'number') || (ta === 'number' && tb === 'string')) {
        const [s, n] = ta === 'string' ? [a as string, b as number] : [b as string, a as number];
        return n > 0 ? s.repeat(Math.max(1, Math.ceil(n))) : null;
      }
      if (ta === 'object' && tb === 'object') return deepMerge(a as Record<string, Json>, b as Record<string, Json>);
      throw fail('multiplied');
    case '/':
      if (ta === 'number' && tb === 'number') {
        if (b === 0) throw new JqRuntimeError(`${describe(a)} and ${describe(b)} cannot be divided because the divisor is zero`);
        return (a as number) / (b as number);
      }
      if (ta === 'string' && tb === 'string') return (a as string).split(b as string);
      throw fail('divided');
    default:
      if (ta === 'number' && tb === 'number') {
        if (Math.trunc(b as number) === 0) throw new JqRuntimeError(`${describe(a)} and ${describe(b)} cannot be divided because the divisor is zero`);
        return Math.trunc(a as number) % Math.trunc(b as number);
      }
      throw fail('divided');
  }
}

function deepMerge(a: Record<string, Json>, b: Record<string, Json>): Record<string, Json> {
  const out: Record<string, Json> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const old = out[k];
    out[k] = typeOf(old) === 'object' && typeOf(v) === 'object' ? deepMerge(old as Record<string, Json>, v as Record<string, Json>) : v;
  }
  return out;
}

export function toJsonText(v: Json): string {
  return JSON.stringify(v, (_k, x) => (typeof x === 'number' && !Number.isFinite(x) ? (Number.isNaN(x) ? null : x > 0 ? 1.7976931348623157e308 : -1.7976931348623157e308) : x)) ?? 'null';
}

function formatValue(name: string, v: Json): string {
  const text = (x: Json) => (typeof x === 'string' ? x : toJsonText(x));
  switch (name) {
    case 'text':
      return text(v);
    case 'json':
      return toJsonText(v);
    case 'csv':
    case 'tsv': {
      if (!Array.isArray(v)) throw new JqRuntimeError(`${describe(v)} cannot be ${name}-formatted, only an array can be`);
      return v
        .map((x) => {
          if (typeof x === 'string') return name === 'csv' ? `"${x.replace(/"/g, '""')}"` : x.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
          if (x === null) return '';
          if (typeof x === 'object') throw new JqRuntimeError(`${describe(x)} is not valid in a csv row`);
          return text(x);
        })
        .join(name === 'csv' ? ',' : '\t');
    }
    case 'html':
      return text(v).replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&quot;' })[c]!);
    case 'uri':
      return [...new TextEncoder().encode(text(v))].map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
    case 'sh':
      return (Array.isArray(v) ? v : [v]).map((x) => (typeof x === 'string' ? `'${x.replace(/'/g, "'\\''")}'` : text(x))).join(' ');
    case 'base64':
      return btoa(String.fromCharCode(...new TextEncoder().encode(text(v))));
    case 'base64d':
      return new TextDecoder().decode(Uint8Array.from(atob(text(v)), (c) => c.charCodeAt(0)));
    default:
      throw new JqRuntimeError(`${name} is not a valid format`);
  }
}

export class Evaluator {
  private steps = 0;
  private depth = 0;
  readonly builtins: Map<string, Builtin>;
  readonly now: () => number;

  constructor(builtins: Map<string, Builtin>, now: () => number) {
    this.builtins = builtins;
    this.now = now;
  }

  *eval(ast: Ast, input: Json, env: Env): Generator<Json> {
    if (++this.steps > MAX_STEPS) throw new JqBudgetError(`jq: error: the lab stops programs after ${MAX_STEPS} steps`);
    if (++this.depth > MAX_DEPTH) {
      this.depth = 0;
      throw new JqBudgetError(`jq: error: the lab stops programs nested deeper than ${MAX_DEPTH} calls`);
    }
    try {
      yield* this.evalNode(ast, input, env);
    } finally {
      this.depth--;
    }
  }

  private *evalNode(ast: Ast, input: Json, env: Env): Generator<Json> {
    switch (ast.t) {
      case 'identity':
        yield input;
        return;
      case 'recurse':
        yield* this.recurse(input);
        return;
      case 'literal':
        yield ast.value;
        return;
      case 'string':
        yield* this.interpolate(ast.parts, ast.format, input, env, '');
        return;
      case 'format':
        yield formatValue(ast.name, input);
        return;
      case 'index':
        for (const target of this.eval(ast.target, input, env)) {
          for (const key of this.eval(ast.key, input, env)) {
            try {
              yield index(target, key);
            } catch (e) {
              if (!ast.optional) throw e;
            }
          }
        }
        return;
      case 'slice':
        for (const target of this.eval(ast.target, input, env)) {
          if (target === null) {
            yield null;
            continue;
          }
          if (typeof target !== 'string' && !Array.isArray(target)) throw new JqRuntimeError(`Cannot index ${typeOf(target)} with object`);
          const from = ast.from ? (this.first(ast.from, input, env) as number) : 0;
          const to = ast.to ? (this.first(ast.to, input, env) as number) : target.length;
          yield target.slice(from ?? 0, to ?? target.length);
        }
        return;
      case 'iterate':
        for (const target of this.eval(ast.target, input, env)) {
          if (Array.isArray(target)) yield* target;
          else if (target !== null && typeof target === 'object') yield* Object.values(target);
          else if (!ast.optional) throw new JqRuntimeError(`Cannot iterate over ${typeOf(target)}${target === null ? '' : ` (${toJsonText(target)})`}`);
        }
        return;
      case 'pipe':
        for (const v of this.eval(ast.left, input, env)) yield* this.eval(ast.right, v, env);
        return;
      case 'comma':
        yield* this.eval(ast.left, input, env);
        yield* this.eval(ast.right, input, env);
        return;
      case 'neg':
        for (const v of this.eval(ast.expr, input, env)) {
          if (typeof v !== 'number') throw new JqRuntimeError(`${describe(v)} cannot be negated`);
          yield -v;
        }
        return;
      case 'binary':
        yield* this.binary(ast.op, ast.left, ast.right, input, env);
        return;
      case 'array':
        yield ast.expr ? [...this.eval(ast.expr, input, env)] : [];
        return;
      case 'object':
        yield* this.object(ast.entries, 0, {}, input, env);
        return;
      case 'if':
        yield* this.conditional(ast.branches, 0, ast.else, input, env);
        return;
      case 'try':
        try {
          for (const v of this.eval(ast.body, input, env)) yield v;
        } catch (e) {
          if (!(e instanceof JqRuntimeError)) throw e;
          if (ast.catch) yield* this.eval(ast.catch, e.value, env);
        }
        return;
      case 'optional':
        try {
          for (const v of this.eval(ast.expr, input, env)) yield v;
        } catch (e) {
          if (!(e instanceof JqRuntimeError)) throw e;
        }
        return;
      case 'var': {
        if (ast.name === 'ENV') {
          yield env.vars.get('ENV') ?? {};
          return;
        }
        if (!env.vars.has(ast.name)) throw new JqRuntimeError(`$${ast.name} is not defined`);
        yield env.vars.get(ast.name);
        return;
      }
      case 'as':
        for (const v of this.eval(ast.source, input, env)) {
          yield* this.eval(ast.body, input, { ...env, vars: new Map(env.vars).set(ast.name, v) });
        }
        return;
      case 'reduce':
        for (const init of this.eval(ast.init, input, env)) {
          let acc: Json = init;
          for (const v of this.eval(ast.source, input, env)) {
            const scoped = { ...env, vars: new Map(env.vars).set(ast.name, v) };
            let last: Json = null;
            for (const out of this.eval(ast.update, acc, scoped)) last = out;
            acc = last;
          }
          yield acc;
        }
        return;
      case 'def':
        yield* this.eval(ast.rest, input, { ...env, defs: new Map(env.defs).set(`${ast.name}/${ast.params.length}`, { params: ast.params, body: ast.body, env }) });
        return;
      case 'call':
        yield* this.call(ast.name, ast.args, input, env);
        return;
      case 'assign':
        yield* this.assign(ast.op, ast.target, ast.value, input, env);
        return;
    }
  }

  /** Paths a path expression points at (`.a.b`, `.[]`, `.x[0]`, `select(…)`, pipes of those). */
  *paths(ast: Ast, input: Json, env: Env): Generator<Json[]> {
    switch (ast.t) {
      case 'identity':
        yield [];
        return;
      case 'index':
        for (const p of this.paths(ast.target, input, env)) for (const key of this.eval(ast.key, input, env)) yield [...p, key];
        return;
      case 'iterate':
        for (const p of this.paths(ast.target, input, env)) {
          const v = getPath(input, p);
          const keys = Array.isArray(v) ? v.map((_, i) => i) : v !== null && typeof v === 'object' ? Object.keys(v) : [];
          for (const k of keys) yield [...p, k];
        }
        return;
      case 'pipe':
        for (const p of this.paths(ast.left, input, env)) for (const q of this.paths(ast.right, getPath(input, p), env)) yield [...p, ...q];
        return;
      case 'comma':
        yield* this.paths(ast.left, input, env);
        yield* this.paths(ast.right, input, env);
        return;
      case 'call':
        if (ast.name === 'select' && ast.args.length === 1) {
          for (const c of this.eval(ast.args[0], input, env)) if (truthy(c)) yield [];
          return;
        }
        if (ast.name === 'empty') return;
        break;
      default:
        break;
    }
    const value = this.first(ast, input, env);
    throw new JqRuntimeError(`Invalid path expression with result ${toJsonText(value).slice(0, 11)}`);
  }

  private *assign(op: string, target: Ast, value: Ast, input: Json, env: Env): Generator<Json> {
    if (op === '|=') {
      let out = input;
      for (const p of this.paths(target, input, env)) out = setPath(out, p, this.first(value, getPath(out, p), env));
      yield out;
      return;
    }
    for (const v of this.eval(value, input, env)) {
      let out = input;
      for (const p of this.paths(target, input, env)) {
        const old = getPath(out, p);
        out = setPath(out, p, op === '=' ? v : op === '//=' ? (truthy(old) ? old : v) : arith(op[0], old, v));
      }
      yield out;
    }
  }

  first(ast: Ast, input: Json, env: Env): Json {
    for (const v of this.eval(ast, input, env)) return v;
    return null;
  }

  private *recurse(v: Json): Generator<Json> {
    yield v;
    if (Array.isArray(v)) for (const x of v) yield* this.recurse(x);
    else if (v !== null && typeof v === 'object') for (const x of Object.values(v)) yield* this.recurse(x);
  }

  private *interpolate(parts: Array<string | Ast>, format: string | undefined, input: Json, env: Env, prefix: string): Generator<Json> {
    if (parts.length === 0) {
      yield prefix;
      return;
    }
    const [head, ...rest] = parts;
    if (typeof head === 'string') {
      yield* this.interpolate(rest, format, input, env, prefix + head);
      return;
    }
    for (const v of this.eval(head, input, env)) {
      yield* this.interpolate(rest, format, input, env, prefix + formatValue(format ?? 'text', v));
    }
  }

  private *binary(op: string, left: Ast, right: Ast, input: Json, env: Env): Generator<Json> {
    if (op === 'and' || op === 'or') {
      for (const l of this.eval(left, input, env)) {
        if (op === 'and' && !truthy(l)) yield false;
        else if (op === 'or' && truthy(l)) yield true;
        else for (const r of this.eval(right, input, env)) yield truthy(r);
      }
      return;
    }
    if (op === '//') {
      let any = false;
      try {
        for (const l of this.eval(left, input, env)) {
          if (truthy(l)) {
            any = true;
            yield l;
          }
        }
      } catch (e) {
        if (!(e instanceof JqRuntimeError)) throw e;
      }
      if (!any) yield* this.eval(right, input, env);
      return;
    }
    for (const r of this.eval(right, input, env)) {
      for (const l of this.eval(left, input, env)) {
        switch (op) {
          case '==':
            yield compare(l, r) === 0;
            break;
          case '!=':
            yield compare(l, r) !== 0;
            break;
          case '<':
            yield compare(l, r) < 0;
            break;
          case '<=':
            yield compare(l, r) <= 0;
            break;
          case '>':
            yield compare(l, r) > 0;
            break;
          case '>=':
            yield compare(l, r) >= 0;
            break;
          default:
            yield arith(op, l, r);
        }
      }
    }
  }

  private *object(entries: Array<{ key: Ast; value?: Ast }>, i: number, acc: Record<string, Json>, input: Json, env: Env): Generator<Json> {
    if (i === entries.length) {
      yield { ...acc };
      return;
    }
    const entry = entries[i];
    for (const key of this.eval(entry.key, input, env)) {
      if (typeof key !== 'string') throw new JqRuntimeError(`Object keys must be strings`);
      const values = entry.value ? this.eval(entry.value, input, env) : [index(input, key)];
      for (const value of values) yield* this.object(entries, i + 1, { ...acc, [key]: value }, input, env);
    }
  }

  private *conditional(branches: Array<{ cond: Ast; then: Ast }>, i: number, otherwise: Ast | undefined, input: Json, env: Env): Generator<Json> {
    if (i === branches.length) {
      yield* otherwise ? this.eval(otherwise, input, env) : [input];
      return;
    }
    for (const c of this.eval(branches[i].cond, input, env)) {
      if (truthy(c)) yield* this.eval(branches[i].then, input, env);
      else yield* this.conditional(branches, i + 1, otherwise, input, env);
    }
  }

  private *call(name: string, args: Ast[], input: Json, env: Env): Generator<Json> {
    const def = env.defs.get(`${name}/${args.length}`);
    if (def) {
      // Closure parameters: each is a filter evaluated in the caller's environment.
      const defs = new Map(def.env.defs).set(`${name}/${args.length}`, def);
      def.params.forEach((p, i) => defs.set(`${p}/0`, { params: [], body: args[i], env }));
      yield* this.eval(def.body, input, { vars: def.env.vars, defs });
      return;
    }
    const builtin = this.builtins.get(`${name}/${args.length}`);
    if (!builtin) throw new JqRuntimeError(`${name}/${args.length} is not defined`);
    yield* builtin(input, args, env, this);
  }
}

function getPath(v: Json, path: Json[]): Json {
  return path.reduce<Json>((x, k) => (x === null ? null : index(x, k)), v);
}

function setPath(v: Json, path: Json[], value: Json): Json {
  if (path.length === 0) return value;
  const [key, ...rest] = path;
  if (typeof key === 'number') {
    const arr = Array.isArray(v) ? [...v] : v === null ? [] : (() => { throw new JqRuntimeError(`Cannot index ${typeOf(v)} with number`); })();
    const i = key < 0 ? arr.length + key : key;
    while (arr.length < i) arr.push(null);
    arr[i] = setPath(arr[i] ?? null, rest, value);
    return arr;
  }
  if (v !== null && (typeof v !== 'object' || Array.isArray(v))) throw indexError(v, key);
  const obj = { ...((v ?? {}) as Record<string, Json>) };
  obj[key as string] = setPath(obj[key as string] ?? null, rest, value);
  return obj;
}

export type { Builtin, Env, Json };
export { truthy, index };
