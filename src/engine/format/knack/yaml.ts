// knack's yaml output: PyYAML safe_dump(result, default_flow_style=False, allow_unicode=True).
// Keys sorted, block style, list items not indented under their key, PyYAML's quoting rules.
import { floatRepr, isPyDict, PyFloat } from './python.ts';
import { Printer } from './printer.ts';

const RESOLVES_TO_OTHER_TYPE = [
  /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^(?:~|null|Null|NULL)$/,
  /^[-+]?(?:0b[0-1_]+|0[0-7_]+|(?:0|[1-9][0-9_]*)|0x[0-9a-fA-F_]+|[1-9][0-9_]*(?::[0-5]?[0-9])+)$/,
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/,
  /^(?:<<|=)$/,
];

function needsQuotes(s: string): boolean {
  if (s === '' || RESOLVES_TO_OTHER_TYPE.some((re) => re.test(s))) return true;
  if (/^[\s]|[\s]$/.test(s)) return true;
  if (/^[#,[\]{}&*!|>'"%@`]/.test(s)) return true;
  if (/^[-?:](\s|$)/.test(s)) return true;
  if (/^(?:---|\.\.\.)(\s|$)/.test(s)) return true;
  if (/: |:$| #|[\n\r\t]/.test(s)) return true;
  // PyYAML only writes printable characters plainly.
  return SPECIAL.test(s) || BREAK.test(s);
}

const ESCAPES: Record<string, string> = { '\0': '0', '\x07': 'a', '\b': 'b', '\t': 't', '\n': 'n', '\v': 'v', '\f': 'f', '\r': 'r', '\x1b': 'e', '"': '"', '\\': '\\', '\u0085': 'N', '\u00a0': '_', '\u2028': 'L', '\u2029': 'P' };
const BEST_WIDTH = 80;
const BREAK = /[\n\x85\u2028\u2029]/;
const isBreak = (ch: string | undefined) => ch !== undefined && BREAK.test(ch);

/** What PyYAML writes raw between double quotes with allow_unicode (write_double_quoted). */
const isQuotedPrintable = (ch: string) => !'"\\\u0085\u2028\u2029\ufeff'.includes(ch) && /^[\x20-\x7e\u00a0-\ud7ff\ue000-\ufffd]$/.test(ch);

/** A character that makes PyYAML choose double quotes (analyze_scalar's special characters). */
const SPECIAL = /[^\n\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10fffe}]|\ufeff/u;

function escapeOf(ch: string): string {
  const code = ch.codePointAt(0)!;
  const hex = code.toString(16).toUpperCase();
  return `\\${ESCAPES[ch] ?? (code <= 0xff ? `x${hex.padStart(2, '0')}` : code <= 0xffff ? `u${hex.padStart(4, '0')}` : `U${hex.padStart(8, '0')}`)}`;
}

/**
 * PyYAML's write_double_quoted: escapes, and past column 80 a break with a trailing backslash at a
 * space or after an escape; the next line starts at `indent` (a leading space escaped).
 */
function doubleQuoted(s: string, column: number, indent: number, split: boolean): string {
  const chars = [...s];
  let out = '"';
  column += 1;
  let start = 0;
  for (let end = 0; end <= chars.length; end++) {
    const ch = end < chars.length ? chars[end] : undefined;
    if (ch === undefined || !isQuotedPrintable(ch)) {
      if (start < end) {
        const data = chars.slice(start, end).join('');
        out += data;
        column += end - start;
        start = end;
      }
      if (ch !== undefined) {
        const data = escapeOf(ch);
        out += data;
        column += data.length;
        start = end + 1;
      }
    }
    if (split && end > 0 && end < chars.length - 1 && (ch === ' ' || start >= end) && column + (end - start) > BEST_WIDTH) {
      const data = `${chars.slice(start, end).join('')}\\`;
      if (start < end) start = end;
      out += `${data}\n${' '.repeat(indent)}`;
      column = indent;
      if (chars[start] === ' ') {
        out += '\\';
        column += 1;
      }
    }
  }
  return `${out}"`;
}

/**
 * PyYAML's write_single_quoted: quotes doubled, a break written as a blank line (a \n) or itself
 * (NEL, U+2028, U+2029) followed by the indent, and past column 80 a single space becomes a break.
 */
function singleQuoted(s: string, column: number, indent: number, split: boolean): string {
  const chars = [...s];
  let out = "'";
  column += 1;
  let spaces = false;
  let breaks = false;
  let start = 0;
  const newLine = (text = '\n') => {
    out += text;
    column = 0;
  };
  const writeIndent = () => {
    if (column >= indent) newLine();
    out += ' '.repeat(indent - column);
    column = indent;
  };
  for (let end = 0; end <= chars.length; end++) {
    const ch = end < chars.length ? chars[end] : undefined;
    if (spaces) {
      if (ch !== ' ') {
        if (start + 1 === end && column > BEST_WIDTH && split && start !== 0 && end !== chars.length) writeIndent();
        else {
          out += chars.slice(start, end).join('');
          column += end - start;
        }
        start = end;
      }
    } else if (breaks) {
      if (!isBreak(ch)) {
        if (chars[start] === '\n') newLine();
        for (const br of chars.slice(start, end)) newLine(br === '\n' ? '\n' : br);
        writeIndent();
        start = end;
      }
    } else if (ch === undefined || ch === ' ' || ch === "'" || isBreak(ch)) {
      if (start < end) {
        out += chars.slice(start, end).join('');
        column += end - start;
        start = end;
      }
    }
    if (ch === "'") {
      out += "''";
      column += 2;
      start = end + 1;
    }
    if (ch !== undefined) {
      spaces = ch === ' ';
      breaks = isBreak(ch);
    }
  }
  return `${out}'`;
}

// PyYAML's represent_float: .nan/.inf, else repr() lower-cased with `.0` before a bare exponent.
function yamlFloat(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (!Number.isFinite(n)) return n > 0 ? '.inf' : '-.inf';
  const text = floatRepr(n).toLowerCase();
  return !text.includes('.') && text.includes('e') ? text.replace('e', '.0e') : text;
}

/** Where a scalar starts (its column) and where a folded line of it goes on (its indent); keys do not fold. */
interface At {
  column: number;
  indent: number;
}

function scalar(value: unknown, out: Printer, at?: At): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (value instanceof PyFloat || (typeof value === 'number' && !Number.isInteger(value))) return yamlFloat(Number(value));
  if (typeof value === 'number') return String(value);
  const s = String(value);
  // The style is chosen on the whole text; only what the output can still show is written.
  const shown = out.cut(s);
  if (!needsQuotes(s)) return shown;
  // A space next to a line break cannot be single-quoted (analyze_scalar's space_break and break_space).
  if (SPECIAL.test(s) || / [\n\x85\u2028\u2029]|[\n\x85\u2028\u2029] /.test(s)) return doubleQuoted(shown, at?.column ?? 0, at?.indent ?? 0, at !== undefined);
  return singleQuoted(shown, at?.column ?? 0, at?.indent ?? 0, at !== undefined);
}

/** A list or a dict. */
const isCollection = (value: unknown): value is unknown[] | Record<string, unknown> => Array.isArray(value) || isPyDict(value);
const isEmpty = (v: object) => (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0);
const emptyFlow = (v: object) => (Array.isArray(v) ? '[]' : '{}');

/**
 * A block collection, one line at a time. `lead` is what the first line starts with instead of
 * `indent` (the same width): a collection that is a list item starts on its dash's line.
 */
function block(value: unknown[] | Record<string, unknown>, out: Printer, indent: string, lead: string, level: number): void {
  out.depth(level);
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const start = i === 0 ? lead : indent;
      if (isCollection(item) && !isEmpty(item)) return block(item, out, `${indent}  `, `${start}- `, level + 1);
      const text = isCollection(item) ? emptyFlow(item) : scalar(item, out, { column: indent.length + 2, indent: indent.length + 2 });
      out.put(`${start}- ${text}\n`);
    });
    return;
  }
  const keys = Object.keys(value);
  out.scan(keys.length);
  keys.sort().forEach((key, i) => {
    const start = i === 0 ? lead : indent;
    const v = value[key];
    const k = scalar(key, out);
    if (isCollection(v) && !isEmpty(v)) {
      out.put(`${start}${k}:\n`);
      return block(v, out, Array.isArray(v) ? indent : `${indent}  `, Array.isArray(v) ? indent : `${indent}  `, level + 1);
    }
    const text = isCollection(v) ? emptyFlow(v) : scalar(v, out, { column: indent.length + [...k].length + 2, indent: indent.length + 2 });
    out.put(`${start}${k}: ${text}\n`);
  });
}

/** yaml.safe_dump(result, default_flow_style=False, allow_unicode=True); throws OutputLimit past the lab's bounds. */
export function formatYaml(result: unknown): string {
  const out = new Printer();
  if (!isCollection(result)) {
    // A document that is a plain scalar is open-ended: PyYAML ends it with "...".
    const text = scalar(result, out, { column: 0, indent: 2 });
    out.put(/^["']/.test(text) && typeof result === 'string' ? `${text}\n` : `${text}\n...\n`);
  } else if (isEmpty(result)) out.put(`${emptyFlow(result)}\n`);
  else block(result, out, '', '', 0);
  return out.text();
}
