// The Go values kubectl's describers print: times (RFC1123Z and time.Time's String, in UTC, the
// zone of the machine the references were made on), field selectors, resource quantities, and the
// float-to-int64 conversion of an amd64 build. Label sets and selectors print as the printers print
// them (format/kube/printers/helpers.ts).
import { humanDuration } from '../../../format/kube/duration.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function parse(t: unknown): Date | undefined {
  if (typeof t !== 'string' || t === '') return undefined;
  const d = new Date(t);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** time.RFC1123Z: "Mon, 02 Jan 2006 15:04:05 -0700"; the zero time when absent. */
export function rfc1123z(t: unknown): string {
  const d = parse(t);
  if (!d) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** time.Time's String: "2006-01-02 15:04:05.999999999 -0700 MST". */
export function goTimeString(t: unknown): string {
  const d = parse(t);
  if (!d) return '0001-01-01 00:00:00 +0000 UTC';
  const ms = d.getUTCMilliseconds();
  const frac = ms === 0 ? '' : `.${pad(ms, 3)}`.replace(/0+$/, '');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${frac} +0000 UTC`;
}

/** translateTimestampSince: `<unknown>` for a zero time, else HumanDuration of the time since. */
export function since(t: unknown, now: Date): string {
  const d = parse(t);
  if (!d || d.getTime() === new Date('0001-01-01T00:00:00Z').getTime()) return '<unknown>';
  return humanDuration(now.getTime() - d.getTime());
}

/** fields.EscapeValue. */
export function escapeFieldValue(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/=/g, '\\=');
}

/** fields.Set.AsSelector().String(): `k=v` terms sorted by key. */
export function fieldSet(set: Record<string, string>): string {
  return Object.keys(set)
    .sort()
    .map((k) => `${k}=${escapeFieldValue(set[k])}`)
    .join(',');
}

/** Go's int64(f) on amd64: NaN, infinities and out-of-range values become math.MinInt64. */
export function goInt64(f: number): string {
  if (!Number.isFinite(f) || f >= 2 ** 63 || f < -(2 ** 63)) return '-9223372036854775808';
  return BigInt(Math.trunc(f)).toString();
}

// ---------- resource.Quantity ----------

const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

export interface Quantity {
  /** The value in nano-units (exact for what pods and nodes hold). */
  nanos: bigint;
  format: 'BinarySI' | 'DecimalSI' | 'DecimalExponent';
}

export const ZERO: Quantity = { nanos: 0n, format: 'DecimalSI' };

/** resource.ParseQuantity for the forms pods and nodes use: `100m`, `2`, `1.5Gi`, `512Mi`, `1e3`. */
export function parseQuantity(text: unknown): Quantity | undefined {
  if (typeof text === 'number') text = String(text);
  if (typeof text !== 'string') return undefined;
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])|[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const sign = m[1] === '-' ? -1n : 1n;
  const digits = (m[2] || '0') + (m[3] ?? '');
  const scale = (m[3] ?? '').length;
  let nanos = BigInt(digits) * 10n ** 9n;
  let format: Quantity['format'] = 'DecimalSI';
  if (m[4] && m[4] in BINARY) {
    nanos = nanos * 2n ** BigInt(BINARY[m[4]]);
    format = 'BinarySI';
  } else {
    const exp = m[5] !== undefined ? Number(m[5]) : DECIMAL[m[4] ?? ''];
    if (m[5] !== undefined) format = 'DecimalExponent';
    nanos = exp >= 0 ? nanos * 10n ** BigInt(exp) : nanos / 10n ** BigInt(-exp);
  }
  nanos = nanos / 10n ** BigInt(scale);
  return { nanos: sign * nanos, format };
}

/** Quantity.Add: a zero quantity takes the format of what is added to it. */
export function addQuantity(a: Quantity, b: Quantity): Quantity {
  return { nanos: a.nanos + b.nanos, format: a.nanos === 0n ? b.format : a.format };
}

/** Quantity.MilliValue / Value, rounded up as Go's are. */
export function milliValue(q: Quantity): number {
  const d = 10n ** 6n;
  return Number(q.nanos >= 0n ? (q.nanos + d - 1n) / d : q.nanos / d);
}
export function value(q: Quantity): number {
  const d = 10n ** 9n;
  return Number(q.nanos >= 0n ? (q.nanos + d - 1n) / d : q.nanos / d);
}

/** Quantity.String: the canonical form (the largest suffix that keeps the number whole). */
export function quantityString(q: Quantity): string {
  if (q.nanos === 0n) return '0';
  const neg = q.nanos < 0n;
  const abs = neg ? -q.nanos : q.nanos;
  const sign = neg ? '-' : '';
  if (q.format === 'BinarySI' && abs % 10n ** 9n === 0n) {
    const whole = abs / 10n ** 9n;
    // Binary suffixes only for values of at least 1Ki that stay whole.
    if (whole >= 1024n) {
      let v = whole;
      let i = 0;
      const suffixes = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
      while (v % 1024n === 0n && i < 6) {
        v /= 1024n;
        i++;
      }
      if (i > 0) return `${sign}${v}${suffixes[i]}`;
    }
  }
  // Decimal: the exponent a multiple of three, the mantissa whole.
  const steps: Array<[bigint, string]> = [
    [10n ** 27n, 'E'], [10n ** 24n, 'P'], [10n ** 21n, 'T'], [10n ** 18n, 'G'], [10n ** 15n, 'M'], [10n ** 12n, 'k'], [10n ** 9n, ''], [10n ** 6n, 'm'], [10n ** 3n, 'u'], [1n, 'n'],
  ];
  // (A DecimalExponent quantity prints as e3, e6… in Go; the labs hold none.)
  for (const [unit, suffix] of steps) {
    if (abs % unit === 0n) return `${sign}${abs / unit}${suffix}`;
  }
  return `${sign}${abs}n`;
}

export { humanDuration };
