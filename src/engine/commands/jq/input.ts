// Reads the JSON texts jq gets on standard input, one after the other, and words parse errors as
// jq 1.7.1 does ("Invalid numeric literal at line 2, column 0", "Exceeds depth limit for parsing").
import { number } from './output.ts';
import { numberFromLiteral } from './values.ts';

export class JqInputError extends Error {
  /** The message without jq's "parse error: " (as `fromjson` words it). */
  readonly reason: string;
  constructor(reason: string) {
    super(`parse error: ${reason}`);
    this.reason = reason;
  }
}

export interface InputValue {
  value: unknown;
  /** Line number jq reports for runtime errors about this input. */
  line: number;
}

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

function literal(token: string): { ok: boolean; value?: unknown; kind: string } {
  if (token === 'true' || token === 'false' || token === 'null') return { ok: true, value: JSON.parse(token), kind: '' };
  // jq 1.7 reads NaN (any case) as a number (and prints it as null).
  if (/^nan$/i.test(token)) return { ok: true, value: NaN, kind: '' };
  if (/^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(token)) return { ok: true, value: numberFromLiteral(token, number), kind: '' };
  // jq 1.7.1 takes a word for true, false or null by its first letters (`nu`: null; any other
  // `n…` might be nan, a number) and anything else for a number.
  return { ok: false, kind: /^(?:[tf]|nu)/.test(token) ? 'Invalid literal' : 'Invalid numeric literal' };
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

/** The end of the container or string starting at `start`, checking jq's depth limit. */
function endOfTerm(text: string, start: number): number {
  const stack: string[] = [];
  let inString = false;
  for (let pos = start; pos < text.length; pos++) {
    const ch = text[pos];
    if (inString) {
      if (ch === '\\') pos++;
      else if (ch === '"') {
        inString = false;
        if (stack.length === 0) return pos + 1;
      }
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') {
      if (stack.length >= MAX_PARSING_DEPTH) throw new JqInputError(`Exceeds depth limit for parsing at ${position(text, pos + 1)}`);
      stack.push(ch);
    } else if (ch === ':') {
      if (stack[stack.length - 1] === '{') stack.push(':');
    } else if (ch === ',') {
      if (stack[stack.length - 1] === ':') stack.pop();
    } else if (ch === '}' || ch === ']') {
      if (stack[stack.length - 1] === ':') stack.pop();
      stack.pop();
      if (stack.length === 0) return pos + 1;
    }
  }
  throw new JqInputError(`Unfinished JSON term at EOF at ${position(text, text.length)}`);
}

export function* readInputs(text: string): Generator<InputValue> {
  const lines = new Lines(text);
  let pos = 0;
  const skip = () => {
    while (pos < text.length && /\s/.test(text[pos])) pos++;
  };
  for (;;) {
    skip();
    if (pos >= text.length) return;
    const c = text[pos];
    const start = pos;
    if (c === '{' || c === '[' || c === '"') {
      pos = endOfTerm(text, start);
      let value: unknown;
      try {
        value = JSON.parse(text.slice(start, pos));
      } catch {
        throw new JqInputError(`Invalid literal at ${position(text, pos)}`);
      }
      // jq reports the line after the value's line end (the line its newline closes).
      const newline = text.indexOf('\n', pos);
      yield { value, line: newline < 0 ? lines.lineAt(text.length) : lines.lineAt(newline + 1) - 1 };
      continue;
    }
    while (pos < text.length && !DELIMITERS.has(text[pos])) pos++;
    const token = text.slice(start, pos);
    const parsed = literal(token);
    if (pos >= text.length) {
      if (!parsed.ok) throw new JqInputError(`${parsed.kind} at EOF at ${position(text, pos)}`);
    } else if (!parsed.ok) {
      // jq reports the position after the character that ended the token.
      throw new JqInputError(`${parsed.kind} at ${position(text, pos + 1)}`);
    }
    yield { value: parsed.value, line: lines.lineAt(pos) };
  }
}

/** Exactly one JSON text (`fromjson`, `tonumber`, `--argjson`). */
export function parseJsonText(text: string): unknown {
  const values = readInputs(text);
  const first = values.next();
  if (first.done) throw new JqInputError('Expected JSON value');
  if (!values.next().done) throw new JqInputError('Unexpected extra JSON values');
  return first.value.value;
}
