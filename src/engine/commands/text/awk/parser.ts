// awk's grammar (POSIX, with gawk's ** and func): a recursive descent over the lexer's tokens into
// the tree the interpreter walks. Errors carry the position gawk's caret points at.
import { AwkSyntaxError, Lexer, type Token } from './lexer.ts';

export type Expr =
  | { type: 'num'; value: number }
  | { type: 'str'; value: string }
  | { type: 'regex'; source: string }
  /** gawk's @/re/: a regex as a value (its text, typeof "regexp"). */
  | { type: 'typedregex'; source: string }
  | { type: 'var'; name: string }
  | { type: 'field'; index: Expr }
  | { type: 'index'; name: string; subscripts: Expr[] }
  | { type: 'assign'; op: string; target: Expr; value: Expr }
  | { type: 'cond'; test: Expr; then: Expr; else: Expr }
  | { type: 'binary'; op: string; left: Expr; right: Expr }
  | { type: 'match'; negate: boolean; left: Expr; right: Expr }
  | { type: 'in'; subscripts: Expr[]; array: string }
  | { type: 'unary'; op: string; operand: Expr }
  | { type: 'incdec'; op: '++' | '--'; prefix: boolean; target: Expr }
  | { type: 'call'; name: string; args: Expr[] }
  | { type: 'builtin'; name: string; args: Expr[]; position: number }
  | { type: 'getline'; target?: Expr; file?: Expr; command?: Expr }
  | { type: 'group'; expr: Expr }
  /** `(a, b)`: only before `in`, a subscript of several parts. */
  | { type: 'tuple'; items: Expr[] };

export interface Redirect {
  op: '>' | '>>' | '|';
  target: Expr;
}

export type Stmt =
  | { type: 'print'; args: Expr[]; redirect?: Redirect }
  | { type: 'printf'; args: Expr[]; redirect?: Redirect }
  | { type: 'expr'; expr: Expr }
  | { type: 'if'; test: Expr; then: Stmt; else?: Stmt }
  | { type: 'while'; test: Expr; body: Stmt }
  | { type: 'do'; body: Stmt; test: Expr }
  | { type: 'for'; init?: Stmt; test?: Expr; step?: Stmt; body: Stmt }
  | { type: 'forin'; variable: string; array: string; body: Stmt }
  | { type: 'switch'; subject: Expr; cases: SwitchCase[] }
  | { type: 'block'; body: Stmt[] }
  | { type: 'next' } | { type: 'nextfile' } | { type: 'break' } | { type: 'continue' }
  | { type: 'exit'; code?: Expr }
  | { type: 'return'; value?: Expr }
  | { type: 'delete'; name: string; subscripts?: Expr[] };

/** One `case value:` (or `default:`, no test) of a switch, with the statements up to the next label. */
export interface SwitchCase {
  test?: Expr;
  body: Stmt[];
}

export interface Rule {
  kind: 'BEGIN' | 'END' | 'BEGINFILE' | 'ENDFILE' | 'main';
  pattern?: Expr;
  /** A range pattern's end: the rule runs from a record matching `pattern` to one matching this. */
  rangeEnd?: Expr;
  /** No action: print the record. */
  action?: Stmt[];
}

export interface AwkFunction {
  name: string;
  params: string[];
  body: Stmt[];
}

export interface Program {
  rules: Rule[];
  functions: Map<string, AwkFunction>;
}

const TERMINATORS = new Set([';', '}']);

class Parser {
  private readonly lexer: Lexer;
  private tok: Token;
  /** Inside print's arguments, outside parentheses: `>` redirects instead of comparing. */
  private noGreater = false;
  /** Inside for (…)'s head: `in` is not an operator at the top. */
  private noIn = false;
  /** An already-parsed parenthesised expression that the next primary should be. */
  private seed?: Expr;

  constructor(source: string) {
    this.lexer = new Lexer(source);
    this.tok = this.lexer.next();
  }

  private advance(): Token {
    const t = this.tok;
    this.tok = this.lexer.next();
    return t;
  }

  private is(value: string): boolean {
    return (this.tok.type === 'punct' || this.tok.type === 'keyword') && this.tok.value === value;
  }

  private fail(token = this.tok): never {
    if (token.type === 'eof' || token.type === 'newline') throw new AwkSyntaxError('unexpected newline or end of string', token.type === 'eof' ? this.lexer.source.length : token.start);
    throw new AwkSyntaxError('syntax error', token.start);
  }

  /** The current token when it is one of `words`, taken as that word; otherwise the syntax error. */
  private take<W extends string>(...words: W[]): W {
    const word = words.find((w) => this.is(w));
    if (word === undefined) this.fail();
    this.advance();
    return word;
  }

  private expect(value: string): Token {
    if (!this.is(value)) this.fail();
    return this.advance();
  }

  private atEof(): boolean {
    return this.tok.type === 'eof';
  }

  private skipNewlines(): void {
    while (this.tok.type === 'newline') this.advance();
  }

  private skipTerminators(): void {
    while (this.tok.type === 'newline' || this.is(';')) this.advance();
  }

  parseProgram(): Program {
    const rules: Rule[] = [];
    const functions = new Map<string, AwkFunction>();
    this.skipTerminators();
    while (this.tok.type !== 'eof') {
      if (this.is('function')) {
        const f = this.parseFunction();
        functions.set(f.name, f);
        this.skipTerminators();
        continue;
      } else if (this.is('BEGIN') || this.is('END') || this.is('BEGINFILE') || this.is('ENDFILE')) {
        const kind = this.take('BEGIN', 'END', 'BEGINFILE', 'ENDFILE');
        if (!this.is('{')) this.fail();
        rules.push({ kind, action: this.parseBlock() });
      } else {
        const rule: Rule = { kind: 'main' };
        // gawk takes no @/re/ as a pattern of its own.
        if (this.tok.type === 'typedregex') this.fail();
        if (!this.is('{')) {
          rule.pattern = this.parseExpr();
          if (this.is(',')) {
            this.advance();
            this.skipNewlines();
            rule.rangeEnd = this.parseExpr();
          }
        }
        if (this.is('{')) rule.action = this.parseBlock();
        rules.push(rule);
      }
      // A rule ends at a newline or `;`, or right after its action's `}`.
      const closedByBrace = rules[rules.length - 1].action !== undefined;
      if (!closedByBrace && !this.atEof() && this.tok.type !== 'newline' && !this.is(';')) this.fail();
      this.skipTerminators();
    }
    return { rules, functions };
  }

  private parseFunction(): AwkFunction {
    this.advance();
    const nameToken = this.advance();
    if (nameToken.type === 'builtin') throw new AwkSyntaxError(`\`${nameToken.value}' is a built-in function, it cannot be redefined`, nameToken.start);
    if (nameToken.type !== 'name') this.fail(nameToken);
    this.expect('(');
    const params: string[] = [];
    while (!this.is(')')) {
      const p = this.advance();
      if (p.type !== 'name') this.fail(p);
      params.push(p.value);
      if (this.is(',')) {
        this.advance();
        this.skipNewlines();
      } else if (!this.is(')')) this.fail();
    }
    this.advance();
    this.skipNewlines();
    return { name: nameToken.value, params, body: this.parseBlock() };
  }

  private parseBlock(): Stmt[] {
    this.expect('{');
    const body: Stmt[] = [];
    this.skipTerminators();
    while (!this.is('}')) {
      if (this.atEof()) this.fail();
      body.push(this.parseStatement());
      this.skipTerminators();
    }
    this.advance();
    return body;
  }

  /** A statement, then its terminator (`;`, a newline, or the `}` that follows, left in place). */
  private parseStatement(): Stmt {
    if (this.is('{')) return { type: 'block', body: this.parseBlock() };
    if (this.is('if')) {
      this.advance();
      this.expect('(');
      const test = this.parseExpr();
      this.expect(')');
      this.skipNewlines();
      const then = this.parseStatement();
      // An `else` may follow the statement's terminator.
      const save = { tok: this.tok, pos: this.lexer.position };
      this.skipTerminators();
      if (this.is('else')) {
        this.advance();
        this.skipNewlines();
        return { type: 'if', test, then, else: this.parseStatement() };
      }
      this.tok = save.tok;
      this.lexer.reset(save.pos);
      return { type: 'if', test, then };
    }
    if (this.is('while')) {
      this.advance();
      this.expect('(');
      const test = this.parseExpr();
      this.expect(')');
      if (this.is(';')) {
        this.advance();
        return { type: 'while', test, body: { type: 'block', body: [] } };
      }
      this.skipNewlines();
      return { type: 'while', test, body: this.parseStatement() };
    }
    if (this.is('do')) {
      this.advance();
      this.skipNewlines();
      const body = this.parseStatement();
      this.skipTerminators();
      this.expect('while');
      this.expect('(');
      const test = this.parseExpr();
      this.expect(')');
      this.endSimple();
      return { type: 'do', body, test };
    }
    if (this.is('for')) return this.parseFor();
    if (this.is('switch')) return this.parseSwitch();
    if (this.is(';')) {
      this.advance();
      return { type: 'block', body: [] };
    }
    const simple = this.parseSimpleStatement();
    this.endSimple();
    return simple;
  }

  private endSimple(): void {
    if (this.tok.type === 'newline' || this.is(';')) {
      this.advance();
      return;
    }
    if (this.is('}') || this.tok.type === 'eof') {
      if (this.tok.type === 'eof') this.fail();
      return;
    }
    this.fail();
  }

  /** gawk's switch: cases compare by value, or match a regex constant; a case runs on into the next
   * unless it breaks. */
  private parseSwitch(): Stmt {
    this.advance();
    this.expect('(');
    const subject = this.parseExpr();
    this.expect(')');
    this.skipNewlines();
    this.expect('{');
    const cases: SwitchCase[] = [];
    this.skipTerminators();
    while (!this.is('}')) {
      if (this.is('case')) {
        this.advance();
        let test: Expr;
        if (this.is('-') || this.is('+')) {
          const sign = this.advance().value;
          const n = this.advance();
          if (n.type !== 'number') this.fail(n);
          test = { type: 'num', value: (sign === '-' ? -1 : 1) * Number(n.value) };
        } else if (this.tok.type === 'number' || this.tok.type === 'string' || this.tok.type === 'typedregex' || this.is('/') || this.is('/=')) test = this.parsePrimary();
        else this.fail();
        this.expect(':');
        cases.push({ test, body: [] });
      } else if (this.is('default')) {
        this.advance();
        this.expect(':');
        cases.push({ body: [] });
      } else {
        if (!cases.length || this.atEof()) this.fail();
        cases[cases.length - 1].body.push(this.parseStatement());
      }
      this.skipTerminators();
    }
    this.advance();
    return { type: 'switch', subject, cases };
  }

  private parseFor(): Stmt {
    this.advance();
    this.expect('(');
    // for (k in a)
    if (this.tok.type === 'name') {
      const save = { tok: this.tok, pos: this.lexer.position };
      const name = this.advance().value;
      if (this.is('in')) {
        this.advance();
        const array = this.advance();
        if (array.type !== 'name') this.fail(array);
        if (this.is(')')) {
          this.advance();
          this.skipNewlines();
          return { type: 'forin', variable: name, array: array.value, body: this.parseStatement() };
        }
      }
      this.tok = save.tok;
      this.lexer.reset(save.pos);
    }
    const init = this.is(';') ? undefined : this.parseSimpleStatement();
    this.expect(';');
    this.skipNewlines();
    const test = this.is(';') ? undefined : this.parseExpr();
    this.expect(';');
    this.skipNewlines();
    const step = this.is(')') ? undefined : this.parseSimpleStatement();
    this.expect(')');
    if (this.is(';')) {
      this.advance();
      return { type: 'for', init, test, step, body: { type: 'block', body: [] } };
    }
    this.skipNewlines();
    return { type: 'for', init, test, step, body: this.parseStatement() };
  }

  private parseSimpleStatement(): Stmt {
    if (this.is('print') || this.is('printf')) {
      const kind = this.take('print', 'printf');
      let args: Expr[] = [];
      const previous = this.noGreater;
      this.noGreater = true;
      if (this.is('(')) {
        const open = this.advance();
        const save = this.noGreater;
        this.noGreater = false;
        const list = [this.parseExpr()];
        while (this.is(',')) {
          this.advance();
          this.skipNewlines();
          list.push(this.parseExpr());
        }
        this.noGreater = save;
        this.expect(')');
        if (list.length > 1 && this.is('in')) {
          this.seed = { type: 'tuple', items: list };
          args = this.parseExprList();
        } else if (list.length > 1 && (this.atStatementEnd() || this.is('>') || this.is('>>') || this.is('|'))) args = list;
        else if (list.length > 1) this.fail(open);
        else {
          this.seed = { type: 'group', expr: list[0] };
          args = this.parseExprList();
        }
      } else if (!this.atStatementEnd() && !this.is('>') && !this.is('>>') && !this.is('|')) {
        args = this.parseExprList();
      }
      this.noGreater = previous;
      let redirect: Redirect | undefined;
      if (this.is('>') || this.is('>>') || this.is('|')) {
        const op = this.take('>', '>>', '|');
        redirect = { op, target: this.parseConcat() };
      }
      return { type: kind, args, redirect };
    }
    if (this.is('next') || this.is('nextfile') || this.is('break') || this.is('continue')) {
      return { type: this.take('next', 'nextfile', 'break', 'continue') };
    }
    if (this.is('exit')) {
      this.advance();
      return { type: 'exit', code: this.atStatementEnd() ? undefined : this.parseExpr() };
    }
    if (this.is('return')) {
      this.advance();
      return { type: 'return', value: this.atStatementEnd() ? undefined : this.parseExpr() };
    }
    if (this.is('delete')) {
      this.advance();
      const name = this.advance();
      if (name.type !== 'name') this.fail(name);
      if (this.is('[')) {
        this.advance();
        const subscripts = this.parseExprList();
        this.expect(']');
        return { type: 'delete', name: name.value, subscripts };
      }
      return { type: 'delete', name: name.value };
    }
    return { type: 'expr', expr: this.parseExpr() };
  }

  private atStatementEnd(): boolean {
    return this.tok.type === 'newline' || this.tok.type === 'eof' || (this.tok.type === 'punct' && TERMINATORS.has(this.tok.value));
  }

  private parseExprList(): Expr[] {
    const list = [this.parseExpr()];
    while (this.is(',')) {
      this.advance();
      this.skipNewlines();
      list.push(this.parseExpr());
    }
    return list;
  }

  parseExpr(): Expr {
    return this.parseTernary();
  }

  private isLvalue(e: Expr): boolean {
    return e.type === 'var' || e.type === 'field' || e.type === 'index';
  }

  private parseTernary(): Expr {
    const test = this.parseOr();
    if (this.is('?')) {
      this.advance();
      this.skipNewlines();
      const then = this.parseTernary();
      this.skipNewlines();
      this.expect(':');
      this.skipNewlines();
      return { type: 'cond', test, then, else: this.parseTernary() };
    }
    const op = this.tok.value;
    if (this.tok.type === 'punct' && ['=', '+=', '-=', '*=', '/=', '%=', '^=', '**='].includes(op) && this.isLvalue(test)) {
      this.advance();
      this.skipNewlines();
      return { type: 'assign', op: op === '**=' ? '^=' : op, target: test, value: this.parseTernary() };
    }
    return test;
  }

  private parseOr(): Expr {
    let left = this.parseAnd();
    while (this.is('||')) {
      this.advance();
      this.skipNewlines();
      left = { type: 'binary', op: '||', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): Expr {
    let left = this.parseIn();
    while (this.is('&&')) {
      this.advance();
      this.skipNewlines();
      left = { type: 'binary', op: '&&', left, right: this.parseIn() };
    }
    return left;
  }

  private parseIn(): Expr {
    let left = this.parseMatch();
    while (this.is('in') && !this.noIn) {
      this.advance();
      const array = this.advance();
      if (array.type !== 'name') this.fail(array);
      const subscripts = left.type === 'tuple' ? left.items : [left];
      left = { type: 'in', subscripts, array: array.value };
    }
    return left;
  }

  private parseMatch(): Expr {
    let left = this.parseComparison();
    while (this.is('~') || this.is('!~')) {
      const negate = this.advance().value === '!~';
      left = { type: 'match', negate, left, right: this.parseComparison() };
    }
    return left;
  }

  private parseComparison(): Expr {
    const left = this.parseConcat();
    const op = this.tok.value;
    if (this.tok.type === 'punct' && ['<', '<=', '==', '!=', '>=', '>'].includes(op) && !(op === '>' && this.noGreater)) {
      this.advance();
      return { type: 'binary', op, left, right: this.parseConcat() };
    }
    return left;
  }

  /** Whether the current token can start an operand of a concatenation (not + or -, which subtract). */
  private startsOperand(): boolean {
    const t = this.tok;
    if (t.type === 'number' || t.type === 'string' || t.type === 'typedregex' || t.type === 'name' || t.type === 'builtin' || t.type === 'funcname') return true;
    if (t.type === 'keyword') return t.value === 'getline';
    if (t.type !== 'punct') return false;
    return ['$', '!', '(', '++', '--'].includes(t.value);
  }

  private parseConcat(): Expr {
    let left = this.parseAdditive();
    for (;;) {
      if (this.is('|') && this.lookGetline()) {
        this.advance();
        this.advance();
        const target = this.optionalLvalue();
        left = { type: 'getline', command: left, target };
        continue;
      }
      if (this.noIn && this.is('in')) return left;
      // A `/` after an operand divides (the multiplicative level took it), so it starts no operand here.
      if (!this.startsOperand()) return left;
      left = { type: 'binary', op: 'concat', left, right: this.parseAdditive() };
    }
  }

  private lookGetline(): boolean {
    const save = { tok: this.tok, pos: this.lexer.position };
    this.advance();
    const yes = this.is('getline');
    this.tok = save.tok;
    this.lexer.reset(save.pos);
    return yes;
  }

  private parseAdditive(): Expr {
    let left = this.parseMultiplicative();
    while (this.is('+') || this.is('-')) {
      const op = this.advance().value;
      left = { type: 'binary', op, left, right: this.parseMultiplicative() };
    }
    return left;
  }

  private parseMultiplicative(): Expr {
    let left = this.parseUnary();
    while (this.is('*') || this.is('/') || this.is('%')) {
      const op = this.advance().value;
      left = { type: 'binary', op, left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): Expr {
    if (this.is('!')) {
      this.advance();
      return { type: 'unary', op: '!', operand: this.parseUnary() };
    }
    if (this.is('-') || this.is('+')) {
      const op = this.advance().value;
      return { type: 'unary', op, operand: this.parseUnary() };
    }
    return this.parsePower();
  }

  private parsePower(): Expr {
    const base = this.parsePostfix();
    if (this.is('^') || this.is('**')) {
      this.advance();
      // Right-associative, and the exponent may carry its own sign.
      const exponent = this.is('-') || this.is('+') || this.is('!') ? this.parseUnary() : this.parsePower();
      return { type: 'binary', op: '^', left: base, right: exponent };
    }
    return base;
  }

  private parsePostfix(): Expr {
    if (this.is('++') || this.is('--')) {
      const op = this.take('++', '--');
      const target = this.parsePostfix();
      if (!this.isLvalue(target)) this.fail();
      return { type: 'incdec', op, prefix: true, target };
    }
    const e = this.parsePrimary();
    if ((this.is('++') || this.is('--')) && this.isLvalue(e)) {
      const op = this.take('++', '--');
      return { type: 'incdec', op, prefix: false, target: e };
    }
    return e;
  }

  private optionalLvalue(): Expr | undefined {
    if (this.is('$')) return this.parsePrimary();
    if (this.tok.type === 'name' && !this.tok.call) return this.parsePrimary();
    return undefined;
  }

  private parsePrimary(): Expr {
    if (this.seed) {
      const seed = this.seed;
      this.seed = undefined;
      return seed;
    }
    const t = this.tok;
    switch (t.type) {
      case 'number':
        this.advance();
        return { type: 'num', value: sourceNumber(t.value) };
      case 'string':
        this.advance();
        return { type: 'str', value: t.value };
      case 'typedregex':
        this.advance();
        return { type: 'typedregex', source: t.value };
      case 'name': {
        this.advance();
        if (t.call) {
          this.advance();
          const args = this.is(')') ? [] : this.parseCallArgs();
          this.expect(')');
          return { type: 'call', name: t.value, args };
        }
        if (this.is('[')) {
          this.advance();
          const subscripts = this.parseCallArgs();
          this.expect(']');
          return { type: 'index', name: t.value, subscripts };
        }
        return { type: 'var', name: t.value };
      }
      case 'builtin': {
        this.advance();
        if (this.is('(')) {
          this.advance();
          const args = this.is(')') ? [] : this.parseCallArgs();
          const close = this.expect(')');
          checkArity(t.value, args.length, close.start);
          return { type: 'builtin', name: t.value, args, position: t.start };
        }
        if (t.value === 'length') return { type: 'builtin', name: 'length', args: [], position: t.start };
        this.fail();
        break;
      }
      case 'keyword':
        if (t.value === 'getline') {
          this.advance();
          const target = this.optionalLvalue();
          let file: Expr | undefined;
          if (this.is('<')) {
            this.advance();
            file = this.parsePrimaryNoConcat();
          }
          return { type: 'getline', target, file };
        }
        this.fail();
        break;
      case 'punct':
        if (t.value === '$') {
          this.advance();
          let index: Expr;
          if (this.is('++') || this.is('--')) index = this.parsePostfix();
          else if (this.is('-') || this.is('+') || this.is('!')) {
            const op = this.advance().value;
            index = { type: 'unary', op, operand: this.parsePrimary() };
          } else index = this.parsePrimary();
          return { type: 'field', index };
        }
        if (t.value === '(') {
          this.advance();
          const savedGreater = this.noGreater;
          const savedIn = this.noIn;
          this.noGreater = false;
          this.noIn = false;
          const list = [this.parseExpr()];
          while (this.is(',')) {
            this.advance();
            this.skipNewlines();
            list.push(this.parseExpr());
          }
          this.noGreater = savedGreater;
          this.noIn = savedIn;
          this.expect(')');
          if (list.length > 1) {
            if (!this.is('in')) this.fail();
            return { type: 'tuple', items: list };
          }
          return { type: 'group', expr: list[0] };
        }
        if (t.value === '/' || t.value === '/=') {
          this.tok = this.lexer.regex(t.start);
          const r = this.advance();
          return { type: 'regex', source: r.value };
        }
        if (t.value === '-' || t.value === '+' || t.value === '!') return this.parseUnary();
        this.fail();
        break;
      default:
        this.fail();
    }
    this.fail();
  }

  /** getline's file: a primary with no concatenation after it. */
  private parsePrimaryNoConcat(): Expr {
    return this.parsePostfix();
  }

  private parseCallArgs(): Expr[] {
    const saveGreater = this.noGreater;
    const saveIn = this.noIn;
    this.noGreater = false;
    this.noIn = false;
    this.skipNewlines();
    const list = this.parseExprList();
    this.skipNewlines();
    this.noGreater = saveGreater;
    this.noIn = saveIn;
    return list;
  }
}

/** A number as written in the program: gawk reads 0x… as hexadecimal and 0… (octal digits only) as
 * octal there, though not in input. */
function sourceNumber(text: string): number {
  if (/^0[xX]/.test(text)) return parseInt(text, 16);
  if (/^0[0-7]+$/.test(text)) return parseInt(text, 8);
  return Number(text);
}

/** How many arguments gawk 5.2 accepts for each built-in function: [fewest, most]. gawk checks
 * these while reading the program (and/or/xor check their fewest only when they run). */
const ARITY: Record<string, [number, number]> = {
  length: [0, 1], substr: [2, 3], index: [2, 2], split: [2, 4], patsplit: [2, 4], sub: [2, 3], gsub: [2, 3],
  gensub: [3, 4], match: [2, 3], sprintf: [0, Infinity], tolower: [1, 1], toupper: [1, 1], int: [1, 1], sqrt: [1, 1],
  exp: [1, 1], log: [1, 1], sin: [1, 1], cos: [1, 1], atan2: [2, 2], rand: [0, 0], srand: [0, 1], system: [1, 1],
  close: [1, 2], fflush: [0, 1], systime: [0, 0], strftime: [0, 3], mktime: [1, 2], asort: [1, 3], asorti: [1, 3],
  isarray: [1, 1], typeof: [1, 2], strtonum: [1, 1], and: [0, Infinity], or: [0, Infinity], xor: [0, Infinity],
  lshift: [2, 2], rshift: [2, 2], compl: [1, 1],
};

/** gawk's error for a call with a number of arguments the function does not take; the caret
 * points at the call's closing parenthesis. */
function checkArity(name: string, count: number, position: number): void {
  const [fewest, most] = ARITY[name] ?? [0, Infinity];
  if (count < fewest || count > most) throw new AwkSyntaxError(`${count} is invalid as number of arguments for ${name}`, position);
}

export function parseProgram(source: string): Program {
  return new Parser(source).parseProgram();
}
