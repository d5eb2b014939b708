// Go's text/template, as `kubectl get -o go-template` runs it (cli-runtime's GoTemplatePrinter): the
// object is turned into JSON and read back into map[string]interface{}, so every number it holds is
// a float64 (1e+06, not 1000000) while the template's own numbers are ints; a missing key prints
// "<no value>". Written here because no JavaScript library reproduces Go's templates: the actions
// ({{.a.b}}, {{$x := …}}, pipelines, parentheses, {{- -}} trimming, comments), if / else if / range
// (over lists and maps in key order, with $i, $e; break, continue) / with, and the functions
// and, or, not, len, index, slice, print, printf, println, eq, ne, lt, le, gt, ge, html, js,
// urlquery, plus kubectl's exists and base64decode. {{define}}, {{template}} and {{block}} are
// refused as not available. Errors carry Go's words and positions (`template: output:1:8: …`).

import { goFormatFloatG, goStrconvQuote } from './go-values.ts';
import { goKeyOrder } from './json.ts';
import { isJsonObject } from '../../world/json.ts';

/** An int of the template's own (a literal, len, a range index): Go prints it without an exponent. */
export class GoInt {
  readonly v: number;
  constructor(v: number) {
    this.v = v;
  }
}

/** A float of the template's own (a literal with a point or an exponent): never equal to an int. */
export class GoFloat {
  readonly v: number;
  constructor(v: number) {
    this.v = v;
  }
}

/** A number's kind as Go sees it: the template's ints and the object's integers (int64) are ints. */
function numKind(v: Value): 'int' | 'float' | undefined {
  if (v instanceof GoInt) return 'int';
  if (v instanceof GoFloat) return 'float';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  return undefined;
}

function numValue(v: Value): number {
  if (v instanceof GoInt || v instanceof GoFloat) return v.v;
  return typeof v === 'number' ? v : NaN;
}

export class TemplateError extends Error {
  /** What the template had written before it failed (Go's Execute writes as it goes). */
  partial = '';
}

const NO_VALUE = Symbol('no value');
type Value = unknown;

// ---------------------------------------------------------------- lexer

type TokType = 'text' | 'left' | 'right' | 'field' | 'var' | 'ident' | 'string' | 'raw' | 'number' | 'char' | 'bool' | 'nil' | 'dot' | 'pipe' | 'lparen' | 'rparen' | 'declare' | 'assign' | 'comma' | 'space' | 'eof' | 'keyword';
interface Tok {
  type: TokType;
  val: string;
  pos: number;
}

const KEYWORDS = new Set(['if', 'else', 'end', 'range', 'with', 'define', 'template', 'block', 'break', 'continue']);

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    let open = src.indexOf('{{', i);
    if (open < 0) {
      out.push({ type: 'text', val: src.slice(i), pos: i });
      break;
    }
    let text = src.slice(i, open);
    const trimLeft = src.startsWith('{{- ', open) || src.startsWith('{{-\t', open) || src.startsWith('{{-\n', open) || src.startsWith('{{-\r', open);
    if (trimLeft) text = text.replace(/[ \t\r\n]+$/, '');
    if (text) out.push({ type: 'text', val: text, pos: i });
    const start = open;
    open += trimLeft ? 3 : 2;
    // A comment: {{/* … */}}.
    const afterSpace = src.slice(open).match(/^[ \t\r\n]*/)![0].length;
    if (src.startsWith('/*', open + afterSpace) || src.startsWith('/*', open)) {
      const end = src.indexOf('*/', open);
      if (end < 0) throw new TemplateError(`template: output:${lineOf(src, start)}: unclosed comment`);
      let close = end + 2;
      const trimRight = /^[ \t\r\n]+-}}/.test(src.slice(close));
      close = src.indexOf('}}', close);
      if (close < 0) throw new TemplateError(`template: output:${lineOf(src, start)}: comment ends before closing delimiter`);
      i = close + 2;
      if (trimRight) i += src.slice(i).match(/^[ \t\r\n]*/)![0].length;
      continue;
    }
    out.push({ type: 'left', val: '{{', pos: start });
    let j = open;
    for (;;) {
      if (j >= src.length) throw new TemplateError(`template: output:${lineOf(src, start)}: unclosed action`);
      const rest = src.slice(j);
      const trimRight = /^[ \t\r\n]+-}}/.exec(rest);
      if (trimRight) {
        out.push({ type: 'right', val: '}}', pos: j });
        j += trimRight[0].length;
        j += src.slice(j).match(/^[ \t\r\n]*/)![0].length;
        break;
      }
      if (rest.startsWith('}}')) {
        out.push({ type: 'right', val: '}}', pos: j });
        j += 2;
        break;
      }
      const c = src[j];
      if (c === '\n' || c === '\r') throw new TemplateError(`template: output:${lineOf(src, start)}: unclosed action`);
      let m: RegExpExecArray | null;
      if ((m = /^[ \t]+/.exec(rest))) {
        out.push({ type: 'space', val: m[0], pos: j });
        j += m[0].length;
      } else if (rest.startsWith(':=')) {
        out.push({ type: 'declare', val: ':=', pos: j });
        j += 2;
      } else if (c === '=') {
        out.push({ type: 'assign', val: '=', pos: j });
        j += 1;
      } else if (c === '|') {
        out.push({ type: 'pipe', val: '|', pos: j });
        j += 1;
      } else if (c === '(') {
        out.push({ type: 'lparen', val: '(', pos: j });
        j += 1;
      } else if (c === ')') {
        out.push({ type: 'rparen', val: ')', pos: j });
        j += 1;
      } else if (c === ',') {
        out.push({ type: 'comma', val: ',', pos: j });
        j += 1;
      } else if (c === '"') {
        let k = j + 1;
        while (k < src.length && src[k] !== '"') {
          if (src[k] === '\\') k++;
          if (src[k] === '\n') throw new TemplateError(`template: output:${lineOf(src, j)}: unterminated quoted string`);
          k++;
        }
        if (k >= src.length) throw new TemplateError(`template: output:${lineOf(src, j)}: unterminated quoted string`);
        out.push({ type: 'string', val: src.slice(j, k + 1), pos: j });
        j = k + 1;
      } else if (c === '`') {
        const k = src.indexOf('`', j + 1);
        if (k < 0) throw new TemplateError(`template: output:${lineOf(src, j)}: unterminated raw quoted string`);
        out.push({ type: 'raw', val: src.slice(j, k + 1), pos: j });
        j = k + 1;
      } else if (c === "'") {
        const m2 = /^'(\\.|[^\\'])'/.exec(rest);
        if (!m2) throw new TemplateError(`template: output:${lineOf(src, j)}: unterminated character constant`);
        out.push({ type: 'char', val: m2[0], pos: j });
        j += m2[0].length;
      } else if ((m = /^\$[A-Za-z0-9_]*/.exec(rest))) {
        out.push({ type: 'var', val: m[0], pos: j });
        j += m[0].length;
      } else if ((m = /^\.[A-Za-z_][A-Za-z0-9_]*/.exec(rest))) {
        out.push({ type: 'field', val: m[0], pos: j });
        j += m[0].length;
      } else if (c === '.' && !/^\.\d/.test(rest)) {
        out.push({ type: 'dot', val: '.', pos: j });
        j += 1;
      } else if ((m = /^[+-]?(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(\d[\d_]*)?\.?\d[\d_]*([eE][+-]?\d+)?)/.exec(rest)) && m[0] !== '' && /\d/.test(m[0])) {
        out.push({ type: 'number', val: m[0], pos: j });
        j += m[0].length;
      } else if ((m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest))) {
        const word = m[0];
        out.push({ type: KEYWORDS.has(word) ? 'keyword' : word === 'true' || word === 'false' ? 'bool' : word === 'nil' ? 'nil' : 'ident', val: word, pos: j });
        j += word.length;
      } else {
        throw new TemplateError(`template: output:${lineOf(src, j)}: unexpected ${goQuoteRune(c)} in command`);
      }
    }
    i = j;
  }
  out.push({ type: 'eof', val: '', pos: src.length });
  return out;
}

function goQuoteRune(c: string): string {
  return `"${c}"`;
}

function lineOf(src: string, pos: number): number {
  return src.slice(0, pos).split('\n').length;
}

// ---------------------------------------------------------------- parser

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'action'; pos: number; pipe: Pipe }
  | { kind: 'if' | 'with'; pos: number; pipe: Pipe; list: Node[]; elseList?: Node[] }
  | { kind: 'range'; pos: number; pipe: Pipe; list: Node[]; elseList?: Node[] }
  | { kind: 'break' | 'continue'; pos: number };

interface Pipe {
  pos: number;
  decl: string[];
  assign: boolean;
  cmds: Cmd[];
}
interface Cmd {
  pos: number;
  args: Arg[];
}
type Arg =
  | { kind: 'field'; pos: number; names: string[] }
  | { kind: 'var'; pos: number; name: string; names: string[] }
  | { kind: 'dot'; pos: number }
  | { kind: 'ident'; pos: number; name: string }
  | { kind: 'chain'; pos: number; node: Arg; names: string[] }
  | { kind: 'pipe'; pos: number; pipe: Pipe }
  | { kind: 'literal'; pos: number; value: Value; text: string };

const FUNCS = new Set(['and', 'or', 'not', 'len', 'index', 'slice', 'print', 'printf', 'println', 'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'html', 'js', 'urlquery', 'call', 'exists', 'base64decode']);

class Parser {
  private i = 0;
  private vars: string[][] = [['$']];
  private readonly toks: Tok[];
  private readonly src: string;
  constructor(toks: Tok[], src: string) {
    this.toks = toks;
    this.src = src;
  }

  private peek(): Tok {
    return this.toks[this.i];
  }
  private next(): Tok {
    return this.toks[this.i++];
  }
  private nonSpace(): Tok {
    let t = this.next();
    while (t.type === 'space') t = this.next();
    return t;
  }
  private peekNonSpace(): Tok {
    const save = this.i;
    const t = this.nonSpace();
    this.i = save;
    return t;
  }
  private fail(pos: number, message: string): never {
    throw new TemplateError(`template: output:${lineOf(this.src, pos)}: ${message}`);
  }

  parse(): Node[] {
    const [list, end] = this.itemList(false);
    if (end) this.fail(end.pos, `unexpected ${end.val === 'end' ? '{{end}}' : `{{${end.val}}}`}`);
    return list;
  }

  /** Nodes up to {{end}} or {{else}} (returned as the second value) or the end of the text. */
  private itemList(inside: boolean): [Node[], Tok | undefined] {
    const list: Node[] = [];
    for (;;) {
      const t = this.next();
      if (t.type === 'eof') {
        if (inside) this.fail(t.pos, 'unexpected EOF');
        return [list, undefined];
      }
      if (t.type === 'text') {
        list.push({ kind: 'text', text: t.val });
        continue;
      }
      // t is '{{'
      const k = this.peekNonSpace();
      if (k.type === 'keyword') {
        this.nonSpace();
        switch (k.val) {
          case 'end':
          case 'else':
            if (!inside) this.fail(k.pos, `unexpected {{${k.val}}}`);
            return [list, k];
          case 'if':
          case 'with':
          case 'range':
            list.push(this.control(k.val));
            continue;
          case 'break':
          case 'continue':
            this.expectRight(k.val);
            list.push({ kind: k.val, pos: k.pos });
            continue;
          default:
            this.fail(k.pos, `{{${k.val}}} is not available in this lab terminal`);
        }
      }
      const pipe = this.pipeline('command', true);
      list.push({ kind: 'action', pos: pipe.pos, pipe });
    }
  }

  private expectRight(context: string): void {
    const t = this.nonSpace();
    if (t.type !== 'right') this.fail(t.pos, `unexpected ${describe(t)} in ${context}`);
  }

  private control(kind: 'if' | 'with' | 'range'): Node {
    this.vars.push([...this.vars[this.vars.length - 1]]);
    const pipe = this.pipeline(kind, true, kind === 'range');
    const [list, end] = this.itemList(true);
    let elseList: Node[] | undefined;
    if (end!.val === 'else') {
      // {{else if …}} / {{else with …}}: a nested control in the else branch.
      const nested = this.peekNonSpace();
      if ((kind === 'if' || kind === 'with') && nested.type === 'keyword' && nested.val === kind) {
        this.nonSpace();
        elseList = [this.control(kind)];
        this.vars.pop();
        return { kind, pos: pipe.pos, pipe, list, elseList };
      }
      this.expectRight('else');
      const [elseNodes, end2] = this.itemList(true);
      if (end2!.val !== 'end') this.fail(end2!.pos, 'expected end; found {{else}}');
      this.expectRight('end');
      elseList = elseNodes;
    } else this.expectRight('end');
    this.vars.pop();
    return { kind, pos: pipe.pos, pipe, list, elseList };
  }

  private pipeline(context: string, topLevel: boolean, rangeDecl = false): Pipe {
    const start = this.peekNonSpace();
    const pipe: Pipe = { pos: start.pos, decl: [], assign: false, cmds: [] };
    // Declarations: $x := / $i, $e := / $x =
    const save = this.i;
    const v = this.nonSpace();
    if (v.type === 'var') {
      const after = this.nonSpace();
      if (after.type === 'declare' || after.type === 'assign') {
        pipe.decl.push(v.val);
        pipe.assign = after.type === 'assign';
      } else if (after.type === 'comma' && rangeDecl) {
        const v2 = this.nonSpace();
        const op = this.nonSpace();
        if (v2.type !== 'var' || op.type !== 'declare') this.fail(v2.pos, 'range can only initialize variables');
        pipe.decl.push(v.val, v2.val);
      } else this.i = save;
    } else this.i = save;
    for (const d of pipe.decl) if (!pipe.assign) this.vars[this.vars.length - 1].push(d);
    for (;;) {
      const t = this.peekNonSpace();
      if (t.type === (topLevel ? 'right' : 'rparen')) {
        this.nonSpace();
        if (pipe.cmds.length === 0) this.fail(t.pos, `missing value for ${context}`);
        return pipe;
      }
      if (t.type === 'eof' || (topLevel && t.type === 'rparen') || (!topLevel && t.type === 'right')) this.fail(t.pos, t.type === 'rparen' ? 'unexpected right paren' : 'unclosed action');
      pipe.cmds.push(this.command(topLevel));
      const sep = this.peekNonSpace();
      if (sep.type === 'pipe') this.nonSpace();
    }
  }

  private command(topLevel: boolean): Cmd {
    const cmd: Cmd = { pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      const t = this.peekNonSpace();
      if (t.type === 'pipe' || t.type === (topLevel ? 'right' : 'rparen') || t.type === 'eof') break;
      if (!topLevel && t.type === 'right') break;
      cmd.args.push(this.operand());
    }
    if (cmd.args.length === 0) this.fail(cmd.pos, 'empty command');
    return cmd;
  }

  private operand(): Arg {
    const t = this.nonSpace();
    let node: Arg;
    switch (t.type) {
      case 'field':
        node = { kind: 'field', pos: t.pos, names: [t.val.slice(1)] };
        break;
      case 'var':
        if (!this.vars[this.vars.length - 1].includes(t.val)) this.fail(t.pos, `undefined variable "${t.val}"`);
        node = { kind: 'var', pos: t.pos, name: t.val, names: [] };
        break;
      case 'dot':
        node = { kind: 'dot', pos: t.pos };
        break;
      case 'ident':
        if (!FUNCS.has(t.val)) this.fail(t.pos, `function "${t.val}" not defined`);
        node = { kind: 'ident', pos: t.pos, name: t.val };
        break;
      case 'bool':
        node = { kind: 'literal', pos: t.pos, value: t.val === 'true', text: t.val };
        break;
      case 'nil':
        node = { kind: 'literal', pos: t.pos, value: null, text: 'nil' };
        break;
      case 'string':
        node = { kind: 'literal', pos: t.pos, value: unquote(t.val), text: t.val };
        break;
      case 'raw':
        node = { kind: 'literal', pos: t.pos, value: t.val.slice(1, -1), text: t.val };
        break;
      case 'char':
        node = { kind: 'literal', pos: t.pos, value: new GoInt(unquote(`"${t.val.slice(1, -1)}"`).codePointAt(0)!), text: t.val };
        break;
      case 'number':
        node = { kind: 'literal', pos: t.pos, value: number(t.val, () => this.fail(t.pos, `illegal number syntax: ${goStrconvQuote(t.val)}`)), text: t.val };
        break;
      case 'lparen':
        node = { kind: 'pipe', pos: t.pos, pipe: this.pipeline('parenthesized pipeline', false) };
        break;
      default:
        this.fail(t.pos, `unexpected ${describe(t)} in operand`);
    }
    // A field chain right after the operand: (…).a.b, $x.a.
    const names: string[] = [];
    let chainPos = -1;
    while (this.peek().type === 'field') {
      const f = this.next();
      if (chainPos < 0) chainPos = f.pos;
      names.push(f.val.slice(1));
    }
    if (names.length === 0) return node;
    if (node.kind === 'field') return { kind: 'field', pos: chainPos, names: [...node.names, ...names] };
    if (node.kind === 'var') return { ...node, names };
    if (node.kind === 'literal' || node.kind === 'dot') this.fail(chainPos, `unexpected . after term ${goStrconvQuote(node.kind === 'dot' ? '.' : node.text)}`);
    return { kind: 'chain', pos: chainPos, node, names };
  }
}

function describe(t: Tok): string {
  if (t.type === 'right') return '"}}"';
  if (t.type === 'eof') return 'EOF';
  return `"${t.val}"`;
}

function number(text: string, fail: () => never): Value {
  const clean = text.replace(/_/g, '');
  if (/^[+-]?0[xX][0-9a-fA-F]+$/.test(clean) || /^[+-]?0[bB][01]+$/.test(clean) || /^[+-]?0[oO][0-7]+$/.test(clean)) return new GoInt(Number(clean.replace(/^([+-]?)0[oO]/, '$10o')));
  if (/^[+-]?\d+$/.test(clean)) return new GoInt(/^[+-]?0\d/.test(clean) ? parseInt(clean, 8) : Number(clean));
  const f = Number(clean);
  if (Number.isNaN(f)) fail();
  return new GoFloat(f);
}

/** strconv.Unquote of a double-quoted Go string. */
function unquote(q: string): string {
  return q.slice(1, -1).replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)/g, (_, e: string) => {
    switch (e[0]) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case 'a':
        return '\x07';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'v':
        return '\v';
      case 'x':
      case 'u':
      case 'U':
        return String.fromCodePoint(parseInt(e.slice(1), 16));
      default:
        return /^[0-7]{3}$/.test(e) ? String.fromCharCode(parseInt(e, 8)) : e;
    }
  });
}

// ---------------------------------------------------------------- evaluation

class Break {}
class Continue {}

/** Go's type name of a template value, as its errors say it. */
function typeName(v: Value): string {
  if (v instanceof GoInt) return 'int';
  if (v instanceof GoFloat) return 'float64';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return '[]interface {}';
  if (v === null || v === NO_VALUE) return 'interface {}';
  return 'map[string]interface {}';
}

/** fmt's %v of a template value. */
export function printValue(v: Value): string {
  if (v === NO_VALUE) return '<no value>';
  if (v === null || v === undefined) return '<nil>';
  if (v instanceof GoInt) return String(v.v);
  if (v instanceof GoFloat) return goFormatFloatG(v.v);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : goFormatFloatG(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(printValue).join(' ')}]`;
  const o = isJsonObject(v) ? v : {};
  return `map[${Object.keys(o)
    .sort(goKeyOrder)
    .map((k) => `${k}:${printValue(o[k])}`)
    .join(' ')}]`;
}

/** text/template's truth: false for zero values and missing ones. */
function truth(v: Value): boolean {
  if (v === NO_VALUE || v === null || v === undefined) return false;
  if (v instanceof GoInt || v instanceof GoFloat) return v.v !== 0;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v !== '';
  if (typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.length > 0;
  return isJsonObject(v) && Object.keys(v).length > 0;
}

class Exec {
  private out = '';
  private steps = 0;
  private readonly src: string;
  private readonly root: Value;
  private readonly maxSteps: number;
  constructor(src: string, root: Value, maxSteps: number) {
    this.src = src;
    this.root = root;
    this.maxSteps = maxSteps;
  }

  private fail(pos: number, node: string, message: string): never {
    const before = this.src.slice(0, pos);
    const line = before.split('\n').length;
    const col = pos - (before.lastIndexOf('\n') + 1);
    throw new TemplateError(`template: output:${line}:${col}: executing "output" at <${node}>: ${message}`);
  }

  run(nodes: Node[]): string {
    try {
      this.list(nodes, this.root, [['$', this.root]]);
    } catch (e) {
      if (e instanceof TemplateError) e.partial = this.out;
      if (e instanceof Break || e instanceof Continue) return this.out;
      throw e;
    }
    return this.out;
  }

  private tick(): void {
    if (++this.steps > this.maxSteps) throw new TemplateError('template: output: too many steps for the lab terminal');
  }

  private list(nodes: Node[], dot: Value, vars: Array<[string, Value]>): void {
    const mark = vars.length;
    for (const n of nodes) {
      this.tick();
      switch (n.kind) {
        case 'text':
          this.out += n.text;
          break;
        case 'action': {
          const v = this.pipe(n.pipe, dot, vars);
          if (n.pipe.decl.length === 0) this.out += printValue(v);
          break;
        }
        case 'if':
        case 'with': {
          const v = this.pipe(n.pipe, dot, vars);
          if (truth(v)) this.list(n.list, n.kind === 'with' ? v : dot, vars);
          else if (n.elseList) this.list(n.elseList, dot, vars);
          break;
        }
        case 'range':
          this.range(n, dot, vars);
          break;
        case 'break':
          throw new Break();
        case 'continue':
          throw new Continue();
      }
    }
    vars.length = mark;
  }

  private range(n: Extract<Node, { kind: 'range' }>, dot: Value, vars: Array<[string, Value]>): void {
    const mark = vars.length;
    const v = this.pipe({ ...n.pipe, decl: [] }, dot, vars);
    const each = (key: Value, elem: Value): boolean => {
      if (n.pipe.decl.length === 1) vars.push([n.pipe.decl[0], elem]);
      if (n.pipe.decl.length === 2) vars.push([n.pipe.decl[0], key], [n.pipe.decl[1], elem]);
      try {
        this.list(n.list, elem, vars);
      } catch (e) {
        if (e instanceof Break) return false;
        if (!(e instanceof Continue)) throw e;
      } finally {
        vars.length = mark;
      }
      return true;
    };
    let any = false;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        any = true;
        if (!each(new GoInt(i), v[i])) break;
      }
    } else if (isJsonObject(v) && !(v instanceof GoInt) && !(v instanceof GoFloat)) {
      for (const k of Object.keys(v).sort(goKeyOrder)) {
        any = true;
        if (!each(k, v[k])) break;
      }
    } else if (v !== null && v !== NO_VALUE) {
      this.fail(n.pos, rangeText(n.pipe, this.src), `range can't iterate over ${printValue(v)}`);
    }
    if (!any && n.elseList) this.list(n.elseList, dot, vars);
  }

  private pipe(p: Pipe, dot: Value, vars: Array<[string, Value]>): Value {
    let v: Value = NO_VALUE;
    let first = true;
    for (const cmd of p.cmds) {
      v = this.command(cmd, dot, vars, first ? undefined : v);
      first = false;
    }
    if (p.decl.length === 1) {
      if (p.assign) {
        for (let i = vars.length - 1; i >= 0; i--) if (vars[i][0] === p.decl[0]) {
          vars[i][1] = v;
          break;
        }
      } else vars.push([p.decl[0], v]);
    }
    return v;
  }

  private command(cmd: Cmd, dot: Value, vars: Array<[string, Value]>, piped: Value | undefined): Value {
    const [head, ...rest] = cmd.args;
    const text = cmdText(cmd, this.src);
    if (head.kind === 'ident') {
      const args = rest.map((a) => () => this.arg(a, dot, vars));
      if (piped !== undefined) args.push(() => piped);
      return this.call(head.name, args, head.pos, text);
    }
    if (rest.length > 0 || piped !== undefined) {
      if (head.kind === 'field' || head.kind === 'chain' || (head.kind === 'var' && head.names.length > 0)) {
        this.arg(head, dot, vars);
        this.fail(head.pos, argText(head, this.src), `${head.names[head.names.length - 1]} is not a method but has arguments`);
      }
      this.fail(head.pos, text, `can't give argument to non-function ${argText(head, this.src)}`);
    }
    return this.arg(head, dot, vars);
  }

  private arg(a: Arg, dot: Value, vars: Array<[string, Value]>): Value {
    switch (a.kind) {
      case 'literal':
        return a.value;
      case 'dot':
        return dot;
      case 'field':
        return this.fields(dot, a.names, a.pos, argText(a, this.src));
      case 'var': {
        let v: Value = NO_VALUE;
        for (let i = vars.length - 1; i >= 0; i--) if (vars[i][0] === a.name) {
          v = vars[i][1];
          break;
        }
        return a.names.length ? this.fields(v, a.names, a.pos, argText(a, this.src)) : v;
      }
      case 'pipe':
        return this.pipe(a.pipe, dot, [...vars]);
      case 'chain':
        return this.fields(this.arg(a.node, dot, vars), a.names, a.pos, argText(a, this.src));
      case 'ident':
        return this.call(a.name, [], a.pos, a.name);
    }
  }

  private fields(receiver: Value, names: string[], pos: number, text: string): Value {
    let v = receiver;
    for (const name of names) {
      // A missing key's zero value stays missing; a null one cannot be looked into.
      if (v === NO_VALUE) return NO_VALUE;
      if (v === null) this.fail(pos, text, `nil pointer evaluating interface {}.${name}`);
      if (!isJsonObject(v) || v instanceof GoInt) return this.fail(pos, text, `can't evaluate field ${name} in type ${v instanceof GoInt ? 'int' : 'interface {}'}`);
      v = Object.prototype.hasOwnProperty.call(v, name) ? v[name] : NO_VALUE;
    }
    return v;
  }

  private call(name: string, args: Array<() => Value>, pos: number, text: string): Value {
    const err = (message: string): never => this.fail(pos, text, `error calling ${name}: ${message}`);
    const need = (n: number) => {
      if (args.length !== n) this.fail(pos, text, `wrong number of args for ${name}: want ${n} got ${args.length}`);
    };
    switch (name) {
      case 'and': {
        if (args.length < 1) this.fail(pos, text, 'wrong number of args for and: want at least 1 got 0');
        let v: Value = NO_VALUE;
        for (const a of args) if (!truth((v = a()))) return v;
        return v;
      }
      case 'or': {
        if (args.length < 1) this.fail(pos, text, 'wrong number of args for or: want at least 1 got 0');
        let v: Value = NO_VALUE;
        for (const a of args) if (truth((v = a()))) return v;
        return v;
      }
      case 'not':
        need(1);
        return !truth(args[0]());
      case 'len': {
        need(1);
        const v = args[0]();
        if (typeof v === 'string') return new GoInt(new TextEncoder().encode(v).length);
        if (Array.isArray(v)) return new GoInt(v.length);
        if (v !== null && typeof v === 'object' && !(v instanceof GoInt) && !(v instanceof GoFloat)) return new GoInt(Object.keys(v).length);
        // A missing value reaches reflect as the zero Value, which panics inside len.
        return err(v === NO_VALUE ? 'reflect: call of reflect.Value.Type on zero Value' : v === null ? 'len of nil pointer' : `len of type ${typeName(v)}`);
      }
      case 'index': {
        if (args.length < 1) this.fail(pos, text, 'wrong number of args for index: want at least 1 got 0');
        let v = args[0]();
        for (const a of args.slice(1)) {
          const i = a();
          if (Array.isArray(v) || typeof v === 'string') {
            if (numKind(i) !== 'int') err(`cannot index slice/array with type ${typeName(i)}`);
            const n = numValue(i);
            if (n < 0 || n >= v.length) err(`index out of range: ${n}`);
            v = typeof v === 'string' ? new GoInt(new TextEncoder().encode(v)[n]) : v[n];
          } else if (isJsonObject(v) && !(v instanceof GoInt)) {
            const key = typeof i === 'string' ? i : err(`value has type ${typeName(i)}; should be string`);
            v = Object.prototype.hasOwnProperty.call(v, key) ? v[key] : NO_VALUE;
          } else if (v === NO_VALUE) {
            err('index of nil pointer');
          } else if (v === null) {
            err('index of untyped nil');
          } else err(`can't index item of type ${typeName(v)}`);
        }
        return v;
      }
      case 'slice': {
        if (args.length < 1) this.fail(pos, text, 'wrong number of args for slice: want at least 1 got 0');
        const v = args[0]();
        const idx = args.slice(1).map((a) => {
          const i = a();
          if (numKind(i) !== 'int') return err(`cannot index slice/array with type ${typeName(i)}`);
          return numValue(i);
        });
        if (!Array.isArray(v) && typeof v !== 'string') return err(`can't slice item of type ${typeName(v)}`);
        const [lo = 0, hi = v.length] = idx;
        if (lo < 0 || hi > v.length || lo > hi) err(`index out of range: ${hi > v.length ? hi : lo}`);
        return v.slice(lo, hi);
      }
      case 'print':
        return goSprint(args.map((a) => a()));
      case 'println':
        return args.map((a) => printValue(a())).join(' ') + '\n';
      case 'printf': {
        if (args.length < 1) this.fail(pos, text, 'wrong number of args for printf: want at least 1 got 0');
        const format = args[0]();
        if (typeof format !== 'string') return this.fail(pos, text, `wrong type for value; expected string; got ${typeName(format)}`);
        return goSprintf(format, args.slice(1).map((a) => a()));
      }
      case 'eq': {
        if (args.length < 2) err('missing argument for comparison');
        const a = args[0]();
        for (const b of args.slice(1)) if (compare(a, b(), err) === 0) return true;
        return false;
      }
      case 'ne':
        need(2);
        return compare(args[0](), args[1](), err) !== 0;
      case 'lt':
      case 'le':
      case 'gt':
      case 'ge': {
        need(2);
        const c = compare(args[0](), args[1](), err, true);
        return name === 'lt' ? c < 0 : name === 'le' ? c <= 0 : name === 'gt' ? c > 0 : c >= 0;
      }
      case 'html':
        return goSprint(args.map((a) => a())).replace(/[<>&'"\0]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&#34;', '\0': '\uFFFD' })[c]!);
      case 'js':
        return goSprint(args.map((a) => a())).replace(/[\\'"<>&=]/g, (c) => ({ '\\': '\\\\', "'": "\\'", '"': '\\"', '<': '\\u003C', '>': '\\u003E', '&': '\\u0026', '=': '\\u003D' })[c]!);
      case 'urlquery':
        return encodeURIComponent(goSprint(args.map((a) => a()))).replace(/%20/g, '+').replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
      case 'exists': {
        // kubectl's exists: whether the path of keys (and indexes) leads somewhere.
        if (args.length < 1) return false;
        let v = args[0]();
        for (const a of args.slice(1)) {
          const k = a();
          if (Array.isArray(v) && k instanceof GoInt && k.v >= 0 && k.v < v.length) v = v[k.v];
          else if (isJsonObject(v) && typeof k === 'string' && Object.prototype.hasOwnProperty.call(v, k)) v = v[k];
          else return false;
        }
        return true;
      }
      case 'base64decode': {
        need(1);
        const v = args[0]();
        if (typeof v !== 'string') return this.fail(pos, text, `wrong type for value; expected string; got ${typeName(v)}`);
        if (!/^[A-Za-z0-9+/]*={0,2}$/.test(v) || v.length % 4 !== 0) return err(`base64 decode failed: illegal base64 data at input byte ${Math.max(0, v.search(/[^A-Za-z0-9+/=]/))}`);
        return new TextDecoder('utf-8', { ignoreBOM: true }).decode(Uint8Array.from(atob(v), (c) => c.charCodeAt(0)));
      }
      default:
        return this.fail(pos, text, `"${name}" is not available in this lab terminal`);
    }
  }
}

/** The comparison of eq/lt…: same basic kinds only (an int never equals a float64). */
function compare(a: Value, b: Value, err: (m: string) => never, ordered = false): number {
  const kind = (v: Value) => numKind(v) ?? (typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'bool' : v === null || v === NO_VALUE ? 'nil' : 'other');
  const [ka, kb] = [kind(a), kind(b)];
  if (ka === 'other' || kb === 'other' || ka === 'nil' || kb === 'nil') {
    if (!ordered && ka === 'nil' && kb === 'nil') return 0;
    err(ka === 'nil' || kb === 'nil' ? 'incompatible types for comparison' : 'invalid type for comparison');
  }
  if (ka !== kb) err('incompatible types for comparison');
  if (ordered && ka === 'bool') err('invalid type for comparison');
  const x = numKind(a) ? numValue(a) : a;
  const y = numKind(b) ? numValue(b) : b;
  if (x === y) return 0;
  // Unequal booleans need only be unequal: eq and ne ask no order of them.
  return (typeof x === 'number' && typeof y === 'number') || (typeof x === 'string' && typeof y === 'string') ? (x < y ? -1 : 1) : 1;
}

/** fmt.Sprint: spaces between operands when neither is a string. */
function goSprint(values: Value[]): string {
  let out = '';
  values.forEach((v, i) => {
    if (i > 0 && typeof v !== 'string' && typeof values[i - 1] !== 'string') out += ' ';
    out += printValue(v);
  });
  return out;
}

/** fmt.Sprintf for the verbs templates use: %v %s %d %q %f %e %g %x %X %t %c %%, widths, precision and the - 0 + flags. */
export function goSprintf(format: string, args: Value[]): string {
  let out = '';
  let argi = 0;
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c !== '%') {
      out += c;
      continue;
    }
    const m = /^([-+# 0]*)(\d+)?(?:\.(\d*))?([a-zA-Z%])?/.exec(format.slice(i + 1))!;
    i += m[0].length;
    const [, flags, width, precision, verb] = m;
    if (verb === undefined) {
      out += '%!(NOVERB)';
      break;
    }
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (argi >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    const a = args[argi++];
    let s = formatVerb(verb, a, precision, flags.includes('+'), flags.includes('#'));
    if (width && s.length < Number(width)) {
      const pad = Number(width) - s.length;
      if (flags.includes('-')) s += ' '.repeat(pad);
      else if (flags.includes('0') && /[dfegxX]/.test(verb)) s = s.startsWith('-') ? '-' + '0'.repeat(pad) + s.slice(1) : '0'.repeat(pad) + s;
      else s = ' '.repeat(pad) + s;
    }
    out += s;
  }
  if (argi < args.length) out += `%!(EXTRA ${args.slice(argi).map((a) => `${typeName(a)}=${printValue(a)}`).join(', ')})`;
  return out;
}

function formatVerb(verb: string, a: Value, precision: string | undefined, plus: boolean, sharp: boolean): string {
  const bad = () => `%!${verb}(${a === NO_VALUE || a === null ? '<nil>' : `${typeName(a)}=${printValue(a)}`})`;
  const kind = numKind(a);
  const isNum = kind === 'float';
  switch (verb) {
    case 'v':
      return sharp && typeof a === 'string' ? goStrconvQuote(a) : printValue(a);
    case 's':
      if (typeof a === 'string') return precision !== undefined ? a.slice(0, Number(precision)) : a;
      if (Array.isArray(a) || (a !== null && typeof a === 'object' && !(a instanceof GoInt))) return printValue(a);
      return bad();
    case 'q':
      return typeof a === 'string' ? goStrconvQuote(a) : kind === 'int' ? `'${String.fromCodePoint(numValue(a))}'` : bad();
    case 'd':
      return kind === 'int' ? (plus && numValue(a) >= 0 ? '+' : '') + String(numValue(a)) : bad();
    case 't':
      return typeof a === 'boolean' ? String(a) : bad();
    case 'c':
      return kind === 'int' ? String.fromCodePoint(numValue(a)) : bad();
    case 'x':
    case 'X': {
      let s: string;
      if (kind === 'int') s = numValue(a).toString(16);
      else if (typeof a === 'string') s = Array.from(new TextEncoder().encode(a), (b) => b.toString(16).padStart(2, '0')).join('');
      else return bad();
      return verb === 'X' ? s.toUpperCase() : s;
    }
    case 'f':
    case 'F':
    case 'e':
    case 'g': {
      if (!isNum) return bad();
      const n = numValue(a);
      const p = precision === undefined ? undefined : Number(precision || '0');
      let s: string;
      if (verb === 'e') s = n.toExponential(p ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
      else if (verb === 'g') s = p === undefined ? goFormatFloatG(n) : String(Number(n.toPrecision(p)));
      else s = n.toFixed(p ?? 6);
      return (plus && n >= 0 ? '+' : '') + s;
    }
    default:
      return bad();
  }
}

function cmdText(cmd: Cmd, src: string): string {
  return cmd.args.map((a) => argText(a, src)).join(' ');
}

function argText(a: Arg, src: string): string {
  switch (a.kind) {
    case 'field':
      return '.' + a.names.join('.');
    case 'var':
      return a.name + a.names.map((n) => '.' + n).join('');
    case 'dot':
      return '.';
    case 'ident':
      return a.name;
    case 'literal':
      return a.text;
    case 'pipe':
      return `(${pipeText(a.pipe, src)})`;
    case 'chain':
      return argText(a.node, src) + a.names.map((n) => '.' + n).join('');
  }
}

function pipeText(p: Pipe, src: string): string {
  const decl = p.decl.length ? `${p.decl.join(', ')} ${p.assign ? '=' : ':='} ` : '';
  return decl + p.cmds.map((c) => cmdText(c, src)).join(' | ');
}

function rangeText(p: Pipe, src: string): string {
  return pipeText({ ...p, decl: [] }, src);
}

/** A parsed template, ready to run over objects. */
export class GoTemplate {
  private readonly nodes: Node[];
  private readonly src: string;
  constructor(src: string) {
    this.src = src;
    this.nodes = new Parser(lex(src), src).parse();
  }

  /** The template's output over `data`; `maxSteps` bounds the work a template may do. */
  execute(data: unknown, maxSteps = 1_000_000): string {
    return new Exec(this.src, data, maxSteps).run(this.nodes);
  }
}
