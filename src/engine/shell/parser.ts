// A recursive-descent parser for bash's grammar: lists, pipelines (`!`, `|`, `|&`), simple
// commands with assignments (arrays too) and redirections (here-documents and here-strings
// included), the compound commands (`{ }`, `( )`, for, `for (( ))`, while, until, if, case,
// `(( ))`, `[[ ]]`), function definitions, and words with every quoting and expansion form bash
// knows (`$'…'`, `${…}` with its operators, `$( )`, backticks, `$(( ))`). It is hand-written rather
// than a library because it must run in the browser within a few kilobytes and fail with bash's
// own messages. Brace and tilde expansion are left in the words' literal text for expand.ts.
import type { Assignment, CaseItem, Command, CompoundCommand, CondExpr, Connector, List, Part, Pipeline, Redirect, SimpleCommand, Word } from './ast.ts';

export class ShellSyntaxError extends Error {
  /** True when more input could complete the line (bash would prompt with PS2). */
  readonly incomplete: boolean;
  constructor(message: string, incomplete = false) {
    super(message);
    this.incomplete = incomplete;
  }
}

const MAX_DEPTH = 64;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const SPECIAL_VARS = new Set(['?', '$', '#', '@', '*', '-', '!', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
// Characters that end an unquoted word.
const META = new Set([' ', '\t', '\n', '|', '&', ';', '<', '>', '(', ')']);
const RESERVED = new Set(['{', '}', '!', '[[', ']]', 'for', 'while', 'until', 'if', 'then', 'elif', 'else', 'fi', 'do', 'done', 'case', 'esac', 'function', 'in', 'select', 'time']);
// Words that end a list: the caller decides whether it expected them.
const LIST_END = new Set(['then', 'do', 'done', 'fi', 'elif', 'else', 'esac', '}']);
const DECLARATIONS = new Set(['local', 'declare', 'typeset', 'readonly', 'export']);
const COND_UNARY = new Set(['-a', '-b', '-c', '-d', '-e', '-f', '-g', '-h', '-k', '-p', '-r', '-s', '-t', '-u', '-w', '-x', '-G', '-L', '-N', '-O', '-S', '-z', '-n', '-o', '-v', '-R']);
const COND_BINARY = new Set(['==', '=', '!=', '<', '>', '=~', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);
const REDIRECT_OPS: ReadonlySet<string> = new Set<Redirect['op']>(['>', '>>', '>|', '<', '>&', '<&', '&>', '&>>', '<<<', '<<', '<<-', '<>']);
const isRedirectOp = (text: string): text is Redirect['op'] => REDIRECT_OPS.has(text);

function unexpected(token: string): ShellSyntaxError {
  return new ShellSyntaxError(`syntax error near unexpected token \`${token}'`);
}

function unexpectedEof(quote: string): ShellSyntaxError {
  return new ShellSyntaxError(`unexpected EOF while looking for matching \`${quote}'`, true);
}

const endOfFile = () => new ShellSyntaxError('syntax error: unexpected end of file', true);

interface PendingHeredoc {
  redirect: Redirect;
  delimiter: string;
  strip: boolean;
  expand: boolean;
}

/** The literal text of a word made only of literal parts (quoted or not), or undefined. */
export function literalText(word: Word): string | undefined {
  let text = '';
  for (const part of word.parts) {
    if (part.kind !== 'literal') return undefined;
    text += part.text;
  }
  return text;
}

/** The text of a word made of unquoted literal parts only: what can be a reserved word or an operator of `[[`. */
function bareText(word: Word): string | undefined {
  return word.parts.every((p) => p.kind === 'literal' && !p.quoted) ? literalText(word) : undefined;
}

const literal = (text: string, quoted = true): Word => ({ parts: [{ kind: 'literal', text, quoted }] });

class Parser {
  pos = 0;
  private src: string;
  private readonly depth: number;
  private pending: PendingHeredoc[] = [];
  /** Where the whole input has been read: a here-document missing its delimiter ends at the end
   * of the input with bash's warning here, instead of asking for more. */
  warnings?: string[];
  /** The aliases in effect when the line was read: a command's first word, unquoted, is replaced by its text. */
  aliases?: Map<string, string>;
  firstLine = 1;
  /** Aliases replaced at this point of the text, so that `alias ls='ls -l'` does not recurse. */
  private expanded = new Map<string, number>();

  constructor(src: string, depth: number) {
    this.src = src;
    this.depth = depth;
    if (depth > MAX_DEPTH) throw new ShellSyntaxError(`the lab parses expansions nested at most ${MAX_DEPTH} levels deep`);
  }

  parseAll(): List {
    const list = this.parseList();
    this.skipBlanks();
    if (this.pos < this.src.length) throw unexpected(this.tokenText());
    if (this.pending.length) {
      if (!this.warnings) throw new ShellSyntaxError(`warning: here-document at line 1 delimited by end-of-file (wanted \`${this.pending[0].delimiter}')`, true);
      this.readHeredocs();
    }
    return list;
  }

  // ---- Lists and pipelines.

  /** A list ends at end of input, at `)` (for the caller to judge), at a case terminator or at a reserved word that closes a construct. */
  parseList(): List {
    const items: Pipeline[] = [];
    const connectors: Connector[] = [];
    this.skipNewlines();
    for (;;) {
      if (this.atListEnd()) break;
      items.push(this.parsePipeline());
      this.skipBlanks();
      if (this.src[this.pos] === '#') {
        const end = this.src.indexOf('\n', this.pos);
        this.pos = end < 0 ? this.src.length : end;
      }
      const op = this.operatorAt();
      if (op === ';' || op === '&') {
        this.pos += 1;
        connectors.push(';');
        this.skipNewlines();
        const next = this.operatorAt();
        if (next === ';' || next === '&' || next === '&&' || next === '||' || next === '|') throw unexpected(next);
        continue;
      }
      if (op === '\n') {
        this.skipNewlines();
        connectors.push(';');
        continue;
      }
      if (op === '&&' || op === '||') {
        this.pos += 2;
        connectors.push(op);
        this.skipNewlines();
        if (this.pos >= this.src.length) throw endOfFile();
        if (this.atListEnd()) throw unexpected(this.tokenText());
        continue;
      }
      break;
    }
    if (connectors.length === items.length && items.length > 0) connectors.pop();
    return { items, connectors };
  }

  private atListEnd(): boolean {
    this.skipBlanks();
    if (this.pos >= this.src.length) return true;
    const op = this.operatorAt();
    if (op === ')' || op === ';;' || op === ';&' || op === ';;&') return true;
    const word = this.keywordAt();
    return word !== undefined && LIST_END.has(word);
  }

  private parsePipeline(): Pipeline {
    let negated = false;
    let timed: Pipeline['timed'];
    if (this.keywordAt() === 'time') {
      this.pos += 4;
      this.skipBlanks();
      timed = 'bash';
      if (/^-p(?=[\s;&|]|$)/.test(this.src.slice(this.pos))) {
        this.pos += 2;
        this.skipBlanks();
        timed = 'posix';
      }
      // `time` alone times nothing.
      if (this.atListEnd() || /^[;&|\n]/.test(this.src.slice(this.pos))) return { commands: [], timed };
    }
    while (this.keywordAt() === '!') {
      this.pos += 1;
      negated = !negated;
      this.skipBlanks();
    }
    const commands: Command[] = [this.parseCommand()];
    for (;;) {
      this.skipBlanks();
      const op = this.operatorAt();
      if (op !== '|' && op !== '|&') return { commands, negated, timed };
      this.pos += op.length;
      if (op === '|&') {
        const last = commands[commands.length - 1];
        if (last.kind !== 'function') last.redirects.push({ fd: 2, op: '>&', target: literal('1', false) });
      }
      this.skipNewlines();
      if (this.pos >= this.src.length) throw endOfFile();
      commands.push(this.parseCommand());
    }
  }

  // ---- Commands.

  private parseCommand(): Command {
    this.skipBlanks();
    if (this.pos >= this.src.length) throw endOfFile();
    const keyword = this.keywordAt();
    let compound: CompoundCommand | undefined;
    if (keyword === '{') {
      this.pos += 1;
      const body = this.parseList();
      if (body.items.length === 0) throw this.pos >= this.src.length ? endOfFile() : unexpected(this.tokenText());
      this.expectWord('}');
      compound = { kind: 'group', body, redirects: [] };
    } else if (this.src.startsWith('((', this.pos)) {
      compound = { kind: 'arith', expression: this.readArithmeticCommand(), redirects: [] };
    } else if (this.src[this.pos] === '(') {
      this.pos += 1;
      const body = this.parseList();
      this.skipBlanks();
      if (this.src[this.pos] !== ')') throw this.pos >= this.src.length ? endOfFile() : unexpected(this.tokenText());
      if (body.items.length === 0) throw unexpected(')');
      this.pos += 1;
      compound = { kind: 'subshell', body, redirects: [] };
    } else if (keyword === 'for' || keyword === 'select') compound = this.parseFor(keyword);
    else if (keyword === 'while' || keyword === 'until') compound = this.parseWhile(keyword === 'until');
    else if (keyword === 'if') compound = this.parseIf();
    else if (keyword === 'case') compound = this.parseCase();
    else if (keyword === '[[') compound = this.parseCond();
    else if (keyword === 'function') return this.parseFunction(true);
    else if (keyword !== undefined && (LIST_END.has(keyword) || keyword === 'in' || keyword === ']]')) throw unexpected(keyword);
    else {
      const m = /^([A-Za-z_][A-Za-z0-9_.:-]*)[ \t]*\([ \t]*\)/.exec(this.src.slice(this.pos, this.pos + 300));
      if (m) return this.parseFunction(false);
      return this.parseSimple();
    }
    // Redirections after a compound command apply to all of it.
    for (;;) {
      this.skipBlanks();
      const redirect = this.tryRedirect();
      if (!redirect) break;
      compound.redirects.push(redirect);
    }
    this.skipBlanks();
    if (this.pos < this.src.length && !this.operatorAt() && this.src[this.pos] !== '#') throw unexpected(this.tokenText());
    return compound;
  }

  private parseFunction(keyword: boolean): Command {
    if (keyword) {
      this.pos += 'function'.length;
      this.skipBlanks();
    }
    const m = /^[^\s|&;<>()]+/.exec(this.src.slice(this.pos));
    if (!m) throw this.pos >= this.src.length ? endOfFile() : unexpected(this.tokenText());
    const name = m[0];
    this.pos += name.length;
    this.skipBlanks();
    if (this.src[this.pos] === '(') {
      this.pos += 1;
      this.skipBlanks();
      if (this.src[this.pos] !== ')') throw unexpected(this.tokenText());
      this.pos += 1;
    }
    this.skipNewlines();
    if (this.pos >= this.src.length) throw endOfFile();
    const body = this.parseCommand();
    if (body.kind === 'simple' || body.kind === 'function') throw unexpected(literalText(body.kind === 'simple' ? body.words[0] ?? literal('') : literal(body.name)) ?? '');
    return { kind: 'function', name, body };
  }

  private parseFor(keyword: 'for' | 'select'): CompoundCommand {
    this.pos += keyword.length;
    this.skipBlanks();
    if (keyword === 'for' && this.src.startsWith('((', this.pos)) {
      const text = this.readArithmeticCommandText();
      const pieces = splitTopLevel(text, ';');
      if (pieces.length !== 3) throw new ShellSyntaxError('syntax error: arithmetic expression required');
      const [init, test, update] = pieces.map((p) => new Parser(p, this.depth + 1).parseArithmeticText());
      this.skipBlanks();
      if (this.src[this.pos] === ';') this.pos += 1;
      this.skipNewlines();
      const body = this.parseLoopBody();
      return { kind: 'arith-for', init, test, update, body, redirects: [] };
    }
    const m = /^[^\s|&;<>()]+/.exec(this.src.slice(this.pos));
    if (!m) throw this.pos >= this.src.length ? endOfFile() : unexpected(this.tokenText());
    const name = m[0];
    this.pos += name.length;
    this.skipBlanks();
    let items: Word[] | null = null;
    if (this.src[this.pos] === ';') {
      this.pos += 1;
      this.skipNewlines();
    } else {
      this.skipNewlines();
      if (this.keywordAt() === 'in') {
        this.pos += 2;
        items = [];
        for (;;) {
          this.skipBlanks();
          const op = this.operatorAt();
          if (op === ';' || op === '\n') {
            this.pos += 1;
            break;
          }
          if (this.pos >= this.src.length) throw endOfFile();
          if (op) throw unexpected(op);
          items.push(this.parseWord());
        }
        this.skipNewlines();
      }
    }
    return { kind: 'for', name, items, body: this.parseLoopBody(), redirects: [], ...(keyword === 'select' ? { select: true } : {}) };
  }

  /** `do list done`, or a brace group as bash also takes. */
  private parseLoopBody(): List {
    this.skipBlanks();
    if (this.keywordAt() === '{') {
      const group = this.parseCommand();
      return { items: [{ commands: [group] }], connectors: [] };
    }
    this.expectWord('do');
    const body = this.parseList();
    if (body.items.length === 0) throw this.pos >= this.src.length ? endOfFile() : unexpected(this.tokenText());
    this.expectWord('done');
    return body;
  }

  private parseWhile(until: boolean): CompoundCommand {
    this.pos += 'while'.length; // as long as 'until'
    const condition = this.parseList();
    if (condition.items.length === 0) throw this.pos >= this.src.length ? endOfFile() : unexpected(this.tokenText());
    const body = this.parseLoopBody();
    return { kind: 'while', until, condition, body, redirects: [] };
  }

  private parseIf(): CompoundCommand {
    this.pos += 2;
    const clauses: Array<{ condition: List; body: List }> = [];
    let otherwise: List | undefined;
    for (;;) {
      const condition = this.nonEmptyList();
      this.expectWord('then');
      const body = this.nonEmptyList();
      clauses.push({ condition, body });
      this.skipBlanks();
      const next = this.keywordAt();
      if (next === 'elif') {
        this.pos += 4;
        continue;
      }
      if (next === 'else') {
        this.pos += 4;
        otherwise = this.nonEmptyList();
      }
      this.expectWord('fi');
      return { kind: 'if', clauses, otherwise, redirects: [] };
    }
  }

  private nonEmptyList(): List {
    const list = this.parseList();
    if (list.items.length === 0) throw this.pos >= this.src.length ? endOfFile() : unexpected(this.tokenText());
    return list;
  }

  private parseCase(): CompoundCommand {
    this.pos += 4;
    this.skipBlanks();
    if (this.pos >= this.src.length) throw endOfFile();
    const word = this.parseWord();
    this.skipNewlines();
    if (this.keywordAt() !== 'in') throw this.pos >= this.src.length ? endOfFile() : unexpected(this.tokenText());
    this.pos += 2;
    const items: CaseItem[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.pos >= this.src.length) throw endOfFile();
      if (this.keywordAt() === 'esac') {
        this.pos += 4;
        return { kind: 'case', word, items, redirects: [] };
      }
      if (this.src[this.pos] === '(') this.pos += 1;
      const patterns: Word[] = [];
      for (;;) {
        this.skipBlanks();
        if (this.pos >= this.src.length) throw endOfFile();
        if (this.operatorAt()) throw unexpected(this.tokenText());
        patterns.push(this.parseWord());
        this.skipBlanks();
        if (this.src[this.pos] === '|') {
          this.pos += 1;
          continue;
        }
        if (this.src[this.pos] === ')') {
          this.pos += 1;
          break;
        }
        throw this.pos >= this.src.length ? endOfFile() : unexpected(this.tokenText());
      }
      const body = this.parseList();
      this.skipBlanks();
      const op = this.operatorAt();
      let terminator: CaseItem['terminator'] = ';;';
      if (op === ';;' || op === ';&' || op === ';;&') {
        this.pos += op.length;
        terminator = op;
      } else if (this.keywordAt() !== 'esac') throw this.pos >= this.src.length ? endOfFile() : unexpected(this.tokenText());
      items.push({ patterns, body, terminator });
    }
  }

  // ---- [[ … ]]

  private parseCond(): CompoundCommand {
    this.pos += 2;
    const expr = this.condOr();
    this.condSkip();
    if (!this.atCondEnd()) throw this.pos >= this.src.length ? endOfFile() : new ShellSyntaxError(`syntax error in conditional expression: unexpected token \`${this.tokenText()}'\nbash: syntax error near \`${this.tokenText()}'`);
    this.pos += 2;
    return { kind: 'cond', expr, redirects: [] };
  }

  private condSkip(): void {
    for (;;) {
      this.skipBlanks();
      if (this.src[this.pos] === '\n') this.skipNewlines();
      else return;
    }
  }

  private atCondEnd(): boolean {
    return this.src.startsWith(']]', this.pos) && (this.pos + 2 >= this.src.length || META.has(this.src[this.pos + 2]));
  }

  private condOr(): CondExpr {
    let left = this.condAnd();
    for (;;) {
      this.condSkip();
      if (!this.src.startsWith('||', this.pos)) return left;
      this.pos += 2;
      left = { kind: 'or', left, right: this.condAnd() };
    }
  }

  private condAnd(): CondExpr {
    let left = this.condNot();
    for (;;) {
      this.condSkip();
      if (!this.src.startsWith('&&', this.pos)) return left;
      this.pos += 2;
      left = { kind: 'and', left, right: this.condNot() };
    }
  }

  private condNot(): CondExpr {
    this.condSkip();
    if (this.src[this.pos] === '!' && META.has(this.src[this.pos + 1] ?? ' ')) {
      this.pos += 1;
      return { kind: 'not', expr: this.condNot() };
    }
    return this.condPrimary();
  }

  private condPrimary(): CondExpr {
    this.condSkip();
    if (this.pos >= this.src.length) throw endOfFile();
    if (this.src[this.pos] === '(') {
      this.pos += 1;
      const expr = this.condOr();
      this.condSkip();
      if (this.src[this.pos] !== ')') throw this.pos >= this.src.length ? endOfFile() : unexpected(this.tokenText());
      this.pos += 1;
      return expr;
    }
    if (this.atCondEnd() || this.operatorAt()) throw new ShellSyntaxError(`unexpected token \`${this.tokenText()}' in conditional command`);
    const first = this.parseWord();
    const firstText = bareText(first);
    this.condSkip();
    if (firstText !== undefined && COND_UNARY.has(firstText) && !this.atCondEnd() && !this.src.startsWith('&&', this.pos) && !this.src.startsWith('||', this.pos)) {
      return { kind: 'unary', op: firstText, arg: this.parseWord() };
    }
    let op: string | undefined;
    if (this.src[this.pos] === '<' || this.src[this.pos] === '>') {
      op = this.src[this.pos];
      this.pos += 1;
    } else if (!this.atCondEnd() && !this.operatorAt()) {
      const save = this.pos;
      const candidate = this.parseWord();
      const text = bareText(candidate);
      if (text !== undefined && COND_BINARY.has(text)) op = text;
      else {
        this.pos = save;
        throw new ShellSyntaxError(`conditional binary operator expected\nbash: syntax error near \`${this.tokenText()}'`);
      }
    }
    if (!op) return { kind: 'word', word: first };
    this.condSkip();
    if (this.pos >= this.src.length) throw endOfFile();
    const right = op === '=~' ? this.parseRegexWord() : this.parseWord();
    return { kind: 'binary', op, left: first, right };
  }

  /** The right side of `=~`: parentheses and `|` belong to the regular expression. */
  private parseRegexWord(): Word {
    const parts: Part[] = [];
    let text = '';
    let depth = 0;
    const flush = () => {
      if (text) parts.push({ kind: 'literal', text, quoted: false });
      text = '';
    };
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (depth === 0 && (c === ' ' || c === '\t' || c === '\n')) break;
      if (c === '(') depth += 1;
      else if (c === ')') depth -= 1;
      if (c === '\\' && this.pos + 1 < this.src.length) {
        flush();
        parts.push({ kind: 'literal', text: this.src[this.pos + 1], quoted: true });
        this.pos += 2;
      } else if (c === "'" || c === '"' || c === '$' || c === '`') {
        flush();
        const word = this.parseWordPiece();
        parts.push(...word);
      } else {
        text += c;
        this.pos += 1;
      }
    }
    flush();
    return { parts };
  }

  /** One quoted or expanded piece of a word at pos. */
  private parseWordPiece(): Part[] {
    const c = this.src[this.pos];
    if (c === "'") {
      const end = this.src.indexOf("'", this.pos + 1);
      if (end < 0) throw unexpectedEof("'");
      const text = this.src.slice(this.pos + 1, end);
      this.pos = end + 1;
      return [{ kind: 'literal', text, quoted: true }];
    }
    if (c === '"') {
      this.pos += 1;
      return this.parseExpandingText('"');
    }
    const part = this.parseDollarOrBacktick(false);
    if (part) return [part];
    this.pos += 1;
    return [{ kind: 'literal', text: c, quoted: false }];
  }

  // ---- Simple commands, assignments, redirections.

  private parseSimple(): SimpleCommand {
    const assignments: Assignment[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    for (;;) {
      this.skipBlanks();
      if (words.length === 0) this.expandAlias();
      if (this.pos >= this.src.length) break;
      const c = this.src[this.pos];
      const redirect = this.tryRedirect();
      if (redirect) {
        redirects.push(redirect);
        continue;
      }
      if (c === '#') break;
      const op = this.operatorAt();
      if (op) {
        if (op === '(') throw unexpected(words.length === 1 ? this.tokenAfterParen() : op);
        break;
      }
      if (words.length === 0) {
        const assignment = this.tryAssignment();
        if (assignment) {
          assignments.push(assignment);
          continue;
        }
      } else if (DECLARATIONS.has(bareText(words[0]) ?? '') && /^[A-Za-z_][A-Za-z0-9_]*\+?=\(/.test(this.src.slice(this.pos, this.pos + 260))) {
        // `local -a a=(1 2)`: bash parses the array of a declaration builtin's argument as an assignment's.
        const start = this.pos;
        const assignment = this.tryAssignment()!;
        words.push({ parts: [{ kind: 'literal', text: `${assignment.name}${assignment.append ? '+=' : '='}`, quoted: false }], raw: this.src.slice(start, this.pos), array: assignment });
        continue;
      }
      words.push(this.parseWord());
    }
    if (assignments.length === 0 && words.length === 0 && redirects.length === 0) {
      throw this.pos >= this.src.length ? endOfFile() : unexpected(this.tokenText());
    }
    return { kind: 'simple', assignments, words, redirects };
  }

  /** `f (x)`: bash names the token after the parenthesis. */
  private tokenAfterParen(): string {
    const save = this.pos;
    this.pos += 1;
    this.skipBlanks();
    const token = this.tokenText();
    this.pos = save;
    return token;
  }

  private tryAssignment(): Assignment | null {
    const match = NAME.exec(this.src.slice(this.pos, this.pos + 256));
    if (!match) return null;
    let at = this.pos + match[0].length;
    let index: Word | undefined;
    if (this.src[at] === '[') {
      const close = findClosing(this.src, at, '[', ']');
      if (close < 0) return null;
      index = new Parser(this.src.slice(at + 1, close), this.depth + 1).parseArithmeticText();
      at = close + 1;
    }
    let append = false;
    if (this.src[at] === '+' && this.src[at + 1] === '=') {
      append = true;
      at += 1;
    }
    if (this.src[at] !== '=') return null;
    this.pos = at + 1;
    if (this.src[this.pos] === '(' && !index) {
      this.pos += 1;
      const array: Word[] = [];
      for (;;) {
        this.skipNewlines();
        if (this.pos >= this.src.length) throw endOfFile();
        if (this.src[this.pos] === ')') {
          this.pos += 1;
          break;
        }
        const op = this.operatorAt();
        if (op) throw unexpected(op);
        array.push(this.parseWord());
      }
      return { name: match[0], append, value: { parts: [] }, array };
    }
    const value = this.atWordEnd() ? { parts: [] } : this.parseWord();
    return { name: match[0], index, append, value };
  }

  private tryRedirect(): Redirect | null {
    if (this.processAt()) return null;
    const m = /^(?:(\d*)(>>|>&|>\||<<<|<<-|<<|<&|<>|>|<)|(&>>|&>))/.exec(this.src.slice(this.pos, this.pos + 12));
    if (!m) return null;
    const op = m[2] ?? m[3];
    if (!isRedirectOp(op)) return null;
    const fd = m[1] ? Number(m[1]) : op.startsWith('<') ? 0 : 1;
    this.pos += m[0].length;
    this.skipBlanks();
    if (this.pos >= this.src.length || this.src[this.pos] === '\n') throw unexpected('newline');
    const next = this.operatorAt();
    if (next) throw unexpected(next);
    const target = this.parseWord();
    const redirect: Redirect = { fd, op, target };
    if (op === '<<' || op === '<<-') {
      const delimiter = literalText(target) ?? this.src.slice(this.pos - 1, this.pos);
      const expand = target.parts.every((p) => p.kind === 'literal' && !p.quoted);
      this.pending.push({ redirect, delimiter: target.parts.map((p) => (p.kind === 'literal' ? p.text : '')).join('') || delimiter, strip: op === '<<-', expand });
    }
    return redirect;
  }

  /** Reads the bodies of the here-documents begun on the line just ended. */
  private readHeredocs(): void {
    const pending = this.pending;
    this.pending = [];
    for (const doc of pending) {
      let body = '';
      // bash names the line before the body's first (the last one it had read).
      const line = Math.max(1, this.src.slice(0, this.pos).split('\n').length - 1) + this.firstLine - 1;
      const endOfInput = () => {
        const message = `warning: here-document at line ${line} delimited by end-of-file (wanted \`${doc.delimiter}')`;
        if (!this.warnings) throw new ShellSyntaxError(message, true);
        this.warnings.push(message);
      };
      for (;;) {
        if (this.pos >= this.src.length) {
          endOfInput();
          break;
        }
        const end = this.src.indexOf('\n', this.pos);
        let line = end < 0 ? this.src.slice(this.pos) : this.src.slice(this.pos, end);
        this.pos = end < 0 ? this.src.length : end + 1;
        if (doc.strip) line = line.replace(/^\t+/, '');
        if (line === doc.delimiter) break;
        body += `${line}\n`;
        if (end < 0) {
          endOfInput();
          break;
        }
      }
      doc.redirect.heredoc = doc.expand ? { parts: new Parser(body, this.depth + 1).parseExpandingText(null, true) } : literal(body);
    }
  }

  /** Replaces an alias at pos by its text, as bash does when it reads a command's first word. */
  private expandAlias(): void {
    if (!this.aliases?.size) return;
    const m = /^[^\s|&;<>()'"\\$`=]+/.exec(this.src.slice(this.pos, this.pos + 256));
    if (!m) return;
    const end = this.pos + m[0].length;
    if (end < this.src.length && !META.has(this.src[end])) return;
    const text = this.aliases.get(m[0]);
    // An alias is not replaced again inside its own text.
    if (text === undefined || (this.expanded.get(m[0]) ?? -1) >= this.pos) return;
    this.src = this.src.slice(0, this.pos) + text + this.src.slice(end);
    this.expanded.set(m[0], this.pos + text.length - 1);
    // The text's own first word may be an alias too.
    this.skipBlanks();
    this.expandAlias();
  }

  private atWordEnd(): boolean {
    return this.pos >= this.src.length || (META.has(this.src[this.pos]) && !this.processAt());
  }

  /** `<(` or `>(`: a process substitution, a word rather than a redirection. */
  private processAt(): boolean {
    return (this.src[this.pos] === '<' || this.src[this.pos] === '>') && this.src[this.pos + 1] === '(';
  }

  /** The list of `<(list)`, `>(list)` or `$(list)`, whose opening two characters are at pos; pos
   * ends after its `)`. */
  private parseParenthesized(): List {
    const inner = new Parser(this.src, this.depth + 1);
    inner.pos = this.pos + 2;
    const list = inner.parseList();
    inner.skipBlanks();
    if (inner.pos >= this.src.length) throw unexpectedEof(')');
    if (this.src[inner.pos] !== ')') throw unexpected(inner.tokenText());
    this.pos = inner.pos + 1;
    return list;
  }

  /** `<(list)` at pos. */
  private parseProcess(): Part {
    const direction = this.src[this.pos] === '<' ? '<' : '>';
    return { kind: 'process', list: this.parseParenthesized(), direction, quoted: false };
  }

  // ---- Words.

  parseWord(): Word {
    const start = this.pos;
    const word = this.parseWordParts();
    return { ...word, raw: this.src.slice(start, this.pos) };
  }

  private parseWordParts(): Word {
    const parts: Part[] = [];
    let text = '';
    const flush = () => {
      if (text) parts.push({ kind: 'literal', text, quoted: false });
      text = '';
    };
    while (!this.atWordEnd()) {
      const c = this.src[this.pos];
      if (c === '\\') {
        if (this.src[this.pos + 1] === '\n') {
          this.pos += 2;
          continue;
        }
        // A backslash ending the input continues the line; at the end of the input there is nothing to continue.
        if (this.pos + 1 >= this.src.length) {
          this.pos += 1;
          continue;
        }
        flush();
        parts.push({ kind: 'literal', text: this.src[this.pos + 1], quoted: true });
        this.pos += 2;
      } else if (c === "'" || c === '"') {
        flush();
        parts.push(...this.parseWordPiece());
      } else if (this.processAt()) {
        flush();
        parts.push(this.parseProcess());
      } else if (c === '$' && this.src[this.pos + 1] === "'") {
        flush();
        parts.push(this.parseAnsiC());
      } else if (c === '$' && this.src[this.pos + 1] === '"') {
        flush();
        this.pos += 2;
        parts.push(...this.parseExpandingText('"'));
      } else if (c === '$' || c === '`') {
        const part = this.parseDollarOrBacktick(false);
        if (part) {
          flush();
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
    flush();
    return { parts };
  }

  /** `$'…'`: bash's ANSI-C quoting. */
  private parseAnsiC(): Part {
    let out = '';
    let i = this.pos + 2;
    for (;;) {
      if (i >= this.src.length) throw unexpectedEof("'");
      const c = this.src[i];
      if (c === "'") break;
      if (c !== '\\') {
        out += c;
        i += 1;
        continue;
      }
      const n = this.src[i + 1];
      i += 2;
      const simple: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };
      if (n === undefined) throw unexpectedEof("'");
      if (n in simple) out += simple[n];
      else if (/[0-7]/.test(n)) {
        const m = /^[0-7]{1,3}/.exec(this.src.slice(i - 1))![0];
        out += String.fromCharCode(parseInt(m, 8) & 0xff);
        i += m.length - 1;
      } else if (n === 'x') {
        const m = /^[0-9a-fA-F]{1,2}/.exec(this.src.slice(i));
        if (m) {
          out += String.fromCharCode(parseInt(m[0], 16));
          i += m[0].length;
        } else out += '\\x';
      } else if (n === 'u' || n === 'U') {
        const m = new RegExp(`^[0-9a-fA-F]{1,${n === 'u' ? 4 : 8}}`).exec(this.src.slice(i));
        if (m) {
          const code = parseInt(m[0], 16);
          out += code <= 0x10ffff ? String.fromCodePoint(code) : '';
          i += m[0].length;
        } else out += `\\${n}`;
      } else if (n === 'c') {
        const ch = this.src[i];
        if (ch === undefined || ch === "'") out += '\\c';
        else {
          out += String.fromCharCode(ch.toUpperCase().charCodeAt(0) & 0x1f);
          i += 1;
        }
      } else out += `\\${n}`;
    }
    this.pos = i + 1;
    // A NUL ends the string, as in C.
    const nul = out.indexOf('\0');
    return { kind: 'literal', text: nul >= 0 ? out.slice(0, nul) : out, quoted: true };
  }

  /** Text in which only `$`, backticks, and backslashes before `$`, a backtick, `"`, `\` or a newline mean something:
   * the inside of double quotes (up to the closing quote), of `$(( ))` (to the end, where bash
   * removes the double-quote characters), or a here-document's body (where `"` is an ordinary character). */
  parseExpandingText(closer: '"' | null, heredoc = false): Part[] {
    const parts: Part[] = [];
    let text = '';
    let sawText = false;
    const escapable = heredoc ? '$`\\\n' : '$`"\\\n';
    for (;;) {
      if (this.pos >= this.src.length) {
        if (closer) throw unexpectedEof(closer);
        if (text || parts.length === 0) parts.push({ kind: 'literal', text, quoted: true });
        return parts;
      }
      const c = this.src[this.pos];
      if (c === '"' && !heredoc) {
        this.pos += 1;
        if (!closer) continue;
        if (text || !sawText) parts.push({ kind: 'literal', text, quoted: true });
        return parts;
      }
      if (c === '\\' && escapable.includes(this.src[this.pos + 1] ?? '')) {
        if (this.src[this.pos + 1] !== '\n') text += this.src[this.pos + 1];
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
      return { kind: 'command', list: this.parseParenthesized(), quoted };
    }
    if (next === '{') return this.parseBraceParameter(quoted);
    if (next === '[') {
      // `$[ … ]`: bash's old spelling of `$(( … ))`.
      let depth = 0;
      for (let i = this.pos + 2; i < this.src.length; i++) {
        if (this.src[i] === '[') depth += 1;
        else if (this.src[i] === ']' && depth-- === 0) {
          const text = this.src.slice(this.pos + 2, i);
          this.pos = i + 1;
          return { kind: 'arithmetic', expression: new Parser(text, this.depth + 1).parseArithmeticText(), quoted };
        }
      }
      throw unexpectedEof(']');
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

  /** `${…}`: a name, a subscript, and an operator with its words. */
  private parseBraceParameter(quoted: boolean): Part {
    const start = this.pos;
    const close = findClosing(this.src, this.pos + 1, '{', '}');
    if (close < 0) throw unexpectedEof('}');
    const bad = (): Part => {
      this.pos = close + 1;
      return { kind: 'variable', name: '', quoted, bad: this.src.slice(start, close + 1) };
    };
    this.pos += 2;
    let prefix: '#' | '!' | undefined;
    const c = this.src[this.pos];
    if ((c === '#' || c === '!') && this.src[this.pos + 1] !== '}' && !(c === '#' && ':-=?+'.includes(this.src[this.pos + 1]) && this.src[this.pos + 2] !== '}')) {
      prefix = c;
      this.pos += 1;
    }
    let name: string;
    const m = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?$#@*!0-])/.exec(this.src.slice(this.pos, close));
    if (!m) return bad();
    name = m[0];
    this.pos += name.length;
    let index: Word | '@' | '*' | undefined;
    if (this.src[this.pos] === '[' && /^[A-Za-z_]/.test(name)) {
      const end = findClosing(this.src, this.pos, '[', ']');
      if (end < 0 || end > close) return bad();
      const text = this.src.slice(this.pos + 1, end);
      index = text === '@' || text === '*' ? text : new Parser(text, this.depth + 1).parseArithmeticText();
      this.pos = end + 1;
    }
    const part: Part = { kind: 'variable', name, quoted, index, prefix };
    if (this.src[this.pos] === '}') {
      this.pos += 1;
      return part;
    }
    if (prefix === '!' && (this.src[this.pos] === '*' || this.src[this.pos] === '@') && this.src[this.pos + 1] === '}' && index === undefined) {
      this.pos += 2;
      return { ...part, op: `names${this.src[this.pos - 2]}` };
    }
    if (prefix === '#') return bad();
    const rest = this.src.slice(this.pos, this.pos + 3);
    const op = ['//', '/#', '/%', ':-', ':=', ':?', ':+', '##', '%%', '^^', ',,', '~~'].find((o) => rest.startsWith(o)) ?? (/^[-=?+#%/^,:@~]/.test(rest) ? rest[0] : undefined);
    if (!op) return bad();
    this.pos += op.length;
    // Inside double quotes, the words of -, =, ? and + keep single quotes as characters.
    const keepsSingle = quoted && /^:?[-=?+]$/.test(op);
    if (op === ':') {
      const text = this.src.slice(this.pos, close);
      const colon = splitTopLevel(text, ':');
      part.op = ':';
      part.offset = new Parser(colon[0], this.depth + 1).parseArithmeticText();
      if (colon.length > 1) part.length = new Parser(colon.slice(1).join(':'), this.depth + 1).parseArithmeticText();
      this.pos = close + 1;
      return part;
    }
    part.op = op;
    if (op.startsWith('/')) {
      part.word = this.parseOperand('/}', keepsSingle, quoted);
      if (this.src[this.pos] === '/') {
        this.pos += 1;
        part.replacement = this.parseOperand('}', keepsSingle, quoted);
      }
    } else part.word = this.parseOperand('}', keepsSingle, quoted);
    if (this.src[this.pos] !== '}') throw unexpectedEof('}');
    this.pos += 1;
    if (op === '@' && !/^[QEPAaKkUuL]?$/.test(literalText(part.word!) ?? '')) return { kind: 'variable', name: '', quoted, bad: this.src.slice(start, this.pos) };
    return part;
  }

  /** The word of a `${x op word}` up to one of `stops`; blanks are part of it. */
  private parseOperand(stops: string, keepsSingle: boolean, quoted: boolean): Word {
    const parts: Part[] = [];
    let text = '';
    // Unquoted: a pattern's characters keep their meaning even inside double quotes, and a
    // default's words are kept from splitting by the expansion, which knows the quotes around it.
    const flush = () => {
      if (text) parts.push({ kind: 'literal', text, quoted: false });
      text = '';
    };
    while (this.pos < this.src.length && !stops.includes(this.src[this.pos])) {
      const c = this.src[this.pos];
      if (c === '\\' && this.pos + 1 < this.src.length) {
        const n = this.src[this.pos + 1];
        flush();
        if (quoted && !'$`"\\}'.includes(n)) parts.push({ kind: 'literal', text: `\\${n}`, quoted: true });
        else parts.push({ kind: 'literal', text: n, quoted: true });
        this.pos += 2;
      } else if (c === "'" && keepsSingle) {
        text += c;
        this.pos += 1;
      } else if (c === "'" || c === '"') {
        flush();
        parts.push(...this.parseWordPiece());
      } else if (c === '$' && this.src[this.pos + 1] === "'") {
        flush();
        parts.push(this.parseAnsiC());
      } else if (c === '$' || c === '`') {
        const part = this.parseDollarOrBacktick(quoted);
        if (part) {
          flush();
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
    flush();
    return { parts };
  }

  /** `$(( expression ))`: the text up to the `))` that closes it, evaluated at expansion. */
  private parseArithmetic(quoted: boolean): Part {
    this.pos += 1;
    return { kind: 'arithmetic', expression: this.readArithmeticCommand(), quoted };
  }

  /** `(( … ))` at pos: its text, parsed as expanding text. */
  private readArithmeticCommand(): Word {
    return new Parser(this.readArithmeticCommandText(), this.depth + 1).parseArithmeticText();
  }

  private readArithmeticCommandText(): string {
    let depth = 0;
    for (let i = this.pos + 2; i < this.src.length; i++) {
      const c = this.src[i];
      if (c === '(') depth += 1;
      else if (c === ')') {
        if (depth > 0) depth -= 1;
        else if (this.src[i + 1] === ')') {
          const text = this.src.slice(this.pos + 2, i);
          this.pos = i + 2;
          return text;
        } else throw unexpected(')');
      }
    }
    throw unexpectedEof(')');
  }

  /** The text of `$(( ))`, expanded as if in double quotes (whose quote characters are removed). */
  parseArithmeticText(): Word {
    return { parts: this.parseExpandingText(null) };
  }

  private findBacktickEnd(from: number): number {
    for (let i = from; i < this.src.length; i++) {
      if (this.src[i] === '\\') i += 1;
      else if (this.src[i] === '`') return i;
    }
    throw unexpectedEof('`');
  }

  // ---- Tokens.

  private operatorAt(): string {
    const three = this.src.slice(this.pos, this.pos + 3);
    if (three === ';;&') return three;
    const two = three.slice(0, 2);
    if (two === '&&' || two === '||' || two === ';;' || two === ';&' || two === '|&') return two;
    const c = this.src[this.pos];
    if (this.processAt()) return '';
    return c !== undefined && '|&;()<>\n'.includes(c) ? c : '';
  }

  /** The reserved word at pos, if the word there is one. */
  private keywordAt(): string | undefined {
    const m = /^[^\s|&;<>()]+/.exec(this.src.slice(this.pos, this.pos + 10));
    if (!m) return undefined;
    const after = this.src[this.pos + m[0].length];
    if (after !== undefined && !META.has(after)) return undefined;
    return RESERVED.has(m[0]) ? m[0] : undefined;
  }

  private expectWord(word: string): void {
    this.skipNewlines();
    if (this.keywordAt() === word) {
      this.pos += word.length;
      return;
    }
    throw this.pos >= this.src.length ? endOfFile() : unexpected(this.tokenText());
  }

  /** The token at pos as bash names it in a syntax error. */
  tokenText(): string {
    if (this.pos >= this.src.length) return 'newline';
    const op = this.operatorAt();
    if (op === '\n') return 'newline';
    if (op) return op;
    return /^[^\s|&;<>()]+/.exec(this.src.slice(this.pos))?.[0] ?? this.src[this.pos];
  }

  skipBlanks(): void {
    for (;;) {
      const c = this.src[this.pos];
      if (c === ' ' || c === '\t') this.pos += 1;
      else if (c === '\\' && this.src[this.pos + 1] === '\n') this.pos += 2;
      else if (c === '\\' && this.pos + 1 === this.src.length) this.pos += 1;
      else return;
    }
  }

  /** Blanks, comments and newlines; after each newline, the here-documents begun on its line. */
  private skipNewlines(): void {
    for (;;) {
      this.skipBlanks();
      const c = this.src[this.pos];
      if (c === '#') {
        const end = this.src.indexOf('\n', this.pos);
        this.pos = end < 0 ? this.src.length : end;
      } else if (c === '\n') {
        this.pos += 1;
        if (this.pending.length) this.readHeredocs();
      } else return;
    }
  }
}

/** The index of the bracket that closes the one at `from`, skipping quotes and nested pairs; -1 if none. */
function findClosing(src: string, from: number, open: string, close: string): number {
  let depth = 0;
  for (let i = from; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i += 1;
    else if (c === "'" && open === '{') {
      const end = src.indexOf("'", i + 1);
      if (end < 0) return -1;
      i = end;
    } else if (c === '"' && open === '{') {
      for (i += 1; i < src.length && src[i] !== '"'; i++) if (src[i] === '\\') i += 1;
    } else if (c === open && (open !== '{' || src[i - 1] === '$')) depth += 1;
    else if (c === close) {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** `text` split at `sep` outside parentheses. */
function splitTopLevel(text: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth += 1;
    else if (text[i] === ')') depth -= 1;
    else if (text[i] === sep && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

/** The line's commands; with `warnings`, the line is all the input there is (see Parser.warnings);
 * `firstLine` numbers its first line in those warnings. */
export function parse(line: string, warnings?: string[], aliases?: Map<string, string>, firstLine = 1): List {
  const parser = new Parser(line, 0);
  parser.warnings = warnings;
  parser.aliases = aliases;
  parser.firstLine = firstLine;
  return parser.parseAll();
}

/** Text of several lines as bash reads it: one complete command at a time (an alias defined by
 * one is in effect for the next), each with the number of its first line. */
export function commandChunks(text: string): Array<{ text: string; line: number }> {
  const chunks: Array<{ text: string; line: number }> = [];
  const lines = text.split('\n');
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    const chunk = lines.slice(start, i + 1).join('\n');
    if (i < lines.length - 1 && isIncomplete(chunk)) continue;
    chunks.push({ text: chunk, line: start + 1 });
    start = i + 1;
  }
  return chunks;
}

/** Whether bash would ask for more input (PS2) after these lines: an open quote, a construct
 * without its end, a here-document without its delimiter, a trailing `|`, `&&` or backslash. */
export function isIncomplete(text: string): boolean {
  // An odd number of backslashes at the end continues the line.
  if (/(^|[^\\])(\\\\)*\\$/.test(text)) return true;
  try {
    parse(text);
    return false;
  } catch (error) {
    return error instanceof ShellSyntaxError && error.incomplete;
  }
}
