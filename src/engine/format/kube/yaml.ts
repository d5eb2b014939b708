// kubectl -o yaml: sigs.k8s.io/yaml turns the object into JSON, reads it back with go-yaml v2 and
// writes it with go-yaml v2's emitter (a port of libyaml). What that means for the output, all
// verified against kubectl 1.32 (`kubectl label --local -f x.json -o yaml`):
// - mapping keys sorted with go-yaml v2's "natural" order (digit runs compare as numbers,
//   non-letters before letters), 2-space indent;
// - a list inside a mapping is not indented ("ports:\n- port: 80"), empty ones print [] and {};
// - a string that would read back as another type (true, yes, on, n, 8080, 1.5, "", null, ~,
//   2020-05-29...) is double-quoted; one that cannot be plain (leading/trailing space, ": ",
//   " #", a leading indicator like * & ! | > ' " % @ ` # , [ ] { } or "- ") is single-quoted;
//   one with a line break is a literal block (|, |- or |+) unless it has a trailing space or
//   characters YAML cannot show, then double-quoted with escapes;
// - plain and quoted scalars are folded at a space once the line is past column 80.

import { goFormatFloatG } from './go-values.ts';
import { goKeyOrder } from './json.ts';
import { isJsonObject } from '../../world/json.ts';

const BEST_INDENT = 2;
const BEST_WIDTH = 80;

type Style = 'plain' | 'single' | 'double' | 'literal';

// ---------- What go-yaml v2 would read a plain scalar as (resolve.go) ----------

const RESOLVE_MAP: Record<string, 'bool' | 'null' | 'float' | 'merge'> = {};
for (const s of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) RESOLVE_MAP[s] = 'bool';
for (const s of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) RESOLVE_MAP[s] = 'bool';
for (const s of ['', '~', 'null', 'Null', 'NULL']) RESOLVE_MAP[s] = 'null';
for (const s of ['.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF']) {
  RESOLVE_MAP[s] = 'float';
}

function resolveHint(first: string | undefined): 'S' | 'D' | 'M' | '.' | '' {
  if (first === undefined) return 'M';
  if (first === '+' || first === '-') return 'S';
  if (first >= '0' && first <= '9') return 'D';
  if ('yYnNtTfFoO~'.includes(first)) return 'M';
  if (first === '.') return '.';
  return '';
}

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** Go's strconv.ParseFloat accepts more than the YAML float regexp (e.g. "1e5", "Inf", "0x1p-2"). */
function goParsesAsFloat(s: string): boolean {
  return /^[-+]?((\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?|inf(inity)?|nan)$/i.test(s);
}

/** strconv.ParseInt / ParseUint with base 0 (prefixes 0x, 0o, 0b, and a leading 0 for octal). */
function goParsesAsInt(s: string): boolean {
  return /^[-+]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.test(s);
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** go-yaml v2's parseTimestamp: the layouts it accepts, with Go's range checks. */
function isYamlTimestamp(s: string): boolean {
  const m =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2}))|(?: (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d{1,9})?))?$/.exec(
      s,
    );
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return false;
  const h = m[4] ?? m[7];
  if (h !== undefined) {
    const mi = m[5] ?? m[8];
    const se = m[6] ?? m[9];
    if (Number(h) > 23 || Number(mi) > 59 || Number(se) > 59) return false;
  }
  return true;
}

/** True when a plain scalar with this text would not read back as the same string. */
function resolvesToNonString(s: string): boolean {
  const hint = resolveHint(s[0]);
  if (hint === '') return false;
  if (s in RESOLVE_MAP) return RESOLVE_MAP[s] !== 'merge';
  if (hint === 'M') return false;
  if (hint === '.') return goParsesAsFloat(s);
  // 'D' or 'S': timestamp (digits only), int, uint, float, binary.
  if (hint === 'D' && isYamlTimestamp(s)) return true;
  const plain = s.replace(/_/g, '');
  if (goParsesAsInt(plain)) return true;
  if (YAML_STYLE_FLOAT.test(plain) && goParsesAsFloat(plain)) return true;
  if (/^-?0b[01]+$/.test(plain)) return true;
  return false;
}

// ---------- Scalar analysis (emitterc.go yaml_emitter_analyze_scalar) ----------

function isPrintable(c: number): boolean {
  return (
    c === 0x0a ||
    (c >= 0x20 && c <= 0x7e) ||
    (c >= 0xa0 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff)
  );
}
const isBreakChar = (c: number | undefined): boolean =>
  c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
const isBlank = (c: number | undefined): boolean => c === 0x20 || c === 0x09;

interface Analysis {
  multiline: boolean;
  flowPlainAllowed: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

function analyze(cps: number[]): Analysis {
  if (cps.length === 0) {
    return { multiline: false, flowPlainAllowed: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  }
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;

  const s3 = String.fromCodePoint(...cps.slice(0, 3));
  if (s3 === '---' || s3 === '...') {
    blockIndicators = true;
    flowIndicators = true;
  }
  let precededByWhitespace = true;
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i];
    const ch = String.fromCodePoint(c);
    const followedByWhitespace = i + 1 >= cps.length || isBlank(cps[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) {
        flowIndicators = true;
        blockIndicators = true;
      } else if (ch === '?' || ch === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      } else if (ch === '-' && followedByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    } else if (',?[]{}'.includes(ch)) {
      flowIndicators = true;
    } else if (ch === ':') {
      flowIndicators = true;
      if (followedByWhitespace) blockIndicators = true;
    } else if (ch === '#' && precededByWhitespace) {
      flowIndicators = true;
      blockIndicators = true;
    }
    if (!isPrintable(c)) special = true;
    if (c === 0x20) {
      if (i === 0) leadingSpace = true;
      if (i === cps.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreakChar(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === cps.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlank(c) || isBreakChar(c) || c === 0;
  }
  const a: Analysis = {
    multiline: lineBreaks,
    flowPlainAllowed: true,
    blockPlainAllowed: true,
    singleQuotedAllowed: true,
    blockAllowed: true,
  };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
  }
  if (trailingSpace) a.blockAllowed = false;
  if (breakSpace) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
  }
  if (spaceBreak || special) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
    a.blockAllowed = false;
  }
  if (lineBreaks) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
  }
  if (flowIndicators) a.flowPlainAllowed = false;
  if (blockIndicators) a.blockPlainAllowed = false;
  return a;
}

// ---------- Key order (go-yaml v2 sorter.go keyList.Less for string keys) ----------

const isLetter = (ch: string): boolean => /\p{L}/u.test(ch);
const isDigit = (ch: string): boolean => /\p{Nd}/u.test(ch);

export function yamlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + (ar[ai].codePointAt(0)! - 48);
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + (br[bi].codePointAt(0)! - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
  }
  return ar.length < br.length;
}

export function yamlKeyOrder(a: string, b: string): number {
  return yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0;
}

// ---------- The emitter ----------

class Emitter {
  out = '';
  column = 0;
  indent = -1;
  indents: number[] = [];
  whitespace = true;
  indention = true;
  openEnded = false;
  flowLevel = 0;

  private put(s: string): void {
    this.out += s;
    this.column += [...s].length;
  }

  private putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  private popIndent(): void {
    this.indent = this.indents.pop()!;
  }

  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(indicator);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
    this.openEnded = false;
  }

  /** Emits a node. `mappingContext` and `simpleKey` mirror libyaml's emitter flags. */
  node(value: unknown, ctx: { mappingContext: boolean; simpleKey: boolean; root: boolean }): void {
    if (Array.isArray(value)) this.sequence(value, ctx.mappingContext);
    else if (isJsonObject(value)) this.mapping(value);
    else this.scalarValue(value, ctx.simpleKey, ctx.root);
  }

  private sequence(items: unknown[], mappingContext: boolean): void {
    if (this.flowLevel > 0 || items.length === 0) {
      this.writeIndicator('[', true, true, false);
      this.increaseIndent(true, false);
      this.flowLevel++;
      // Only empty sequences are written in flow style here.
      this.flowLevel--;
      this.popIndent();
      this.writeIndicator(']', false, false, false);
      return;
    }
    this.increaseIndent(false, mappingContext && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.node(item, { mappingContext: false, simpleKey: false, root: false });
    }
    this.popIndent();
  }

  private mapping(obj: Record<string, unknown>): void {
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort(yamlKeyOrder);
    if (this.flowLevel > 0 || keys.length === 0) {
      this.writeIndicator('{', true, true, false);
      this.writeIndicator('}', false, false, false);
      return;
    }
    this.increaseIndent(false, false);
    for (const key of keys) {
      this.writeIndent();
      const keyCps = [...key].map((c) => c.codePointAt(0)!);
      const simple = keyCps.length <= 128 && !keyCps.some((c) => isBreakChar(c));
      if (simple) {
        this.node(key, { mappingContext: true, simpleKey: true, root: false });
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.node(key, { mappingContext: true, simpleKey: false, root: false });
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.node(obj[key], { mappingContext: true, simpleKey: false, root: false });
    }
    this.popIndent();
  }

  private scalarValue(value: unknown, simpleKey: boolean, root: boolean): void {
    let text: string;
    let style: Style = 'plain';
    if (value === null || value === undefined) text = 'null';
    else if (typeof value === 'boolean') text = value ? 'true' : 'false';
    else if (typeof value === 'number') text = yamlNumber(value);
    else {
      text = String(value);
      if (resolvesToNonString(text) || BASE60_FLOAT.test(text)) style = 'double';
      else if (text.includes('\n')) style = 'literal';
    }
    this.scalar(text, style, simpleKey, root);
  }

  private scalar(text: string, requested: Style, simpleKey: boolean, root: boolean): void {
    const cps = [...text].map((c) => c.codePointAt(0)!);
    const a = analyze(cps);
    let style = requested;
    if (simpleKey && a.multiline) style = 'double';
    if (style === 'plain') {
      if ((this.flowLevel > 0 && !a.flowPlainAllowed) || (this.flowLevel === 0 && !a.blockPlainAllowed)) style = 'single';
      if (cps.length === 0 && (this.flowLevel > 0 || simpleKey)) style = 'single';
    }
    if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
    if (style === 'literal' && (!a.blockAllowed || this.flowLevel > 0 || simpleKey)) style = 'double';

    this.increaseIndent(true, false);
    const allowBreaks = !simpleKey;
    switch (style) {
      case 'plain':
        this.writePlain(cps, allowBreaks, root);
        break;
      case 'single':
        this.writeSingle(cps, allowBreaks);
        break;
      case 'double':
        this.writeDouble(cps, allowBreaks);
        break;
      case 'literal':
        this.writeLiteral(cps);
        break;
    }
    this.popIndent();
  }

  private writePlain(cps: number[], allowBreaks: boolean, root: boolean): void {
    if (!this.whitespace) this.put(' ');
    let spaces = false;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i];
      if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && cps[i + 1] !== 0x20) this.writeIndent();
        else this.put(' ');
        spaces = true;
      } else {
        this.put(String.fromCodePoint(c));
        this.indention = false;
        spaces = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
    if (root) this.openEnded = true;
  }

  private writeSingle(cps: number[], allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i];
      if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < cps.length - 1 && cps[i + 1] !== 0x20) {
          this.writeIndent();
        } else {
          this.put(' ');
        }
        spaces = true;
      } else if (isBreakChar(c)) {
        // Only the breaks other than \n get here (strings with \n are literal or double-quoted):
        // written raw, and the emitter believes a new line started.
        if (!breaks && c === 0x0a) this.putBreak();
        if (c === 0x0a) this.putBreak();
        else {
          this.put(String.fromCodePoint(c));
          this.column = 0;
        }
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        breaks = false;
        if (c === 0x27) this.put("'");
        this.put(String.fromCodePoint(c));
        this.indention = false;
        spaces = false;
      }
    }
    this.writeIndicator("'", false, false, false);
  }

  private writeDouble(cps: number[], allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    let spaces = false;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i];
      if (!isPrintable(c) || c === 0xfeff || isBreakChar(c) || c === 0x22 || c === 0x5c) {
        this.put('\\');
        const named: Record<number, string> = {
          0x00: '0',
          0x07: 'a',
          0x08: 'b',
          0x09: 't',
          0x0a: 'n',
          0x0b: 'v',
          0x0c: 'f',
          0x0d: 'r',
          0x1b: 'e',
          0x22: '"',
          0x5c: '\\',
          0x85: 'N',
          0xa0: '_',
          0x2028: 'L',
          0x2029: 'P',
        };
        if (c in named) this.put(named[c]);
        else if (c <= 0xff) this.put('x' + c.toString(16).toUpperCase().padStart(2, '0'));
        else if (c <= 0xffff) this.put('u' + c.toString(16).toUpperCase().padStart(4, '0'));
        else this.put('U' + c.toString(16).toUpperCase().padStart(8, '0'));
        spaces = false;
      } else if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i !== 0 && i !== cps.length - 1) {
          this.writeIndent();
          if (cps[i + 1] === 0x20) this.put('\\');
        } else {
          this.put(' ');
        }
        spaces = true;
      } else {
        this.put(String.fromCodePoint(c));
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
  }

  private writeLiteral(cps: number[]): void {
    this.writeIndicator('|', true, false, false);
    // Block scalar hints: an explicit indentation when the text starts with a space or break,
    // and the chomping indicator from its trailing breaks.
    if (cps.length > 0 && (cps[0] === 0x20 || isBreakChar(cps[0]))) this.writeIndicator(String(BEST_INDENT), false, false, false);
    this.openEnded = false;
    let chomp = '';
    const last = cps.length - 1;
    if (cps.length === 0 || !isBreakChar(cps[last])) chomp = '-';
    else if (last === 0 || isBreakChar(cps[last - 1])) {
      chomp = '+';
      this.openEnded = true;
    }
    // Writing the indicator clears openEnded again, so "|+" never leads to a "..." line
    // (checked against kubectl).
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of cps) {
      if (isBreakChar(c)) {
        this.putBreak();
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(String.fromCodePoint(c));
        this.indention = false;
        breaks = false;
      }
    }
  }

  finish(): string {
    // Document end: finish the line. A stream whose last scalar is open-ended (a root plain
    // scalar, or |+) then gets an explicit "..." line.
    this.indent = -1;
    this.writeIndent();
    if (this.openEnded) {
      this.writeIndicator('...', true, false, false);
      this.writeIndent();
    }
    return this.out;
  }
}

/**
 * A JSON number after the JSON -> YAML round trip: integral values that fit int64 or uint64 stay
 * integers; everything else is a float64 written by floatv (FormatFloat 'g', -1, 64).
 */
function yamlNumber(n: number): string {
  if (Number.isInteger(n) && n >= -(2 ** 63) && n < 2 ** 64) return String(n);
  if (Number.isNaN(n)) return '.nan';
  if (n === Infinity) return '.inf';
  if (n === -Infinity) return '-.inf';
  return goFormatFloatG(n);
}

// ---------- Reading Go's JSON back (go-yaml v2's reader and scanner) ----------

/** Characters Go's JSON leaves raw that go-yaml v2's reader refuses: DEL, C1 but NEL, U+FFFE, U+FFFF. */
const UNREADABLE = /[\x7f-\x84\x86-\x9f\ufffe\uffff]/;
const NEL = '\u0085';

/** The JSON -> YAML step failed; kubectl prints `error: <message>`. */
export class JsonToYamlError extends Error {
  constructor(problem: string) {
    super(`error converting JSON to YAML: yaml: ${problem}`);
  }
}

/**
 * The value go-yaml v2 reads from Go's compact JSON of `value`. Go's JSON leaves NEL (U+0085)
 * raw, and inside a double-quoted scalar a raw NEL is a line break, so it folds: the spaces around
 * a run of breaks go, one break becomes a space, n breaks become n-1 newlines. A line that starts
 * with `---` or `...` and a blank is a document marker, even inside a string.
 */
function readBack(value: unknown): unknown {
  let breaks = 0;
  const fold = (text: string): string => {
    if (UNREADABLE.test(text)) throw new JsonToYamlError('control characters are not allowed');
    if (!text.includes(NEL)) return text;
    return text.replace(/[ \u0085]+/g, (run, at: number) => {
      const count = [...run].filter((c) => c === NEL).length;
      if (count === 0) return run;
      breaks += count;
      const rest = text.slice(at + run.length);
      if (run.endsWith(NEL) && /^(?:---|\.\.\.)[ \u0085]/.test(rest)) throw new JsonToYamlError(`line ${breaks + 1}: found unexpected document indicator`);
      return count === 1 ? ' ' : '\n'.repeat(count - 1);
    });
  };
  // In the order Go writes the JSON (sorted keys): line numbers count the breaks read so far.
  const read = (v: unknown): unknown => {
    if (typeof v === 'string') return fold(v);
    if (Array.isArray(v)) return v.map(read);
    if (!isJsonObject(v)) return v;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort(goKeyOrder)) {
      const inner = v[key];
      if (inner !== undefined) out[fold(key)] = read(inner);
    }
    return out;
  };
  return read(value);
}

/** YAML text of a JSON value exactly as `kubectl -o yaml` prints it; throws JsonToYamlError where kubectl fails. */
export function kubectlYaml(value: unknown): string {
  const e = new Emitter();
  e.node(readBack(value), { mappingContext: false, simpleKey: false, root: true });
  return e.finish();
}
