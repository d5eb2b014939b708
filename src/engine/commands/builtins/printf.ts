// bash's printf builtin: the format's escapes and conversions (%s %b %q %c %d %i %u %o %x %X
// %e %E %f %F %g %G %%) with flags, width, precision and `*`; the format is reused while
// arguments remain; numbers are read as bash reads them (0x, leading 0, 'c) and a bad one is
// reported but still printed as far as it was read; -v stores the result in a variable.
import type { Command } from '../types.ts';
import { checkSpec, formatFloat, formatInteger, type Spec } from './printf-format.ts';
import { fromDecimal, type ExactFloat } from './exact-float.ts';
import { strftime } from './strftime.ts';

const USAGE = 'printf: usage: printf [-v var] format [arguments]\n';

class StopOutput extends Error {}

/** An escape sequence at `text[i]` (just after the backslash): the text it stands for and the characters it took. */
function escape(text: string, i: number, forB: boolean): { out: string; length: number; stop?: boolean } {
  const c = text[i];
  const simple: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
  if (c in simple) return { out: simple[c], length: 1 };
  if (!forB && (c === '"' || c === "'" || c === '?')) return { out: c, length: 1 };
  if (forB && c === 'c') return { out: '', length: 1, stop: true };
  if (c >= '0' && c <= '7') {
    // The format takes up to three octal digits; %b's argument a leading 0 and up to three more.
    const max = forB && c === '0' ? 4 : 3;
    const m = new RegExp(`^[0-7]{1,${max}}`).exec(text.slice(i))!;
    return { out: String.fromCharCode(parseInt(m[0], 8) & 0xff), length: m[0].length };
  }
  if (c === 'x') {
    const m = /^[0-9a-fA-F]{1,2}/.exec(text.slice(i + 1));
    if (m) return { out: String.fromCharCode(parseInt(m[0], 16)), length: 1 + m[0].length };
  }
  if (c === 'u' || c === 'U') {
    const m = new RegExp(`^[0-9a-fA-F]{1,${c === 'u' ? 4 : 8}}`).exec(text.slice(i + 1));
    if (m) return { out: String.fromCodePoint(parseInt(m[0], 16)), length: 1 + m[0].length };
  }
  return { out: `\\${c ?? ''}`, length: c === undefined ? 0 : 1 };
}

/** A string with its backslash escapes replaced (%b's argument, or a format's literal text). */
function unescape(text: string, forB: boolean): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '\\' || i === text.length - 1) {
      out += text[i];
      continue;
    }
    const e = escape(text, i + 1, forB);
    if (e.stop) return { text: out, stop: true };
    out += e.out;
    i += e.length;
  }
  return { text: out, stop: false };
}

/** The characters bash's %q puts a backslash before (a `~` or `#` only at the start of the word). */
const QUOTED = new Set(" \t'\"\\|&;()<>!{}*[?]^$`,");

function shellQuote(value: string): string {
  if (value === '') return "''";
  // Control characters make bash quote the whole word ANSI-C style.
  if (/[\x00-\x1f\x7f]/.test(value)) {
    const escapes: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\x1b': '\\E', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '\\': '\\\\', "'": "\\'" };
    let body = '';
    for (const ch of value) {
      if (ch in escapes) body += escapes[ch];
      else if (/[\x00-\x1f\x7f]/.test(ch)) body += `\\${ch.charCodeAt(0).toString(8).padStart(3, '0')}`;
      else body += ch;
    }
    return `$'${body}'`;
  }
  let out = '';
  [...value].forEach((ch, i) => {
    out += QUOTED.has(ch) || (i === 0 && (ch === '~' || ch === '#')) ? `\\${ch}` : ch;
  });
  return out;
}

interface Run {
  /** The session's clock: what -1 (now) stands for in %(…)T. */
  now: Date;
  args: string[];
  next: number;
  status: number;
  errors: string[];
}

function nextArg(run: Run): string | undefined {
  return run.next < run.args.length ? run.args[run.next++] : undefined;
}

/** bash's reading of a numeric argument: base 0 (0x.., 0..), a leading quote gives the character's code. */
function readInteger(run: Run, text: string | undefined, unsigned: boolean): bigint {
  if (text === undefined || text === '') return 0n;
  if (text[0] === "'" || text[0] === '"') return text.length > 1 ? BigInt(text.codePointAt(1)!) : 0n;
  const m = /^[ \t\n]*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(text);
  let value = 0n;
  let read = 0;
  if (m) {
    const digits = m[2];
    value = /^0[xX]/.test(digits) ? BigInt(digits) : digits.length > 1 && digits[0] === '0' ? BigInt(`0o${digits.slice(1)}`) : BigInt(digits);
    if (m[1] === '-') value = -value;
    read = m[0].length;
  }
  const limit = unsigned ? 2n ** 64n : 2n ** 63n;
  if (m && (unsigned ? value >= limit || value <= -limit : value >= limit || value < -limit)) {
    run.errors.push(`warning: ${text}: Numerical result out of range`);
    value = unsigned ? (m[1] === '-' ? 0n : limit - 1n) : m[1] === '-' ? -limit : limit - 1n;
    if (unsigned && m[1] === '-') value = 1n;
  } else if (!m || read < text.length) {
    // bash names the base it tried: a leading 0x is hex, another leading 0 octal.
    const base = /^0[xX]/.test(text) ? 'hex ' : /^0[0-9]/.test(text) ? 'octal ' : '';
    run.errors.push(`${text}: invalid ${base}number`);
    run.status = 1;
  }
  if (unsigned && value < 0n) value += 2n ** 64n;
  return value;
}

/** A number as strtold reads it: decimal or hexadecimal, inf, nan; a long double, exactly. */
function readFloat(run: Run, text: string | undefined): ExactFloat | number {
  if (text === undefined || text === '') return 0;
  if (text[0] === "'" || text[0] === '"') return text.length > 1 ? text.codePointAt(1)! : 0;
  const m = /^[ \t\n]*([+-]?)(?:(inf(?:inity)?|nan)|0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?[0-9]+))?|([0-9]*)\.?([0-9]*)(?:[eE]([+-]?[0-9]+))?)/i.exec(text)!;
  const [whole, sign, word, hex, hexFraction = '', binaryPower = '0', integer = '', fraction = '', power = '0'] = m;
  const negative = sign === '-';
  let value: ExactFloat | number;
  let read = whole.length;
  if (word) value = { negative, special: /^inf/i.test(word) ? 'inf' : 'nan', mantissa: 0n, exponent: 0 };
  else if (hex !== undefined && (hex || hexFraction)) {
    // A hexadecimal float is exact in binary: its digits times a power of two.
    value = { negative, mantissa: BigInt(`0x${hex}${hexFraction}`), exponent: Number(binaryPower) - 4 * hexFraction.length };
  }
  else if (integer || fraction) value = fromDecimal(negative, BigInt(integer + fraction), Number(power) - fraction.length, 64);
  else {
    value = 0;
    read = 0;
  }
  if (read < text.length) {
    run.errors.push(`${text}: invalid number`);
    run.status = 1;
  }
  return value;
}

/** One pass of the format over the arguments from run.next on. */
function formatOnce(format: string, run: Run): string {
  let out = '';
  let i = 0;
  while (i < format.length) {
    const c = format[i];
    if (c === '\\') {
      if (i === format.length - 1) {
        out += '\\';
        i++;
        continue;
      }
      const e = escape(format, i + 1, false);
      out += e.out;
      i += 1 + e.length;
      continue;
    }
    if (c !== '%') {
      out += c;
      i++;
      continue;
    }
    if (format[i + 1] === '%') {
      out += '%';
      i += 2;
      continue;
    }
    const start = i;
    i++;
    const spec: Spec = { flags: '', width: undefined, precision: undefined, conversion: '' };
    while (i < format.length && '-+ #0\''.includes(format[i])) spec.flags += format[i++];
    if (format[i] === '*') {
      const w = Number(readInteger(run, nextArg(run), false));
      if (w < 0) {
        spec.flags += '-';
        spec.width = -w;
      } else spec.width = w;
      i++;
    } else {
      const m = /^[0-9]+/.exec(format.slice(i));
      if (m) {
        spec.width = Number(m[0]);
        i += m[0].length;
      }
    }
    if (format[i] === '.') {
      i++;
      if (format[i] === '*') {
        const p = Number(readInteger(run, nextArg(run), false));
        spec.precision = p < 0 ? undefined : p;
        i++;
      } else {
        const m = /^[0-9]*/.exec(format.slice(i))!;
        spec.precision = Number(m[0] || '0');
        i += m[0].length;
      }
    }
    // %(fmt)T: the argument (seconds since the epoch, -1 now) as strftime prints it, in UTC.
    if (format[i] === '(') {
      const close = format.indexOf(')', i);
      if (close >= 0 && format[close + 1] === 'T') {
        const timeFormat = format.slice(i + 1, close) || '%X';
        const arg = nextArg(run);
        const value = arg === undefined || arg === '' ? -1n : readInteger(run, arg, false);
        const seconds = value === -1n || value === -2n ? Math.floor(run.now.getTime() / 1000) : Number(value);
        const text = strftime(timeFormat, seconds);
        out += pad(clip(text, spec.precision), spec);
        i = close + 2;
        continue;
      }
    }
    // Length modifiers mean nothing to the shell.
    while (i < format.length && 'hlLjzt'.includes(format[i])) i++;
    const conversion = format[i];
    if (conversion === undefined) {
      run.errors.push(`\`${format.slice(start)}': missing format character`);
      run.status = 1;
      throw new StopOutput(out);
    }
    spec.conversion = conversion;
    i++;
    try {
      out += convert(spec, run);
    } catch (error) {
      // What the format printed before a bad directive or %b's \c stays printed.
      if (error instanceof StopOutput) throw new StopOutput(out + error.message);
      throw error;
    }
  }
  return out;
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

/** bash's printf pads by bytes, not characters: `%-4s` of é (two bytes) adds two spaces. */
function pad(text: string, spec: Spec): string {
  checkSpec(spec);
  const length = /^[\x00-\x7f]*$/.test(text) ? text.length : utf8.encode(text).length;
  if (spec.width === undefined || length >= spec.width) return text;
  const fill = ' '.repeat(spec.width - length);
  return spec.flags.includes('-') ? text + fill : fill + text;
}

/** A precision keeps that many bytes; a character cut in two is shown as the terminal shows its bytes (U+FFFD). */
function clip(text: string, precision: number | undefined): string {
  if (precision === undefined) return text;
  if (/^[\x00-\x7f]*$/.test(text)) return text.slice(0, precision);
  return fromUtf8.decode(utf8.encode(text).slice(0, precision));
}

function convert(spec: Spec, run: Run): string {
  switch (spec.conversion) {
    case 's': {
      const arg = nextArg(run) ?? '';
      return pad(clip(arg, spec.precision), spec);
    }
    case 'b': {
      const { text, stop } = unescape(nextArg(run) ?? '', true);
      const shown = pad(clip(text, spec.precision), spec);
      if (stop) throw new StopOutput(shown);
      return shown;
    }
    case 'q': {
      const arg = nextArg(run) ?? '';
      return pad(shellQuote(arg), spec);
    }
    case 'c': {
      const arg = nextArg(run) ?? '';
      // %c prints the argument's first byte: of a multibyte character, a lone byte (U+FFFD on screen).
      return pad(arg.length ? fromUtf8.decode(utf8.encode(arg).slice(0, 1)) : '\0', spec);
    }
    case 'd': case 'i':
      return formatInteger(readInteger(run, nextArg(run), false), spec);
    case 'u': case 'o': case 'x': case 'X':
      return formatInteger(readInteger(run, nextArg(run), true), spec);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
      return formatFloat(readFloat(run, nextArg(run)), spec);
    default:
      run.errors.push(`\`${spec.conversion}': invalid format character`);
      run.status = 1;
      throw new StopOutput('');
  }
}

export const printf: Command = {
  name: 'printf',
  summary: 'Print the arguments through a format: %s %d %x %f %b %q %c …, widths, precision, -v VAR.',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    let variable: string | undefined;
    if (args[0] === '-v') {
      if (args.length < 2) {
        ctx.stderr.write(`bash: printf: -v: option requires an argument\n${USAGE}`);
        return 2;
      }
      variable = args[1];
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) {
        ctx.stderr.write(`bash: printf: \`${variable}': not a valid identifier\n`);
        return 2;
      }
      args.splice(0, 2);
    } else if (args[0]?.startsWith('-') && args[0] !== '-' && args[0] !== '--') {
      ctx.stderr.write(`bash: printf: ${args[0].slice(0, 2)}: invalid option\n${USAGE}`);
      return 2;
    }
    if (args[0] === '--') args.shift();
    if (args.length === 0) {
      ctx.stderr.write(USAGE);
      return 2;
    }
    const [format, ...rest] = args;
    const run: Run = { now: ctx.session.now(), args: rest, next: 0, status: 0, errors: [] };
    let out = '';
    try {
      // The format is used again while arguments remain, provided it consumed some.
      do {
        const before = run.next;
        out += formatOnce(format, run);
        if (run.next === before) break;
      } while (run.next < run.args.length);
    } catch (error) {
      if (!(error instanceof StopOutput)) throw error;
      out += error.message;
    }
    if (variable !== undefined) ctx.session.vars.set(variable, out);
    else ctx.stdout.write(out);
    for (const e of run.errors) ctx.stderr.write(`bash: printf: ${e}\n`);
    return run.status;
  },
};
