// az's --query is Python's jmespath (1.0), whose answers differ from jmespath.js in ways a reader
// sees: avg() is always a float, 12.0 == 12, floats stay floats through max()/abs()/sum(), ordering
// a string with a number is an error, and type errors quote Python's str() of the value. parser.ts
// reads the expression as Python does; this module interprets the tree with Python's rules.
import { isOrderedDict, isPyContainer, isPyDict, isPyNumber, markOrderedDict, PyFloat, pyRepr, pyStr } from '../format/knack/python.ts';
import { parse, type Node } from './parser.ts';

import { QueryCrash, QueryError } from './errors.ts';
import { checkDepth, COST, QueryBudget } from './budget.ts';

export { QuerySyntaxError } from './parser.ts';
export { QueryCrash, QueryError } from './errors.ts';
export { QueryLimit } from './budget.ts';

export interface Query {
  search(data: unknown): unknown;
}

/** What the running search has spent. One search runs at a time (a search never waits), so the
 * interpreter's functions share it rather than pass it along every call. */
let budget = new QueryBudget();

/** Parses like Python's jmespath.compile: throws QuerySyntaxError when the expression is not valid
 * (QueryLimit when it passes the lab's bounds). A search throws QueryLimit past its budget. */
export function compileQuery(expression: string): Query {
  const ast = parse(expression);
  return {
    search: (data) => {
      budget = new QueryBudget();
      return printable(visit(ast, data));
    },
  };
}

export function search(data: unknown, expression: string): unknown {
  return compileQuery(expression).search(data);
}

// ---- Python's view of the values -------------------------------------------------------------

type Dict = Record<string, unknown>;
const isList = (v: unknown): v is unknown[] => Array.isArray(v);
const isNumber = (v: unknown): v is number | PyFloat => isPyNumber(v);
const num = (v: number | PyFloat): number => (v instanceof PyFloat ? v.value : v);


class Expref {
  readonly node: Node;
  constructor(node: Node) {
    this.node = node;
  }
}

/** type(value).__name__ */
function pyTypeName(v: unknown): string {
  if (v === null || v === undefined) return 'NoneType';
  if (typeof v === 'boolean') return 'bool';
  if (v instanceof PyFloat) return 'float';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'string') return 'str';
  if (v instanceof Expref) return '_Expression';
  if (isList(v)) return 'list';
  return isOrderedDict(v) ? 'OrderedDict' : 'dict';
}

const JMESPATH_TYPES: Record<string, string> = { bool: 'boolean', list: 'array', dict: 'object', OrderedDict: 'object', NoneType: 'null', str: 'string', float: 'number', int: 'number', _Expression: 'expref' };
const jmesType = (v: unknown) => JMESPATH_TYPES[pyTypeName(v)] ?? 'unknown';

/** Text a query writes (error messages, to_string()), charged to its work as it grows: a value
 * shared a million ways cannot become a million copies of itself. Each piece held costs as much
 * as a dict entry. */
class Text {
  private readonly parts: string[] = [];

  put(piece: string): void {
    budget.charge(piece.length + COST.entry);
    this.parts.push(piece);
  }

  toString(): string {
    return this.parts.join('');
  }
}

/** repr() as Python prints nested values: an OrderedDict (a multi-select hash) shows its class the
 * way Python 3.12 and later (today's az) print it; Debian's az on Python 3.11 prints pairs instead. */
function writeRepr(v: unknown, out: Text, level: number): void {
  checkDepth(level);
  if (isList(v)) {
    out.put('[');
    v.forEach((x, i) => {
      if (i) out.put(', ');
      writeRepr(x, out, level + 1);
    });
    return out.put(']');
  }
  if (isPyDict(v)) {
    const ordered = isOrderedDict(v);
    out.put(ordered ? 'OrderedDict({' : '{');
    Object.keys(v).forEach((k, i) => {
      out.put(`${i ? ', ' : ''}${pyRepr(k)}: `);
      writeRepr(v[k], out, level + 1);
    });
    return out.put(ordered ? '})' : '}');
  }
  if (v instanceof Expref) return out.put('<jmespath.visitor._Expression object>');
  out.put(pyRepr(v));
}

/** str() of a value inside an error message: a string as it is, anything else as repr(). */
function errorStr(v: unknown): string {
  if (typeof v === 'string') return v;
  const out = new Text();
  writeRepr(v, out, 0);
  return out.toString();
}

function typeError(fn: string, value: unknown, received: string, expected: string[]): QueryError {
  return new QueryError(`In function ${fn}(), invalid type for value: ${errorStr(value)}, expected one of: [${expected.map((t) => `'${t}'`).join(', ')}], received: "${received}"`);
}

/** Python's ==: numbers by value (True is 1), lists and dicts element by element. Inside a list
 * or dict, Python takes an object as equal to itself before comparing (so a value compared with
 * itself costs nothing, and a NaN inside one list equals itself). */
function pyEq(a: unknown, b: unknown, level = 0): boolean {
  checkDepth(level);
  budget.charge(COST.compare);
  const n = (v: unknown) => (typeof v === 'boolean' ? Number(v) : isNumber(v) ? num(v) : undefined);
  const na = n(a);
  const nb = n(b);
  if (na !== undefined || nb !== undefined) return na !== undefined && nb !== undefined && na === nb;
  if (a === b) return true;
  const same = (x: unknown, y: unknown) => x === y || pyEq(x, y, level + 1);
  if (isList(a) || isList(b)) return isList(a) && isList(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (isPyDict(a) || isPyDict(b)) {
    if (!isPyDict(a) || !isPyDict(b)) return false;
    const keys = Object.keys(a);
    budget.items(keys.length);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && same(a[k], b[k]));
  }
  return (a ?? null) === (b ?? null);
}

/** jmespath's _equals: 0 and 1 never equal a boolean. */
function jmesEquals(a: unknown, b: unknown): boolean {
  const zeroOrOne = (v: unknown) => isNumber(v) && (num(v) === 0 || num(v) === 1);
  if ((zeroOrOne(a) && typeof b === 'boolean') || (zeroOrOne(b) && typeof a === 'boolean')) return false;
  return pyEq(a, b);
}

const codePoints = (s: string) => Array.from(s, (c) => c.codePointAt(0)!);

/** len(str): code points, counted without building them. */
function codePointCount(s: string): number {
  budget.charge(s.length);
  let count = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const unit = s.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}

/** A list of a dict's keys or values, charged as the items it holds. */
function owned<T>(items: T[]): T[] {
  budget.items(items.length);
  return items;
}

/** Python's ordering of two numbers or two strings; anything else is a TypeError. */
function pyCompare(a: unknown, b: unknown, op: string): number {
  if (isNumber(a) && isNumber(b)) return num(a) < num(b) ? -1 : num(a) > num(b) ? 1 : num(a) === num(b) ? 0 : NaN;
  if (typeof a === 'string' && typeof b === 'string') {
    budget.charge(a.length + b.length);
    const x = codePoints(a);
    const y = codePoints(b);
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
    return x.length - y.length;
  }
  throw new QueryCrash(`'${op}' not supported between instances of '${pyTypeName(a)}' and '${pyTypeName(b)}'`);
}

/** Whether a dict has a key, without listing its keys. */
function hasKeys(v: Dict): boolean {
  for (const key in v) if (Object.hasOwn(v, key)) return true;
  return false;
}

const isFalse = (v: unknown) => v === '' || v === null || v === undefined || v === false || (isList(v) && v.length === 0) || (isPyDict(v) && !hasKeys(v));

/** An expression reference left in the result (`&name`) cannot be printed: json.dumps fails on it.
 * Each list and dict is looked at once, however many times the result holds it. */
function printable(result: unknown): unknown {
  const seen = new Set<object>();
  const pending: unknown[] = [result];
  while (pending.length > 0) {
    const v = pending.pop();
    if (v instanceof Expref) throw new QueryCrash('Object of type _Expression is not JSON serializable');
    if (!isPyContainer(v) || seen.has(v)) continue;
    seen.add(v);
    if (isList(v)) for (const x of v) pending.push(x);
    else if (isPyDict(v)) for (const key of Object.keys(v)) pending.push(v[key]);
  }
  return result;
}

// ---- The tree interpreter (visitor.py) -------------------------------------------------------

const COMPARATORS: Record<'LT' | 'LTE' | 'GT' | 'GTE', [string, (c: number) => boolean]> = {
  LT: ['<', (c) => c < 0],
  LTE: ['<=', (c) => c <= 0],
  GT: ['>', (c) => c > 0],
  GTE: ['>=', (c) => c >= 0],
};

function project(base: unknown[], node: Node): unknown[] {
  const out: unknown[] = [];
  for (const element of base) {
    const current = visit(node, element);
    if (current !== null && current !== undefined) {
      budget.charge(COST.item);
      out.push(current);
    }
  }
  return out;
}

function visit(node: Node, value: unknown): unknown {
  budget.step();
  switch (node.type) {
    case 'Field':
      return isPyDict(value) && Object.hasOwn(value, node.name) ? (value[node.name] ?? null) : null;
    case 'Subexpression':
    case 'IndexExpression':
    case 'Pipe':
      return node.children.reduce((result: unknown, child: Node) => visit(child, result), value);
    case 'Index': {
      if (!isList(value)) return null;
      const i = node.value;
      return (i < 0 ? value[value.length + i] : value[i]) ?? null;
    }
    case 'Slice':
      return isList(value) ? slice(value, node.bounds) : null;
    case 'Projection': {
      const base = visit(node.children[0], value);
      return isList(base) ? project(base, node.children[1]) : null;
    }
    case 'ValueProjection': {
      const base = visit(node.children[0], value);
      if (!isPyDict(base)) return null;
      const values = Object.values(base);
      budget.items(values.length);
      return project(values, node.children[1]);
    }
    case 'FilterProjection': {
      const [left, right, condition] = node.children;
      const base = visit(left, value);
      if (!isList(base)) return null;
      const kept = base.filter((element) => !isFalse(visit(condition, element)));
      budget.items(kept.length);
      return project(kept, right);
    }
    case 'Flatten': {
      const base = visit(node.children[0], value);
      if (!isList(base)) return null;
      budget.step(base.length);
      budget.items(base.reduce((n: number, e) => n + (isList(e) ? e.length : 1), 0));
      return base.flatMap((e) => (isList(e) ? e : [e]));
    }
    case 'Identity':
    case 'Current':
      return value;
    case 'Literal':
      return node.value;
    case 'MultiSelectList':
      if (value === null || value === undefined) return null;
      budget.items(node.children.length);
      return node.children.map((child: Node) => visit(child, value));
    case 'MultiSelectHash': {
      if (value === null || value === undefined) return null;
      budget.items(node.children.length, COST.entry);
      const out: Dict = {};
      for (const pair of node.children) setOwn(out, pair.name, visit(pair.value, value));
      markOrderedDict(out);
      return out;
    }
    case 'OrExpression': {
      const matched = visit(node.children[0], value);
      return isFalse(matched) ? visit(node.children[1], value) : matched;
    }
    case 'AndExpression': {
      const matched = visit(node.children[0], value);
      return isFalse(matched) ? matched : visit(node.children[1], value);
    }
    case 'NotExpression': {
      const original = visit(node.children[0], value);
      // Python's `not 0` is True; jmespath says !0 is false (0 is not a false value).
      if (isNumber(original) && num(original) === 0) return false;
      return isFalse(original);
    }
    case 'Comparator': {
      const left = visit(node.children[0], value);
      const right = visit(node.children[1], value);
      if (node.name === 'EQ') return jmesEquals(left, right);
      if (node.name === 'NE') return !jmesEquals(left, right);
      const comparable = (v: unknown) => isNumber(v) || typeof v === 'string';
      if (!comparable(left) || !comparable(right)) return null;
      const [op, holds] = COMPARATORS[node.name];
      return holds(pyCompare(left, right, op));
    }
    case 'ExpressionReference':
      return new Expref(node.children[0]);
    case 'Function':
      return callFunction(node.name, node.children.map((child: Node) => visit(child, value)));
  }
}

/** value[start:stop:step] with Python's bounds. */
function slice(list: unknown[], [start, stop, step]: Array<number | null>): unknown[] {
  const s = step ?? 1;
  if (s === 0) throw new QueryCrash('slice step cannot be zero');
  const n = list.length;
  const clamp = (i: number, lo: number, hi: number) => Math.min(Math.max(i < 0 ? i + n : i, lo), hi);
  const [from, to] = s > 0 ? [start === null ? 0 : clamp(start, 0, n), stop === null ? n : clamp(stop, 0, n)] : [start === null ? n - 1 : clamp(start, -1, n - 1), stop === null ? -1 : clamp(stop, -1, n - 1)];
  const count = Math.max(0, Math.ceil((to - from) / s));
  budget.step(count);
  budget.items(count);
  const out: unknown[] = [];
  for (let i = from; s > 0 ? i < to : i > to; i += s) out.push(list[i]);
  return out;
}

// ---- Functions (functions.py) ----------------------------------------------------------------

type Signature = Array<{ types: string[]; variadic?: boolean }>;

const PY_TYPES: Record<string, string[]> = {
  boolean: ['bool'],
  array: ['list'],
  object: ['dict', 'OrderedDict'],
  null: ['NoneType'],
  string: ['str'],
  number: ['float', 'int'],
  expref: ['_Expression'],
};

function checkType(fn: string, value: unknown, types: string[]): void {
  if (types.length === 0) return;
  const actual = pyTypeName(value);
  const allowed = types.flatMap((t) => PY_TYPES[t.split('-')[0]]);
  if (!allowed.includes(actual)) throw typeError(fn, value, jmesType(value), types);
  const subtypes = types.filter((t) => t.includes('-')).map((t) => PY_TYPES[t.split('-')[1]]);
  if (subtypes.length === 0 || !isList(value)) return;
  const list = value;
  let wanted = subtypes[0];
  if (subtypes.length > 1) {
    if (list.length === 0) return;
    const firstType = pyTypeName(list[0]);
    const match = subtypes.find((s) => s.includes(firstType));
    if (!match) throw typeError(fn, list[0], firstType, types);
    wanted = match;
  }
  // Python names the element's own type here (functions.py passes type(element).__name__).
  budget.step(list.length);
  for (const element of list) if (!wanted.includes(pyTypeName(element))) throw typeError(fn, element, pyTypeName(element), types);
}

const plural = (n: number) => (n === 1 ? 'argument' : 'arguments');

/** sum() of ints and floats: an int unless a float took part. */
function pySum(values: unknown[]): number | PyFloat {
  budget.step(values.length);
  const total = values.reduce((acc: number, v) => acc + (isNumber(v) ? num(v) : 0), 0);
  return values.some((v) => pyTypeName(v) === 'float') ? new PyFloat(total) : total;
}

function keyed(fn: string, allowed: string[]) {
  return (expref: Expref, item: unknown) => {
    const key = visit(expref.node, item);
    const type = jmesType(key);
    if (!allowed.includes(type)) throw typeError(fn, key, type, allowed);
    return key;
  };
}

/** The first extreme in list order (Python's max/min keep the first of equals). */
function extreme<T>(items: T[], key: (item: T) => unknown, want: number, op: string): T {
  budget.items(items.length);
  let best = items[0];
  let bestKey = key(best);
  for (const item of items.slice(1)) {
    const k = key(item);
    if (Math.sign(pyCompare(k, bestKey, op)) === want) {
      best = item;
      bestKey = k;
    }
  }
  return best;
}

function sortedBy<T>(items: T[], key: (item: T) => unknown): T[] {
  budget.items(items.length * 3);
  const keys = items.map(key);
  return items.map((item, i) => ({ item, i })).sort((a, b) => pyCompare(keys[a.i], keys[b.i], '<') || a.i - b.i).map((x) => x.item);
}

/** json.dumps of a scalar: ASCII only. */
function scalarJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (isNumber(value)) return pyStr(value).replace(/^inf$/, 'Infinity').replace(/^-inf$/, '-Infinity').replace(/^nan$/, 'NaN');
  if (value instanceof Expref) return scalarJson(errorStr(value));
  const text = String(value);
  budget.charge(text.length);
  return JSON.stringify(text).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function writeCompactJson(value: unknown, out: Text, level: number): void {
  checkDepth(level);
  if (isList(value)) {
    out.put('[');
    value.forEach((v, i) => {
      if (i) out.put(',');
      writeCompactJson(v, out, level + 1);
    });
    return out.put(']');
  }
  if (isPyDict(value)) {
    out.put('{');
    Object.keys(value).forEach((k, i) => {
      out.put(`${i ? ',' : ''}${scalarJson(k)}:`);
      writeCompactJson(value[k], out, level + 1);
    });
    return out.put('}');
  }
  out.put(scalarJson(value));
}

/** json.dumps(value, separators=(',', ':'), default=str): ASCII only, keys in their order. */
function compactJson(value: unknown): string {
  const out = new Text();
  writeCompactJson(value, out, 0);
  return out.toString();
}

/** dict.update(value): a dict's items, or a sequence of key/value pairs (strings and lists of two). */
/** `target[key] = value` for any key: `__proto__` is a key like another, never the prototype. */
function setOwn(target: Dict, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function dictUpdate(target: Dict, value: unknown): Dict {
  if (isPyDict(value)) {
    const keys = Object.keys(value);
    budget.items(keys.length, COST.entry);
    for (const k of keys) setOwn(target, k, value[k]);
    return target;
  }
  if (!isList(value) && typeof value !== 'string') throw new QueryCrash(`'${pyTypeName(value)}' object is not iterable`);
  budget.items(value.length, COST.entry);
  Array.from(value).forEach((element, i) => {
    // Any iterable of two items is a pair: a string of two characters, a list, a dict of two keys.
    const pair = typeof element === 'string' ? Array.from(element) : isList(element) ? element : isPyDict(element) ? Object.keys(element) : undefined;
    if (!pair) throw new QueryCrash(`cannot convert dictionary update sequence element #${i} to a sequence`);
    if (pair.length !== 2) throw new QueryCrash(`dictionary update sequence element #${i} has length ${pair.length}; 2 is required`);
    if (isPyContainer(pair[0])) throw new QueryCrash(`unhashable type: '${pyTypeName(pair[0])}'`);
    // json.dumps writes a number or None key as its JSON text.
    setOwn(target, typeof pair[0] === 'string' ? pair[0] : compactJson(pair[0]), pair[1]);
  });
  return target;
}

/** to_number of a string: int() first, then float(), as Python reads them. */
function parseNumber(text: string): number | PyFloat | null {
  const t = text.trim();
  if (/^[+-]?\d+(?:_\d+)*$/.test(t)) return Number(t.replace(/_/g, ''));
  if (/^[+-]?(?:\d+(?:_\d+)*(?:\.(?:\d+(?:_\d+)*)?)?|\.\d+(?:_\d+)*)(?:[eE][+-]?\d+(?:_\d+)*)?$/.test(t)) return new PyFloat(Number(t.replace(/_/g, '')));
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(t);
  if (special) return new PyFloat(special[2].toLowerCase() === 'nan' ? NaN : special[1] === '-' ? -Infinity : Infinity);
  return null;
}

/** An argument as the type its signature names: checkType has held it to that type already. */
function arg<T>(value: unknown, is: (v: unknown) => v is T): T {
  if (!is(value)) throw new QueryCrash(`argument of the wrong type: ${pyTypeName(value)}`);
  return value;
}
const isString = (v: unknown): v is string => typeof v === 'string';
const isExpref = (v: unknown): v is Expref => v instanceof Expref;
const isSized = (v: unknown): v is string | unknown[] => typeof v === 'string' || isList(v);

const FUNCTIONS: Record<string, { signature: Signature; run: (args: unknown[]) => unknown }> = {
  abs: {
    signature: [{ types: ['number'] }],
    run: ([v]) => {
      const n = arg(v, isNumber);
      return n instanceof PyFloat ? new PyFloat(Math.abs(n.value)) : Math.abs(n);
    },
  },
  avg: {
    signature: [{ types: ['array-number'] }],
    run: ([v]) => {
      const list = arg(v, isList);
      return list.length ? new PyFloat(num(pySum(list)) / list.length) : null;
    },
  },
  ceil: { signature: [{ types: ['number'] }], run: ([v]) => Math.ceil(num(arg(v, isNumber))) },
  contains: {
    signature: [{ types: ['array', 'string'] }, { types: [] }],
    run: ([subject, search]) => {
      if (typeof subject !== 'string') return arg(subject, isList).some((item) => item === search || pyEq(item, search));
      if (typeof search !== 'string') throw new QueryCrash(`'in <string>' requires string as left operand, not ${pyTypeName(search)}`);
      budget.charge(subject.length + search.length);
      return subject.includes(search);
    },
  },
  ends_with: {
    signature: [{ types: ['string'] }, { types: ['string'] }],
    run: ([s, suffix]) => {
      const end = arg(suffix, isString);
      budget.charge(end.length);
      return arg(s, isString).endsWith(end);
    },
  },
  floor: { signature: [{ types: ['number'] }], run: ([v]) => Math.floor(num(arg(v, isNumber))) },
  join: {
    signature: [{ types: ['string'] }, { types: ['array-string'] }],
    run: ([separator, items]) => {
      const sep = arg(separator, isString);
      const list = arg(items, isList);
      // Charged before it is built: the joined text may be far longer than anything held so far.
      budget.charge(list.reduce((n: number, item) => n + String(item).length + sep.length, 0));
      return list.join(sep);
    },
  },
  keys: { signature: [{ types: ['object'] }], run: ([o]) => owned(Object.keys(arg(o, isPyDict))) },
  length: {
    signature: [{ types: ['string', 'array', 'object'] }],
    run: ([v]) => (typeof v === 'string' ? codePointCount(v) : isList(v) ? v.length : owned(Object.keys(arg(v, isPyDict))).length),
  },
  map: {
    signature: [{ types: ['expref'] }, { types: ['array'] }],
    run: ([e, items]) => {
      const { node } = arg(e, isExpref);
      const list = arg(items, isList);
      budget.items(list.length);
      return list.map((item) => visit(node, item));
    },
  },
  max: {
    signature: [{ types: ['array-number', 'array-string'] }],
    run: ([v]) => {
      const list = arg(v, isList);
      return list.length ? extreme(list, (x) => x, 1, '>') : null;
    },
  },
  max_by: {
    signature: [{ types: ['array'] }, { types: ['expref'] }],
    run: ([v, e]) => {
      const list = arg(v, isList);
      const expref = arg(e, isExpref);
      return list.length ? extreme(list, (x) => keyed('max_by', ['number', 'string'])(expref, x), 1, '>') : null;
    },
  },
  // Only the first argument is type-checked (functions.py checks as many as the signature lists):
  // the others go to dict.update as they are.
  merge: {
    signature: [{ types: ['object'], variadic: true }],
    run: (objects) => objects.reduce((merged: Dict, o) => dictUpdate(merged, o), {}),
  },
  min: {
    signature: [{ types: ['array-number', 'array-string'] }],
    run: ([v]) => {
      const list = arg(v, isList);
      return list.length ? extreme(list, (x) => x, -1, '<') : null;
    },
  },
  min_by: {
    signature: [{ types: ['array'] }, { types: ['expref'] }],
    run: ([v, e]) => {
      const list = arg(v, isList);
      const expref = arg(e, isExpref);
      return list.length ? extreme(list, (x) => keyed('min_by', ['number', 'string'])(expref, x), -1, '<') : null;
    },
  },
  not_null: { signature: [{ types: [], variadic: true }], run: (args) => args.find((a) => a !== null && a !== undefined) ?? null },
  reverse: {
    signature: [{ types: ['array', 'string'] }],
    run: ([v]) => {
      const sized = arg(v, isSized);
      budget.items(sized.length);
      return typeof sized === 'string' ? Array.from(sized).reverse().join('') : [...sized].reverse();
    },
  },
  sort: { signature: [{ types: ['array-string', 'array-number'] }], run: ([v]) => sortedBy(arg(v, isList), (x) => x) },
  sort_by: {
    signature: [{ types: ['array'] }, { types: ['expref'] }],
    run: ([v, e]) => {
      const list = arg(v, isList);
      const expref = arg(e, isExpref);
      if (list.length === 0) return list;
      const required = jmesType(visit(expref.node, list[0]));
      if (required !== 'number' && required !== 'string') throw typeError('sort_by', list[0], required, ['string', 'number']);
      return sortedBy(list, (x) => keyed('sort_by', [required])(expref, x));
    },
  },
  starts_with: {
    signature: [{ types: ['string'] }, { types: ['string'] }],
    run: ([s, prefix]) => {
      const start = arg(prefix, isString);
      budget.charge(start.length);
      return arg(s, isString).startsWith(start);
    },
  },
  sum: { signature: [{ types: ['array-number'] }], run: ([v]) => pySum(arg(v, isList)) },
  to_array: { signature: [{ types: [] }], run: ([v]) => (isList(v) ? v : [v]) },
  to_number: {
    signature: [{ types: [] }],
    run: ([v]) => (isNumber(v) ? v : typeof v === 'string' ? (budget.charge(v.length), parseNumber(v)) : null),
  },
  to_string: { signature: [{ types: [] }], run: ([v]) => (typeof v === 'string' ? v : compactJson(v)) },
  // functions.py's type() has no branch for an expression reference: it answers None.
  type: { signature: [{ types: [] }], run: ([v]) => (v instanceof Expref ? null : jmesType(v)) },
  values: { signature: [{ types: ['object'] }], run: ([o]) => owned(Object.values(arg(o, isPyDict))) },
};

function callFunction(name: string, args: unknown[]): unknown {
  const fn = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  if (!fn) throw new QueryError(`Unknown function: ${name}()`);
  const { signature } = fn;
  const variadic = signature[signature.length - 1]?.variadic;
  if (variadic ? args.length < signature.length : args.length !== signature.length) {
    throw new QueryError(`Expected ${variadic ? 'at least ' : ''}${signature.length} ${plural(signature.length)} for function ${name}(), received ${args.length}`);
  }
  signature.forEach((s, i) => checkType(name, args[i], s.types));
  return fn.run(args);
}
