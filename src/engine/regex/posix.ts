// GNU grep's patterns: basic (BRE) and extended (ERE) regular expressions read as glibc's regcomp
// reads them with grep's syntax bits (RE_SYNTAX_GREP / RE_SYNTAX_EGREP), errors in glibc's words,
// plus the checks and warnings grep's dfa adds ("* at start of expression", "[:space:]").
import { alt, seq, EMPTY, type CharTest, type Node } from './ast.ts';
import { anyOf, GREP_CLASSES, grepWord, ignoringCase, literalChar, negate } from './chars.ts';

export class PosixSyntaxError extends Error {}

export interface PosixPattern {
  node: Node;
  groups: number;
  /** dfa's warnings, each printed as `grep: warning: …`. */
  warnings: string[];
}

/** RE_DUP_MAX: the largest count an interval may give. */
const DUP_MAX = 32767;

type TokType =
  | 'char' | 'end' | 'alt' | 'star' | 'plus' | 'qmark' | 'open-dup' | 'close-dup' | 'open' | 'close' | 'bracket'
  | 'period' | 'anchor' | 'backref' | 'word' | 'notword' | 'space' | 'notspace' | 'backslash';

interface Tok {
  type: TokType;
  /** The character the token is made of (after a backslash, the escaped one). */
  c: number;
  len: number;
  anchor?: 'line-start' | 'line-end' | 'word-start' | 'word-end' | 'word-boundary' | 'not-word-boundary' | 'text-start' | 'text-end';
}

const cp = (s: string) => s.codePointAt(0)!;
const BS = cp('\\');

const ESCAPED_ANCHORS: Record<string, Tok['anchor']> = {
  '<': 'word-start', '>': 'word-end', b: 'word-boundary', B: 'not-word-boundary', '`': 'text-start', "'": 'text-end',
};
const ESCAPED_CLASSES: Record<string, TokType> = { w: 'word', W: 'notword', s: 'space', S: 'notspace' };

/** The repetition a token at the start of an ERE expression would have been, for dfa's warning. */
const START_WARNINGS: Partial<Record<TokType, string>> = { star: '*', plus: '+', qmark: '?', 'open-dup': '{...}' };

export function parsePosix(pattern: string, extended: boolean, ignoreCase: boolean): PosixPattern {
  return new PosixParser(pattern, extended, ignoreCase).parse();
}

class PosixParser {
  private readonly p: number[];
  private readonly ere: boolean;
  private readonly icase: boolean;
  private i = 0;
  private tok: Tok = { type: 'end', c: 0, len: 0 };
  private groups = 0;
  /** Groups closed so far, the only ones a back-reference may name. */
  private completed = new Set<number>();
  private readonly warnings: string[] = [];
  /** dfa's "laststart": nothing but anchors since the start, a `(` or a `|`. */
  private atStart = true;
  /** An error grep's dfa reports, after glibc's own checks of the whole pattern. */
  private dfaError?: string;

  constructor(pattern: string, extended: boolean, ignoreCase: boolean) {
    this.p = Array.from(pattern, cp);
    this.ere = extended;
    this.icase = ignoreCase;
  }

  parse(): PosixPattern {
    this.fetch(true);
    const node = this.regExp(0);
    // grep's dfa reads the pattern only once glibc has accepted all of it.
    if (this.dfaError) this.fail(this.dfaError);
    return { node, groups: this.groups, warnings: this.warnings };
  }

  private fail(message: string): never {
    throw new PosixSyntaxError(message);
  }

  private peek(at: number, caretHere: boolean): Tok {
    const p = this.p;
    if (at >= p.length) return { type: 'end', c: 0, len: 0 };
    const c = p[at];
    const ch = String.fromCodePoint(c);
    if (c === BS) {
      if (at + 1 >= p.length) return { type: 'backslash', c, len: 1 };
      const c2 = p[at + 1];
      const e = String.fromCodePoint(c2);
      const tok = (type: TokType, anchor?: Tok['anchor']): Tok => ({ type, c: c2, len: 2, anchor });
      if (e === '|' && !this.ere) return tok('alt');
      if (c2 >= 0x31 && c2 <= 0x39) return tok('backref');
      if (e in ESCAPED_ANCHORS) return tok('anchor', ESCAPED_ANCHORS[e]);
      if (e in ESCAPED_CLASSES) return tok(ESCAPED_CLASSES[e]);
      if (!this.ere) {
        if (e === '(') return tok('open');
        if (e === ')') return tok('close');
        if (e === '+') return tok('plus');
        if (e === '?') return tok('qmark');
        if (e === '{') return tok('open-dup');
        if (e === '}') return tok('close-dup');
      }
      return tok('char');
    }
    const tok = (type: TokType, anchor?: Tok['anchor']): Tok => ({ type, c, len: 1, anchor });
    switch (ch) {
      case '*':
        return tok('star');
      case '[':
        return tok('bracket');
      case '.':
        return tok('period');
      case '^':
        // In a BRE, ^ anchors only first in the pattern, a group or an alternative.
        return this.ere || caretHere || at === 0 ? tok('anchor', 'line-start') : tok('char');
      case '$': {
        if (this.ere || at + 1 === p.length) return tok('anchor', 'line-end');
        const next = this.peek(at + 1, false);
        return next.type === 'alt' || next.type === 'close' ? tok('anchor', 'line-end') : tok('char');
      }
    }
    if (this.ere) {
      const ops: Record<string, TokType> = { '|': 'alt', '+': 'plus', '?': 'qmark', '{': 'open-dup', '}': 'close-dup', '(': 'open', ')': 'close' };
      if (ch in ops) return tok(ops[ch]);
    }
    return tok('char');
  }

  private fetch(caretHere = false): Tok {
    this.tok = this.peek(this.i, caretHere);
    this.i += this.tok.len;
    return this.tok;
  }

  /** The current token's type, read afresh (the parse moves it on behind TypeScript's back). */
  private at(type: TokType): boolean {
    return this.tok.type === type;
  }

  private closes(nest: number): boolean {
    return this.tok.type === 'alt' || this.tok.type === 'end' || (nest > 0 && this.tok.type === 'close');
  }

  private regExp(nest: number): Node {
    const initial = new Set(this.completed);
    const options = [this.branch(nest)];
    while (this.tok.type === 'alt') {
      this.fetch(true);
      this.atStart = true;
      if (!this.closes(nest)) {
        // A back-reference may not name a group of another alternative.
        const accumulated = this.completed;
        this.completed = new Set(initial);
        options.push(this.branch(nest));
        for (const g of accumulated) this.completed.add(g);
      } else options.push(EMPTY);
    }
    return alt(options);
  }

  private branch(nest: number): Node {
    const items = [this.expression(nest)];
    while (!this.closes(nest)) items.push(this.expression(nest));
    return seq(items);
  }

  private charNode(test: CharTest): Node {
    return { type: 'char', test: this.icase ? ignoringCase(test) : test };
  }

  private expression(nest: number): Node {
    const t = this.tok;
    let node: Node;
    switch (t.type) {
      case 'char':
      case 'close-dup':
        node = literalChar(t.c, this.icase);
        break;
      case 'open':
        node = this.subExp(nest + 1);
        break;
      case 'bracket':
        node = this.bracket();
        break;
      case 'backref': {
        const index = t.c - 0x30;
        if (!this.completed.has(index)) this.fail('Invalid back reference');
        node = { type: 'backref', indexes: [index], ignoreCase: this.icase };
        break;
      }
      case 'open-dup':
      case 'star':
      case 'plus':
      case 'qmark':
        if (this.ere) {
          // ERE: a repetition with nothing before it is dropped (dfa warns about it).
          if (this.atStart && (t.type !== 'open-dup' || this.validInterval())) this.warnings.push(`${START_WARNINGS[t.type]} at start of expression`);
          this.fetch();
          return this.expression(nest);
        }
        node = literalChar(t.c, this.icase);
        break;
      case 'close':
        if (!this.ere) this.fail('Unmatched ) or \\)');
        node = literalChar(t.c, this.icase);
        break;
      case 'anchor':
        node = { type: 'assert', kind: t.anchor!, word: grepWord };
        this.fetch();
        // glibc lets no repetition follow an anchor, but grep selects lines with its dfa, which
        // in an ERE repeats the anchor: "^*a" finds an `a` anywhere (and warns).
        if (!this.ere) return node;
        while (['star', 'plus', 'qmark'].includes(this.tok.type) || (this.at('open-dup') && this.validInterval())) {
          if (this.atStart) this.warnings.push(`${START_WARNINGS[this.tok.type]} at start of expression`);
          node = this.dupOp(node) ?? node;
        }
        return node;
      case 'period':
        node = { type: 'char', test: () => true };
        break;
      case 'word':
      case 'notword':
        node = this.charNode(t.type === 'word' ? grepWord : negate(grepWord));
        break;
      case 'space':
      case 'notspace':
        node = this.charNode(t.type === 'space' ? GREP_CLASSES.space : negate(GREP_CLASSES.space));
        break;
      case 'alt':
      case 'end':
        return EMPTY;
      case 'backslash':
        this.fail('Trailing backslash');
    }
    this.atStart = false;
    this.fetch();
    while (['star', 'plus', 'qmark', 'open-dup'].includes(this.tok.type)) {
      const repeated = this.dupOp(node);
      if (repeated === undefined) break; // an ERE `{` that is no interval: a literal, read next
      node = repeated;
    }
    return node;
  }

  /** dfa's reading of `{`: does a well-formed interval follow? */
  private validInterval(): boolean {
    return /^(\d*)(,(\d*))?\}/.test(String.fromCodePoint(...this.p.slice(this.i, this.i + 16)));
  }

  private subExp(nest: number): Node {
    const index = ++this.groups;
    this.fetch(true);
    this.atStart = true;
    let inner: Node = EMPTY;
    if (this.tok.type !== 'close') {
      inner = this.regExp(nest);
      if (!this.at('close')) this.fail('Unmatched ( or \\(');
    }
    if (index <= 9) this.completed.add(index);
    return { type: 'group', node: inner, index };
  }

  /** glibc's fetch_number: digits up to `,` or the closing brace; -2 for anything else. */
  private fetchNumber(): number {
    let num = -1;
    for (;;) {
      const t = this.fetch();
      if (t.type === 'end') return -2;
      if (t.type === 'close-dup' || t.c === 0x2c) break;
      num = t.type !== 'char' || t.c < 0x30 || t.c > 0x39 || num === -2 ? -2 : num === -1 ? t.c - 0x30 : Math.min(DUP_MAX + 1, num * 10 + t.c - 0x30);
    }
    return num;
  }

  /** Applies the repetition at the current token; undefined when an ERE `{` turns out literal. */
  private dupOp(elem: Node): Node | undefined {
    const t = this.tok;
    let min: number;
    let max: number;
    if (t.type === 'open-dup') {
      const startIndex = this.i;
      let start = this.fetchNumber();
      let end = 0;
      if (start === -1) {
        if (this.tok.type === 'char' && this.tok.c === 0x2c) start = 0;
        else this.fail('Invalid content of \\{\\}');
      }
      if (start !== -2) end = this.tok.type === 'close-dup' ? start : this.tok.type === 'char' && this.tok.c === 0x2c ? this.fetchNumber() : -2;
      if (start === -2 || end === -2) {
        if (!this.ere) this.fail(this.tok.type === 'end' ? 'Unmatched \\{' : 'Invalid content of \\{\\}');
        // ERE: not an interval after all; the `{` is an ordinary character.
        this.i = startIndex;
        this.tok = { type: 'char', c: t.c, len: t.len };
        return undefined;
      }
      if ((end !== -1 && start > end) || this.tok.type !== 'close-dup') this.fail('Invalid content of \\{\\}');
      if ((end === -1 ? start : end) > DUP_MAX) this.fail('Regular expression too big');
      min = start;
      max = end === -1 ? Infinity : end;
    } else {
      min = t.type === 'plus' ? 1 : 0;
      max = t.type === 'qmark' ? 1 : Infinity;
    }
    this.fetch();
    if (min === 0 && max === 0) return EMPTY;
    return { type: 'repeat', node: elem, min, max, greedy: true, possessive: false };
  }

  // Bracket expressions: no escapes inside, `]` first is literal, [:class:], [=c=], [.c.].

  private peekBracket(at: number): { type: 'char' | 'end' | 'close' | 'caret' | 'range' | 'open-coll' | 'open-equiv' | 'open-class'; c: number; len: number } {
    const p = this.p;
    if (at >= p.length) return { type: 'end', c: 0, len: 0 };
    const c = p[at];
    const ch = String.fromCodePoint(c);
    if (ch === '[') {
      const c2 = at + 1 < p.length ? String.fromCodePoint(p[at + 1]) : '';
      if (c2 === '.') return { type: 'open-coll', c: p[at + 1], len: 2 };
      if (c2 === '=') return { type: 'open-equiv', c: p[at + 1], len: 2 };
      if (c2 === ':') return { type: 'open-class', c: p[at + 1], len: 2 };
      return { type: 'char', c, len: 1 };
    }
    if (ch === ']') return { type: 'close', c, len: 1 };
    if (ch === '^') return { type: 'caret', c, len: 1 };
    if (ch === '-') {
      // "---" is one hyphen, as in V7 grep.
      if (at + 2 < p.length && p[at + 1] === c && p[at + 2] === c) return { type: 'char', c, len: 3 };
      return { type: 'range', c, len: 1 };
    }
    return { type: 'char', c, len: 1 };
  }

  private bracketElement(tok: ReturnType<PosixParser['peekBracket']>, acceptHyphen: boolean): { kind: 'char' | 'class' | 'equiv' | 'coll'; c: number; name: string } {
    this.i += tok.len;
    if (tok.type === 'open-coll' || tok.type === 'open-equiv' || tok.type === 'open-class') {
      const delim = tok.c;
      if (this.i >= this.p.length) this.fail('Unmatched [, [^, [:, [., or [=');
      let name = '';
      for (let n = 0; ; n++) {
        if (n >= 32) this.fail('Unmatched [, [^, [:, [., or [=');
        const ch = this.p[this.i++];
        if (this.i >= this.p.length) this.fail('Unmatched [, [^, [:, [., or [=');
        if (ch === delim && this.p[this.i] === 0x5d) break;
        name += String.fromCodePoint(ch);
      }
      this.i++;
      const kind = tok.type === 'open-coll' ? 'coll' : tok.type === 'open-equiv' ? 'equiv' : 'class';
      return { kind, c: -1, name };
    }
    if (tok.type === 'range' && !acceptHyphen && this.peekBracket(this.i).type !== 'close') this.fail('Invalid range end');
    return { kind: 'char', c: tok.c, name: '' };
  }

  /** A single character named by a collating symbol or equivalence class ([.a.], [=a=]). */
  private single(name: string): number {
    const chars = Array.from(name, cp);
    if (chars.length !== 1) this.fail('Invalid collation character');
    return chars[0];
  }

  private bracket(): Node {
    const tests: CharTest[] = [];
    let tok = this.peekBracket(this.i);
    if (tok.type === 'end') this.fail('Invalid regular expression');
    let nonMatch = false;
    if (tok.type === 'caret') {
      nonMatch = true;
      this.i += tok.len;
      tok = this.peekBracket(this.i);
      if (tok.type === 'end') this.fail('Invalid regular expression');
    }
    if (tok.type === 'close') tok = { ...tok, type: 'char' };
    // dfa's check for [:space:] written without the outer brackets: bit 1 first is ':',
    // bit 2 last is ':', bit 4 something else, bit 8 ranges or classes.
    let colonState = tok.type === 'char' && tok.c === 0x3a ? 1 : 0;
    let first = true;
    for (;;) {
      colonState &= ~2;
      const start = this.bracketElement(tok, first);
      first = false;
      tok = this.peekBracket(this.i);
      let rangeEnd: ReturnType<PosixParser['bracketElement']> | undefined;
      if (start.kind !== 'class' && start.kind !== 'equiv') {
        if (tok.type === 'end') this.fail('Unmatched [, [^, [:, [., or [=');
        if (tok.type === 'range') {
          this.i += tok.len;
          const tok2 = this.peekBracket(this.i);
          if (tok2.type === 'end') this.fail('Unmatched [, [^, [:, [., or [=');
          if (tok2.type === 'close') {
            // A `-` just before `]` is an ordinary hyphen.
            this.i -= tok.len;
            tok = { ...tok, type: 'char' };
          } else {
            rangeEnd = this.bracketElement(tok2, true);
            tok = this.peekBracket(this.i);
          }
        }
      }
      if (rangeEnd) {
        colonState |= 8;
        if (rangeEnd.kind === 'class' || rangeEnd.kind === 'equiv') this.fail('Invalid range end');
        const lo = start.kind === 'char' ? start.c : this.single(start.name);
        const hi = rangeEnd.kind === 'char' ? rangeEnd.c : this.single(rangeEnd.name);
        if (lo > hi) this.fail('Invalid range end');
        tests.push((x) => x >= lo && x <= hi);
      } else if (start.kind === 'class') {
        colonState |= 8;
        const name = this.icase && (start.name === 'upper' || start.name === 'lower') ? 'alpha' : start.name;
        const test = Object.hasOwn(GREP_CLASSES, name) ? GREP_CLASSES[name] : undefined;
        if (!test) this.fail('Invalid character class name');
        tests.push(test);
      } else if (start.kind === 'char') {
        colonState |= start.c === 0x3a ? 2 : 4;
        const c = start.c;
        tests.push((x) => x === c);
      } else {
        colonState |= 8;
        const c = this.single(start.name);
        tests.push((x) => x === c);
      }
      if (tok.type === 'end') this.fail('Unmatched [, [^, [:, [., or [=');
      if (tok.type === 'close') break;
    }
    this.i += tok.len;
    if (colonState === 7) this.dfaError ??= 'character class syntax is [[:space:]], not [:space:]';
    const set = anyOf(tests);
    const matching = this.icase ? ignoringCase(set) : set;
    return { type: 'char', test: nonMatch ? negate(matching) : matching };
  }
}

/** A -F pattern: its characters, literally. */
export function fixedString(text: string, ignoreCase: boolean): Node {
  return seq(Array.from(text, (ch) => literalChar(cp(ch), ignoreCase)));
}
