// Binary floating-point numbers held exactly (mantissa × 2^exponent) and written in decimal as the
// C library does: correctly rounded, ties to even. bash's printf reads its numbers as x86 long
// doubles (64-bit mantissa), awk as doubles; JavaScript's toFixed rounds ties up and knows only
// doubles, so neither would print what the real tools print for 2.5 or 1.0005.

export interface ExactFloat {
  negative: boolean;
  /** NaN and infinities; mantissa and exponent are then meaningless. */
  special?: 'nan' | 'inf';
  mantissa: bigint;
  exponent: number;
}

const pow10 = (n: number) => 10n ** BigInt(n);

/** A double, exactly. */
export function fromDouble(x: number): ExactFloat {
  if (Number.isNaN(x)) return { negative: false, special: 'nan', mantissa: 0n, exponent: 0 };
  const negative = x < 0 || Object.is(x, -0);
  if (!Number.isFinite(x)) return { negative, special: 'inf', mantissa: 0n, exponent: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  return biased === 0
    ? { negative, mantissa: fraction, exponent: -1074 }
    : { negative, mantissa: fraction | (1n << 52n), exponent: biased - 1075 };
}

/** `numerator / denominator` rounded to the nearest integer, ties to even. */
function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const q = numerator / denominator;
  const twice = (numerator % denominator) * 2n;
  if (twice > denominator || (twice === denominator && q % 2n === 1n)) return q + 1n;
  return q;
}

/** A decimal (`digits` × 10^power, digits without sign) rounded to a binary float of `bits` mantissa bits. */
export function fromDecimal(negative: boolean, digits: bigint, power: number, bits: number): ExactFloat {
  if (digits === 0n) return { negative, mantissa: 0n, exponent: 0 };
  let numerator = power >= 0 ? digits * pow10(power) : digits;
  let denominator = power >= 0 ? 1n : pow10(-power);
  // Scale by 2^k so that the quotient has exactly `bits` bits.
  let k = bits - (numerator.toString(2).length - denominator.toString(2).length);
  const scaled = () => (k >= 0 ? [numerator << BigInt(k), denominator] : [numerator, denominator << BigInt(-k)]);
  let [n, d] = scaled();
  if (n / d >= 1n << BigInt(bits)) k--;
  else if (n / d < 1n << BigInt(bits - 1)) k++;
  [n, d] = scaled();
  let mantissa = divideRounded(n, d);
  let exponent = -k;
  if (mantissa === 1n << BigInt(bits)) {
    mantissa >>= 1n;
    exponent++;
  }
  return { negative, mantissa, exponent };
}

/** |value| × 10^p rounded to an integer, ties to even. */
function scaledInteger(value: ExactFloat, p: number): bigint {
  const { mantissa, exponent } = value;
  let numerator = mantissa;
  let denominator = 1n;
  if (exponent >= 0) numerator <<= BigInt(exponent);
  else denominator <<= BigInt(-exponent);
  if (p >= 0) numerator *= pow10(p);
  else denominator *= pow10(-p);
  return divideRounded(numerator, denominator);
}

/** |value| with `precision` decimals. */
export function fixedDigits(value: ExactFloat, precision: number): string {
  const digits = scaledInteger(value, precision).toString().padStart(precision + 1, '0');
  return precision ? `${digits.slice(0, -precision)}.${digits.slice(-precision)}` : digits;
}

/** |value| as d.ddd × 10^exponent with `precision` decimals. */
export function exponentialDigits(value: ExactFloat, precision: number): { mantissa: string; exponent: number } {
  if (value.mantissa === 0n) return { mantissa: precision ? `0.${'0'.repeat(precision)}` : '0', exponent: 0 };
  // First guess of the decimal exponent from the bit length, then the exact digits decide.
  const bitLength = value.mantissa.toString(2).length + value.exponent;
  let exponent = Math.floor((bitLength - 1) * Math.log10(2));
  for (;;) {
    const digits = scaledInteger(value, precision - exponent);
    const text = digits.toString();
    if (text.length > precision + 1) exponent++;
    else if (text.length < precision + 1) exponent--;
    else return { mantissa: precision ? `${text[0]}.${text.slice(1)}` : text, exponent };
  }
}
