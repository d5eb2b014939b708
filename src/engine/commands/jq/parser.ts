// A parser for the jq language (the subset lessons and readers use: paths, pipes, comma,
// construction, arithmetic, comparisons, conditionals, variables, reduce, try, function calls).
// Hand-written because the maintained full jq for browsers is a WebAssembly build far larger
// than the lab terminal's page budget.

import { number } from './output.ts';
import { NumberLiteral, numberFromLiteral, type JqValue } from './values.ts';

export type Ast =
  | { t: 'identity' }
  | { t: 'recurse' }
  | { t: 'literal'; value: JqValue }
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
  | { t: 'as'; source: Ast; name: string; body: Ast; patterns?: Pattern[] }
  | { t: 'reduce'; source: Ast; name: string; init: Ast; update: Ast; pattern?: Pattern }
  | { t: 'foreach'; source: Ast; name: string; init: Ast; update: Ast; extract?: Ast; pattern?: Pattern }
  | { t: 'label'; name: string; body: Ast }
  | { t: 'break'; name: string }
  | { t: 'call'; name: string; args: Ast[] }
  | { t: 'format'; name: string }
  | { t: 'def'; name: string; params: string[]; body: Ast; rest: Ast };

/** A destructuring pattern (`. as [$a, {b: $c}]`): a variable, an array's items by position, or
 * an object's values by key (a key may be an expression; `$name` alone binds `.name`). */
export type Pattern =
  | { p: 'var'; name: string }
  | { p: 'array'; items: Pattern[] }
  | { p: 'object'; entries: Array<{ key: Ast; keyVar?: string; value?: Pattern }> };

/** Every variable a pattern binds, in order. */
export function patternVars(pattern: Pattern): string[] {
  if (pattern.p === 'var') return [pattern.name];
  if (pattern.p === 'array') return pattern.items.flatMap(patternVars);
  return pattern.entries.flatMap((e) => [...(e.keyVar ? [e.keyVar] : []), ...(e.value ? patternVars(e.value) : [])]);
}

export class JqSyntaxError extends Error {
  /** Where in the program the error is, when the parser knows. */
  readonly at: number | undefined;
  /** False for a compile error that is no syntax error (jq adds no shell-quoting hint to it). */
  readonly syntax: boolean;
  constructor(message: string, at?: number, syntax = true) {
    super(message);
    this.at = at;
    this.syntax = syntax;
  }
}

/** The lab's limit on how deeply a program nests, in parser levels (a bracket is two): real
 * jq's parser gives out near 10000 brackets, the lab's evaluator stops at 200 calls anyway. */
export const MAX_NESTING = 500;

/** A program nested deeper than the lab parses (a compile error, as jq's own limit is). */
export class JqNestingError extends Error {
  constructor() {
    super(`the lab stops programs nested more than ${MAX_NESTING} levels deep`);
  }
}

interface Token {
  /** Where the token starts in the program (jq's error location). */
  at?: number;
  kind: 'num' | 'str' | 'ident' | 'var' | 'field' | 'format' | 'op' | 'eof';
  value: string;
  parts?: Array<string | Token[]>;
  /** The line a `$__loc__` is on. */
  line?: number;
}

const OPS = ['?//', '|=', '+=', '-=', '*=', '/=', '%=', '//=', '==', '!=', '<=', '>=', '//', '..', '|', ',', '+', '-', '*', '/', '%', '<', '>', '=', '(', ')', '[', ']', '{', '}', ':', ';', '.', '?'];

/** A character jq's lexer does not take; where a program may start, jq's parser says it expected
 * the end. */
function invalidCharacter(before: Token[], at: number): JqSyntaxError {
  return new JqSyntaxError(`syntax error, unexpected INVALID_CHARACTER${before.length ? '' : ', expecting end of file'}`, at);
}

function unexpectedExpecting(token: Token, expecting: string): JqSyntaxError {
  return new JqSyntaxError(`${unexpected(token).message}, expecting ${expecting}`, token.at);
}

/** A token as bison names it: keywords and operators of several characters by their text
 * (`then`, `==`, `?//`), single characters quoted (`'|'`), the rest by their token name. */
function unexpected(token: Token): JqSyntaxError {
  const word = token.kind === 'ident' && KEYWORDS.has(token.value);
  const shown = token.kind === 'eof' ? 'end of file' : word ? token.value : token.kind === 'ident' ? 'IDENT' : token.kind === 'num' ? 'LITERAL' : token.kind === 'str' ? 'QQSTRING_START' : token.kind === 'field' ? 'FIELD' : token.kind === 'var' ? '\'$\'' : token.value.length > 1 ? token.value : `'${token.value}'`;
  return new JqSyntaxError(`syntax error, unexpected ${shown}`, token.at);
}

/** Tokens of `src`; `depth` counts the string interpolations around it, `firstLine` is the line
 * `src` starts on. */
function lex(src: string, depth = 0, firstLine = 1): Token[] {
  if (depth > MAX_NESTING) throw new JqNestingError();
  const tokens: Token[] = [];
  const open: string[] = [];
  let i = 0;
  let newlines: number[] | undefined;
  const lineAt = (at: number) => {
    newlines ??= [...src.matchAll(/\n/g)].map((m) => m.index);
    return firstLine + newlines.filter((n) => n < at).length;
  };
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
    const at = i;
    if (c === '"') {
      const parts: Array<string | Token[]> = [];
      let text = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new JqSyntaxError('syntax error, unexpected end of file, expecting QQSTRING_TEXT or QQSTRING_INTERP_START or QQSTRING_END');
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
            if (depth > 0) throw new JqSyntaxError('syntax error, unexpected end of file');
            if (text) parts.push(text);
            text = '';
            parts.push(lex(src.slice(i + 2, j - 1), depth + 1, lineAt(i + 2)));
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
      tokens.push({ at, kind: 'str', value: '', parts });
      continue;
    }
    const num = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(src.slice(i));
    if (num) {
      tokens.push({ at, kind: 'num', value: num[0] });
      i += num[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)*/.exec(src.slice(i));
    if (word) {
      tokens.push({ at, kind: 'ident', value: word[0] });
      i += word[0].length;
      continue;
    }
    if (c === '$') {
      const name = /^\$(__loc__|[A-Za-z_][A-Za-z0-9_]*)/.exec(src.slice(i));
      if (!name) throw new JqSyntaxError("syntax error, unexpected '$'");
      tokens.push({ at, kind: 'var', value: name[1], line: name[1] === '__loc__' ? lineAt(i) : undefined });
      i += name[0].length;
      continue;
    }
    if (c === '@') {
      const name = /^@[A-Za-z0-9_]+/.exec(src.slice(i));
      if (!name) throw invalidCharacter(tokens, at);
      tokens.push({ at, kind: 'format', value: name[0].slice(1) });
      i += name[0].length;
      continue;
    }
    if (c === '.' && /[A-Za-z_]/.test(src[i + 1] ?? '')) {
      const field = /^\.[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))!;
      tokens.push({ at, kind: 'field', value: field[0].slice(1) });
      i += field[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw invalidCharacter(tokens, at);
    // jq's lexer takes a closing bracket nothing opened for a character it does not know.
    if (op === ')' || op === ']' || op === '}') {
      if (open.pop() !== { ')': '(', ']': '[', '}': '{' }[op]) throw invalidCharacter(tokens, at);
    } else if (op === '(' || op === '[' || op === '{') open.push(op);
    tokens.push({ at, kind: 'op', value: op });
    i += op.length;
  }
  // An unexpected end is reported where the last token starts.
  tokens.push({ at: tokens.length ? tokens[tokens.length - 1].at : 0, kind: 'eof', value: '' });
  return tokens;
}

const KEYWORDS = new Set(['if', 'then', 'elif', 'else', 'end', 'as', 'reduce', 'foreach', 'try', 'catch', 'def', 'and', 'or', 'not_keyword', 'label', 'import', 'include', '__loc__']);

/** Binary operators from the loosest to the tightest. */
const BINARY: Array<{ words: string[]; ops: string[]; chains: boolean }> = [
  { words: ['or'], ops: [], chains: true },
  { words: ['and'], ops: [], chains: true },
  { words: [], ops: ['==', '!=', '<', '<=', '>', '>='], chains: false },
  { words: [], ops: ['+', '-'], chains: true },
  { words: [], ops: ['*', '/', '%'], chains: true },
];

/** The value of a key expression jq folds while compiling (a literal, an empty array or object,
 * arithmetic on numbers), or undefined. */
function constantOf(ast: Ast): { value: unknown } | undefined {
  if (ast.t === 'literal') return { value: ast.value };
  if (ast.t === 'array' && !ast.expr) return { value: [] };
  if (ast.t === 'object' && !ast.entries.length) return { value: {} };
  if (ast.t === 'binary' && ['+', '-', '*', '/', '%'].includes(ast.op)) {
    const [l, r] = [constantOf(ast.left), constantOf(ast.right)];
    const [a, b] = [plainNumber(l?.value), plainNumber(r?.value)];
    if (a === undefined || b === undefined) return undefined;
    const folded = { '+': a + b, '-': a - b, '*': a * b, '/': a / b, '%': a % b }[ast.op]!;
    return Number.isFinite(folded) ? { value: folded } : undefined;
  }
  return undefined;
}

function plainNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (v instanceof NumberLiteral) return v.value;
  return undefined;
}

/** A key jq computes while compiling that is no string is a compile error, not a runtime one. */
function constantKeyCheck(key: Ast, at: number | undefined): void {
  const constant = constantOf(key);
  if (!constant || typeof constant.value === 'string') return;
  const v = constant.value;
  const [type, text] = v === null ? ['null', 'null'] : typeof v === 'boolean' ? ['boolean', String(v)] : Array.isArray(v) ? ['array', '[]'] : typeof v === 'object' && !(v instanceof NumberLiteral) ? ['object', '{}'] : ['number', v instanceof NumberLiteral ? v.text : typeof v === 'number' ? number(v) : String(v)];
  throw new JqSyntaxError(`Cannot use ${type} (${text}) as object key`, at, false);
}

class Parser {
  private pos = 0;
  private readonly tokens: Token[];
  /** How deeply the node being parsed nests (parse functions recurse by it). */
  private depth: number;
  constructor(tokens: Token[], depth = 0) {
    this.tokens = tokens;
    this.depth = depth;
  }

  /** One level deeper; callers put the depth back when their node is done. */
  private deeper(): void {
    if (++this.depth > MAX_NESTING) throw new JqNestingError();
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
  /** A token no expression starts with: first in the program, bison has reduced an empty
   * program before it and expects the end. */
  private cannotStart(t: Token): JqSyntaxError {
    return t === this.tokens[0] && t.kind !== 'eof' ? unexpectedExpecting(t, 'end of file') : unexpected(t);
  }

  /** `value` next, or bison's error naming what it expected. */
  private expectOpOr(value: string, expecting: string): void {
    if (!this.isOp(value)) throw unexpectedExpecting(this.peek(), expecting);
    this.pos++;
  }
  private expectWord(value: string): void {
    if (!this.isWord(value)) throw unexpected(this.peek());
    this.pos++;
  }

  parseProgram(): Ast {
    const ast = this.parsePipe();
    const rest = this.peek();
    if (rest.kind === 'eof') return ast;
    // A closing bracket nothing opened is a character jq's lexer does not take.
    if (rest.kind === 'op' && [')', ']', '}'].includes(rest.value)) throw new JqSyntaxError('syntax error, unexpected INVALID_CHARACTER, expecting end of file', rest.at);
    throw unexpectedExpecting(rest, 'end of file');
  }

  /** pipe: lowest precedence, right associative; also `def` and `… as $x | …`. */
  parsePipe(): Ast {
    const start = this.depth;
    this.deeper();
    try {
      return this.parsePipeLevel();
    } finally {
      this.depth = start;
    }
  }

  private parsePipeLevel(): Ast {
    if (this.isWord('def')) {
      this.pos++;
      const name = this.next();
      if (name.kind !== 'ident' || KEYWORDS.has(name.value)) throw unexpectedExpecting(name, 'IDENT');
      const params: string[] = [];
      const valueParams: string[] = [];
      if (this.isOp('(')) {
        this.pos++;
        for (;;) {
          const p = this.next();
          if (p.kind !== 'ident' && p.kind !== 'var') throw unexpectedExpecting(p, 'IDENT or BINDING');
          params.push(p.value);
          if (p.kind === 'var') valueParams.push(p.value);
          if (this.isOp(';')) this.pos++;
          else break;
        }
        this.expectOpOr(')', "';' or ')'");
        this.expectOp(':');
      } else this.expectOpOr(':', "'(' or ':'");
      // `def f($a): body` is `def f(a): a as $a | body`, first parameter outermost.
      const body = valueParams.reduceRight<Ast>((inner, p) => ({ t: 'as', source: { t: 'call', name: p, args: [] }, name: p, body: inner }), this.parsePipe());
      this.expectOp(';');
      return { t: 'def', name: name.value, params, body, rest: this.parsePipe() };
    }
    if (this.isWord('label')) {
      this.pos++;
      const v = this.next();
      if (v.kind !== 'var') throw unexpectedExpecting(v, 'BINDING');
      this.expectOpOr('|', "'|'");
      return { t: 'label', name: v.value, body: this.parsePipe() };
    }
    const left = this.parseComma();
    if (this.isOp('|')) {
      this.pos++;
      return { t: 'pipe', left, right: this.parsePipe() };
    }
    return left;
  }

  /** `a, b, c`: left-nested, each link a level deeper. */
  private parseComma(): Ast {
    const start = this.depth;
    try {
      let left = this.parseAlternative();
      while (this.isOp(',')) {
        this.pos++;
        this.deeper();
        left = { t: 'comma', left, right: this.parseAlternative() };
      }
      return left;
    } finally {
      this.depth = start;
    }
  }

  /** The pattern after `as` or `?//`, whose first token bison names when it is none of theirs. */
  private parseBoundPattern(): Pattern {
    const t = this.peek();
    if (t.kind !== 'var' && !(t.kind === 'op' && (t.value === '[' || t.value === '{'))) throw unexpectedExpecting(t, "BINDING or '[' or '{'");
    return this.parsePattern();
  }

  /** `$v`, `[p, …]` or `{key: p, $v, …}`. */
  private parsePattern(): Pattern {
    const t = this.next();
    if (t.kind === 'var') return { p: 'var', name: t.value };
    if (t.kind === 'op' && t.value === '[') {
      const items: Pattern[] = [];
      for (;;) {
        items.push(this.parsePattern());
        const n = this.next();
        if (n.kind === 'op' && n.value === ',') continue;
        if (n.kind === 'op' && n.value === ']') return { p: 'array', items };
        throw unexpectedExpecting(n, "',' or ']'");
      }
    }
    if (t.kind === 'op' && t.value === '{') {
      const entries: Array<{ key: Ast; keyVar?: string; value?: Pattern }> = [];
      for (;;) {
        const k = this.next();
        if (k.kind === 'var') {
          const entry: { key: Ast; keyVar?: string; value?: Pattern } = { key: { t: 'literal', value: k.value }, keyVar: k.value };
          if (this.isOp(':')) {
            this.pos++;
            entry.value = this.parsePattern();
          }
          entries.push(entry);
        } else {
          let key: Ast;
          if (k.kind === 'ident') key = { t: 'literal', value: k.value };
          else if (k.kind === 'str') key = this.parseString(k);
          else if (k.kind === 'op' && k.value === '(') {
            key = this.parsePipe();
            this.expectOp(')');
          } else throw unexpected(k);
          const colon = this.next();
          if (!(colon.kind === 'op' && colon.value === ':')) throw unexpectedExpecting(colon, "':'");
          entries.push({ key, value: this.parsePattern() });
        }
        const n = this.next();
        if (n.kind === 'op' && n.value === ',') continue;
        if (n.kind === 'op' && n.value === '}') return { p: 'object', entries };
        throw unexpected(n);
      }
    }
    throw unexpected(t);
  }

  private parseAlternative(): Ast {
    const left = this.parseAssign();
    // Outside a pattern `?//` is a token jq's grammar has no place for: it is left to end the
    // expression, and whatever encloses it reports it.
    if (this.isOp('//')) {
      this.pos++;
      return { t: 'binary', op: '//', left, right: this.parseDeeper(() => this.parseAlternative()) };
    }
    return left;
  }

  private parseDeeper(parse: () => Ast): Ast {
    const start = this.depth;
    this.deeper();
    try {
      return parse();
    } finally {
      this.depth = start;
    }
  }

  /** `path |= f`, `path += v`, `path = v` and friends (non-associative, below `//`). */
  private parseAssign(): Ast {
    const target = this.parseBinary(0);
    const t = this.peek();
    if (t.kind === 'op' && ['=', '|=', '+=', '-=', '*=', '/=', '%=', '//='].includes(t.value)) {
      this.pos++;
      return { t: 'assign', op: t.value, target, value: this.parseDeeper(() => this.parseAlternative()) };
    }
    return target;
  }

  /** The operator at `level` of BINARY if the next token is one. */
  private binaryOp(level: number): string | null {
    const t = this.peek();
    const { words, ops } = BINARY[level];
    return (t.kind === 'ident' && words.includes(t.value)) || (t.kind === 'op' && ops.includes(t.value)) ? t.value : null;
  }

  /** `or`, `and`, comparisons, `+ -`, `* / %` by precedence (one function, so nesting costs few
   * stack frames); comparisons do not chain, the others nest to the left, a level per link. */
  private parseBinary(level: number): Ast {
    if (level === BINARY.length) return this.parseUnary();
    const start = this.depth;
    try {
      let left = this.parseBinary(level + 1);
      for (let op = this.binaryOp(level); op !== null; op = BINARY[level].chains ? this.binaryOp(level) : null) {
        this.pos++;
        this.deeper();
        left = { t: 'binary', op, left, right: this.parseBinary(level + 1) };
      }
      // A second comparison in a row is bison's error on a non-associative operator: no
      // "expecting" list.
      if (!BINARY[level].chains && this.binaryOp(level) !== null && left.t === 'binary') throw unexpected(this.peek());
      return left;
    } finally {
      this.depth = start;
    }
  }

  private parseUnary(): Ast {
    if (this.isOp('-')) {
      this.pos++;
      return { t: 'neg', expr: this.parsePostfix() };
    }
    return this.parsePostfix();
  }

  /** `term as $x | body`: jq binds a term only (`1, 2 as $x | …` is `1, (2 as $x | …)`), and
   * the body runs to the end of the pipe. */
  private parseBinding(source: Ast): Ast {
    this.pos++;
    const patterns = [this.parseBoundPattern()];
    // `?//`: alternative patterns, tried in turn when binding or the body fails.
    while (this.isOp('?//')) {
      this.pos++;
      patterns.push(this.parseBoundPattern());
    }
    this.expectOpOr('|', "'|'");
    const body = this.parsePipe();
    if (patterns.length === 1 && patterns[0].p === 'var') return { t: 'as', source, name: patterns[0].name, body };
    return { t: 'as', source, name: '', body, patterns };
  }

  /** A term and its suffixes (`.a`, `[0]`, `?`), each suffix a level around the term, and an
   * `as` binding of it unless `bind` is false (reduce's and foreach's source). In jq's grammar
   * `if`, `try`, `reduce` and `foreach` are no terms, nor is a term a bare `?` follows: no
   * suffix or binding follows them (`.a??.b`, `(.a)?.b` are syntax errors). */
  private parsePostfix(bind = true): Ast {
    const start = this.depth;
    const first = this.peek();
    let isTerm = !(first.kind === 'ident' && ['if', 'try', 'reduce', 'foreach'].includes(first.value));
    try {
      let term = this.parsePrimary();
      for (;;) {
        const t = this.peek();
        if (!isTerm && !(t.kind === 'op' && t.value === '?')) return term;
        if ((t.kind === 'op' && ['.', '[', '?'].includes(t.value)) || t.kind === 'field') this.deeper();
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
          isTerm = false;
        } else return isTerm && bind && this.isWord('as') ? this.parseBinding(term) : term;
      }
    } finally {
      this.depth = start;
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
    const parts = token.parts!.map((p) => (typeof p === 'string' ? p : new Parser([...p, { kind: 'eof', value: '' }], this.depth + 1).parseProgram()));
    return { t: 'string', parts, format };
  }

  private parsePrimary(): Ast {
    const start = this.depth;
    this.deeper();
    try {
      return this.parsePrimaryLevel(this.next());
    } finally {
      this.depth = start;
    }
  }

  private parsePrimaryLevel(t: Token): Ast {
    switch (t.kind) {
      case 'num':
        return { t: 'literal', value: numberFromLiteral(t.value, number) };
      case 'str':
        return this.parseString(t);
      case 'format':
        if (this.peek().kind === 'str') return this.parseString(this.next(), t.value);
        return { t: 'format', name: t.value };
      case 'field':
        return this.optionalIndex({ t: 'identity' }, { t: 'literal', value: t.value });
      case 'var':
        if (t.value === '__loc__') return { t: 'literal', value: { file: '<top-level>', line: t.line ?? 1 } };
        return { t: 'var', name: t.value };
      case 'ident':
        return this.parseWordPrimary(t);
      case 'op':
        return this.parseOpPrimary(t);
      default:
        throw this.cannotStart(t);
    }
  }

  private parseWordPrimary(t: Token): Ast {
    if (t.value === 'if') {
      const branches = [{ cond: this.parsePipe(), then: (this.expectWord('then'), this.parsePipe()) }];
      // Each elif nests the rest of the conditional one level deeper.
      const start = this.depth;
      while (this.isWord('elif')) {
        this.deeper();
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
      this.depth = start;
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
    if (t.value === 'reduce' || t.value === 'foreach') {
      const source = this.parsePostfix(false);
      this.expectWord('as');
      const pattern = this.parseBoundPattern();
      const open = this.next();
      if (!(open.kind === 'op' && open.value === '(')) throw unexpectedExpecting(open, "'('");
      const init = this.parsePipe();
      this.expectOp(';');
      const update = this.parsePipe();
      let extract: Ast | undefined;
      if (t.value === 'foreach' && this.isOp(';')) {
        this.pos++;
        extract = this.parsePipe();
      }
      this.expectOp(')');
      const name = pattern.p === 'var' ? pattern.name : '';
      const shape = pattern.p === 'var' ? {} : { pattern };
      if (t.value === 'reduce') return { t: 'reduce', source, name, init, update, ...shape };
      return { t: 'foreach', source, name, init, update, extract, ...shape };
    }
    if (t.value === 'break') {
      const v = this.next();
      if (v.kind !== 'var') throw unexpected(v);
      return { t: 'break', name: v.value };
    }
    if (KEYWORDS.has(t.value) && t.value !== 'not_keyword') throw this.cannotStart(t);
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
      this.expectOpOr(')', "';' or ')'");
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
        throw this.cannotStart(t);
    }
  }

  /** `{…}`, a level deeper than its braces (values nest through parseAlternative). */
  private parseObject(): Ast {
    this.deeper();
    const entries: Array<{ key: Ast; value?: Ast }> = [];
    if (this.isOp('}')) {
      this.pos++;
      return { t: 'object', entries };
    }
    for (;;) {
      // jq 1.7.1 takes a comma before the closing brace.
      if (entries.length && this.isOp('}')) {
        this.pos++;
        return { t: 'object', entries };
      }
      const k = this.next();
      let key: Ast;
      if (k.kind === 'ident') key = { t: 'literal', value: k.value };
      else if (k.kind === 'var') {
        const value: Ast = k.value === '__loc__' ? { t: 'literal', value: { file: '<top-level>', line: k.line ?? 1 } } : { t: 'var', name: k.value };
        entries.push({ key: { t: 'literal', value: k.value }, value });
        if (this.isOp(',')) {
          this.pos++;
          continue;
        }
        this.expectOpOr('}', "'}'");
        return { t: 'object', entries };
      } else if (k.kind === 'str') key = this.parseString(k);
      else if (k.kind === 'format' && this.peek().kind === 'str') key = this.parseString(this.next(), k.value);
      else if (k.kind === 'num') key = { t: 'literal', value: k.value };
      else if (k.kind === 'op' && k.value === '(') {
        key = this.parsePipe();
        this.expectOp(')');
        constantKeyCheck(key, k.at);
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
      this.expectOpOr('}', "'}'");
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
