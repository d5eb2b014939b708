// Reads the JSON texts jq gets on standard input, one after the other, as jq 1.7.1's parser
// (jv_parse.c) reads them: a character at a time, each value handed on as soon as it is whole
// (so `1 2 x` prints 1 and 2 before its error), and its words for what is wrong and where
// ("Expected separator between values at line 1, column 7", "Unmatched ']'", "Exceeds depth limit
// for parsing"). Numbers keep their literal text (values.ts's NumberLiteral).
import { number } from './output.ts';
import { isIndexKey, newObject, numberFromLiteral, type JqObject, type JqValue } from './values.ts';

export class JqInputError extends Error {
  /** The message without jq's "parse error: " (as `fromjson` words it). */
  readonly reason: string;
  constructor(reason: string) {
    super(`parse error: ${reason}`);
    this.reason = reason;
  }
}

export interface InputValue {
  value: JqValue;
  /** Line number jq reports for runtime errors about this input. */
  line: number;
  /** input_line_number: the newlines jq's parser had read when it handed this value on (the
   * character after the value included). */
  lineNumber: number;
}

/** What ends a literal (true, 12, nan…): white space, structure and a string's quote. */
const DELIMITERS = new Set([' ', '\t', '\n', '\r', '[', ']', '{', '}', ',', ':', '"']);

/** jq's parser refuses to nest deeper than this (jv_parse.c's MAX_PARSING_DEPTH); an object's
 * key counts as a level while its value is read. */
const MAX_PARSING_DEPTH = 256;

function position(text: string, end: number): string {
  const before = text.slice(0, end);
  const line = before.split('\n').length;
  const column = end - (before.lastIndexOf('\n') + 1);
  return `line ${line}, column ${column}`;
}

/** The value of a literal (true, 12, nan…), or undefined when jq does not read it as one. */
function literal(token: string): JqValue | undefined {
  if (token === 'true') return true;
  if (token === 'false') return false;
  if (token === 'null') return null;
  if (/^(?:[tf]|nu)/.test(token)) return undefined;
  if (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(token)) return numberFromLiteral(token, number);
  if (/^[+-]?nan$/i.test(token)) return NaN;
  if (/^[+-]?inf(?:inity)?$/i.test(token)) return token.startsWith('-') ? -Infinity : Infinity;
  return undefined;
}

/** What is wrong with a token literal() does not read. jq 1.7.1 takes a word for true, false or
 * null by its first letters (`nu`: null; any other `n…` might be nan, a number) and anything else
 * for a number, as decNumber reads one. */
function literalFault(token: string): string {
  return /^(?:[tf]|nu)/.test(token) ? 'Invalid literal' : 'Invalid numeric literal';
}

/** Line numbers by position, from the newlines' positions (found once, searched by halves). */
class Lines {
  private readonly newlines: number[] = [];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.newlines.push(i);
  }
  /** The line number at `pos` (1-based): one more than the newlines before it. */
  lineAt(pos: number): number {
    let lo = 0;
    let hi = this.newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.newlines[mid] < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  }
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** A string's body (between its quotes) with its escapes read; `fail` words what is wrong. */
function stringBody(body: string, fail: (reason: string) => JqInputError): string {
  if (!/[\\\x00-\x1f]/.test(body)) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch < ' ') throw fail('Invalid string: control characters from U+0000 through U+001F must be escaped');
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const e = body[++i];
    if (e !== 'u') {
      if (!(e in ESCAPES)) throw fail('Invalid escape');
      out += ESCAPES[e];
      continue;
    }
    const hex = body.slice(i + 1, i + 5);
    if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw fail('Invalid \\uXXXX escape');
    i += 4;
    let code = parseInt(hex, 16);
    if (code >= 0xd800 && code <= 0xdbff) {
      const low = /^\\u([0-9a-fA-F]{4})/.exec(body.slice(i + 1, i + 7));
      const lowCode = low ? parseInt(low[1], 16) : -1;
      if (!(lowCode >= 0xdc00 && lowCode <= 0xdfff)) throw fail('Invalid \\uXXXX\\uXXXX surrogate pair escape');
      out += String.fromCharCode(code, lowCode);
      i += 6;
      continue;
    }
    // A lone low surrogate becomes the replacement character.
    if (code >= 0xdc00 && code <= 0xdfff) code = 0xfffd;
    out += String.fromCharCode(code);
  }
  return out;
}

/** An object being read: filled in place, a plain prototype-less object until one of its keys is
 * an array index (then newObject's proxy, which keeps that key's place). */
interface ObjectFrame {
  object: JqObject;
  indexed: boolean;
  size: number;
  key?: string;
}

type Frame = { array: JqValue[] } | ObjectFrame;

function put(frame: ObjectFrame, key: string, value: JqValue): void {
  if (!frame.indexed && isIndexKey(key)) {
    const object = newObject();
    for (const k of Object.keys(frame.object)) object[k] = frame.object[k];
    frame.object = object;
    frame.indexed = true;
  }
  frame.object[key] = value;
  frame.size++;
}

const NONE = Symbol('no value');

export function* readInputs(text: string): Generator<InputValue> {
  const lines = new Lines(text);
  const stack: Frame[] = [];
  /** Levels as jq counts them: each container, and each key whose value is being read. */
  let depth = 0;
  let next: JqValue | typeof NONE = NONE;
  let tokenStart = -1;
  const fail = (reason: string, end: number) => new JqInputError(`${reason} at ${position(text, end)}`);
  const take = (v: JqValue, end: number) => {
    if (next !== NONE) throw fail('Expected separator between values', end);
    next = v;
  };
  /** The value a closing character (at `at`) completed: its line is the one its newline ends. */
  const closedLine = (at: number) => {
    const newline = text.indexOf('\n', at + 1);
    return newline < 0 ? lines.lineAt(text.length) : lines.lineAt(newline + 1) - 1;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (!DELIMITERS.has(ch)) {
      if (tokenStart < 0) tokenStart = i;
      continue;
    }
    let line = 0;
    if (tokenStart >= 0) {
      const token = text.slice(tokenStart, i);
      const parsed = literal(token);
      // jq reports the position after the character that ended the token.
      if (parsed === undefined) throw fail(literalFault(token), i + 1);
      take(parsed, i + 1);
      tokenStart = -1;
      line = lines.lineAt(i);
    }
    if (stack.length === 0 && next !== NONE) {
      yield { value: next, line, lineNumber: lines.lineAt(i + 1) - 1 };
      next = NONE;
    }
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') continue;
    const end = i + 1;
    const top = stack[stack.length - 1];
    switch (ch) {
      case '"': {
        let close = i + 1;
        for (; close < text.length && text[close] !== '"'; close++) if (text[close] === '\\') close++;
        if (close >= text.length) throw fail('Unfinished string at EOF', text.length);
        take(stringBody(text.slice(i + 1, close), (reason) => fail(reason, close + 1)), close + 1);
        i = close;
        break;
      }
      case '[':
      case '{':
        if (next !== NONE) throw fail('Expected separator between values', end);
        if (depth >= MAX_PARSING_DEPTH) throw fail('Exceeds depth limit for parsing', end);
        stack.push(ch === '[' ? { array: [] } : { object: Object.create(null), indexed: false, size: 0 });
        depth++;
        continue;
      case ':':
        if (next === NONE) throw fail("Expected string key before ':'", end);
        if (!top || !('object' in top) || top.key !== undefined) throw fail("':' not as part of an object", end);
        if (typeof next !== 'string') throw fail('Object keys must be strings', end);
        top.key = next;
        depth++;
        next = NONE;
        continue;
      case ',':
        if (next === NONE) throw fail("Expected value before ','", end);
        if (!top) throw fail("',' not as part of an object or array", end);
        if ('array' in top) top.array.push(next);
        else if (top.key === undefined) throw fail('Objects must consist of key:value pairs', end);
        else {
          put(top, top.key, next);
          top.key = undefined;
          depth--;
        }
        next = NONE;
        continue;
      case ']':
        if (!top || !('array' in top)) throw fail("Unmatched ']'", end);
        if (next !== NONE) top.array.push(next);
        else if (top.array.length) throw fail('Expected another array element', end);
        stack.pop();
        depth--;
        next = top.array;
        break;
      default: {
        // '}'
        if (!top || !('object' in top)) throw fail("Unmatched '}'", end);
        if (top.key !== undefined) {
          if (next === NONE) throw fail('Objects must consist of key:value pairs', end);
          put(top, top.key, next);
          depth--;
        } else if (next !== NONE) throw fail('Objects must consist of key:value pairs', end);
        else if (top.size) throw fail('Expected another key-value pair', end);
        stack.pop();
        depth--;
        next = top.object;
      }
    }
    if (stack.length === 0 && next !== NONE) {
      yield { value: next, line: closedLine(i), lineNumber: lines.lineAt(Math.min(i + 2, text.length + 1)) - 1 };
      next = NONE;
    }
  }
  if (tokenStart >= 0) {
    const token = text.slice(tokenStart);
    const parsed = literal(token);
    if (parsed === undefined) throw fail(`${literalFault(token)} at EOF`, text.length);
    take(parsed, text.length);
  }
  if (stack.length) throw fail('Unfinished JSON term at EOF', text.length);
  if (next !== NONE) yield { value: next, line: lines.lineAt(text.length), lineNumber: lines.lineAt(text.length + 1) - 1 };
}

/** Exactly one JSON text (`fromjson`, `tonumber`, `--argjson`). */
export function parseJsonText(text: string): JqValue {
  const values = readInputs(text);
  const first = values.next();
  if (first.done) throw new JqInputError('Expected JSON value');
  if (!values.next().done) throw new JqInputError('Unexpected extra JSON values');
  return first.value.value;
}
