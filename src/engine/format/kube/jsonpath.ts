// kubectl's JSONPath templates (client-go util/jsonpath): text outside braces is printed as is,
// `{...}` actions select values, `{range ...}...{end}` loops, `{"\n"}` prints a string. Several
// values selected by one action are joined by a single space; maps and lists print as compact JSON
// (sorted keys), strings raw, numbers the way Go prints int64/float64. kubectl allows missing keys
// (--allow-missing-template-keys defaults to true): a missing field prints nothing.
//
// Where Go iterates a map (`.*`, `..`), the order is random there; here it is sorted.

import { goJsonCompact, kubectlJson } from './json.ts';
import { goPrintV, goTypeName, isGoInt } from './go-values.ts';
import { isJsonObject } from '../../world/json.ts';

type Node =
  | { type: 'list'; nodes: Node[] }
  | { type: 'text'; text: string }
  | { type: 'field'; value: string }
  | { type: 'identifier'; name: string }
  | { type: 'array'; params: ArrayParam[] }
  | { type: 'filter'; left: ListNode; right: ListNode; operator: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'union'; nodes: ListNode[] };

type ListNode = { type: 'list'; nodes: Node[] };

interface ArrayParam {
  value: number;
  known: boolean;
  derived: boolean;
}

export class JsonPathError extends Error {}

const EOF = '';

// ---------- Parser (parser.go) ----------

class Parser {
  root: ListNode = { type: 'list', nodes: [] };
  private input = '';
  private pos = 0;
  private start = 0;
  private width = 0;
  private steps = 0;

  parse(text: string): ListNode {
    this.input = text;
    this.root = { type: 'list', nodes: [] };
    this.pos = 0;
    this.start = 0;
    this.parseText(this.root);
    return this.root;
  }

  private guard(): void {
    // The Go parser recurses once per token; a hostile template must not hang the terminal.
    if (++this.steps > 100000) throw new JsonPathError('template too complex');
  }

  private consumeText(): string {
    const v = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return v;
  }

  private next(): string {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return EOF;
    }
    const cp = this.input.codePointAt(this.pos)!;
    const ch = String.fromCodePoint(cp);
    this.width = ch.length;
    this.pos += this.width;
    return ch;
  }

  private peek(): string {
    const r = this.next();
    this.backup();
    return r;
  }

  private backup(): void {
    this.pos -= this.width;
  }

  private parseText(cur: ListNode): void {
    for (;;) {
      this.guard();
      if (this.input.startsWith('{', this.pos)) {
        if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consumeText() });
        this.parseLeftDelim(cur);
        return;
      }
      if (this.next() === EOF) break;
    }
    if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consumeText() });
  }

  private parseLeftDelim(cur: ListNode): void {
    this.pos += 1;
    this.consumeText();
    const node: ListNode = { type: 'list', nodes: [] };
    cur.nodes.push(node);
    this.parseInsideAction(node);
  }

  private parseInsideAction(cur: ListNode): void {
    for (;;) {
      this.guard();
      const rest = this.input.slice(this.pos);
      if (rest.startsWith('}')) {
        this.pos += 1;
        this.consumeText();
        this.parseText(this.root);
        return;
      }
      if (rest.startsWith('[?(')) {
        this.parseFilter(cur);
        continue;
      }
      if (rest.startsWith('..')) {
        this.parseRecursive(cur);
        continue;
      }
      const r = this.next();
      if (r === EOF || isEndOfLine(r)) throw new JsonPathError('unclosed action');
      if (r === ' ') this.consumeText();
      else if (r === '@' || r === '$') this.consumeText();
      else if (r === '[') this.parseArray(cur);
      else if (r === '"' || r === "'") this.parseQuote(cur, r);
      else if (r === '.') this.parseField(cur);
      else if (r === '+' || r === '-' || isDigit(r)) {
        this.backup();
        this.parseNumber(cur);
      } else if (isAlphaNumeric(r)) {
        this.backup();
        this.parseIdentifier(cur);
      } else {
        throw new JsonPathError(`unrecognized character in action: ${goRuneU(r)}`);
      }
    }
  }

  private parseIdentifier(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (isTerminator(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (value === 'true' || value === 'false') cur.nodes.push({ type: 'bool', value: value === 'true' });
    else cur.nodes.push({ type: 'identifier', name: value });
  }

  private parseRecursive(cur: ListNode): void {
    const last = cur.nodes[cur.nodes.length - 1];
    if (last && last.type === 'recursive') throw new JsonPathError('invalid multiple recursive descent');
    this.pos += 2;
    this.consumeText();
    cur.nodes.push({ type: 'recursive' });
    if (isAlphaNumeric(this.peek())) this.parseField(cur);
  }

  private parseNumber(cur: ListNode): void {
    const r = this.peek();
    if (r === '+' || r === '-') this.next();
    for (;;) {
      const c = this.next();
      if (c !== '.' && !isDigit(c)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (/^[-+]?\d+$/.test(value)) {
      cur.nodes.push({ type: 'int', value: Number(value) });
      return;
    }
    if (/^[-+]?(\d+\.?\d*|\.\d+)$/.test(value)) {
      cur.nodes.push({ type: 'float', value: Number(value) });
      return;
    }
    throw new JsonPathError(`cannot parse number ${value}`);
  }

  private parseArray(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new JsonPathError('unterminated array');
      if (r === ']') break;
    }
    let text = this.consumeText();
    text = text.slice(1, -1);
    if (text === '*') text = ':';

    const parts = text.split(',');
    if (parts.length > 1) {
      const union: ListNode[] = [];
      for (const part of parts) union.push(parseAction(`[${part.trim()}]`));
      cur.nodes.push({ type: 'union', nodes: union });
      return;
    }

    const dictKey = /^'([^']*)'$/.exec(text);
    if (dictKey) {
      const sub = parseAction(`.${dictKey[1]}`);
      cur.nodes.push(...sub.nodes);
      return;
    }

    const m = /^(-?[\d]*)(:-?[\d]*)?(:-?[\d]*)?$/.exec(text);
    if (!m) throw new JsonPathError(`invalid array index ${text}`);
    const values = [m[1] ?? '', m[2] ?? '', m[3] ?? ''];
    const params: ArrayParam[] = [];
    for (let i = 0; i < 3; i++) {
      let v = values[i];
      if (v !== '') {
        if (i > 0) v = v.slice(1);
        if (i > 0 && v === '') params.push({ value: 0, known: false, derived: false });
        else {
          if (!/^[-+]?\d+$/.test(v)) throw new JsonPathError(`array index ${v} is not a number`);
          params.push({ value: Number(v), known: true, derived: false });
        }
      } else if (i === 1) {
        params.push({ value: params[0].value + 1, known: true, derived: true });
      } else {
        params.push({ value: 0, known: false, derived: false });
      }
    }
    cur.nodes.push({ type: 'array', params });
  }

  private parseFilter(cur: ListNode): void {
    this.pos += 3;
    this.consumeText();
    let begin = false;
    let end = false;
    let pair = '';
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new JsonPathError('unterminated filter');
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === ')') {
        if (begin === end) break;
      }
    }
    if (this.next() !== ']') throw new JsonPathError('unclosed array expect ]');
    let text = this.consumeText();
    text = text.slice(0, -2);
    const m = /^([^!<>=]+)([!<>=]+)(.+?)$/s.exec(text);
    if (!m) {
      cur.nodes.push({ type: 'filter', left: parseAction(text), right: { type: 'list', nodes: [] }, operator: 'exists' });
    } else {
      cur.nodes.push({ type: 'filter', left: parseAction(m[1]), right: parseAction(m[3]), operator: m[2] });
    }
  }

  private parseQuote(cur: ListNode, end: string): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new JsonPathError('unterminated quoted string');
      if (r === end && this.input[this.pos - 2] !== '\\') break;
    }
    const value = this.consumeText();
    cur.nodes.push({ type: 'text', text: unquoteExtend(value) });
  }

  private parseField(cur: ListNode): void {
    this.consumeText();
    for (;;) {
      const r = this.next();
      if (r === '\\') this.next();
      else if (isTerminator(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (value === '*') cur.nodes.push({ type: 'wildcard' });
    else cur.nodes.push({ type: 'field', value: value.replace(/\\/g, '') });
  }
}

/** parser.go parseAction: parses `{text}` and returns the action's node list. */
function parseAction(text: string): ListNode {
  const p = new Parser();
  const root = p.parse(`{${text}}`);
  const action = root.nodes[0];
  // The text starts with its left delimiter, which always opens a list.
  if (action?.type !== 'list') throw new Error('jsonpath: an action parses to a list');
  return action;
}

function isTerminator(r: string): boolean {
  return r === EOF || r === ' ' || r === '\t' || isEndOfLine(r) || '.,[]$@{}'.includes(r);
}
const isEndOfLine = (r: string): boolean => r === '\r' || r === '\n';
const isDigit = (r: string): boolean => r !== '' && /\p{Nd}/u.test(r);
const isAlphaNumeric = (r: string): boolean => r === '_' || (r !== '' && /[\p{L}\p{Nd}]/u.test(r));

/** Go's %#U: "U+0023 '#'". */
function goRuneU(r: string): string {
  const cp = r.codePointAt(0)!;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')} '${r}'`;
}

/** parser.go UnquoteExtend: Go string unquoting that also accepts single quotes. */
function unquoteExtend(s: string): string {
  const quote = s[0];
  const body = s.slice(1, -1);
  if (!body.includes('\\') && !body.includes(quote)) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === quote) throw new JsonPathError(`unquote string ${s} error invalid syntax`);
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    const simple: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
    if (e in simple) out += simple[e];
    else if (e === quote) out += e;
    else if (e === 'x' || e === 'u' || e === 'U') {
      const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + len);
      if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(hex)) throw new JsonPathError(`unquote string ${s} error invalid syntax`);
      out += String.fromCodePoint(parseInt(hex, 16));
      i += len;
    } else if (e >= '0' && e <= '7') {
      const oct = body.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(oct)) throw new JsonPathError(`unquote string ${s} error invalid syntax`);
      out += String.fromCharCode(parseInt(oct, 8));
      i += 2;
    } else {
      throw new JsonPathError(`unquote string ${s} error invalid syntax`);
    }
  }
  return out;
}

// ---------- Evaluation (jsonpath.go) ----------

/** A value found by a template: a reference into the data so that nil and "missing" differ. */
type Value = unknown;

function isArray(v: Value): v is unknown[] {
  return Array.isArray(v);
}

export class JsonPath {
  private root: ListNode;
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEndNode: Node | undefined;
  private allowMissingKeys = true;
  private steps = 0;

  constructor(template: string) {
    this.root = new Parser().parse(template);
  }

  setAllowMissingKeys(allow: boolean): this {
    this.allowMissingKeys = allow;
    return this;
  }

  private guard(): void {
    if (++this.steps > 1_000_000) throw new JsonPathError('template too complex');
  }

  /**
   * Runs the template over `data` and returns the text it prints. With `asJson` (-o
   * jsonpath-as-json) every action's results print as one indented JSON array.
   */
  execute(data: unknown, asJson = false): string {
    const full = this.findValues(data);
    if (asJson) return full.map((results) => kubectlJson(results)).join('');
    return full.map((results) => this.printResults(results)).join('');
  }

  /** The values each top-level action selects (FindResults). */
  findValues(data: unknown): unknown[][] {
    const saved = this.root.nodes;
    this.steps = 0;
    this.beginRange = 0;
    this.inRange = 0;
    this.endRange = 0;
    try {
      return this.findResults(data);
    } finally {
      this.root.nodes = saved;
    }
  }

  private findResults(data: unknown): Value[][] {
    const cur: Value[] = [data];
    const nodes = this.root.nodes;
    const fullResult: Value[][] = [];
    for (let i = 0; i < nodes.length; i++) {
      this.guard();
      const node = nodes[i];
      const results = this.walk(cur, node);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = nodes[i];
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        if (results.length > 0) {
          for (const value of results) {
            this.root.nodes = nodes.slice(i + 1);
            for (const found of this.findResults(value)) fullResult.push(found);
          }
        } else {
          this.root.nodes = nodes.slice(i + 1);
          this.findResults(null);
        }
        this.inRange--;
        for (let k = i + 1; k < nodes.length; k++) {
          if (nodes[k] === this.lastEndNode) {
            i = k;
            break;
          }
        }
        continue;
      }
      fullResult.push(results);
    }
    return fullResult;
  }

  private printResults(results: Value[]): string {
    return results
      .map((r) => (isArray(r) || isJsonObject(r) ? goJsonCompact(r) : r === null || r === undefined ? 'null' : goPrintV(r)))
      .join(' ');
  }

  private walk(value: Value[], node: Node): Value[] {
    this.guard();
    switch (node.type) {
      case 'list':
        return this.evalList(value, node);
      case 'text':
        return [node.text];
      case 'field':
        return this.evalField(value, node.value);
      case 'array':
        return this.evalArray(value, node.params);
      case 'filter':
        return this.evalFilter(value, node);
      case 'int':
      case 'float':
      case 'bool':
        return value.map(() => node.value);
      case 'wildcard':
        return this.evalWildcard(value);
      case 'recursive':
        return this.evalRecursive(value);
      case 'union':
        return node.nodes.flatMap((n) => this.evalList(value, n));
      case 'identifier':
        return this.evalIdentifier(value, node.name);
    }
  }

  private evalList(value: Value[], node: ListNode): Value[] {
    let cur = value;
    for (const n of node.nodes) cur = this.walk(cur, n);
    return cur;
  }

  private evalIdentifier(input: Value[], name: string): Value[] {
    if (name === 'range') {
      this.beginRange++;
      return input;
    }
    if (name === 'end') {
      if (this.inRange > 0) {
        this.endRange++;
        return [];
      }
      throw new JsonPathError('not in range, nothing to end');
    }
    throw new JsonPathError(`unrecognized identifier ${name}`);
  }

  private evalArray(input: Value[], params0: ArrayParam[]): Value[] {
    const result: Value[] = [];
    for (const value of input) {
      if (value === null || value === undefined) continue;
      if (!isArray(value)) throw new JsonPathError(`${goTypeName(value)} is not array or slice`);
      const params = params0.map((p) => ({ ...p }));
      const len = value.length;
      if (!params[0].known) params[0].value = 0;
      if (params[0].value < 0) params[0].value += len;
      if (!params[1].known) params[1].value = len;
      if (params[1].value < 0 || (params[1].value === 0 && params[1].derived)) params[1].value += len;
      if (params[1].value !== params[0].value) {
        if (params[0].value >= len || params[0].value < 0) {
          throw new JsonPathError(`array index out of bounds: index ${params[0].value}, length ${len}`);
        }
        if (params[1].value > len || params[1].value < 0) {
          throw new JsonPathError(`array index out of bounds: index ${params[1].value - 1}, length ${len}`);
        }
        if (params[0].value > params[1].value) {
          throw new JsonPathError(`starting index ${params[0].value} is greater than ending index ${params[1].value}`);
        }
      } else {
        return result;
      }
      const slice = value.slice(params[0].value, params[1].value);
      let step = 1;
      if (params[2].known) {
        if (params[2].value <= 0) throw new JsonPathError('step must be > 0');
        step = params[2].value;
      }
      for (let i = 0; i < slice.length; i += step) result.push(slice[i]);
    }
    return result;
  }

  private evalField(input: Value[], field: string): Value[] {
    const results: Value[] = [];
    if (input.length === 0) return results;
    for (const value of input) {
      if (value === null || value === undefined) continue;
      if (isJsonObject(value) && Object.prototype.hasOwnProperty.call(value, field)) results.push(value[field]);
    }
    if (results.length === 0) {
      if (this.allowMissingKeys) return results;
      throw new JsonPathError(`${field} is not found`);
    }
    return results;
  }

  private evalWildcard(input: Value[]): Value[] {
    const results: Value[] = [];
    for (const value of input) {
      if (isJsonObject(value)) for (const k of Object.keys(value).sort()) results.push(value[k]);
      else if (isArray(value)) for (const v of value) results.push(v);
      // Go indexes a string by bytes: the wildcard yields their numeric values.
      else if (typeof value === 'string') for (const byte of new TextEncoder().encode(value)) results.push(byte);
    }
    return results;
  }

  private evalRecursive(input: Value[]): Value[] {
    const result: Value[] = [];
    for (const value of input) {
      this.guard();
      let children: Value[] = [];
      if (isJsonObject(value)) children = Object.keys(value).sort().map((k) => value[k]);
      else if (isArray(value)) children = value;
      if (children.length !== 0) {
        result.push(value);
        for (const found of this.evalRecursive(children)) result.push(found);
      }
    }
    return result;
  }

  private evalFilter(input: Value[], node: Extract<Node, { type: 'filter' }>): Value[] {
    const results: Value[] = [];
    for (const value of input) {
      if (!isArray(value)) throw new JsonPathError(`${goPrintV(value)} is not array or slice and cannot be filtered`);
      for (const item of value) {
        const temp = [item];
        if (node.operator === 'exists') {
          let lefts: Value[] = [];
          try {
            lefts = this.evalList(temp, node.left);
          } catch {
            lefts = [];
          }
          if (lefts.length > 0) results.push(item);
          continue;
        }
        const lefts = this.evalList(temp, node.left);
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new JsonPathError('can only compare one element at a time');
        const rights = this.evalList(temp, node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new JsonPathError('can only compare one element at a time');
        if (compare(lefts[0], rights[0], node.operator)) results.push(item);
      }
    }
    return results;
  }
}

// ---------- Comparisons (text/template's eq/lt semantics, forked in client-go) ----------

type Kind = 'bool' | 'int' | 'float' | 'string';

function basicKind(v: Value): [Kind, boolean | number | string] {
  if (typeof v === 'boolean') return ['bool', v];
  if (typeof v === 'number') return [isGoInt(v) ? 'int' : 'float', v];
  if (typeof v === 'string') return ['string', v];
  throw new JsonPathError('invalid type for comparison');
}

function compare(left: Value, right: Value, op: string): boolean {
  const [k1, v1] = basicKind(left);
  const [k2, v2] = basicKind(right);
  if (op === '==' || op === '!=') {
    if (k1 !== k2) throw new JsonPathError('incompatible types for comparison');
    return op === '==' ? v1 === v2 : v1 !== v2;
  }
  if (k1 !== k2) throw new JsonPathError('incompatible types for comparison');
  if (typeof v1 === 'boolean' || typeof v2 === 'boolean') throw new JsonPathError('invalid type for comparison');
  switch (op) {
    case '<':
      return v1 < v2;
    case '>':
      return v1 > v2;
    case '<=':
      return v1 <= v2;
    case '>=':
      return v1 >= v2;
  }
  throw new JsonPathError(`unrecognized filter operator ${op}`);
}
