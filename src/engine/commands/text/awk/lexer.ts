// awk's tokens, read on demand: whether `/` starts a regular expression or divides depends on
// what the parser expects, so the parser asks for a regular expression when an operand may start.
export type TokenType =
  | 'number' | 'string' | 'regex' | 'typedregex' | 'name' | 'funcname' | 'builtin' | 'keyword' | 'newline' | 'eof' | 'punct';

export interface Token {
  type: TokenType;
  /** The operator or keyword as written; the name; the string's or regex's value; the number's text. */
  value: string;
  /** Where the token starts in the program text (gawk's caret points there). */
  start: number;
  /** For a name: whether `(` follows at once (a call of a user function). */
  call?: boolean;
}

export class AwkSyntaxError extends Error {
  readonly position: number;
  constructor(message: string, position: number) {
    super(message);
    this.position = position;
  }
}

const KEYWORDS = new Set([
  'BEGIN', 'END', 'BEGINFILE', 'ENDFILE', 'switch', 'case', 'default', 'function', 'func', 'if', 'else', 'while', 'for', 'do', 'break', 'continue', 'next', 'nextfile',
  'exit', 'return', 'delete', 'in', 'getline', 'print', 'printf',
]);

export const BUILTINS = new Set([
  'length', 'substr', 'index', 'split', 'sub', 'gsub', 'gensub', 'match', 'sprintf', 'tolower', 'toupper', 'int',
  'sqrt', 'exp', 'log', 'sin', 'cos', 'atan2', 'rand', 'srand', 'system', 'close', 'fflush', 'systime', 'strftime',
  'mktime', 'asort', 'asorti', 'patsplit', 'isarray', 'typeof', 'strtonum', 'and', 'or', 'xor', 'lshift', 'rshift', 'compl',
]);

// Longest first, so that `**=` wins over `**` and `*`.
const OPERATORS = [
  '**=', '&&', '||', '==', '<=', '>=', '!=', '++', '--', '+=', '-=', '*=', '/=', '%=', '^=', '**', '>>', '!~',
  '{', '}', '(', ')', '[', ']', ';', ',', '+', '-', '*', '/', '%', '^', '!', '>', '<', '|', '?', ':', '~', '$', '=',
];

const STRING_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', '/': '/', a: '\x07', b: '\b', f: '\f', v: '\v' };

export class Lexer {
  readonly source: string;
  private pos = 0;

  constructor(source: string) {
    this.source = source;
  }

  get position(): number {
    return this.pos;
  }

  /** The next token from `pos`. */
  next(): Token {
    const s = this.source;
    for (;;) {
      while (this.pos < s.length && (s[this.pos] === ' ' || s[this.pos] === '\t' || s[this.pos] === '\r')) this.pos++;
      if (s[this.pos] === '\\' && s[this.pos + 1] === '\n') {
        this.pos += 2;
        continue;
      }
      if (s[this.pos] === '#') {
        while (this.pos < s.length && s[this.pos] !== '\n') this.pos++;
        continue;
      }
      break;
    }
    const start = this.pos;
    if (this.pos >= s.length) return { type: 'eof', value: '', start };
    const c = s[this.pos];
    if (c === '\n') {
      this.pos++;
      return { type: 'newline', value: '\n', start };
    }
    if (c === '"') return this.string(start);
    // gawk's typed regex constant @/re/: a regex that is also a value.
    if (c === '@' && s[this.pos + 1] === '/') {
      const r = this.regex(start + 1);
      return { type: 'typedregex', value: r.value, start };
    }
    if (/[0-9.]/.test(c) && /^(?:0[xX][0-9a-fA-F]+|[0-9]*\.?[0-9]+|[0-9]+\.)/.test(s.slice(this.pos))) {
      const m = /^(?:0[xX][0-9a-fA-F]+|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)/.exec(s.slice(this.pos))!;
      this.pos += m[0].length;
      return { type: 'number', value: m[0], start };
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(this.pos))!;
      this.pos += m[0].length;
      const word = m[0];
      if (KEYWORDS.has(word)) return { type: 'keyword', value: word === 'func' ? 'function' : word, start };
      if (BUILTINS.has(word)) return { type: 'builtin', value: word, start };
      return { type: 'name', value: word, start, call: s[this.pos] === '(' };
    }
    for (const op of OPERATORS) {
      if (s.startsWith(op, this.pos)) {
        this.pos += op.length;
        return { type: 'punct', value: op, start };
      }
    }
    this.pos++;
    throw new AwkSyntaxError('syntax error', start);
  }

  private string(start: number): Token {
    const s = this.source;
    let value = '';
    this.pos++;
    for (;;) {
      if (this.pos >= s.length || s[this.pos] === '\n') throw new AwkSyntaxError('unterminated string', start);
      const c = s[this.pos++];
      if (c === '"') break;
      if (c !== '\\') {
        value += c;
        continue;
      }
      const e = s[this.pos];
      if (e === '\n') {
        this.pos++;
        continue;
      }
      if (e === 'x' && /^[0-9a-fA-F]/.test(s.slice(this.pos + 1))) {
        // gawk reads at most two hex digits after \x.
        const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(this.pos + 1))!;
        value += String.fromCharCode(parseInt(m[0], 16));
        this.pos += 1 + m[0].length;
      } else if (e !== undefined && /[0-7]/.test(e)) {
        const m = /^[0-7]{1,3}/.exec(s.slice(this.pos))!;
        value += String.fromCharCode(parseInt(m[0], 8));
        this.pos += m[0].length;
      } else if (e !== undefined && e in STRING_ESCAPES) {
        value += STRING_ESCAPES[e];
        this.pos++;
      } else {
        // gawk keeps the backslash of an escape it does not know (and warns; the lab does not).
        value += `\\${e ?? ''}`;
        this.pos++;
      }
    }
    return { type: 'string', value, start };
  }

  /** A regular expression literal whose opening `/` is at `start`: its text up to the closing `/`. */
  regex(start: number): Token {
    const s = this.source;
    this.pos = start + 1;
    let value = '';
    let inBracket = false;
    for (;;) {
      if (this.pos >= s.length || s[this.pos] === '\n') throw new AwkSyntaxError('unterminated regexp', start);
      const c = s[this.pos++];
      if (c === '\\' && this.pos < s.length) {
        const e = s[this.pos++];
        value += e === '/' ? '/' : `\\${e}`;
        continue;
      }
      if (inBracket) {
        if (c === ']' && !/\[\^?$/.test(value.slice(value.lastIndexOf('[')))) inBracket = false;
      } else if (c === '[') inBracket = true;
      else if (c === '/') break;
      value += c;
    }
    return { type: 'regex', value, start };
  }

  /** Moves back to re-read from `position` (after a regex was read in place of `/`). */
  reset(position: number): void {
    this.pos = position;
  }
}
