// bash's $(( )): 64-bit integers that wrap as C's do, every operator of bash's expr.c with its
// precedence, short-circuits that skip side effects and errors (`0 && 1/0` is 0), assignments,
// ++/--, bases (0x1f, 017, 2#101, 64#@_), and variables whose values are expressions themselves
// (evaluated recursively, at most 1024 levels). Tokens are read the way bash reads them, so that an
// error names the same "error token" bash names.
//
// Nesting of parentheses and unary operators is bounded by the lab (bash's own limit is its C
// stack, which a long enough line overflows): past it the line stops with a clear message.

export class ArithmeticError extends Error {}

export interface ArithmeticVariables {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

const MAX_VARIABLE_LEVELS = 1024;
const MAX_NESTING = 256;
/** Tokens one expansion may read, variables' expressions included: `a='b+b'; b='c+c'; …` doubles per level. */
export const MAX_TOKENS = 1_000_000;

const asInt = (v: bigint) => BigInt.asIntN(64, v);
const INT_MIN = -(2n ** 63n);

// Multi-character tokens; single-character ones are the character itself.
const T = {
  END: '', EQEQ: '==', NEQ: '!=', LEQ: '<=', GEQ: '>=', STR: 'STR', NUM: 'NUM', LAND: '&&', LOR: '||', LSH: '<<', RSH: '>>',
  OP_ASSIGN: 'OP=', COND: 'COND', POWER: '**', PREINC: 'PRE++', PREDEC: 'PRE--', POSTINC: 'POST++', POSTDEC: 'POST--',
} as const;

const SINGLE_OPS = new Set(['=', '>', '<', '+', '-', '*', '/', '%', '!', '(', ')', '&', '|', '^', '~', '?', ':', ',']);
const MULTI_OPS = new Set<string>([T.EQEQ, T.NEQ, T.LEQ, T.GEQ, T.LAND, T.LOR, T.LSH, T.RSH, T.OP_ASSIGN, T.COND, T.POWER, T.PREINC, T.PREDEC, T.POSTINC, T.POSTDEC]);

const isBlank = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isNameStart = (c: string | undefined) => c !== undefined && /^[A-Za-z_]$/.test(c);
const isNameChar = (c: string | undefined) => c !== undefined && /^[A-Za-z0-9_]$/.test(c);
const isAlnum = (c: string | undefined) => c !== undefined && /^[A-Za-z0-9]$/.test(c);

/** One expression being read (bash pushes one per variable evaluated recursively). */
interface TokenState {
  curtok: string;
  lasttok: string;
  /** Where reading continues. */
  tp: number;
  /** Where the last token began: bash's "error token" is the text from here. */
  lasttp: number;
  tokstr: string | null;
  tokval: bigint;
  noeval: number;
  assigntok: string;
}

class Evaluator {
  private readonly vars: ArithmeticVariables;
  private expression = '';
  private s: TokenState = { curtok: T.END, lasttok: T.END, tp: 0, lasttp: -1, tokstr: null, tokval: 0n, noeval: 0, assigntok: '' };
  private levels = 0;
  private nesting = 0;
  private tokens = 0;

  constructor(vars: ArithmeticVariables) {
    this.vars = vars;
  }

  /** bash's subexpr(): a whole expression, in a token state of its own. */
  subexpr(text: string): bigint {
    let start = 0;
    while (isBlank(text[start])) start++;
    if (start >= text.length) return 0n;
    if (this.levels >= MAX_VARIABLE_LEVELS) this.error('expression recursion level exceeded');
    const saved = { expression: this.expression, s: this.s };
    this.levels++;
    this.expression = text;
    this.s = { curtok: T.END, lasttok: T.END, tp: 0, lasttp: -1, tokstr: null, tokval: 0n, noeval: saved.s.noeval, assigntok: '' };
    try {
      this.readtok();
      const value = this.comma();
      if (this.s.curtok !== T.END) this.error('syntax error in expression');
      return value;
    } catch (error) {
      // Variables that are expressions of expressions can outgrow the stack before bash's 1024 levels.
      if (error instanceof RangeError) this.error('expression recursion level exceeded');
      throw error;
    } finally {
      this.levels--;
      this.expression = saved.expression;
      this.s = saved.s;
    }
  }

  /** bash's evalerror(). `end`: bash cuts the expression short while it reads a number, so
   * an error in a constant names the text up to the constant's end only. */
  private error(message: string, end = this.expression.length): never {
    let start = 0;
    while (this.expression[start] === ' ' || this.expression[start] === '\t') start++;
    const token = this.s.lasttp >= 0 ? this.expression.slice(this.s.lasttp, end) : '';
    throw new ArithmeticError(`${this.expression.slice(start, end)}: ${message} (error token is "${token}")`);
  }

  private nest<R>(f: () => R): R {
    if (++this.nesting > MAX_NESTING) this.error(`the lab evaluates expressions nested at most ${MAX_NESTING} levels deep`);
    try {
      return f();
    } finally {
      this.nesting--;
    }
  }

  // ---- Tokens, as bash's readtok() reads them.

  private readtok(): void {
    if (++this.tokens > MAX_TOKENS) this.error(`the lab reads at most ${MAX_TOKENS} tokens in one expansion`);
    const s = this.s;
    const text = this.expression;
    let cp = s.tp;
    while (cp < text.length && isBlank(text[cp])) cp++;
    if (cp >= text.length) {
      s.lasttok = s.curtok;
      s.curtok = T.END;
      s.tp = cp;
      return;
    }
    const start = cp;
    s.lasttp = start;
    const c = text[cp];
    if (isNameStart(c)) {
      while (isNameChar(text[cp])) cp++;
      let name = text.slice(start, cp);
      if (text[cp] === '[') {
        // `a[i]`: an array element, named for the variables by its evaluated subscript.
        let depth = 0;
        let end = cp;
        for (; end < text.length; end++) {
          if (text[end] === '[') depth++;
          else if (text[end] === ']' && --depth === 0) break;
        }
        if (end >= text.length) this.error('bad array subscript');
        const index = this.subexpr(text.slice(cp + 1, end));
        name = `${name}[${index}]`;
        cp = end + 1;
      }
      s.tokstr = name;
      // A look at the next token: `name = …` assigns without reading name's value.
      const saved = { ...s };
      s.tp = cp;
      s.noeval = 1;
      s.curtok = T.STR;
      this.readtok();
      const peek = s.curtok;
      Object.assign(s, saved);
      s.tokval = saved.lasttok === T.PREINC || saved.lasttok === T.PREDEC || peek !== '=' ? this.variable(name) : 0n;
      s.lasttok = s.curtok;
      s.curtok = T.STR;
      s.tp = cp;
      return;
    }
    if (/[0-9]/.test(c)) {
      while (isAlnum(text[cp]) || text[cp] === '#' || text[cp] === '@' || text[cp] === '_') cp++;
      s.tokval = this.number(text.slice(start, cp), cp);
      s.lasttok = s.curtok;
      s.curtok = T.NUM;
      s.tp = cp;
      return;
    }
    cp++;
    const c1 = text[cp++];
    let tok: string = c;
    if (c === '=' && c1 === '=') tok = T.EQEQ;
    else if (c === '!' && c1 === '=') tok = T.NEQ;
    else if (c === '>' && c1 === '=') tok = T.GEQ;
    else if (c === '<' && c1 === '=') tok = T.LEQ;
    else if ((c === '<' || c === '>') && c1 === c) {
      if (text[cp] === '=') {
        s.assigntok = c === '<' ? T.LSH : T.RSH;
        tok = T.OP_ASSIGN;
        cp++;
      } else tok = c === '<' ? T.LSH : T.RSH;
    } else if (c === '&' && c1 === '&') tok = T.LAND;
    else if (c === '|' && c1 === '|') tok = T.LOR;
    else if (c === '*' && c1 === '*') tok = T.POWER;
    else if ((c === '-' || c === '+') && c1 === c && s.curtok === T.STR) tok = c === '-' ? T.POSTDEC : T.POSTINC;
    else if ((c === '-' || c === '+') && c1 === c && s.curtok === T.NUM && (s.lasttok === T.PREINC || s.lasttok === T.PREDEC)) {
      this.error(c === '-' ? '--: assignment requires lvalue' : '++: assignment requires lvalue');
    } else if ((c === '-' || c === '+') && c1 === c) {
      let xp = cp;
      while (isBlank(text[xp])) xp++;
      if (isNameStart(text[xp])) tok = c === '-' ? T.PREDEC : T.PREINC;
      else cp--; // a sign, then another
    } else if (c1 === '=' && '*/%+-&^|'.includes(c)) {
      s.assigntok = c;
      tok = T.OP_ASSIGN;
    } else if (!SINGLE_OPS.has(c)) {
      cp--;
      s.tp = cp;
      if (s.curtok === T.END || SINGLE_OPS.has(s.curtok) || MULTI_OPS.has(s.curtok)) this.error('syntax error: operand expected');
      this.error('syntax error: invalid arithmetic operator');
    } else cp--;
    s.lasttok = s.curtok;
    s.curtok = tok;
    s.tp = cp;
  }

  /** A constant: decimal, 0x hex, 0 octal or base#digits (bases 2 to 64), wrapping at 64 bits. */
  private number(token: string, end: number): bigint {
    let base = 10n;
    let i = 0;
    let foundBase = false;
    if (token[0] === '0') {
      i = 1;
      if (token.length === 1) return 0n;
      if (token[1] === 'x' || token[1] === 'X') {
        base = 16n;
        i = 2;
      } else base = 8n;
      foundBase = true;
    }
    let value = 0n;
    for (; i < token.length; i++) {
      const c = token[i];
      if (c === '#') {
        if (foundBase) this.error('invalid number', end);
        if (value < 2n || value > 64n) this.error('invalid arithmetic base', end);
        base = value;
        value = 0n;
        foundBase = true;
        const next = token[i + 1];
        if (!(isAlnum(next) || next === '_' || next === '@')) this.error('invalid integer constant', end);
        continue;
      }
      let digit: number;
      if (/[0-9]/.test(c)) digit = c.charCodeAt(0) - 48;
      else if (c >= 'a' && c <= 'z') digit = c.charCodeAt(0) - 97 + 10;
      else if (c >= 'A' && c <= 'Z') digit = c.charCodeAt(0) - 65 + (base <= 36n ? 10 : 36);
      else if (c === '@') digit = 62;
      else digit = 63; // '_'
      if (BigInt(digit) >= base) this.error('value too great for base', end);
      value = asInt(value * base + BigInt(digit));
    }
    return value;
  }

  /** A variable's value: unset or empty is 0, anything else is an expression of its own. */
  private variable(name: string): bigint {
    if (this.s.noeval) return 0n;
    const value = this.vars.get(name);
    return value ? this.subexpr(value) : 0n;
  }

  private assign(name: string, value: bigint): void {
    if (!this.s.noeval) this.vars.set(name, String(value));
  }

  // ---- The grammar, lowest precedence first.

  /** The current token (a method, so that each read sees what readtok() left). */
  private token(): string {
    return this.s.curtok;
  }

  private comma(): bigint {
    let value = this.assignment();
    while (this.s.curtok === ',') {
      this.readtok();
      value = this.assignment();
    }
    return value;
  }

  private assignment(): bigint {
    let value = this.conditional();
    const s = this.s;
    if (s.curtok !== '=' && s.curtok !== T.OP_ASSIGN) return value;
    const special = s.curtok === T.OP_ASSIGN;
    if (s.lasttok !== T.STR) this.error('attempted assignment to non-variable');
    const op = s.assigntok;
    const left = value;
    if (s.tokstr === null) this.error('syntax error in variable assignment');
    const name = s.tokstr;
    this.readtok();
    value = this.nest(() => this.assignment());
    if (special) {
      if ((op === '/' || op === '%') && value === 0n) {
        if (!this.s.noeval) this.error('division by 0');
        value = 1n;
      }
      value = binary(op, left, value);
    }
    this.assign(name, value);
    this.s.tokstr = null;
    return value;
  }

  private conditional(): bigint {
    const condition = this.or();
    if (this.token() !== '?') return condition;
    this.readtok();
    if (this.token() === T.END || this.token() === ':') this.error('expression expected');
    const whenTrue = this.skipping(condition === 0n, () => this.nest(() => this.comma()));
    if (this.token() !== ':') this.error("`:' expected for conditional expression");
    this.readtok();
    if (this.token() === T.END) this.error('expression expected');
    const whenFalse = this.skipping(condition !== 0n, () => this.nest(() => this.conditional()));
    this.s.lasttok = T.COND;
    return condition !== 0n ? whenTrue : whenFalse;
  }

  /** Evaluates f without side effects or division errors when skip is true (a branch not taken). */
  private skipping<R>(skip: boolean, f: () => R): R {
    if (skip) this.s.noeval++;
    try {
      return f();
    } finally {
      if (skip) this.s.noeval--;
    }
  }

  private or(): bigint {
    let value = this.and();
    while (this.s.curtok === T.LOR) {
      this.readtok();
      const right = this.skipping(value !== 0n, () => this.and());
      value = value !== 0n || right !== 0n ? 1n : 0n;
      this.s.lasttok = T.LOR;
    }
    return value;
  }

  private and(): bigint {
    let value = this.bitwise(0);
    while (this.s.curtok === T.LAND) {
      this.readtok();
      const right = this.skipping(value === 0n, () => this.bitwise(0));
      value = value !== 0n && right !== 0n ? 1n : 0n;
      this.s.lasttok = T.LAND;
    }
    return value;
  }

  /** Left-associative binary levels from `|` down to `* / %`. */
  private bitwise(level: number): bigint {
    if (level === LEVELS.length) return this.power();
    let value = this.bitwise(level + 1);
    while (LEVELS[level].includes(this.s.curtok)) {
      const op = this.s.curtok;
      const afterOperator = this.s.tp;
      this.readtok();
      let right = this.bitwise(level + 1);
      if ((op === '/' || op === '%') && right === 0n) {
        if (!this.s.noeval) {
          let at = afterOperator;
          while (this.expression[at] === ' ' || this.expression[at] === '\t') at++;
          this.s.lasttp = at;
          this.error('division by 0');
        }
        right = 1n;
      }
      value = binary(op, value, right);
      this.s.lasttok = T.NUM;
    }
    return value;
  }

  private power(): bigint {
    let value = this.unary();
    while (this.s.curtok === T.POWER) {
      this.readtok();
      const exponent = this.nest(() => this.power());
      this.s.lasttok = T.NUM;
      if (exponent === 0n) return 1n;
      if (exponent < 0n) this.error('exponent less than 0');
      value = ipow(value, exponent);
    }
    return value;
  }

  private unary(): bigint {
    const op = this.s.curtok;
    if (op !== '!' && op !== '~' && op !== '-' && op !== '+') return this.primary();
    this.readtok();
    const operand = this.nest(() => this.unary());
    this.s.lasttok = T.NUM;
    if (op === '!') return operand === 0n ? 1n : 0n;
    if (op === '~') return asInt(~operand);
    if (op === '-') return asInt(-operand);
    return operand;
  }

  private primary(): bigint {
    const s = this.s;
    if (s.curtok === T.PREINC || s.curtok === T.PREDEC) {
      const step = s.curtok === T.PREINC ? 1n : -1n;
      s.lasttok = s.curtok;
      this.readtok();
      if (this.s.curtok !== T.STR) this.error('identifier expected after pre-increment or pre-decrement');
      const value = asInt(this.s.tokval + step);
      if (this.s.tokstr !== null) this.assign(this.s.tokstr, value);
      this.s.curtok = T.NUM; // `--x=7` is no assignment
      this.readtok();
      return value;
    }
    if (s.curtok === '(') {
      this.readtok();
      const value = this.nest(() => this.comma());
      if (this.s.curtok !== ')') this.error("missing `)'");
      this.readtok();
      return value;
    }
    if (s.curtok === T.NUM || s.curtok === T.STR) {
      const value = s.tokval;
      if (s.curtok === T.STR) {
        const saved = { ...s };
        s.noeval = 1;
        this.readtok();
        const next = this.s.curtok;
        if (next === T.POSTINC || next === T.POSTDEC) {
          this.s.tokstr = saved.tokstr;
          this.s.noeval = saved.noeval;
          this.s.lasttok = T.STR;
          if (this.s.tokstr !== null) this.assign(this.s.tokstr, asInt(value + (next === T.POSTINC ? 1n : -1n)));
          this.s.curtok = T.NUM; // `x++=7` is no assignment
        } else {
          Object.assign(this.s, saved);
        }
      }
      this.readtok();
      return value;
    }
    return this.error('syntax error: operand expected');
  }
}

// `|`, `^`, `&`, equality, comparison, shifts, sums, products.
const LEVELS: string[][] = [['|'], ['^'], ['&'], [T.EQEQ, T.NEQ], ['<', '>', T.LEQ, T.GEQ], [T.LSH, T.RSH], ['+', '-'], ['*', '/', '%']];

/** A binary operator with C's 64-bit behaviour on x86 (shift counts taken modulo 64). */
function binary(op: string, a: bigint, b: bigint): bigint {
  switch (op) {
    case '|': return a | b;
    case '^': return a ^ b;
    case '&': return a & b;
    case T.EQEQ: return a === b ? 1n : 0n;
    case T.NEQ: return a !== b ? 1n : 0n;
    case '<': return a < b ? 1n : 0n;
    case '>': return a > b ? 1n : 0n;
    case T.LEQ: return a <= b ? 1n : 0n;
    case T.GEQ: return a >= b ? 1n : 0n;
    case T.LSH: return asInt(a << (b & 63n));
    case T.RSH: return a >> (b & 63n);
    case '+': return asInt(a + b);
    case '-': return asInt(a - b);
    case '*': return asInt(a * b);
    // INT_MIN / -1 overflows in C; bash answers INT_MIN and 0.
    case '/': return a === INT_MIN && b === -1n ? INT_MIN : asInt(a / b);
    case '%': return a === INT_MIN && b === -1n ? 0n : a % b;
    default: throw new Error(`unknown arithmetic operator ${op}`);
  }
}

function ipow(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let b = base;
  let e = exponent;
  while (e) {
    if (e & 1n) result = asInt(result * b);
    e >>= 1n;
    b = asInt(b * b);
  }
  return result;
}

/** The value of an arithmetic expansion's text (already expanded), as bash prints it. */
export function evaluateArithmetic(text: string, vars: ArithmeticVariables): string {
  return String(new Evaluator(vars).subexpr(text));
}
