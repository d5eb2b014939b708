// C's printf conversions of one number (what bash's printf and awk's printf hand to the C
// library): flags `-` `+` space `0` `#`, width and precision, for %d %i %u %o %x %X %c and
// %e %E %f %F %g %G. Written here because the lab needs the C library's exact text (no JS
// formatter pads, signs and trims %g as glibc does).
import { exponentialDigits, fixedDigits, fromDouble, type ExactFloat } from './exact-float.ts';
import { MAX_VALUE, valueLimit } from '../../limits.ts';

/** A width or precision the lab cannot hold stops the command as any value too large does. */
export function checkSpec(spec: Spec): void {
  if ((spec.width ?? 0) > MAX_VALUE || (spec.precision ?? 0) > MAX_VALUE) throw valueLimit();
}

export interface Spec {
  flags: string;
  width?: number;
  precision?: number;
  conversion: string;
}

/** `body` (digits, maybe a prefix) with its sign, padded to the width as the flags say. */
function place(sign: string, prefix: string, digits: string, spec: Spec, zeroPadAllowed: boolean): string {
  const width = spec.width ?? 0;
  const length = sign.length + prefix.length + digits.length;
  if (length >= width) return sign + prefix + digits;
  if (spec.flags.includes('-')) return (sign + prefix + digits).padEnd(width);
  if (zeroPadAllowed && spec.flags.includes('0')) return sign + prefix + digits.padStart(width - sign.length - prefix.length, '0');
  return (sign + prefix + digits).padStart(width);
}

function signOf(negative: boolean, spec: Spec): string {
  if (negative) return '-';
  if (spec.flags.includes('+')) return '+';
  if (spec.flags.includes(' ')) return ' ';
  return '';
}

/** %d %i %u %o %x %X of an integer (already wrapped to unsigned for the unsigned conversions). */
export function formatInteger(value: bigint, spec: Spec): string {
  checkSpec(spec);
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  const c = spec.conversion;
  let digits = c === 'o' ? magnitude.toString(8) : c === 'x' ? magnitude.toString(16) : c === 'X' ? magnitude.toString(16).toUpperCase() : magnitude.toString();
  if (spec.precision !== undefined) digits = spec.precision === 0 && magnitude === 0n ? '' : digits.padStart(spec.precision, '0');
  let prefix = '';
  if (spec.flags.includes('#')) {
    if (c === 'o' && !digits.startsWith('0')) digits = `0${digits}`;
    if ((c === 'x' || c === 'X') && magnitude !== 0n) prefix = c === 'x' ? '0x' : '0X';
  }
  const signed = c === 'd' || c === 'i';
  return place(signed ? signOf(negative, spec) : '', prefix, digits, spec, spec.precision === undefined);
}

function exponentText(exponent: number): string {
  const digits = String(Math.abs(exponent)).padStart(2, '0');
  return `${exponent < 0 ? '-' : '+'}${digits}`;
}

/** %e %E %f %F %g %G of a number (a double, or a long double read exactly). */
export function formatFloat(number: ExactFloat | number, spec: Spec): string {
  checkSpec(spec);
  const value = typeof number === 'number' ? fromDouble(number) : number;
  const c = spec.conversion;
  const upper = c === 'E' || c === 'F' || c === 'G';
  const sign = signOf(value.negative, spec);
  if (value.special) return place(sign, '', upper ? value.special.toUpperCase() : value.special, spec, false);
  const alternate = spec.flags.includes('#');
  let body: string;
  if (c === 'f' || c === 'F') {
    const precision = spec.precision ?? 6;
    body = fixedDigits(value, precision);
    if (alternate && precision === 0) body += '.';
  } else if (c === 'e' || c === 'E') {
    const precision = spec.precision ?? 6;
    const { mantissa, exponent } = exponentialDigits(value, precision);
    body = `${mantissa}${alternate && precision === 0 ? '.' : ''}e${exponentText(exponent)}`;
  } else {
    const p = spec.precision === undefined ? 6 : spec.precision === 0 ? 1 : spec.precision;
    const { mantissa, exponent } = exponentialDigits(value, p - 1);
    body = p > exponent && exponent >= -4 ? fixedDigits(value, p - 1 - exponent) : `${mantissa}e${exponentText(exponent)}`;
    if (!alternate) {
      // %g drops trailing zeros of the fraction, and the point when nothing follows it.
      body = body.replace(/(\.[0-9]*?)0+(e|$)/, '$1$2').replace(/\.(e|$)/, '$1');
    } else if (!body.includes('.')) {
      body = body.replace(/(e|$)/, '.$1');
    }
  }
  if (upper) body = body.toUpperCase();
  return place(sign, '', body, spec, true);
}
