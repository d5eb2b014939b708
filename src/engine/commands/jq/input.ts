// Reads the JSON texts jq gets on standard input, one after the other, and words parse errors as
// jq 1.6 does ("Invalid numeric literal at line 2, column 0").

export class JqInputError extends Error {}

export interface InputValue {
  value: unknown;
  /** Line number jq reports for runtime errors about this input. */
  line: number;
}

const DELIMITERS = new Set([' ', '\t', '\n', '\r', '[', ']', '{', '}', ',', ':', '"']);

function position(text: string, end: number): string {
  const before = text.slice(0, end);
  const line = before.split('\n').length;
  const column = end - (before.lastIndexOf('\n') + 1);
  return `line ${line}, column ${column}`;
}

function literal(token: string): { ok: boolean; value?: unknown; kind: string } {
  if (token === 'true' || token === 'false' || token === 'null') return { ok: true, value: JSON.parse(token), kind: '' };
  if (/^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(token)) return { ok: true, value: Number(token), kind: '' };
  return { ok: false, kind: /^[tfn]/.test(token) ? 'Invalid literal' : 'Invalid numeric literal' };
}

export function* readInputs(text: string): Generator<InputValue> {
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
      let depth = 0;
      let inString = false;
      for (; pos < text.length; pos++) {
        const ch = text[pos];
        if (inString) {
          if (ch === '\\') pos++;
          else if (ch === '"') {
            inString = false;
            if (depth === 0) break;
          }
        } else if (ch === '"') inString = true;
        else if (ch === '{' || ch === '[') depth++;
        else if (ch === '}' || ch === ']') {
          depth--;
          if (depth === 0) break;
        }
      }
      if (pos >= text.length) throw new JqInputError(`parse error: Unfinished JSON term at EOF at ${position(text, text.length)}`);
      pos++;
      let value: unknown;
      try {
        value = JSON.parse(text.slice(start, pos));
      } catch {
        throw new JqInputError(`parse error: Invalid literal at ${position(text, pos)}`);
      }
      const newline = text.indexOf('\n', pos);
      yield { value, line: text.slice(0, newline < 0 ? text.length : newline + 1).split('\n').length - (newline < 0 ? 0 : 1) };
      continue;
    }
    while (pos < text.length && !DELIMITERS.has(text[pos])) pos++;
    const token = text.slice(start, pos);
    const parsed = literal(token);
    if (pos >= text.length) {
      if (!parsed.ok) throw new JqInputError(`parse error: ${parsed.kind} at EOF at ${position(text, pos)}`);
    } else if (!parsed.ok) {
      // jq reports the position after the character that ended the token.
      throw new JqInputError(`parse error: ${parsed.kind} at ${position(text, pos + 1)}`);
    }
    yield { value: parsed.value, line: text.slice(0, pos).split('\n').length };
  }
}
