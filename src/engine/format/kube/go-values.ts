// How Go's fmt prints the values of an unstructured object (map[string]interface{} holding
// string, int64, float64, bool, nil, []interface{} and maps). kubectl shows these in jsonpath
// output (%v of scalars) and in the jsonpath error dump (%#v of the whole object).

import { goKeyOrder } from './json.ts';
import { isJsonObject } from '../../world/json.ts';

/** strconv.FormatFloat(f, 'g', -1, 64), which is also what %v prints for a float64. */
export function goFormatFloatG(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  // Shortest round-trip digits and decimal exponent.
  const [mantissa, expPart] = n.toExponential().split('e');
  const exp = Number(expPart);
  // With the shortest precision, 'g' uses the exponent form when exp < -4 || exp >= 6
  // (so Go prints 1e+06 where JavaScript prints 1000000).
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? '-' : '+';
    const digits = String(Math.abs(exp)).padStart(2, '0');
    return `${mantissa}e${sign}${digits}`;
  }
  return n.toFixed(Math.max(0, mantissa.replace(/^-/, '').replace('.', '').length - 1 - exp));
}

/** An unstructured integer (int64 in Go) versus a float64. */
export function isGoInt(n: number): boolean {
  return Number.isInteger(n) && Math.abs(n) < 2 ** 63;
}

/** %v of a scalar or composite value (fmt.Fprint). */
export function goPrintV(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return isGoInt(value) ? String(value) : goFormatFloatG(value);
  if (Array.isArray(value)) return '[' + value.map(goPrintV).join(' ') + ']';
  if (isJsonObject(value)) {
    const o = value;
    const keys = Object.keys(o).sort(goKeyOrder);
    return 'map[' + keys.map((k) => `${k}:${goPrintV(o[k])}`).join(' ') + ']';
  }
  return String(value);
}

/** strconv.Quote: Go's double-quoted string literal (printable Unicode kept as is). */
export function goStrconvQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (c === 0x07) out += '\\a';
    else if (c === 0x08) out += '\\b';
    else if (c === 0x0c) out += '\\f';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c === 0x0b) out += '\\v';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c >= 0x80 && c < 0xa0) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

/** Go's type name for a value inside an unstructured object. */
export function goTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'interface {}';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return isGoInt(value) ? 'int64' : 'float64';
  if (Array.isArray(value)) return '[]interface {}';
  return 'map[string]interface {}';
}

/** %#v of a value inside an unstructured object. */
export function goPrintSharpV(value: unknown): string {
  if (value === null || value === undefined) return 'interface {}(nil)';
  if (typeof value === 'string') return goStrconvQuote(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return isGoInt(value) ? String(value) : goFormatFloatG(value);
  if (Array.isArray(value)) return '[]interface {}{' + value.map((v) => goPrintSharpV(v)).join(', ') + '}';
  if (isJsonObject(value)) {
    const o = value;
    const keys = Object.keys(o).sort(goKeyOrder);
    return 'map[string]interface {}{' + keys.map((k) => `${goStrconvQuote(k)}:${goPrintSharpV(o[k])}`).join(', ') + '}';
  }
  return String(value);
}
