// A parser for the jq language (the subset lessons and readers use: paths, pipes, comma,
// construction, arithmetic, comparisons, conditionals, variables, reduce, try, function calls).
// Hand-written because the maintained full jq for browsers is a WebAssembly build far larger
// than the lab terminal's page budget.

export type Ast =
  | { t: 'identity' }
  | { t: 'recurse' }
  | { t: 'literal'; value: unknown }
  | { t: 'string'; parts: Array<string | Ast>; format?: string }
  | { t: 'index'; target: Ast; key: Ast; optional: boolean }
  | { t: 'slice'; target: Ast; from?: Ast; to?: Ast; optional: boolean }
  | { t: 'iterate'; target: Ast; optional: boolean }
  | { t: 'pipe'; left: Ast; right: Ast }
  | { t: 'comma'; left: Ast; right: Ast }
  | { t: 'binary'; op: string; left: Ast; right: Ast }
  | { t: 'neg'; expr: Ast }
  | { t: 'array'; expr?: Ast }
  | { t: 'object'; entries: Array<{ key: Ast; value?: Ast }> }
  | { t: 'if'; branches: Array<{ cond: Ast; then: Ast }>; else?: Ast }
  | { t: 'try'; body: Ast; catch?: Ast }
  | { t: 'optional'; expr: Ast }
  | { t: 'assign'; op: string; target: Ast; value: Ast }
  | { t: 'var'; name: string }
  | { t: 'as'; source: Ast; name: string; body: Ast }
  | { t: 'reduce'; source: Ast; name: string; init: Ast; update: Ast }
  | { t: 'call'; name: string; args: Ast[] }
  | { t: 'format'; name: string }
  | { t: 'def'; name: string; params: string[]; body: Ast; rest: Ast };

export class JqSyntaxError extends Error {}

interface Token {
  kind: 'num' | 'str' | 'ident' | 'var' | 'field' | 'format' | 'op' | 'eof';
  value: string;
  parts?: Array<string | Token[]>;
}

const OPS = ['?//', '|=', '+=', '-=', '*=', '/=', '//=', '==', '!=', '<=', '>=', '//', '..', '|', ',', '+', '-', '*', '/', '%', '<', '>', '=', '(', ')', '[', ']', '{', '}', ':', ';', '.', '?'];

function unexpected(token: Token): JqSyntaxError {
  const shown = token.kind === 'eof' ? '$end' : token.kind === 'ident' ? 'IDENT' : token.kind === 'num' ? 'LITERAL' : token.kind === 'str' ? 'QQSTRING_START' : token.kind === 'field' ? 'FIELD' : token.kind === 'var' ? '\'$\'' : `'${token.value}'`;
  return new JqSyntaxError(`syntax error, unexpected ${shown}`);
}

function lex(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '"') {
      const parts: Array<string | Token[]> = [];
      let text = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new JqSyntaxError('syntax error, unexpected $end, expecting QQSTRING_TEXT or QQSTRING_INTERP_START or QQSTRING_END');
        const ch = src[i];
        if (ch === '"') {
          i++;
          break;
        }
        if (ch === '\\') {
          const n = src[i + 1];
          if (n === '(') {
            // \( … ) interpolation: lex until the matching parenthesis
            let depth = 1;
            let j = i + 2;
            for (; j < src.length && depth > 0; j++) {
              if (src[j] === '(') depth++;
              else if (src[j] === ')') depth--;
            }
            if (depth > 0) throw new JqSyntaxError('syntax error, unexpected $end');
            if (text) parts.push(text);
            text = '';
            parts.push(lex(src.slice(i + 2, j - 1)));
            i = j;
            continue;
          }
          const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '"': '"', '\\': '\\', '/': '/' };
          if (n === 'u') {
            text += String.fromCharCode(parseInt(src.slice(i + 2, i + 6), 16));
            i += 6;
            continue;
          }
          if (!(n in escapes)) throw new JqSyntaxError('syntax error, unexpected INVALID_CHARACTER');
          text += escapes[n];
          i += 2;
          continue;
        }
        text += ch;
        i++;
      }
      if (text || parts.length === 0) parts.push(text);
      tokens.push({ kind: 'str', value: '', parts });
      continue;
    }
    const num = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(src.slice(i));
    if (num) {
      tokens.push({ kind: 'num', value: num[0] });
      i += num[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)*/.exec(src.slice(i));
    if (word) {
      tokens.push({ kind: 'ident', value: word[0] });
      i += word[0].length;
      continue;
    }
    if (c === '$') {
      const name = /^\$(__loc__|[A-Za-z_][A-Za-z0-9_]*)/.exec(src.slice(i));
      if (!name) throw new JqSyntaxError("syntax error, unexpected '$'");
      tokens.push({ kind: 'var', value: name[1] });
      i += name[0].length;
      continue;
    }
    if (c === '@') {
      const name = /^@[A-Za-z0-9_]+/.exec(src.slice(i));
      if (!name) throw new JqSyntaxError('syntax error, unexpected INVALID_CHARACTER');
      tokens.push({ kind: 'format', value: name[0].slice(1) });
      i += name[0].length;
      continue;
    }
    if (c === '.' && /[A-Za-z_]/.test(src[i + 1] ?? '')) {
      const field = /^\.[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))!;
      tokens.push({ kind: 'field', value: field[0].slice(1) });
      i += field[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new JqSyntaxError('syntax error, unexpected INVALID_CHARACTER');
    tokens.push({ kind: 'op', value: op });
    i += op.length;
  }
  tokens.push({ kind: 'eof', value: '' });
  return tokens;
}

const KEYWORDS = new Set(['if', 'then', 'elif', 'else', 'end', 'as', 'reduce', 'foreach', 'try', 'catch', 'def', 'and', 'or', 'not_keyword', 'label', 'import', 'include', '__loc__']);

class Parser {
  private pos = 0;
  private readonly tokens: Token[];
  constructor(tokens: Token[]) {
    this.tokens = tokens;
  }

  private peek(): Token {
    return this.tokens[this.pos];
  }
  private next(): Token {
    return this.tokens[this.pos++];
  }
  private isOp(value: string): boolean {
    const t = this.peek();
    return t.kind === 'op' && t.value === value;
  }
  private isWord(value: string): boolean {
    const t = this.peek();
    return t.kind === 'ident' && t.value === value;
  }
  private expectOp(value: string): void {
    if (!this.isOp(value)) throw unexpected(this.peek());
    this.pos++;
  }
  private expectWord(value: string): void {
    if (!this.isWord(value)) throw unexpected(this.peek());
    this.pos++;
  }

  parseProgram(): Ast {
    const ast = this.parsePipe();
    if (this.peek().kind !== 'eof') throw unexpected(this.peek());
    return ast;
  }

  /** pipe: lowest precedence, right associative; also `def` and `… as $x | …`. */
  parsePipe(): Ast {
    if (this.isWord('def')) {
      this.pos++;
      const name = this.next();
      if (name.kind !== 'ident') throw unexpected(name);
      const params: string[] = [];
      if (this.isOp('(')) {
        this.pos++;
        for (;;) {
          const p = this.next();
          params.push(p.value);
          if (this.isOp(';')) this.pos++;
          else break;
        }
        this.expectOp(')');
      }
      this.expectOp(':');
      const body = this.parsePipe();
      this.expectOp(';');
      return { t: 'def', name: name.value, params, body, rest: this.parsePipe() };
    }
    const left = this.parseComma();
    if (this.isWord('as')) {
      this.pos++;
      const v = this.next();
      if (v.kind !== 'var') throw unexpected(v);
      this.expectOp('|');
      return { t: 'as', source: left, name: v.value, body: this.parsePipe() };
    }
    if (this.isOp('|')) {
      this.pos++;
      return { t: 'pipe', left, right: this.parsePipe() };
    }
    return left;
  }

  private parseComma(): Ast {
    let left = this.parseAlternative();
    while (this.isOp(',')) {
      this.pos++;
      left = { t: 'comma', left, right: this.parseAlternative() };
    }
    return left;
  }

  private parseAlternative(): Ast {
    const left = this.parseAssign();
    if (this.isOp('//')) {
      this.pos++;
      return { t: 'binary', op: '//', left, right: this.parseAlternative() };
    }
    return left;
  }

  /** `path |= f`, `path += v`, `path = v` and friends (non-associative, below `//`). */
  private parseAssign(): Ast {
    const target = this.parseOr();
    const t = this.peek();
    if (t.kind === 'op' && ['=', '|=', '+=', '-=', '*=', '/=', '//='].includes(t.value)) {
      this.pos++;
      return { t: 'assign', op: t.value, target, value: this.parseAlternative() };
    }
    return target;
  }

  private parseOr(): Ast {
    let left = this.parseAnd();
    while (this.isWord('or')) {
      this.pos++;
      left = { t: 'binary', op: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): Ast {
    let left = this.parseCompare();
    while (this.isWord('and')) {
      this.pos++;
      left = { t: 'binary', op: 'and', left, right: this.parseCompare() };
    }
    return left;
  }

  private parseCompare(): Ast {
    const left = this.parseAdditive();
    const t = this.peek();
    if (t.kind === 'op' && ['==', '!=', '<', '<=', '>', '>='].includes(t.value)) {
      this.pos++;
      return { t: 'binary', op: t.value, left, right: this.parseAdditive() };
    }
    return left;
  }

  private parseAdditive(): Ast {
    let left = this.parseMultiplicative();
    for (;;) {
      const t = this.peek();
      if (t.kind === 'op' && (t.value === '+' || t.value === '-')) {
        this.pos++;
        left = { t: 'binary', op: t.value, left, right: this.parseMultiplicative() };
      } else return left;
    }
  }

  private parseMultiplicative(): Ast {
    let left = this.parseUnary();
    for (;;) {
      const t = this.peek();
      if (t.kind === 'op' && ['*', '/', '%'].includes(t.value)) {
        this.pos++;
        left = { t: 'binary', op: t.value, left, right: this.parseUnary() };
      } else return left;
    }
  }

  private parseUnary(): Ast {
    if (this.isOp('-')) {
      this.pos++;
      return { t: 'neg', expr: this.parsePostfix() };
    }
    return this.parsePostfix();
  }

  private parsePostfix(): Ast {
    let term = this.parsePrimary();
    for (;;) {
      const t = this.peek();
      if (t.kind === 'field') {
        this.pos++;
        term = this.optionalIndex(term, { t: 'literal', value: t.value });
      } else if (t.kind === 'op' && t.value === '.' && this.tokens[this.pos + 1]?.kind === 'str') {
        this.pos++;
        term = this.optionalIndex(term, this.parsePrimary());
      } else if (t.kind === 'op' && (t.value === '[' || (t.value === '.' && this.tokens[this.pos + 1]?.value === '['))) {
        if (t.value === '.') this.pos++;
        term = this.parseBracket(term);
      } else if (t.kind === 'op' && t.value === '?') {
        this.pos++;
        term = { t: 'optional', expr: term };
      } else return term;
    }
  }

  private optionalIndex(target: Ast, key: Ast): Ast {
    const optional = this.isOp('?');
    if (optional) this.pos++;
    return { t: 'index', target, key, optional };
  }

  private parseBracket(target: Ast): Ast {
    this.expectOp('[');
    if (this.isOp(']')) {
      this.pos++;
      const optional = this.isOp('?');
      if (optional) this.pos++;
      return { t: 'iterate', target, optional };
    }
    if (this.isOp(':')) {
      this.pos++;
      const to = this.parsePipe();
      this.expectOp(']');
      return { t: 'slice', target, to, optional: false };
    }
    const key = this.parsePipe();
    if (this.isOp(':')) {
      this.pos++;
      const to = this.isOp(']') ? undefined : this.parsePipe();
      this.expectOp(']');
      return { t: 'slice', target, from: key, to, optional: false };
    }
    this.expectOp(']');
    const optional = this.isOp('?');
    if (optional) this.pos++;
    return { t: 'index', target, key, optional };
  }

  private parseString(token: Token, format?: string): Ast {
    const parts = token.parts!.map((p) => (typeof p === 'string' ? p : new Parser([...p, { kind: 'eof', value: '' }]).parseProgram()));
    return { t: 'string', parts, format };
  }

  private parsePrimary(): Ast {
    const t = this.next();
    switch (t.kind) {
      case 'num':
        return { t: 'literal', value: Number(t.value) };
      case 'str':
        return this.parseString(t);
      case 'format':
        if (this.peek().kind === 'str') return this.parseString(this.next(), t.value);
        return { t: 'format', name: t.value };
      case 'field':
        return this.optionalIndex({ t: 'identity' }, { t: 'literal', value: t.value });
      case 'var':
        return { t: 'var', name: t.value };
      case 'ident':
        return this.parseWordPrimary(t);
      case 'op':
        return this.parseOpPrimary(t);
      default:
        throw unexpected(t);
    }
  }

  private parseWordPrimary(t: Token): Ast {
    if (t.value === 'if') {
      const branches = [{ cond: this.parsePipe(), then: (this.expectWord('then'), this.parsePipe()) }];
      while (this.isWord('elif')) {
        this.pos++;
        const cond = this.parsePipe();
        this.expectWord('then');
        branches.push({ cond, then: this.parsePipe() });
      }
      let otherwise: Ast | undefined;
      if (this.isWord('else')) {
        this.pos++;
        otherwise = this.parsePipe();
      }
      this.expectWord('end');
      return { t: 'if', branches, else: otherwise };
    }
    if (t.value === 'try') {
      const body = this.parsePostfix();
      if (this.isWord('catch')) {
        this.pos++;
        return { t: 'try', body, catch: this.parsePostfix() };
      }
      return { t: 'try', body };
    }
    if (t.value === 'reduce') {
      const source = this.parsePostfix();
      this.expectWord('as');
      const v = this.next();
      if (v.kind !== 'var') throw unexpected(v);
      this.expectOp('(');
      const init = this.parsePipe();
      this.expectOp(';');
      const update = this.parsePipe();
      this.expectOp(')');
      return { t: 'reduce', source, name: v.value, init, update };
    }
    if (KEYWORDS.has(t.value) && t.value !== 'not_keyword') throw unexpected({ kind: 'op', value: t.value });
    if (t.value === 'true' || t.value === 'false') return { t: 'literal', value: t.value === 'true' };
    if (t.value === 'null') return { t: 'literal', value: null };
    const args: Ast[] = [];
    if (this.isOp('(')) {
      this.pos++;
      for (;;) {
        args.push(this.parsePipe());
        if (this.isOp(';')) this.pos++;
        else break;
      }
      this.expectOp(')');
    }
    return { t: 'call', name: t.value, args };
  }

  private parseOpPrimary(t: Token): Ast {
    switch (t.value) {
      case '.':
        if (this.peek().kind === 'str') return this.optionalIndex({ t: 'identity' }, this.parsePrimary());
        return { t: 'identity' };
      case '..':
        return { t: 'recurse' };
      case '(': {
        const inner = this.parsePipe();
        this.expectOp(')');
        return inner;
      }
      case '[': {
        if (this.isOp(']')) {
          this.pos++;
          return { t: 'array' };
        }
        const expr = this.parsePipe();
        this.expectOp(']');
        return { t: 'array', expr };
      }
      case '{':
        return this.parseObject();
      default:
        throw unexpected(t);
    }
  }

  private parseObject(): Ast {
    const entries: Array<{ key: Ast; value?: Ast }> = [];
    if (this.isOp('}')) {
      this.pos++;
      return { t: 'object', entries };
    }
    for (;;) {
      const k = this.next();
      let key: Ast;
      if (k.kind === 'ident') key = { t: 'literal', value: k.value };
      else if (k.kind === 'var') {
        entries.push({ key: { t: 'literal', value: k.value }, value: { t: 'var', name: k.value } });
        if (this.isOp(',')) {
          this.pos++;
          continue;
        }
        this.expectOp('}');
        return { t: 'object', entries };
      } else if (k.kind === 'str') key = this.parseString(k);
      else if (k.kind === 'num') key = { t: 'literal', value: k.value };
      else if (k.kind === 'op' && k.value === '(') {
        key = this.parsePipe();
        this.expectOp(')');
      } else throw unexpected(k);
      let value: Ast | undefined;
      if (this.isOp(':')) {
        this.pos++;
        value = this.parseObjectValue();
      }
      entries.push({ key, value });
      if (this.isOp(',')) {
        this.pos++;
        continue;
      }
      this.expectOp('}');
      return { t: 'object', entries };
    }
  }

  /** An object value binds tighter than `,` (jq's ExpD): pipes of postfix terms. */
  private parseObjectValue(): Ast {
    let left = this.parseAlternative();
    while (this.isOp('|')) {
      this.pos++;
      left = { t: 'pipe', left, right: this.parseAlternative() };
    }
    return left;
  }
}

export function parseJq(src: string): Ast {
  return new Parser(lex(src)).parseProgram();
}
