// jq 1.7.1's JSON writer: 2-space indent (or --indent/--tab), compact with -c, keys in input
// order unless -S, jq's string escapes (DEL as \u007f, `/` unescaped, non-ASCII raw), values
// nested deeper than jq's print depth replaced by its marker. `tojson`, `tostring` and error
// messages use the same writer. A writer has a limit and stops there (TooLong), so a huge value
// never becomes a huge string first.

import { NumberLiteral, type JqObject, type JqValue } from './values.ts';

export interface WriteOptions {
  indent: string;
  compact: boolean;
  sortKeys: boolean;
  /** jq colours its output on a terminal (and with -C). */
  color: boolean;
  /** The colours, when $JQ_COLORS changes jq's defaults. */
  palette?: Palette;
}

/** jq's colours in $JQ_COLORS's order: null, false, true, numbers, strings, arrays, objects, object keys. */
export type Palette = readonly string[];

export const COMPACT: WriteOptions = { indent: '', compact: true, sortKeys: false, color: false };

/** jq prints values nested deeper than this as a marker (jv_print.c's MAX_PRINT_DEPTH). */
const MAX_PRINT_DEPTH = 256;
const TOO_DEEP = '<skipped: too deep>';

/** The writer passed its limit; `prefix` is what it wrote up to the limit. */
export class TooLong extends Error {
  readonly prefix: string;
  constructor(prefix: string) {
    super('the text passed its limit');
    this.prefix = prefix;
  }
}

/** A double as jq prints it (a kept literal prints its own text). */
export function number(n: number): string {
  if (Number.isNaN(n)) return 'null';
  if (Object.is(n, -0)) return '-0';
  if (!Number.isFinite(n)) return n > 0 ? '1.7976931348623157e+308' : '-1.7976931348623157e+308';
  // jq 1.7.1 prints the shortest round-trip digits, in exponent form when the decimal point falls
  // 4 or more places before them, or more than 15 places past their end (1e+16, but 15000000000000000).
  if (n === 0) return '0';
  const [mantissa, exp] = n.toExponential().split('e');
  const sign = n < 0 ? '-' : '';
  const digits = mantissa.replace(/^-/, '').replace('.', '');
  const point = Number(exp) + 1;
  if (point <= -4 || point > digits.length + 15) {
    const e = point - 1;
    return `${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

export function jqString(s: string): string {
  return JSON.stringify(s).replace(/\x7f/g, '\\u007f');
}

// jq 1.7.1's default colours (null in dark grey, object keys in bold blue) and the exact places
// it switches them (jv_dump_term).
export const DEFAULT_PALETTE: Palette = ['0;90', '0;39', '0;39', '0;39', '0;32', '1;39', '1;39', '1;34'];

/** The palette $JQ_COLORS gives (its fields replace the defaults in order), or undefined when jq
 * would refuse it ("Failed to set $JQ_COLORS"). */
export function paletteFrom(spec: string): Palette | undefined {
  const fields = spec.split(':');
  if (fields.length > DEFAULT_PALETTE.length || fields.some((f) => !/^[0-9;]{0,12}$/.test(f))) return undefined;
  return DEFAULT_PALETTE.map((c, i) => fields[i] ?? c);
}
/** A value that is no container. */
type JqScalar = Exclude<JqValue, JqValue[] | JqObject>;

const esc = (code: string) => `\x1b[${code}m`;
const RESET = esc('0');

function colorOf(v: JqValue, palette: Palette): string {
  if (v === null || v === undefined) return palette[0];
  if (v === false) return palette[1];
  if (v === true) return palette[2];
  if (typeof v === 'number' || v instanceof NumberLiteral) return palette[3];
  if (typeof v === 'string') return palette[4];
  return Array.isArray(v) ? palette[5] : palette[6];
}

/** What writing costs beyond its characters: each piece a writer puts (a bracket, a number)
 * takes as long as this many characters, so a value of many tiny pieces stops as early. */
const PIECE_WORK = 8;

class Writer {
  private readonly parts: string[] = [];
  private length = 0;
  /** Characters plus PIECE_WORK per piece: what the writer charges its caller. */
  work = 0;
  private readonly o: WriteOptions;
  private readonly limit: number;
  private readonly workLimit: number;

  constructor(o: WriteOptions, limit: number, workLimit = Infinity) {
    this.o = o;
    this.limit = limit;
    this.workLimit = workLimit;
  }

  text(): string {
    return this.parts.join('');
  }

  private put(s: string): void {
    this.parts.push(s);
    this.length += s.length;
    this.work += s.length + PIECE_WORK;
    if (this.length > this.limit) throw new TooLong(this.text().slice(0, this.limit));
    if (this.work > this.workLimit) throw new TooLong(''); // past the work limit the text is dropped: nothing prints it
  }

  /** A string near the limit is escaped only as far as the limit can reach. */
  private string(s: string): string {
    const room = this.limit - this.length;
    return jqString(s.length > room ? s.slice(0, room + 1) : s);
  }

  private scalar(v: JqScalar): string {
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'boolean') return String(v);
    if (typeof v === 'number') return number(v);
    if (v instanceof NumberLiteral) return v.text;
    return this.string(v);
  }

  private keys(v: object): string[] {
    const keys = Object.keys(v);
    return this.o.sortKeys ? keys.sort() : keys;
  }

  plain(v: JqValue, level: number): void {
    if (level > MAX_PRINT_DEPTH) return this.put(TOO_DEEP);
    if (v === null || typeof v !== 'object' || v instanceof NumberLiteral) return this.put(this.scalar(v));
    const { compact, indent } = this.o;
    const pad = compact ? '' : `\n${indent.repeat(level + 1)}`;
    const close = compact ? '' : `\n${indent.repeat(level)}`;
    if (Array.isArray(v)) {
      if (v.length === 0) return this.put('[]');
      this.put('[');
      v.forEach((x, i) => {
        this.put(i ? `,${pad}` : pad);
        this.plain(x, level + 1);
      });
      return this.put(`${close}]`);
    }
    const keys = this.keys(v);
    if (keys.length === 0) return this.put('{}');
    const sep = compact ? ':' : ': ';
    this.put('{');
    keys.forEach((k, i) => {
      this.put(`${i ? ',' : ''}${pad}${this.string(k)}${sep}`);
      this.plain(v[k], level + 1);
    });
    this.put(`${close}}`);
  }

  colored(v: JqValue, level: number): void {
    const palette = this.o.palette ?? DEFAULT_PALETTE;
    const col = esc(colorOf(v, palette));
    if (level > MAX_PRINT_DEPTH) return this.put(`${col}${TOO_DEEP}${RESET}`);
    if (v === null || typeof v !== 'object' || v instanceof NumberLiteral) return this.put(`${col}${this.scalar(v)}${RESET}`);
    const newline = (l: number) => (this.o.compact ? '' : `\n${this.o.indent.repeat(l)}`);
    if (Array.isArray(v)) {
      if (v.length === 0) return this.put(`${col}[]${RESET}`);
      this.put(`${col}[`);
      v.forEach((x, i) => {
        this.put(`${i ? `${col},` : ''}${newline(level + 1)}`);
        this.colored(x, level + 1);
      });
      return this.put(`${col}${newline(level)}${col}]${RESET}`);
    }
    const keys = this.keys(v);
    if (keys.length === 0) return this.put(`${col}{}${RESET}`);
    const sep = this.o.compact ? ':' : ': ';
    this.put(`${col}{`);
    keys.forEach((k, i) => {
      this.put(`${i ? `${col},` : ''}${newline(level + 1)}${RESET}${esc(palette[7])}${this.string(k)}${RESET}${col}${sep}${RESET}`);
      this.colored(v[k], level + 1);
    });
    this.put(`${col}${newline(level)}${col}}${RESET}`);
  }
}

/** `v` as jq prints it; throws TooLong past `limit` characters. */
export function writeJson(v: JqValue, o: WriteOptions, limit = Infinity): string {
  if (typeof v !== 'object' || v === null || v instanceof NumberLiteral) {
    // Scalars need no writer; a string is escaped only as far as the limit can reach.
    const text = v === undefined || v === null ? 'null' : typeof v === 'number' ? number(v) : v instanceof NumberLiteral ? v.text : typeof v === 'string' ? jqString(v.length > limit ? v.slice(0, limit + 1) : v) : String(v);
    if (text.length > limit) throw new TooLong(text.slice(0, limit));
    return text;
  }
  const w = new Writer(o, limit);
  w.plain(v, 0);
  return w.text();
}

export function writeJsonColored(v: JqValue, o: WriteOptions, limit = Infinity): string {
  const w = new Writer(o, limit);
  w.colored(v, 0);
  return w.text();
}

/** `v` as compact JSON, and the work writing it took; throws TooLong once that work passes
 * `workLimit` (`tojson`, `tostring`: the work comes out of the program's budget). */
export function writeCompact(v: JqValue, workLimit: number): { text: string; work: number } {
  if (typeof v !== 'object' || v === null || v instanceof NumberLiteral) {
    const text = writeJson(v, COMPACT, workLimit);
    return { text, work: text.length + PIECE_WORK };
  }
  const w = new Writer(COMPACT, Infinity, workLimit);
  w.plain(v, 0);
  return { text: w.text(), work: w.work };
}

/** At most `limit` characters of `v` written compactly, and whether that is all of it. */
export function writePrefix(v: JqValue, limit: number): { text: string; whole: boolean } {
  try {
    return { text: writeJson(v, COMPACT, limit), whole: true };
  } catch (e) {
    if (!(e instanceof TooLong)) throw e;
    return { text: e.prefix, whole: false };
  }
}
