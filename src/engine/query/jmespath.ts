// az's --query is Python's jmespath (1.0), whose answers differ from jmespath.js in ways a reader
// sees: avg() is always a float, 12.0 == 12, floats stay floats through max()/abs()/sum(), ordering
// a string with a number is an error, and type errors quote Python's str() of the value. parser.ts
// reads the expression as Python does; this module interprets the tree with Python's rules.
import { isPyContainer, isPyNumber, PyFloat, pyRepr, pyStr } from '../format/knack/python.ts';
import { parse, type Node } from './parser.ts';

export { QuerySyntaxError } from './parser.ts';

/** A JMESPathError of Python's jmespath: az prints "Invalid jmespath query supplied for `--query`: <message>". */
export class QueryError extends Error {}

/** A Python exception that is not a JMESPathError (e.g. `'<' not supported …`): az fails unexpectedly. */
export class QueryCrash extends Error {}

export interface Query {
  search(data: unknown): unknown;
}

/** Parses like Python's jmespath.compile: throws QuerySyntaxError when the expression is not valid. */
export function compileQuery(expression: string): Query {
  const ast = parse(expression);
  return { search: (data) => printable(visit(ast, data)) };
}

export function search(data: unknown, expression: string): unknown {
  return compileQuery(expression).search(data);
}

// ---- Python's view of the values -------------------------------------------------------------

type Dict = Record<string, unknown>;
const isList = Array.isArray;
const isDict = (v: unknown): v is Dict => isPyContainer(v) && !Array.isArray(v);
const isNumber = (v: unknown): v is number | PyFloat => isPyNumber(v);
const num = (v: number | PyFloat): number => (v instanceof PyFloat ? v.value : v);

/** Dicts a multi-select hash builds: az asks for OrderedDict, which shows in type errors. */
const orderedDicts = new WeakSet<object>();

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
  return orderedDicts.has(v as object) ? 'OrderedDict' : 'dict';
}

const JMESPATH_TYPES: Record<string, string> = { bool: 'boolean', list: 'array', dict: 'object', OrderedDict: 'object', NoneType: 'null', str: 'string', float: 'number', int: 'number', _Expression: 'expref' };
const jmesType = (v: unknown) => JMESPATH_TYPES[pyTypeName(v)] ?? 'unknown';

/** repr() as Python prints nested values: an OrderedDict (a multi-select hash) shows its class the
 * way Python 3.12 and later (today's az) print it; Debian's az on Python 3.11 prints pairs instead. */
function reprValue(v: unknown): string {
  if (isList(v)) return `[${v.map(reprValue).join(', ')}]`;
  if (isDict(v)) {
    const body = `{${Object.entries(v).map(([k, x]) => `${pyRepr(k)}: ${reprValue(x)}`).join(', ')}}`;
    return orderedDicts.has(v) ? `OrderedDict(${body})` : body;
  }
  if (v instanceof Expref) return '<jmespath.visitor._Expression object>';
  return pyRepr(v);
}

/** str() of a value inside an error message: a string as it is, anything else as repr(). */
const errorStr = (v: unknown): string => (typeof v === 'string' ? v : reprValue(v));

function typeError(fn: string, value: unknown, received: string, expected: string[]): QueryError {
  return new QueryError(`In function ${fn}(), invalid type for value: ${errorStr(value)}, expected one of: [${expected.map((t) => `'${t}'`).join(', ')}], received: "${received}"`);
}

/** Python's ==: numbers by value (True is 1), lists and dicts element by element. */
function pyEq(a: unknown, b: unknown): boolean {
  const n = (v: unknown) => (typeof v === 'boolean' ? Number(v) : isNumber(v) ? num(v) : undefined);
  const na = n(a);
  const nb = n(b);
  if (na !== undefined || nb !== undefined) return na !== undefined && nb !== undefined && na === nb;
  if (isList(a) || isList(b)) return isList(a) && isList(b) && a.length === b.length && a.every((x, i) => pyEq(x, b[i]));
  if (isDict(a) || isDict(b)) {
    if (!isDict(a) || !isDict(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && pyEq(a[k], b[k]));
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

/** Python's ordering of two numbers or two strings; anything else is a TypeError. */
function pyCompare(a: unknown, b: unknown, op: string): number {
  if (isNumber(a) && isNumber(b)) return num(a) < num(b) ? -1 : num(a) > num(b) ? 1 : num(a) === num(b) ? 0 : NaN;
  if (typeof a === 'string' && typeof b === 'string') {
    const x = codePoints(a);
    const y = codePoints(b);
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
    return x.length - y.length;
  }
  throw new QueryCrash(`'${op}' not supported between instances of '${pyTypeName(a)}' and '${pyTypeName(b)}'`);
}

const isFalse = (v: unknown) => v === '' || v === null || v === undefined || v === false || (isList(v) && v.length === 0) || (isDict(v) && Object.keys(v).length === 0);

/** An expression reference left in the result (`&name`) cannot be printed: json.dumps fails on it. */
function printable(result: unknown): unknown {
  const check = (v: unknown): void => {
    if (v instanceof Expref) throw new QueryCrash('Object of type _Expression is not JSON serializable');
    if (isList(v)) v.forEach(check);
    else if (isDict(v)) Object.values(v).forEach(check);
  };
  check(result);
  return result;
}

// ---- The tree interpreter (visitor.py) -------------------------------------------------------

const COMPARATORS: Record<string, [string, (c: number) => boolean]> = {
  LT: ['<', (c) => c < 0],
  LTE: ['<=', (c) => c <= 0],
  GT: ['>', (c) => c > 0],
  GTE: ['>=', (c) => c >= 0],
};

function project(base: unknown, node: Node): unknown[] {
  const out: unknown[] = [];
  for (const element of base as unknown[]) {
    const current = visit(node, element);
    if (current !== null && current !== undefined) out.push(current);
  }
  return out;
}

function visit(node: Node, value: unknown): unknown {
  const [first, second, third] = node.children ?? [];
  switch (node.type) {
    case 'Field':
      return isDict(value) && Object.hasOwn(value, node.name!) ? (value[node.name!] ?? null) : null;
    case 'Subexpression':
    case 'IndexExpression':
    case 'Pipe':
      return node.children!.reduce((result: unknown, child: Node) => visit(child, result), value);
    case 'Index': {
      if (!isList(value)) return null;
      const i = node.value as number;
      return (i < 0 ? value[value.length + i] : value[i]) ?? null;
    }
    case 'Slice':
      return isList(value) ? slice(value, node.children as Array<number | null>) : null;
    case 'Projection': {
      const base = visit(first, value);
      return isList(base) ? project(base, second) : null;
    }
    case 'ValueProjection': {
      const base = visit(first, value);
      return isDict(base) ? project(Object.values(base), second) : null;
    }
    case 'FilterProjection': {
      const base = visit(first, value);
      if (!isList(base)) return null;
      return project(base.filter((element) => !isFalse(visit(third, element))), second);
    }
    case 'Flatten': {
      const base = visit(first, value);
      return isList(base) ? base.flatMap((e) => (isList(e) ? e : [e])) : null;
    }
    case 'Identity':
    case 'Current':
      return value;
    case 'Literal':
      return node.value;
    case 'MultiSelectList':
      return value === null || value === undefined ? null : node.children!.map((child: Node) => visit(child, value));
    case 'MultiSelectHash': {
      if (value === null || value === undefined) return null;
      const out: Dict = {};
      for (const pair of node.children as Array<{ name: string; value: Node }>) setOwn(out, pair.name, visit(pair.value, value));
      orderedDicts.add(out);
      return out;
    }
    case 'OrExpression': {
      const matched = visit(first, value);
      return isFalse(matched) ? visit(second, value) : matched;
    }
    case 'AndExpression': {
      const matched = visit(first, value);
      return isFalse(matched) ? matched : visit(second, value);
    }
    case 'NotExpression': {
      const original = visit(first, value);
      // Python's `not 0` is True; jmespath says !0 is false (0 is not a false value).
      if (isNumber(original) && num(original) === 0) return false;
      return isFalse(original);
    }
    case 'Comparator': {
      const left = visit(first, value);
      const right = visit(second, value);
      if (node.name === 'EQ') return jmesEquals(left, right);
      if (node.name === 'NE') return !jmesEquals(left, right);
      const comparable = (v: unknown) => isNumber(v) || typeof v === 'string';
      if (!comparable(left) || !comparable(right)) return null;
      const [op, holds] = COMPARATORS[node.name!];
      return holds(pyCompare(left, right, op));
    }
    case 'ExpressionReference':
      return new Expref(first);
    case 'Function':
      return callFunction(node.name!, node.children!.map((child: Node) => visit(child, value)));
    default:
      throw new QueryError(`Unknown node type: ${node.type}`);
  }
}

/** value[start:stop:step] with Python's bounds. */
function slice(list: unknown[], [start, stop, step]: Array<number | null>): unknown[] {
  const s = step ?? 1;
  if (s === 0) throw new QueryCrash('slice step cannot be zero');
  const n = list.length;
  const clamp = (i: number, lo: number, hi: number) => Math.min(Math.max(i < 0 ? i + n : i, lo), hi);
  const out: unknown[] = [];
  if (s > 0) {
    for (let i = start === null ? 0 : clamp(start, 0, n), end = stop === null ? n : clamp(stop, 0, n); i < end; i += s) out.push(list[i]);
  } else {
    for (let i = start === null ? n - 1 : clamp(start, -1, n - 1), end = stop === null ? -1 : clamp(stop, -1, n - 1); i > end; i += s) out.push(list[i]);
  }
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
  if (subtypes.length === 0) return;
  const list = value as unknown[];
  let wanted = subtypes[0];
  if (subtypes.length > 1) {
    if (list.length === 0) return;
    const firstType = pyTypeName(list[0]);
    const match = subtypes.find((s) => s.includes(firstType));
    if (!match) throw typeError(fn, list[0], firstType, types);
    wanted = match;
  }
  // Python names the element's own type here (functions.py passes type(element).__name__).
  for (const element of list) if (!wanted.includes(pyTypeName(element))) throw typeError(fn, element, pyTypeName(element), types);
}

const plural = (n: number) => (n === 1 ? 'argument' : 'arguments');

/** sum() of ints and floats: an int unless a float took part. */
function pySum(values: Array<number | PyFloat>): number | PyFloat {
  const total = values.reduce((acc: number, v) => acc + num(v), 0);
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
  const keys = items.map(key);
  return items.map((item, i) => ({ item, i })).sort((a, b) => pyCompare(keys[a.i], keys[b.i], '<') || a.i - b.i).map((x) => x.item);
}

/** json.dumps(value, separators=(',', ':'), default=str): ASCII only, keys in their order. */
function compactJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (isNumber(value)) return pyStr(value).replace(/^inf$/, 'Infinity').replace(/^-inf$/, '-Infinity').replace(/^nan$/, 'NaN');
  if (typeof value === 'string') return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (value instanceof Expref) return JSON.stringify(errorStr(value));
  if (isList(value)) return `[${value.map(compactJson).join(',')}]`;
  return `{${Object.entries(value as Dict).map(([k, v]) => `${compactJson(k)}:${compactJson(v)}`).join(',')}}`;
}

/** dict.update(value): a dict's items, or a sequence of key/value pairs (strings and lists of two). */
/** `target[key] = value` for any key: `__proto__` is a key like another, never the prototype. */
function setOwn(target: Dict, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function dictUpdate(target: Dict, value: unknown): Dict {
  if (isDict(value)) {
    for (const [k, v] of Object.entries(value)) setOwn(target, k, v);
    return target;
  }
  if (!isList(value) && typeof value !== 'string') throw new QueryCrash(`'${pyTypeName(value)}' object is not iterable`);
  Array.from(value as ArrayLike<unknown>).forEach((element, i) => {
    // Any iterable of two items is a pair: a string of two characters, a list, a dict of two keys.
    const pair = typeof element === 'string' ? Array.from(element) : isList(element) ? element : isDict(element) ? Object.keys(element) : undefined;
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

const FUNCTIONS: Record<string, { signature: Signature; run: (...args: any[]) => unknown }> = {
  abs: { signature: [{ types: ['number'] }], run: (n) => (n instanceof PyFloat ? new PyFloat(Math.abs(n.value)) : Math.abs(n)) },
  avg: { signature: [{ types: ['array-number'] }], run: (list: Array<number | PyFloat>) => (list.length ? new PyFloat(num(pySum(list)) / list.length) : null) },
  ceil: { signature: [{ types: ['number'] }], run: (n) => Math.ceil(num(n)) },
  contains: {
    signature: [{ types: ['array', 'string'] }, { types: [] }],
    run: (subject, search) => {
      if (typeof subject !== 'string') return (subject as unknown[]).some((item) => pyEq(item, search));
      if (typeof search !== 'string') throw new QueryCrash(`'in <string>' requires string as left operand, not ${pyTypeName(search)}`);
      return subject.includes(search);
    },
  },
  ends_with: { signature: [{ types: ['string'] }, { types: ['string'] }], run: (s: string, suffix: string) => s.endsWith(suffix) },
  floor: { signature: [{ types: ['number'] }], run: (n) => Math.floor(num(n)) },
  join: { signature: [{ types: ['string'] }, { types: ['array-string'] }], run: (sep: string, list: string[]) => list.join(sep) },
  keys: { signature: [{ types: ['object'] }], run: (o: Dict) => Object.keys(o) },
  length: { signature: [{ types: ['string', 'array', 'object'] }], run: (v) => (typeof v === 'string' ? codePoints(v).length : isList(v) ? v.length : Object.keys(v).length) },
  map: { signature: [{ types: ['expref'] }, { types: ['array'] }], run: (e: Expref, list: unknown[]) => list.map((item) => visit(e.node, item)) },
  max: { signature: [{ types: ['array-number', 'array-string'] }], run: (list: unknown[]) => (list.length ? extreme(list, (x) => x, 1, '>') : null) },
  max_by: { signature: [{ types: ['array'] }, { types: ['expref'] }], run: (list: unknown[], e: Expref) => (list.length ? extreme(list, (x) => keyed('max_by', ['number', 'string'])(e, x), 1, '>') : null) },
  // Only the first argument is type-checked (functions.py checks as many as the signature lists):
  // the others go to dict.update as they are.
  merge: {
    signature: [{ types: ['object'], variadic: true }],
    run: (...objects: unknown[]) => objects.reduce((merged: Dict, o) => dictUpdate(merged, o), {}),
  },
  min: { signature: [{ types: ['array-number', 'array-string'] }], run: (list: unknown[]) => (list.length ? extreme(list, (x) => x, -1, '<') : null) },
  min_by: { signature: [{ types: ['array'] }, { types: ['expref'] }], run: (list: unknown[], e: Expref) => (list.length ? extreme(list, (x) => keyed('min_by', ['number', 'string'])(e, x), -1, '<') : null) },
  not_null: { signature: [{ types: [], variadic: true }], run: (...args: unknown[]) => args.find((a) => a !== null && a !== undefined) ?? null },
  reverse: { signature: [{ types: ['array', 'string'] }], run: (v) => (typeof v === 'string' ? Array.from(v).reverse().join('') : [...v].reverse()) },
  sort: { signature: [{ types: ['array-string', 'array-number'] }], run: (list: unknown[]) => sortedBy(list, (x) => x) },
  sort_by: {
    signature: [{ types: ['array'] }, { types: ['expref'] }],
    run: (list: unknown[], e: Expref) => {
      if (list.length === 0) return list;
      const required = jmesType(visit(e.node, list[0]));
      if (required !== 'number' && required !== 'string') throw typeError('sort_by', list[0], required, ['string', 'number']);
      return sortedBy(list, (x) => keyed('sort_by', [required])(e, x));
    },
  },
  starts_with: { signature: [{ types: ['string'] }, { types: ['string'] }], run: (s: string, prefix: string) => s.startsWith(prefix) },
  sum: { signature: [{ types: ['array-number'] }], run: (list: Array<number | PyFloat>) => pySum(list) },
  to_array: { signature: [{ types: [] }], run: (v) => (isList(v) ? v : [v]) },
  to_number: {
    signature: [{ types: [] }],
    run: (v) => (isNumber(v) ? v : typeof v === 'string' ? parseNumber(v) : null),
  },
  to_string: { signature: [{ types: [] }], run: (v) => (typeof v === 'string' ? v : compactJson(v)) },
  // functions.py's type() has no branch for an expression reference: it answers None.
  type: { signature: [{ types: [] }], run: (v) => (v instanceof Expref ? null : jmesType(v)) },
  values: { signature: [{ types: ['object'] }], run: (o: Dict) => Object.values(o) },
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
  return fn.run(...args);
}
