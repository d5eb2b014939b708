// jq's math builtins (C's libm as jq 1.7.1 exposes it): functions of their input, and functions
// of their arguments (`pow(a; b)`, each argument's outputs in turn, the last argument's outermost).
// Bessel and gamma functions have no exact JavaScript counterpart and say they are not available.
import { describe, JqRuntimeError, type Builtin, type JqValue } from './evaluate.ts';
import { requireNumber } from './errors.ts';
import { plain } from './values.ts';

const num = requireNumber;

/** C's frexp: a mantissa in [0.5, 1) and a power of two. */
function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  let e = Math.max(-1073, Math.floor(Math.log2(Math.abs(x))) + 1);
  let m = x * 2 ** -e;
  while (Math.abs(m) < 0.5) {
    m *= 2;
    e--;
  }
  while (Math.abs(m) >= 1) {
    m /= 2;
    e++;
  }
  return [m, e];
}

/** Round half to even (C's rint under the default rounding mode). */
function rint(x: number): number {
  if (!Number.isFinite(x)) return x;
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** C's round: halves away from zero. */
const round = (x: number) => (x < 0 ? -Math.round(-x) : Math.round(x));

/** C's remainder/drem: x - n*y with n the nearest integer to x/y (halves to even). */
const remainder = (x: number, y: number) => x - rint(x / y) * y;

function nextafter(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x === y) return y;
  if (x === 0) return y > 0 ? Number.MIN_VALUE : -Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  view.setBigUint64(0, (y > x) === (x > 0) ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}

const UNARY: Record<string, (x: number) => JqValue> = {
  acos: Math.acos, acosh: Math.acosh, asin: Math.asin, asinh: Math.asinh, atan: Math.atan, atanh: Math.atanh,
  cbrt: Math.cbrt, ceil: Math.ceil, cos: Math.cos, cosh: Math.cosh, exp: Math.exp, exp10: (x) => 10 ** x,
  exp2: (x) => 2 ** x, expm1: Math.expm1, fabs: Math.abs, floor: Math.floor, log: Math.log, log10: Math.log10,
  log1p: Math.log1p, log2: Math.log2, logb: (x) => (x === 0 ? -Infinity : Number.isFinite(x) ? frexp(x)[1] - 1 : Math.abs(x)),
  nearbyint: rint, rint, round, significand: (x) => (x === 0 || !Number.isFinite(x) ? x : frexp(x)[0] * 2),
  sin: Math.sin, sinh: Math.sinh, sqrt: Math.sqrt, tan: Math.tan, tanh: Math.tanh, trunc: Math.trunc,
  pow10: (x) => 10 ** x, frexp, modf: (x) => (Number.isFinite(x) ? [x - Math.trunc(x), Math.trunc(x)] : [Number.isNaN(x) ? x : 0, x]),
};

const BINARY: Record<string, (x: number, y: number) => number> = {
  atan2: Math.atan2, copysign: (x, y) => (y < 0 || Object.is(y, -0) ? -Math.abs(x) : Math.abs(x)),
  drem: remainder, remainder, fdim: (x, y) => (x > y ? x - y : 0), fmax: (x, y) => (Number.isNaN(x) ? y : Number.isNaN(y) ? x : Math.max(x, y)),
  fmin: (x, y) => (Number.isNaN(x) ? y : Number.isNaN(y) ? x : Math.min(x, y)), fmod: (x, y) => x % y, hypot: Math.hypot,
  ldexp: (x, y) => x * 2 ** Math.trunc(y), scalb: (x, y) => x * 2 ** y, scalbln: (x, y) => x * 2 ** Math.trunc(y),
  nextafter, nexttoward: nextafter, pow: (x, y) => x ** y,
};

const UNAVAILABLE = ['gamma/0', 'lgamma/0', 'tgamma/0', 'lgamma_r/0', 'j0/0', 'j1/0', 'y0/0', 'y1/0', 'erf/0', 'erfc/0', 'jn/2', 'yn/2'];

/** Every output of each argument, the last argument's outermost (as jq binds `$a`, `$b`). */
function* argumentValues(args: JqValue[][]): Generator<JqValue[]> {
  if (args.length === 0) return yield [];
  const last = args[args.length - 1];
  for (const v of last) for (const rest of argumentValues(args.slice(0, -1))) yield [...rest, v];
}

export function mathBuiltins(): Array<[string, Builtin]> {
  const out: Array<[string, Builtin]> = [];
  for (const [name, f] of Object.entries(UNARY)) {
    out.push([`${name}/0`, function* (v) { yield f(num(v)); }]);
  }
  for (const [name, f] of Object.entries(BINARY)) {
    out.push([`${name}/2`, function* (v, [a, b], e, ev) {
      for (const [x, y] of argumentValues([[...ev.eval(a, v, e)], [...ev.eval(b, v, e)]])) yield f(num(x), num(y));
    }]);
  }
  out.push(['fma/3', function* (v, [a, b, c], e, ev) {
    for (const [x, y, z] of argumentValues([[...ev.eval(a, v, e)], [...ev.eval(b, v, e)], [...ev.eval(c, v, e)]])) yield num(x) * num(y) + num(z);
  }]);
  for (const key of UNAVAILABLE) {
    out.push([key, function* () { throw new JqRuntimeError(`${key} is not available in this lab`); }]);
  }
  // abs keeps what is not a negative number as it is (a kept literal too).
  out.push(['abs/0', function* (v) { const n = plain(v); yield typeof n === 'number' && n < 0 ? -n : v; }]);
  return out;
}
