// JMESPath's grammar as Python's jmespath reads it: a lexer and a Pratt parser with its binding
// powers. Written here because jmespath.js, the maintained JavaScript parser, misreads `@` followed
// by an index, a filter or a dot inside function arguments (`length(@[?a])` becomes two
// arguments) and accepts expressions Python rejects (`[a.\`1\`]`); the one JavaScript port that
// parses like Python does not export its parser. Number literals keep Python's int/float
// distinction (`1.0` is a float), which JSON.parse alone cannot tell.
import { PyFloat } from '../format/knack/python.ts';
import { MAX_QUERY_DEPTH, queryTooDeep } from './budget.ts';

/** A comparison's name in the tree (visitor.py's). */
export type ComparatorName = 'EQ' | 'NE' | 'LT' | 'LTE' | 'GT' | 'GTE';

/** One `key: expression` of a multi-select hash. */
export interface KeyValuePair {
  type: 'KeyValuePair';
  name: string;
  value: Node;
}

/** The expression's tree, node types as Python's jmespath names them. */
export type Node =
  | { type: 'Identity' | 'Current' }
  | { type: 'Field'; name: string }
  | { type: 'Literal'; value: unknown }
  | { type: 'Index'; value: number }
  | { type: 'Slice'; bounds: Array<number | null> }
  | { type: 'Subexpression' | 'IndexExpression' | 'Pipe' | 'MultiSelectList'; children: Node[] }
  | { type: 'Function'; name: string; children: Node[] }
  | { type: 'Projection' | 'ValueProjection' | 'OrExpression' | 'AndExpression'; children: [Node, Node] }
  | { type: 'Comparator'; name: ComparatorName; children: [Node, Node] }
  | { type: 'FilterProjection'; children: [Node, Node, Node] }
  | { type: 'Flatten' | 'NotExpression' | 'ExpressionReference'; children: [Node] }
  | { type: 'MultiSelectHash'; children: KeyValuePair[] };

/** Any expression Python's jmespath.compile rejects: az refuses the --query argument. */
export class QuerySyntaxError extends Error {}

interface Token {
  type: string;
  value: unknown;
  start: number;
}

const SIMPLE: Record<string, string> = { '.': 'dot', '*': 'star', ']': 'rbracket', ',': 'comma', ':': 'colon', '@': 'current', '(': 'lparen', ')': 'rparen', '{': 'lbrace', '}': 'rbrace' };
const IDENTIFIER_START = /[A-Za-z_]/;
const IDENTIFIER = /[A-Za-z0-9_]/;

/** json.loads, with numbers written with a point or an exponent as Python floats. */
function pythonLoads(text: string): unknown {
  return JSON.parse(text, (_key, value, context?: { source?: string }) => (typeof value === 'number' && /[.eE]/.test(context?.source ?? '') ? new PyFloat(value) : value));
}

function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const fail = (message: string): never => {
    throw new QuerySyntaxError(`${message} at column ${i}`);
  };
  /** Up to the closing delimiter, keeping backslash escapes (each caller undoes its own). */
  const until = (delimiter: string): string => {
    const start = ++i;
    while (expression[i] !== delimiter) {
      if (i >= expression.length) fail(`Unclosed ${delimiter} delimiter`);
      if (expression[i] === '\\') i++;
      i++;
    }
    return expression.slice(start, i++);
  };
  const twoChar = (second: string, ifBoth: string, otherwise: string | undefined) => {
    const start = i;
    if (expression[i + 1] === second) {
      tokens.push({ type: ifBoth, value: expression.slice(i, i + 2), start });
      i += 2;
    } else if (otherwise) {
      tokens.push({ type: otherwise, value: expression[i], start });
      i += 1;
    } else fail(`Unknown token '${expression[i]}'`);
  };
  while (i < expression.length) {
    const c = expression[i];
    const start = i;
    if (c in SIMPLE) {
      tokens.push({ type: SIMPLE[c], value: c, start });
      i++;
    } else if (' \t\n\r'.includes(c)) i++;
    else if (IDENTIFIER_START.test(c)) {
      while (i < expression.length && IDENTIFIER.test(expression[i])) i++;
      tokens.push({ type: 'unquoted_identifier', value: expression.slice(start, i), start });
    } else if (c === '[') {
      const next = expression[i + 1];
      const type = next === ']' ? 'flatten' : next === '?' ? 'filter' : 'lbracket';
      i += type === 'lbracket' ? 1 : 2;
      tokens.push({ type, value: type, start });
    } else if (c === "'") {
      tokens.push({ type: 'literal', value: until("'").replace(/\\'/g, "'"), start });
    } else if (c === '"') {
      const text = until('"');
      try {
        tokens.push({ type: 'quoted_identifier', value: JSON.parse(`"${text}"`), start });
      } catch {
        fail('Invalid quoted identifier');
      }
    } else if (c === '`') {
      const text = until('`').replace(/\\`/g, '`');
      let value: unknown;
      try {
        value = pythonLoads(text);
      } catch {
        // The deprecated form: a bare string between backticks.
        try {
          value = JSON.parse(`"${text.trimStart()}"`);
        } catch {
          fail(`Bad token \`${text}\``);
        }
      }
      tokens.push({ type: 'literal', value, start });
    } else if (/[0-9-]/.test(c)) {
      i++;
      while (i < expression.length && /[0-9]/.test(expression[i])) i++;
      const text = expression.slice(start, i);
      if (text === '-') fail("Unknown token '-'");
      tokens.push({ type: 'number', value: Number(text), start });
    } else if (c === '|') twoChar('|', 'or', 'pipe');
    else if (c === '&') twoChar('&', 'and', 'expref');
    else if (c === '<') twoChar('=', 'lte', 'lt');
    else if (c === '>') twoChar('=', 'gte', 'gt');
    else if (c === '!') twoChar('=', 'ne', 'not');
    else if (c === '=') twoChar('=', 'eq', undefined);
    else fail(`Unknown token '${c}'`);
  }
  tokens.push({ type: 'eof', value: '', start: expression.length });
  return tokens;
}

const BINDING_POWER: Record<string, number> = {
  eof: 0, unquoted_identifier: 0, quoted_identifier: 0, literal: 0, rbracket: 0, rparen: 0, comma: 0, rbrace: 0, number: 0, current: 0, expref: 0, colon: 0,
  pipe: 1, or: 2, and: 3, eq: 5, gt: 5, lt: 5, gte: 5, lte: 5, ne: 5, flatten: 9, star: 20, filter: 21, dot: 40, not: 45, lbrace: 50, lbracket: 55, lparen: 60,
};
/** Tokens below this power end a projection's right-hand side. */
const PROJECTION_STOP = 10;
const COMPARATORS: Record<string, ComparatorName> = { eq: 'EQ', ne: 'NE', lt: 'LT', lte: 'LTE', gt: 'GT', gte: 'GTE' };

const IDENTITY: Node = { type: 'Identity' };

class Parser {
  private readonly tokens: Token[];
  private index = 0;
  /** How many expressions are being read inside one another (the parser's own recursion). */
  private depth = 0;

  constructor(tokens: Token[]) {
    this.tokens = tokens;
  }

  parse(): Node {
    const result = this.expression(0);
    if (this.current() !== 'eof') this.fail(`Unexpected token: ${String(this.token().value)}`);
    return result;
  }

  private token(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)];
  }

  private current(): string {
    return this.token().type;
  }

  private advance(): void {
    this.index++;
  }

  private fail(message: string): never {
    throw new QuerySyntaxError(`${message} (column ${this.token().start})`);
  }

  /** The current token's number (a number token's value is always one). */
  private numberToken(): number {
    const { value } = this.token();
    return typeof value === 'number' ? value : NaN;
  }

  private match(type: string): void {
    if (this.current() !== type) this.fail(`Expecting: ${type}, got: ${this.current()}`);
    this.advance();
  }

  private expression(bindingPower: number): Node {
    if (++this.depth > MAX_QUERY_DEPTH) throw queryTooDeep();
    const token = this.token();
    this.advance();
    let left = this.nud(token);
    while (bindingPower < (BINDING_POWER[this.current()] ?? 0)) {
      const type = this.current();
      this.advance();
      left = this.led(type, left);
    }
    this.depth--;
    return left;
  }

  private nud(token: Token): Node {
    switch (token.type) {
      case 'literal':
        return { type: 'Literal', value: token.value };
      case 'unquoted_identifier':
        return { type: 'Field', name: String(token.value) };
      case 'quoted_identifier':
        if (this.current() === 'lparen') this.fail('Quoted identifier not allowed for function names.');
        return { type: 'Field', name: String(token.value) };
      case 'star':
        return { type: 'ValueProjection', children: [IDENTITY, this.current() === 'rbracket' ? IDENTITY : this.projectionRhs(BINDING_POWER.star)] };
      case 'filter':
        return this.filter(IDENTITY);
      case 'lbrace':
        return this.multiSelectHash();
      case 'lparen': {
        const inner = this.expression(0);
        this.match('rparen');
        return inner;
      }
      case 'flatten':
        return { type: 'Projection', children: [{ type: 'Flatten', children: [IDENTITY] }, this.projectionRhs(BINDING_POWER.flatten)] };
      case 'not':
        return { type: 'NotExpression', children: [this.expression(BINDING_POWER.not)] };
      case 'lbracket':
        if (this.current() === 'number' || this.current() === 'colon') return this.projectIfSlice(IDENTITY, this.indexExpression());
        if (this.current() === 'star' && this.token(1).type === 'rbracket') {
          this.advance();
          this.advance();
          return { type: 'Projection', children: [IDENTITY, this.projectionRhs(BINDING_POWER.star)] };
        }
        return this.multiSelectList();
      case 'current':
        return { type: 'Current' };
      case 'expref':
        return { type: 'ExpressionReference', children: [this.expression(BINDING_POWER.expref)] };
      case 'eof':
        this.index--;
        return this.fail('Incomplete expression');
      default:
        this.index--;
        return this.fail(`Unexpected token: ${String(token.value)}`);
    }
  }

  private led(type: string, left: Node): Node {
    switch (type) {
      case 'dot':
        if (this.current() === 'star') {
          this.advance();
          return { type: 'ValueProjection', children: [left, this.projectionRhs(BINDING_POWER.dot)] };
        }
        return this.subexpression(left, this.dotRhs(BINDING_POWER.dot));
      case 'pipe':
        return { type: 'Pipe', children: [left, this.expression(BINDING_POWER.pipe)] };
      case 'or':
        return { type: 'OrExpression', children: [left, this.expression(BINDING_POWER.or)] };
      case 'and':
        return { type: 'AndExpression', children: [left, this.expression(BINDING_POWER.and)] };
      case 'lparen': {
        if (left.type !== 'Field') {
          this.index--;
          return this.fail('Invalid function name');
        }
        const args: Node[] = [];
        while (this.current() !== 'rparen') {
          args.push(this.expression(0));
          if (this.current() === 'comma') this.match('comma');
        }
        this.match('rparen');
        return { type: 'Function', name: left.name, children: args };
      }
      case 'filter':
        return this.filter(left);
      case 'flatten':
        return { type: 'Projection', children: [{ type: 'Flatten', children: [left] }, this.projectionRhs(BINDING_POWER.flatten)] };
      case 'lbracket': {
        if (this.current() === 'number' || this.current() === 'colon') {
          const right = this.indexExpression();
          if (left.type === 'IndexExpression') {
            left.children.push(right);
            return left;
          }
          return this.projectIfSlice(left, right);
        }
        this.match('star');
        this.match('rbracket');
        return { type: 'Projection', children: [left, this.projectionRhs(BINDING_POWER.star)] };
      }
      default:
        if (Object.hasOwn(COMPARATORS, type)) return { type: 'Comparator', name: COMPARATORS[type], children: [left, this.expression(BINDING_POWER[type])] };
        this.index--;
        return this.fail(`Unexpected token: ${String(this.token().value)}`);
    }
  }

  /** As Python's parser reads it: `a.b.c` is one subexpression of three children, not a chain
   * (so a long chain is evaluated in a loop, not by recursion). */
  private subexpression(left: Node, right: Node): Node {
    if (left.type !== 'Subexpression') return { type: 'Subexpression', children: [left, right] };
    left.children.push(right);
    return left;
  }

  private filter(left: Node): Node {
    const condition = this.expression(0);
    this.match('rbracket');
    const right = this.current() === 'flatten' ? IDENTITY : this.projectionRhs(BINDING_POWER.filter);
    return { type: 'FilterProjection', children: [left, right, condition] };
  }

  /** After `[`: a number (an index) or a slice `start:stop:step`, each part optional. */
  private indexExpression(): Node {
    if (this.current() === 'colon' || this.token(1).type === 'colon') {
      const parts: Array<number | null> = [null, null, null];
      let at = 0;
      while (this.current() !== 'rbracket' && at < 3) {
        if (this.current() === 'colon') {
          at++;
          if (at === 3) this.fail('syntax error');
          this.advance();
        } else if (this.current() === 'number') {
          parts[at] = this.numberToken();
          this.advance();
        } else this.fail('syntax error');
      }
      this.match('rbracket');
      return { type: 'Slice', bounds: parts };
    }
    const node: Node = { type: 'Index', value: this.numberToken() };
    this.match('number');
    this.match('rbracket');
    return node;
  }

  private projectIfSlice(left: Node, right: Node): Node {
    const indexed: Node = { type: 'IndexExpression', children: [left, right] };
    return right.type === 'Slice' ? { type: 'Projection', children: [indexed, this.projectionRhs(BINDING_POWER.star)] } : indexed;
  }

  private projectionRhs(bindingPower: number): Node {
    const type = this.current();
    if ((BINDING_POWER[type] ?? 0) < PROJECTION_STOP) return IDENTITY;
    if (type === 'lbracket' || type === 'filter') return this.expression(bindingPower);
    if (type === 'dot') {
      this.match('dot');
      return this.dotRhs(bindingPower);
    }
    return this.fail('syntax error');
  }

  private dotRhs(bindingPower: number): Node {
    const type = this.current();
    if (type === 'quoted_identifier' || type === 'unquoted_identifier' || type === 'star') return this.expression(bindingPower);
    if (type === 'lbracket') {
      this.match('lbracket');
      return this.multiSelectList();
    }
    if (type === 'lbrace') {
      this.match('lbrace');
      return this.multiSelectHash();
    }
    return this.fail(`Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: ${type}`);
  }

  private multiSelectList(): Node {
    const children: Node[] = [];
    for (;;) {
      children.push(this.expression(0));
      if (this.current() === 'rbracket') break;
      this.match('comma');
    }
    this.match('rbracket');
    return { type: 'MultiSelectList', children };
  }

  private multiSelectHash(): Node {
    const children: KeyValuePair[] = [];
    for (;;) {
      const key = this.token();
      if (key.type !== 'quoted_identifier' && key.type !== 'unquoted_identifier') this.fail(`Expecting: identifier, got: ${key.type}`);
      this.advance();
      this.match('colon');
      children.push({ type: 'KeyValuePair', name: String(key.value), value: this.expression(0) });
      if (this.current() === 'comma') this.match('comma');
      else if (this.current() === 'rbrace') {
        this.match('rbrace');
        break;
      }
    }
    return { type: 'MultiSelectHash', children };
  }
}

/** The nodes below `node`: its children, a multi-select hash's values. */
function subtrees(node: Node): Node[] {
  if (node.type === 'MultiSelectHash') return node.children.map((pair) => pair.value);
  return 'children' in node ? node.children : [];
}

/** Throws when the tree nests deeper than the interpreter may recurse (`a|b|c…` nests to the left). */
function checkTreeDepth(root: Node): void {
  const pending: Array<[Node, number]> = [[root, 1]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    if (depth > MAX_QUERY_DEPTH) throw queryTooDeep();
    for (const child of subtrees(node)) pending.push([child, depth + 1]);
  }
}

/** Python's jmespath.compile: the expression's tree, or QuerySyntaxError (QueryLimit past the lab's bounds). */
export function parse(expression: string): Node {
  if (expression === '') throw new QuerySyntaxError('Invalid JMESPath expression: cannot be empty.');
  const tree = new Parser(tokenize(expression)).parse();
  checkTreeDepth(tree);
  return tree;
}
