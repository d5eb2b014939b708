// jq's patterns: Oniguruma's Perl syntax with named groups (ONIG_SYNTAX_PERL_NG), read into the
// lab's tree with Oniguruma's error messages. `$` also matches before a final newline and `^`
// only at the start (jq's default single-line option); (?m) makes them line anchors, (?s) and
// jq's "m"/"p" flags let `.` match a newline.
import { alt, seq, EMPTY, type CharTest, type Node } from './ast.ts';
import { anyOf, has, ignoringCase, literalChar, negate, ONIG_CLASSES, onigDigit, onigSpace, onigWord } from './chars.ts';

export class OnigSyntaxError extends Error {}

/** Oniguruma's ONIG_MAX_REPEAT_NUM. */
const MAX_REPEAT = 100_000;

export interface OnigOptions {
  ignoreCase: boolean;
  extended: boolean;
  dotAll: boolean;
}

interface Scope {
  ignoreCase: boolean;
  extended: boolean;
  dotAll: boolean;
  lineAnchors: boolean;
}

export interface OnigPattern {
  node: Node;
  groups: number;
  /** Each named group's name, by group number. */
  names: Map<number, string>;
}

const cp = (s: string) => s.codePointAt(0)!;
const isDigit = (c: number | undefined) => c !== undefined && c >= 0x30 && c <= 0x39;
const NEWLINE: CharTest = (c) => c === 10;

const SIMPLE_ESCAPES: Record<string, number> = { n: 10, t: 9, r: 13, f: 12, v: 11, a: 7, e: 27 };

/** Oniguruma's property names, as JavaScript's Unicode property escapes spell them. */
const PROPERTY_ALIASES: Record<string, string> = {
  alpha: 'Alphabetic', upper: 'Uppercase', lower: 'Lowercase', space: 'White_Space', digit: 'Nd', punct: 'P', cntrl: 'Cc', any: 'Any', ascii: 'ASCII',
};

/** Constructs the lab does not run, with the words it says instead. */
const UNSUPPORTED = 'is not available in this lab terminal';

export function parseOniguruma(pattern: string, options: OnigOptions): OnigPattern {
  return new OnigParser(pattern, options).parse();
}

class OnigParser {
  private readonly p: number[];
  private i = 0;
  private groups = 0;
  private readonly names = new Map<number, string>();
  private readonly backrefs: Array<{ index?: number; name?: string }> = [];
  private readonly totalGroups: number;
  private readonly start: Scope;

  constructor(pattern: string, options: OnigOptions) {
    this.p = Array.from(pattern, cp);
    this.start = { ...options, lineAnchors: false };
    this.totalGroups = this.countGroups();
  }

  parse(): OnigPattern {
    const node = this.alternation({ ...this.start }, 0);
    if (this.i < this.p.length) this.fail('unmatched close parenthesis');
    for (const ref of this.backrefs) {
      if (ref.name !== undefined && ![...this.names.values()].includes(ref.name)) this.fail(`undefined name <${ref.name}> reference`);
      if (ref.index !== undefined && ref.index > this.groups) this.fail('invalid backref number/name');
    }
    return { node: this.resolveNames(node), groups: this.groups, names: this.names };
  }

  private fail(message: string): never {
    throw new OnigSyntaxError(message);
  }

  private get c(): number | undefined {
    return this.p[this.i];
  }

  private is(ch: string, at = this.i): boolean {
    return this.p[at] === cp(ch);
  }

  /** Capturing groups in the whole pattern, to tell a back-reference `\12` from an octal escape. */
  private countGroups(): number {
    let count = 0;
    let inClass = false;
    for (let i = 0; i < this.p.length; i++) {
      if (this.is('\\', i)) i++;
      else if (inClass) inClass = !this.is(']', i);
      else if (this.is('[', i)) inClass = true;
      else if (this.is('(', i) && (!this.is('?', i + 1) || ((this.is('<', i + 2) || this.is("'", i + 2)) && !this.is('=', i + 3) && !this.is('!', i + 3)))) count++;
    }
    return count;
  }

  /** In extended mode, white space and `#` comments between tokens are not part of the pattern. */
  private skipExtended(scope: Scope): void {
    if (!scope.extended) return;
    for (;;) {
      const c = this.c;
      if (c === undefined) return;
      if (c === 32 || (c >= 9 && c <= 13)) this.i++;
      else if (c === 0x23) while (this.c !== undefined && this.c !== 10) this.i++;
      else return;
    }
  }

  private alternation(scope: Scope, depth: number): Node {
    const options = [this.sequence(scope, depth)];
    while (this.is('|')) {
      this.i++;
      options.push(this.sequence(scope, depth));
    }
    return alt(options);
  }

  private sequence(scope: Scope, depth: number): Node {
    const items: Node[] = [];
    for (;;) {
      this.skipExtended(scope);
      const c = this.c;
      if (c === undefined || this.is('|')) break;
      if (this.is(')')) {
        if (depth === 0) this.fail('unmatched close parenthesis');
        break;
      }
      // An option group without a body, "(?i)", changes the rest of the enclosing group.
      if (this.is('(') && this.is('?', this.i + 1) && this.optionsOnly()) {
        this.inlineOptions(scope);
        continue;
      }
      if (this.quantifierHere()) this.fail('target of repeat operator is not specified');
      const atom = this.atom(scope, depth);
      items.push(this.quantified(atom, scope));
    }
    return seq(items);
  }

  /** Whether `(?` starts "(?imsx-imsx)" with no colon and no body. */
  private optionsOnly(): boolean {
    let j = this.i + 2;
    while (j < this.p.length && /[imsx-]/.test(String.fromCodePoint(this.p[j]))) j++;
    return j > this.i + 2 && this.is(')', j) && !this.is('-', this.i + 2);
  }

  private inlineOptions(scope: Scope): void {
    this.i += 2;
    let on = true;
    while (!this.is(')')) {
      const ch = String.fromCodePoint(this.c!);
      if (ch === '-') on = false;
      else if (ch === 'i') scope.ignoreCase = on;
      else if (ch === 'x') scope.extended = on;
      else if (ch === 's') scope.dotAll = on;
      else if (ch === 'm') scope.lineAnchors = on;
      this.i++;
    }
    this.i++;
  }

  private quantifierHere(): boolean {
    return this.is('*') || this.is('+') || this.is('?') || (this.is('{') && this.interval() !== undefined);
  }

  /** `{n}`, `{n,}` or `{n,m}` at the cursor (Perl syntax has no `{,m}`): its bounds and length. */
  private interval(): { min: number; max: number; length: number } | undefined {
    const text = String.fromCodePoint(...this.p.slice(this.i, this.i + 24));
    const m = /^\{(\d+)(,(\d*))?\}/.exec(text);
    if (!m) return undefined;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    return { min, max, length: m[0].length };
  }

  private quantified(atom: Node, scope: Scope): Node {
    let node = atom;
    for (;;) {
      this.skipExtended(scope);
      let min: number;
      let max: number;
      if (this.is('*') || this.is('+') || this.is('?')) {
        min = this.is('+') ? 1 : 0;
        max = this.is('?') ? 1 : Infinity;
        this.i++;
      } else if (this.is('{') && this.interval()) {
        const r = this.interval()!;
        if (r.min > MAX_REPEAT || (r.max !== Infinity && r.max > MAX_REPEAT)) this.fail('too big number for repeat range');
        if (r.max < r.min) this.fail('upper is smaller than lower in repeat range');
        ({ min, max } = r);
        this.i += r.length;
      } else return node;
      if (node.type === 'assert' || node.type === 'look') this.fail('target of repeat operator is invalid');
      let greedy = true;
      let possessive = false;
      if (this.is('?')) {
        greedy = false;
        this.i++;
      } else if (this.is('+') && !(min === max && max !== Infinity)) {
        possessive = true;
        this.i++;
      }
      node = { type: 'repeat', node, min, max, greedy, possessive };
    }
  }

  private char(test: CharTest, scope: Scope): Node {
    return { type: 'char', test: scope.ignoreCase ? ignoringCase(test) : test };
  }

  private atom(scope: Scope, depth: number): Node {
    const c = this.c!;
    this.i++;
    switch (String.fromCodePoint(c)) {
      case '(':
        return this.group(scope, depth);
      case '[':
        return this.charClass(scope);
      case '.':
        return { type: 'char', test: scope.dotAll ? () => true : negate(NEWLINE) };
      case '^':
        return { type: 'assert', kind: scope.lineAnchors ? 'line-start' : 'text-start', word: onigWord };
      case '$':
        return { type: 'assert', kind: scope.lineAnchors ? 'line-end' : 'text-end-newline', word: onigWord };
      case '\\':
        return this.escape(scope);
      default:
        return literalChar(c, scope.ignoreCase);
    }
  }

  private group(scope: Scope, depth: number): Node {
    const inner = (s: Scope) => {
      const node = this.alternation(s, depth + 1);
      if (!this.is(')')) this.fail('end pattern with unmatched parenthesis');
      this.i++;
      return node;
    };
    if (!this.is('?')) {
      const index = ++this.groups;
      return { type: 'group', index, node: inner({ ...scope }) };
    }
    this.i++;
    const kind = this.c === undefined ? '' : String.fromCodePoint(this.c);
    if (kind === ':') return this.i++, { type: 'group', index: null, node: inner({ ...scope }) };
    if (kind === '=' || kind === '!') return this.i++, { type: 'look', behind: false, negate: kind === '!', node: inner({ ...scope }) };
    if (kind === '>') return this.i++, { type: 'atomic', node: inner({ ...scope }) };
    if (kind === '#') {
      while (this.c !== undefined && !this.is(')')) this.i++;
      if (this.c === undefined) this.fail('end pattern in group');
      this.i++;
      return EMPTY;
    }
    if (kind === '<' && (this.is('=', this.i + 1) || this.is('!', this.i + 1))) {
      const negateIt = this.is('!', this.i + 1);
      this.i += 2;
      return { type: 'look', behind: true, negate: negateIt, node: inner({ ...scope }) };
    }
    if (kind === '<' || kind === "'") {
      this.i++;
      const name = this.groupName(kind === '<' ? '>' : "'");
      const index = ++this.groups;
      this.names.set(index, name);
      return { type: 'group', index, node: inner({ ...scope }) };
    }
    if (kind === '-') this.fail('invalid group name <>');
    if (kind === '~' || kind === '(') this.fail(`(?${kind} ${UNSUPPORTED}`);
    // "(?imsx-imsx:…)": options for this group only.
    const s = { ...scope };
    const optionsStart = this.i;
    let on = true;
    while (this.c !== undefined && /[imsx-]/.test(String.fromCodePoint(this.c))) {
      const ch = String.fromCodePoint(this.c);
      if (ch === '-') on = false;
      else if (ch === 'i') s.ignoreCase = on;
      else if (ch === 'x') s.extended = on;
      else if (ch === 's') s.dotAll = on;
      else s.lineAnchors = on;
      this.i++;
    }
    if (!this.is(':') || this.i === optionsStart) this.fail('undefined group option');
    this.i++;
    return { type: 'group', index: null, node: inner(s) };
  }

  private groupName(close: string): string {
    let name = '';
    while (this.c !== undefined && !this.is(close)) name += String.fromCodePoint(this.p[this.i++]);
    if (this.c === undefined) this.fail(`invalid group name <${name}>`);
    this.i++;
    if (name === '') this.fail('group name is empty');
    if (!/^[\p{L}_][\p{L}\p{N}_]*$/u.test(name)) this.fail(`invalid group name <${name}>`);
    return name;
  }

  /** Back-references by name become the numbers of every group with that name. */
  private resolveNames(node: Node): Node {
    switch (node.type) {
      case 'backref':
        if (node.name === undefined) return node;
        return { ...node, indexes: [...this.names].filter(([, n]) => n === node.name).map(([i]) => i) };
      case 'seq':
        return { ...node, items: node.items.map((n) => this.resolveNames(n)) };
      case 'alt':
        return { ...node, options: node.options.map((n) => this.resolveNames(n)) };
      case 'repeat':
      case 'group':
      case 'look':
      case 'atomic':
        return { ...node, node: this.resolveNames(node.node) };
      default:
        return node;
    }
  }

  private hex(maxDigits: number): number | undefined {
    let text = '';
    while (text.length < maxDigits && this.c !== undefined && /[0-9a-fA-F]/.test(String.fromCodePoint(this.c))) text += String.fromCodePoint(this.p[this.i++]);
    return text ? parseInt(text, 16) : undefined;
  }

  /** A code point written as an escape (\n, \x41, \x{263a}, \101, \cA), or undefined. */
  private codeEscape(ch: string): number | undefined {
    if (ch in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[ch];
    if (ch === 'x') {
      if (this.is('{')) {
        this.i++;
        const v = this.hex(8);
        if (!this.is('}')) this.fail('invalid code point value');
        this.i++;
        return v ?? 0;
      }
      return this.hex(2) ?? 0;
    }
    if (ch === 'c' && this.c !== undefined) return this.p[this.i++] & 0x1f;
    if (ch === '0') {
      let v = 0;
      for (let n = 0; n < 2 && this.c !== undefined && this.c >= 0x30 && this.c <= 0x37; n++) v = v * 8 + this.p[this.i++] - 0x30;
      return v;
    }
    return undefined;
  }

  /** \d \w \s and \p{…} classes, shared by patterns and brackets. */
  private classEscape(ch: string): CharTest | undefined {
    switch (ch) {
      case 'd': return onigDigit;
      case 'D': return negate(onigDigit);
      case 'w': return onigWord;
      case 'W': return negate(onigWord);
      case 's': return onigSpace;
      case 'S': return negate(onigSpace);
      case 'p':
      case 'P':
        return this.property(ch === 'P');
    }
    return undefined;
  }

  private property(negated: boolean): CharTest {
    if (!this.is('{')) this.fail('invalid character property name {' + (this.c === undefined ? '' : String.fromCodePoint(this.c)) + '}');
    const close = this.p.indexOf(cp('}'), this.i);
    if (close < 0) this.fail('invalid character property name {');
    let name = String.fromCodePoint(...this.p.slice(this.i + 1, close));
    this.i = close + 1;
    const shown = name;
    if (name.startsWith('^')) {
      negated = !negated;
      name = name.slice(1);
    }
    const key = name.toLowerCase().replace(/[\s_-]/g, '');
    const test = ONIG_CLASSES[key] ?? unicodeProperty(PROPERTY_ALIASES[key] ?? name);
    if (!test) this.fail(`invalid character property name {${shown}}`);
    return negated ? negate(test) : test;
  }

  private escape(scope: Scope): Node {
    if (this.c === undefined) this.fail('end pattern at escape');
    const c = this.p[this.i++];
    const ch = String.fromCodePoint(c);
    const assert = (kind: Extract<Node, { type: 'assert' }>['kind']): Node => ({ type: 'assert', kind, word: onigWord });
    switch (ch) {
      case 'A': return assert('text-start');
      case 'z': return assert('text-end');
      case 'Z': return assert('text-end-newline');
      case 'b': return assert('word-boundary');
      case 'B': return assert('not-word-boundary');
      case 'G': return assert('search-start');
      case 'N': return { type: 'char', test: negate(NEWLINE) };
      case 'O': return { type: 'char', test: () => true };
      case 'R':
        return alt([seq([{ type: 'char', test: (x) => x === 13 }, { type: 'char', test: NEWLINE }]), { type: 'char', test: (x) => (x >= 10 && x <= 13) || x === 0x85 || x === 0x2028 || x === 0x2029 }]);
      case 'K':
      case 'g':
      case 'y':
      case 'Y':
      case 'X':
        this.fail(`\\${ch} ${UNSUPPORTED}`);
    }
    if (ch === 'k' && this.is('<')) {
      this.i++;
      const name = this.groupName('>');
      if (/^-?\d+$/.test(name)) {
        const index = Number(name);
        if (index <= 0) this.fail('invalid backref number/name');
        this.backrefs.push({ index });
        return { type: 'backref', indexes: [index], ignoreCase: scope.ignoreCase };
      }
      this.backrefs.push({ name });
      return { type: 'backref', indexes: [], ignoreCase: scope.ignoreCase, name };
    }
    if (c >= 0x31 && c <= 0x39) {
      let digits = ch;
      while (isDigit(this.c)) digits += String.fromCodePoint(this.p[this.i++]);
      const n = Number(digits);
      if (digits.length === 1 || n <= this.totalGroups || !/^[0-7]+$/.test(digits)) {
        this.backrefs.push({ index: n });
        return { type: 'backref', indexes: [n], ignoreCase: scope.ignoreCase };
      }
      // An octal escape such as \101.
      this.i -= digits.length - 1;
      let v = c - 0x30;
      for (let k = 0; k < 2 && this.c !== undefined && this.c >= 0x30 && this.c <= 0x37; k++) v = v * 8 + this.p[this.i++] - 0x30;
      return literalChar(v, scope.ignoreCase);
    }
    const cls = this.classEscape(ch);
    if (cls) return this.char(cls, scope);
    const code = this.codeEscape(ch);
    return literalChar(code ?? c, scope.ignoreCase);
  }

  private charClass(scope: Scope): Node {
    const tests: CharTest[] = [];
    let negated = false;
    if (this.is('^')) {
      negated = true;
      this.i++;
    }
    if (this.is(']')) {
      // `]` first is a member, when another `]` closes the class.
      if (this.p.indexOf(cp(']'), this.i + 1) < 0) this.fail('empty char-class');
      tests.push((x) => x === 0x5d);
      this.i++;
    }
    for (;;) {
      if (this.c === undefined) this.fail('premature end of char-class');
      if (this.is(']')) {
        this.i++;
        break;
      }
      const first = this.classMember();
      if (this.is('-') && !this.is(']', this.i + 1) && this.i + 1 < this.p.length) {
        if (typeof first !== 'number') this.fail('unmatched range specifier in char-class');
        this.i++;
        const last = this.classMember();
        if (typeof last !== 'number') this.fail('char-class value at end of range');
        if (last < first) this.fail('empty range in char class');
        tests.push((x) => x >= first && x <= last);
      } else tests.push(typeof first === 'number' ? (x) => x === first : first);
    }
    const set = scope.ignoreCase ? ignoringCase(anyOf(tests.length ? tests : [() => false])) : anyOf(tests.length ? tests : [() => false]);
    return { type: 'char', test: negated ? negate(set) : set };
  }

  /** One member of a bracket: a code point (which may start a range) or a class. */
  private classMember(): number | CharTest {
    if (this.is('[') && this.is(':', this.i + 1)) {
      const close = this.p.indexOf(cp(']'), this.i + 2);
      const body = close > 0 ? String.fromCodePoint(...this.p.slice(this.i + 2, close)) : '';
      if (close > 0 && body.endsWith(':')) {
        const negated = body.startsWith('^');
        const name = body.slice(negated ? 1 : 0, -1);
        const test = Object.hasOwn(ONIG_CLASSES, name) ? ONIG_CLASSES[name] : undefined;
        if (!test) this.fail('invalid POSIX bracket type');
        this.i = close + 1;
        return negated ? negate(test) : test;
      }
    }
    const c = this.p[this.i++];
    if (c !== cp('\\')) return c;
    if (this.c === undefined) this.fail('end pattern at escape');
    const ch = String.fromCodePoint(this.p[this.i++]);
    if (ch === 'b') return 8;
    const cls = this.classEscape(ch);
    if (cls) return cls;
    if (/[1-7]/.test(ch)) {
      let v = Number(ch);
      for (let k = 0; k < 2 && this.c !== undefined && this.c >= 0x30 && this.c <= 0x37; k++) v = v * 8 + this.p[this.i++] - 0x30;
      return v;
    }
    return this.codeEscape(ch) ?? cp(ch);
  }
}

/** Property tests made so far, by name (known names only): each remembers its answers, so patterns share them. */
const properties = new Map<string, CharTest>();

/** A Unicode property or script JavaScript knows by this name; undefined if none. */
function unicodeProperty(name: string): CharTest | undefined {
  if (!/^[A-Za-z_]+$/.test(name)) return undefined;
  let test = properties.get(name);
  if (test) return test;
  for (const source of [`\\p{${name}}`, `\\p{Script=${name}}`]) {
    try {
      // The name is letters only, so this is a one-character class, not a reader's pattern.
      test = has(new RegExp(source, 'u'));
      break;
    } catch {
      // not this spelling
    }
  }
  if (test) properties.set(name, test);
  return test;
}
