// awk's values: numbers, strings, and "strnums" (input that looks numeric: fields, getline,
// split's pieces, -v values), which compare as numbers when both sides are numeric. Numbers
// become strings as gawk writes them: integral values as integers, others through CONVFMT/OFMT.
import { formatFloat } from '../../builtins/printf-format.ts';

export class StrNum {
  readonly s: string;
  readonly n: number;
  /** Whether the text looks like a number as a whole (then it compares numerically). */
  readonly numeric: boolean;
  constructor(s: string) {
    this.s = s;
    this.numeric = LOOKS_NUMERIC.test(s);
    this.n = toNumber(s);
  }
}

/** An uninitialized value: "" and 0 at once. */
export const UNINIT = undefined;
export type Value = number | string | StrNum | undefined;

const LOOKS_NUMERIC = /^[ \t\n\r\f\v]*[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?[ \t\n\r\f\v]*$/;
const NUMBER_PREFIX = /^[ \t\n\r\f\v]*([+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)/;
const SPECIAL = /^[ \t\n\r\f\v]*([+-])(inf|nan)/i;

/** The number a string starts with (strtod's reading: 0 when none). */
export function toNumber(v: Value): number {
  if (typeof v === 'number') return v;
  if (v === undefined) return 0;
  if (v instanceof StrNum) return v.n;
  const m = NUMBER_PREFIX.exec(v);
  if (m) return Number(m[1]);
  // gawk reads +inf, -inf, +nan and -nan (with their sign) as the special values.
  const special = SPECIAL.exec(v);
  if (special) return special[2].toLowerCase() === 'inf' ? (special[1] === '-' ? -Infinity : Infinity) : NaN;
  return 0;
}

/** A number as gawk prints it with the format `fmt` (CONVFMT or OFMT). */
export function numberToString(n: number, fmt: string): string {
  if (Number.isNaN(n)) return '-nan';
  if (!Number.isFinite(n)) return n > 0 ? '+inf' : '-inf';
  if (Number.isInteger(n)) return BigInt(n).toString();
  const m = /^%([-+ #0]*)([0-9]*)(?:\.([0-9]+))?([eEfFgGdi])$/.exec(fmt);
  if (!m) return String(n);
  // An integer format (CONVFMT="%d") truncates toward zero, as C's conversion of the double does.
  if (m[4] === 'd' || m[4] === 'i') return String(Math.trunc(n)).replace(/^-0$/, '0');
  return formatFloat(n, { flags: m[1], width: m[2] ? Number(m[2]) : undefined, precision: m[3] === undefined ? undefined : Number(m[3]), conversion: m[4] });
}

export function toStr(v: Value, fmt = '%.6g'): string {
  if (typeof v === 'string') return v;
  if (v === undefined) return '';
  if (v instanceof StrNum) return v.s;
  return numberToString(v, fmt);
}

export function toBool(v: Value): boolean {
  if (typeof v === 'number') return v !== 0;
  if (v === undefined) return false;
  if (v instanceof StrNum) return v.numeric ? v.n !== 0 : v.s !== '';
  return v !== '';
}

const numericOperand = (v: Value) => typeof v === 'number' || v === undefined || (v instanceof StrNum && v.numeric);

/** awk's comparison: numeric when both sides are numbers (or numeric input), by characters otherwise. */
export function compare(a: Value, b: Value, convfmt: string, ignoreCase = false): number {
  if (numericOperand(a) && numericOperand(b)) {
    const x = toNumber(a);
    const y = toNumber(b);
    return x < y ? -1 : x > y ? 1 : x === y ? 0 : Number.isNaN(x) ? (Number.isNaN(y) ? 0 : 1) : -1;
  }
  // gawk's IGNORECASE compares strings with their case folded.
  const x = ignoreCase ? toStr(a, convfmt).toLowerCase() : toStr(a, convfmt);
  const y = ignoreCase ? toStr(b, convfmt).toLowerCase() : toStr(b, convfmt);
  return x < y ? -1 : x > y ? 1 : 0;
}
