// Python's values as az holds them and knack prints them through str(), repr() and json.dumps.
// JSON numbers become JS numbers, which cannot tell Python's 12 from 12.0; fields az's models
// type as float (metric values) are held as PyFloat so that every output spells them `12.0`.

/** A Python float. Compares and sorts as its value; prints the way Python does. */
export class PyFloat {
  readonly value: number;
  constructor(value: number) {
    this.value = value;
  }
  valueOf(): number {
    return this.value;
  }
  toJSON(): number {
    return this.value;
  }
}

/** A JSON number or a PyFloat: Python's int and float. */
export const isPyNumber = (value: unknown): value is number | PyFloat => typeof value === 'number' || value instanceof PyFloat;

/** A dict or a list (a PyFloat is a scalar even though it is a JS object). */
export const isPyContainer = (value: unknown): value is object => value !== null && typeof value === 'object' && !(value instanceof PyFloat);

/** A dict: a container that is not a list, read by its keys. */
export const isPyDict = (value: unknown): value is Record<string, unknown> => isPyContainer(value) && !Array.isArray(value);

/** repr(float): the shortest digits that round-trip, fixed notation for exponents -4..15, else `1e+16`. */
export function floatRepr(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  const [mantissa, exp] = Math.abs(n).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const e = Number(exp);
  const sign = n < 0 ? '-' : '';
  if (e < -4 || e >= 16) return `${sign}${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ''}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  const whole = digits.slice(0, e + 1).padEnd(e + 1, '0');
  const fraction = digits.slice(e + 1);
  return `${sign}${whole}.${fraction || '0'}`;
}

/** A number as Python spells it: integral JSON numbers are ints, the others (and PyFloats) floats. */
export function pyNumber(n: number | PyFloat): string {
  if (n instanceof PyFloat) return floatRepr(n.value);
  if (Number.isInteger(n)) return BigInt(n).toString();
  return floatRepr(n);
}

/** str(value) for a JSON scalar: True/False/None and Python's float repr. */
export function pyStr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (isPyNumber(value)) return pyNumber(value);
  if (typeof value === 'string') return value;
  return pyRepr(value);
}

/**
 * repr() piece by piece, so that a caller can bound it: `put` takes each piece, `enter` each level
 * of nesting (it throws when the caller has seen enough).
 */
export function writePyRepr(value: unknown, put: (piece: string) => void, enter: (level: number) => void = () => {}, level = 0): void {
  enter(level);
  if (!isPyContainer(value)) return put(pyRepr(value));
  if (Array.isArray(value)) {
    put('[');
    value.forEach((v, i) => {
      if (i) put(', ');
      writePyRepr(v, put, enter, level + 1);
    });
    return put(']');
  }
  put('{');
  Object.entries(value).forEach(([k, v], i) => {
    put(`${i ? ', ' : ''}${strRepr(k)}: `);
    writePyRepr(v, put, enter, level + 1);
  });
  put('}');
}

/** repr() of lists and dicts (table cells for list rows). */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'string') return strRepr(value);
  if (!isPyContainer(value)) return pyStr(value);
  const parts: string[] = [];
  writePyRepr(value, (piece) => parts.push(piece));
  return parts.join('');
}

/** repr(str): single quotes unless the text has one and no double quote; escapes as Python does. */
function strRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  const named: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  const escaped = text.replace(/[\x00-\x1f\x7f\\'"]/g, (c) => {
    if (c in named) return named[c];
    if (c === quote) return `\\${c}`;
    if (c === "'" || c === '"') return c;
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
  return `${quote}${escaped}${quote}`;
}

/** Dicts a multi-select hash builds: az asks for OrderedDict, which shows in type errors, and
 * knack's tsv keeps only such dicts' key order. */
const orderedDicts = new WeakSet<object>();

export function markOrderedDict(dict: object): void {
  orderedDicts.add(dict);
}

/** Whether a dict was built by a multi-select hash. */
export const isOrderedDict = (v: unknown): boolean => typeof v === 'object' && v !== null && orderedDicts.has(v);
