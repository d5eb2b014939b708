// jq 1.6's JSON writer: 2-space indent (or --indent/--tab), compact with -c, keys in input
// order unless -S, jq's string escapes (DEL as \u007f, `/` unescaped, non-ASCII raw).

export interface WriteOptions {
  indent: string;
  compact: boolean;
  sortKeys: boolean;
  /** jq colours its output on a terminal (and with -C). */
  color: boolean;
}

function number(n: number): string {
  if (Number.isNaN(n)) return 'null';
  if (!Number.isFinite(n)) return n > 0 ? '1.7976931348623157e+308' : '-1.7976931348623157e+308';
  // jq 1.6 prints the shortest round-trip digits in C's %.17g layout: exponent form below 1e-4
  // and from 1e17 on, with at least two exponent digits.
  const [mantissa, exp] = n.toExponential().split('e');
  const e = Number(exp);
  if (e >= -4 && e < 17) return String(n);
  return `${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

export function jqString(s: string): string {
  return JSON.stringify(s).replace(/\x7f/g, '\\u007f');
}

export function writeJson(v: unknown, o: WriteOptions, level = 0): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return number(v);
  if (typeof v === 'string') return jqString(v);
  const pad = o.compact ? '' : `\n${o.indent.repeat(level + 1)}`;
  const close = o.compact ? '' : `\n${o.indent.repeat(level)}`;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[${v.map((x) => pad + writeJson(x, o, level + 1)).join(',')}${close}]`;
  }
  const keys = Object.keys(v as object);
  if (keys.length === 0) return '{}';
  if (o.sortKeys) keys.sort();
  const sep = o.compact ? ':' : ': ';
  return `{${keys.map((k) => `${pad}${jqString(k)}${sep}${writeJson((v as Record<string, unknown>)[k], o, level + 1)}`).join(',')}${close}}`;
}

// jq 1.6's default colours and the exact places it switches them (jv_dump_term).
const COLORS = { null: '1;30', false: '0;39', true: '0;39', number: '0;39', string: '0;32', array: '1;39', object: '1;39' };
const FIELD = '34;1';
const esc = (code: string) => `\x1b[${code}m`;
const RESET = esc('0');

function colorOf(v: unknown): string {
  if (v === null || v === undefined) return COLORS.null;
  if (v === true) return COLORS.true;
  if (v === false) return COLORS.false;
  if (typeof v === 'number') return COLORS.number;
  if (typeof v === 'string') return COLORS.string;
  return Array.isArray(v) ? COLORS.array : COLORS.object;
}

export function writeJsonColored(v: unknown, o: WriteOptions, level = 0): string {
  const col = esc(colorOf(v));
  if (v === null || typeof v !== 'object') return `${col}${writeJson(v, o, level)}${RESET}`;
  const newline = (l: number) => (o.compact ? '' : `\n${o.indent.repeat(l)}`);
  if (Array.isArray(v)) {
    if (v.length === 0) return `${col}[]${RESET}`;
    const items = v.map((x, i) => `${i ? `${col},` : ''}${newline(level + 1)}${writeJsonColored(x, o, level + 1)}`);
    return `${col}[${items.join('')}${col}${newline(level)}${col}]${RESET}`;
  }
  const keys = Object.keys(v);
  if (keys.length === 0) return `${col}{}${RESET}`;
  if (o.sortKeys) keys.sort();
  const sep = o.compact ? ':' : ': ';
  const entries = keys.map((k, i) => `${i ? `${col},` : ''}${newline(level + 1)}${RESET}${esc(FIELD)}${jqString(k)}${RESET}${col}${sep}${RESET}${writeJsonColored((v as Record<string, unknown>)[k], o, level + 1)}`);
  return `${col}{${entries.join('')}${col}${newline(level)}${col}}${RESET}`;
}
