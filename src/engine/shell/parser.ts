// A recursive-descent parser for the part of bash the lessons use: words, quotes, backslashes,
// `$VAR`/`${VAR}`/`${VAR:-x}`/`$?`, `$( )` and backticks, assignments, pipes, `;`, `&&`, `||`,
// comments and output redirections. It is hand-written rather than a library because it must
// run in the browser within a few kilobytes and fail with bash's own messages.
import type { Assignment, Connector, List, Part, Pipeline, Redirect, SimpleCommand, Word } from './ast.ts';

export class ShellSyntaxError extends Error {}

const MAX_DEPTH = 16;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const SPECIAL_VARS = new Set(['?', '$', '#', '0']);
// Characters that end an unquoted word.
const META = new Set([' ', '\t', '\n', '|', '&', ';', '<', '>', '(', ')']);

function unexpected(token: string): ShellSyntaxError {
  return new ShellSyntaxError(`syntax error near unexpected token \`${token}'`);
}

function unexpectedEof(quote: string): ShellSyntaxError {
  return new ShellSyntaxError(`unexpected EOF while looking for matching \`${quote}'\nbash: syntax error: unexpected end of file`);
}

const END_OF_FILE = new ShellSyntaxError('syntax error: unexpected end of file');

class Parser {
  private pos = 0;
  private readonly src: string;
  private readonly depth: number;

  constructor(src: string, depth: number) {
    this.src = src;
    this.depth = depth;
    if (depth > MAX_DEPTH) throw new ShellSyntaxError(`command substitutions nested deeper than ${MAX_DEPTH} levels`);
  }

  parseAll(): List {
    const list = this.parseList(null);
    this.skipBlanks();
    if (this.pos < this.src.length) throw unexpected(this.operatorAt() || this.src[this.pos]);
    return list;
  }

  /** A list ends at end of input or, inside `$( )`, at the closing parenthesis. */
  parseList(closer: ')' | null): List {
    const items: Pipeline[] = [];
    const connectors: Connector[] = [];
    for (;;) {
      this.skipBlanksAndComments();
      if (this.atListEnd(closer)) {
        if (connectors.length > items.length - 1 && items.length > 0) {
          // A trailing `;` is fine, a trailing `&&`/`||` wants more input.
          const last = connectors[connectors.length - 1];
          if (last !== ';') throw END_OF_FILE;
          connectors.pop();
        }
        return { items, connectors };
      }
      if (items.length > connectors.length) throw unexpected(this.operatorAt() || this.src[this.pos]);
      items.push(this.parsePipeline(closer));
      this.skipBlanksAndComments();
      const op = this.operatorAt();
      if (op === ';' || op === '\n' || op === '&') {
        this.pos += 1;
        connectors.push(';');
        this.skipBlanksAndComments();
        const next = this.operatorAt();
        if (next === ';' || next === '&&' || next === '||' || next === '|' || next === ';;') throw unexpected(next);
      } else if (op === '&&' || op === '||') {
        this.pos += 2;
        connectors.push(op);
        this.skipBlanksAndComments();
        if (this.pos >= this.src.length) throw END_OF_FILE;
      } else if (!this.atListEnd(closer)) {
        throw unexpected(op || this.src[this.pos]);
      }
    }
  }

  private atListEnd(closer: ')' | null): boolean {
    if (this.pos >= this.src.length) {
      if (closer) throw unexpectedEof(')');
      return true;
    }
    return closer !== null && this.src[this.pos] === closer;
  }

  private parsePipeline(closer: ')' | null): Pipeline {
    const commands: SimpleCommand[] = [this.parseSimple(closer)];
    for (;;) {
      this.skipBlanks();
      if (this.operatorAt() !== '|') return { commands };
      this.pos += 1;
      this.skipBlanksAndComments();
      if (this.pos >= this.src.length) throw END_OF_FILE;
      commands.push(this.parseSimple(closer));
    }
  }

  private parseSimple(closer: ')' | null): SimpleCommand {
    const assignments: Assignment[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    for (;;) {
      this.skipBlanks();
      if (this.pos >= this.src.length) break;
      const c = this.src[this.pos];
      if (closer && c === closer) break;
      const redirect = this.tryRedirect();
      if (redirect) {
        redirects.push(redirect);
        continue;
      }
      if (c === '#' ) break;
      const op = this.operatorAt();
      if (op) {
        if (op === '(' || op === ')' || op === '<' || op === ';;') throw unexpected(op);
        break;
      }
      if (words.length === 0) {
        const assignment = this.tryAssignment();
        if (assignment) {
          assignments.push(assignment);
          continue;
        }
      }
      words.push(this.parseWord());
    }
    if (assignments.length === 0 && words.length === 0 && redirects.length === 0) {
      throw unexpected(this.operatorAt() || (this.pos >= this.src.length ? 'newline' : this.src[this.pos]));
    }
    return { assignments, words, redirects };
  }

  private tryAssignment(): Assignment | null {
    const match = NAME.exec(this.src.slice(this.pos, this.pos + 256));
    if (!match || this.src[this.pos + match[0].length] !== '=') return null;
    this.pos += match[0].length + 1;
    const value = this.atWordEnd() ? { parts: [] } : this.parseWord();
    return { name: match[0], value };
  }

  private tryRedirect(): Redirect | null {
    const rest = this.src.slice(this.pos, this.pos + 4);
    const m = /^(&>>?|[12]?>>?)(&[12])?/.exec(rest);
    if (!m) return null;
    this.pos += m[0].length;
    const op = m[1];
    const from: Redirect['from'] = op.startsWith('&') ? 'both' : op.startsWith('2') ? 2 : 1;
    const append = op.endsWith('>>');
    if (m[2]) return { from, to: { fd: m[2] === '&2' ? 2 : 1 }, append };
    this.skipBlanks();
    if (this.pos >= this.src.length) throw unexpected('newline');
    const next = this.operatorAt();
    if (next) throw unexpected(next);
    return { from, to: { file: this.parseWord() }, append };
  }

  private atWordEnd(): boolean {
    return this.pos >= this.src.length || META.has(this.src[this.pos]);
  }

  private parseWord(): Word {
    const parts: Part[] = [];
    let literal = '';
    const flush = () => {
      if (literal) parts.push({ kind: 'literal', text: literal, quoted: false });
      literal = '';
    };
    while (!this.atWordEnd()) {
      const c = this.src[this.pos];
      if (c === '\\') {
        this.pos += 1;
        if (this.pos >= this.src.length) break; // a trailing backslash continues the line in bash; here it vanishes
        flush();
        parts.push({ kind: 'literal', text: this.src[this.pos], quoted: true });
        this.pos += 1;
      } else if (c === "'") {
        flush();
        const end = this.src.indexOf("'", this.pos + 1);
        if (end < 0) throw unexpectedEof("'");
        parts.push({ kind: 'literal', text: this.src.slice(this.pos + 1, end), quoted: true });
        this.pos = end + 1;
      } else if (c === '"') {
        flush();
        this.pos += 1;
        parts.push(...this.parseDoubleQuoted());
      } else if (c === '$' || c === '`') {
        const part = this.parseDollarOrBacktick(false);
        if (part) {
          flush();
          parts.push(part);
        } else {
          literal += c;
          this.pos += 1;
        }
      } else {
        literal += c;
        this.pos += 1;
      }
    }
    flush();
    return { parts };
  }

  private parseDoubleQuoted(): Part[] {
    return this.parseExpandingText('"');
  }

  /** Text in which only `$`, backticks, and backslashes before `$`, a backtick, `"`, `\` or a newline mean something:
   * the inside of double quotes (up to the closing quote), or of `$(( ))` (to the end, where bash
   * removes the double-quote characters). */
  private parseExpandingText(closer: '"' | null): Part[] {
    const parts: Part[] = [];
    let text = '';
    let sawText = false;
    for (;;) {
      if (this.pos >= this.src.length) {
        if (closer) throw unexpectedEof(closer);
        if (text) parts.push({ kind: 'literal', text, quoted: true });
        return parts;
      }
      const c = this.src[this.pos];
      if (c === '"') {
        this.pos += 1;
        if (!closer) continue;
        if (text || !sawText) parts.push({ kind: 'literal', text, quoted: true });
        return parts;
      }
      if (c === '\\' && '$`"\\\n'.includes(this.src[this.pos + 1] ?? '')) {
        text += this.src[this.pos + 1];
        this.pos += 2;
      } else if (c === '$' || c === '`') {
        const part = this.parseDollarOrBacktick(true);
        if (part) {
          if (text) parts.push({ kind: 'literal', text, quoted: true });
          text = '';
          sawText = true;
          parts.push(part);
        } else {
          text += c;
          this.pos += 1;
        }
      } else {
        text += c;
        this.pos += 1;
      }
    }
  }

  /** `$NAME`, `${…}`, `$(…)` or a backtick substitution at pos; null when `$` is literal. */
  private parseDollarOrBacktick(quoted: boolean): Part | null {
    const c = this.src[this.pos];
    if (c === '`') {
      const end = this.findBacktickEnd(this.pos + 1);
      const inner = this.src.slice(this.pos + 1, end).replace(/\\([$`\\])/g, '$1');
      this.pos = end + 1;
      return { kind: 'command', list: new Parser(inner, this.depth + 1).parseAll(), quoted };
    }
    const next = this.src[this.pos + 1];
    if (next === '(') {
      if (this.src[this.pos + 2] === '(') return this.parseArithmetic(quoted);
      const inner = new Parser(this.src, this.depth + 1);
      inner.pos = this.pos + 2;
      const list = inner.parseList(')');
      this.pos = inner.pos + 1;
      return { kind: 'command', list, quoted };
    }
    if (next === '{') {
      const close = this.src.indexOf('}', this.pos + 2);
      if (close < 0) throw unexpectedEof('}');
      const body = this.src.slice(this.pos + 2, close);
      const length = /^#([A-Za-z_][A-Za-z0-9_]*|[?$#0])$/.exec(body);
      if (length) {
        this.pos = close + 1;
        return { kind: 'variable', name: length[1], quoted, length: true };
      }
      const m = /^([A-Za-z_][A-Za-z0-9_]*|[?$#0])(?::-(.*))?$/s.exec(body);
      if (!m) throw new ShellSyntaxError(`\${${body}}: bad substitution`);
      this.pos = close + 1;
      const fallback = m[2] !== undefined ? new Parser(m[2], this.depth + 1).parseWordFromWhole() : undefined;
      return { kind: 'variable', name: m[1], quoted, fallback };
    }
    if (next !== undefined && SPECIAL_VARS.has(next)) {
      this.pos += 2;
      return { kind: 'variable', name: next, quoted };
    }
    const m = NAME.exec(this.src.slice(this.pos + 1, this.pos + 257));
    if (!m) return null;
    this.pos += 1 + m[0].length;
    return { kind: 'variable', name: m[0], quoted };
  }

  /** `$(( expression ))`: the text up to the `))` that closes it, evaluated at expansion. */
  private parseArithmetic(quoted: boolean): Part {
    let depth = 0;
    for (let i = this.pos + 3; i < this.src.length; i++) {
      const c = this.src[i];
      if (c === '(') depth += 1;
      else if (c === ')') {
        if (depth > 0) depth -= 1;
        else if (this.src[i + 1] === ')') {
          const expression = new Parser(this.src.slice(this.pos + 3, i), this.depth + 1).parseArithmeticText();
          this.pos = i + 2;
          return { kind: 'arithmetic', expression, quoted };
        } else throw unexpected(')');
      }
    }
    throw unexpectedEof('))');
  }

  /** The text of `$(( ))`, expanded as if in double quotes (whose quote characters are removed). */
  parseArithmeticText(): Word {
    return { parts: this.parseExpandingText(null) };
  }

  /** The default of `${VAR:-default}`: one word, spaces kept. */
  parseWordFromWhole(): Word {
    const parts: Part[] = [];
    while (this.pos < this.src.length) {
      if (this.src[this.pos] === ' ' || this.src[this.pos] === '\t') {
        parts.push({ kind: 'literal', text: this.src[this.pos], quoted: false });
        this.pos += 1;
        continue;
      }
      const word = this.parseWord();
      if (word.parts.length === 0) {
        parts.push({ kind: 'literal', text: this.src[this.pos], quoted: false });
        this.pos += 1;
      }
      parts.push(...word.parts);
    }
    return { parts };
  }

  private findBacktickEnd(from: number): number {
    for (let i = from; i < this.src.length; i++) {
      if (this.src[i] === '\\') i += 1;
      else if (this.src[i] === '`') return i;
    }
    throw unexpectedEof('`');
  }

  private operatorAt(): string {
    const two = this.src.slice(this.pos, this.pos + 2);
    if (two === '&&' || two === '||' || two === ';;') return two;
    const c = this.src[this.pos];
    return c !== undefined && '|&;()<\n'.includes(c) ? c : '';
  }

  private skipBlanks(): void {
    while (this.src[this.pos] === ' ' || this.src[this.pos] === '\t') this.pos += 1;
  }

  private skipBlanksAndComments(): void {
    for (;;) {
      this.skipBlanks();
      if (this.src[this.pos] === '#') {
        const end = this.src.indexOf('\n', this.pos);
        this.pos = end < 0 ? this.src.length : end;
      } else if (this.src[this.pos] === '\n' ) {
        return;
      } else {
        return;
      }
    }
  }
}

export function parse(line: string): List {
  return new Parser(line, 0).parseAll();
}
