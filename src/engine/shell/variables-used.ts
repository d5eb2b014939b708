// Which shell variables a line reads before setting them, and which it sets: the chapters use it to
// run the blocks a command depends on (`$node_rg_name` needs the block that sets it). It walks the
// shell's own parse tree in the order bash expands and runs a line, so quoting, `$( )`, `${X:-y}`
// and `a=1; echo $a` are judged as bash judges them.
import type { Command, CondExpr, List, Part, Word } from './ast.ts';
import { parse } from './parser.ts';

export interface VariablesUsed {
  /** Variables the line reads that it has not set itself by then, in the order it reads them. */
  reads: string[];
  /** Variables the line leaves set for the lines after it, in the order it sets them. */
  sets: string[];
}

// `$?`, `$$`, `$#` and `$0` belong to the shell, never to an earlier line.
const SPECIAL = new Set(['?', '$', '#', '0', '@', '*', '-', '!']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

class Walker {
  readonly reads: string[] = [];
  readonly sets: string[] = [];
  private readonly set = new Set<string>();

  list(list: List): void {
    for (const pipeline of list.items) for (const command of pipeline.commands) this.command(command);
  }

  private command(command: Command): void {
    if (command.kind === 'function') return;
    if (command.kind !== 'simple') {
      this.compound(command);
      return;
    }
    // bash expands the words and the assignments' values first, then assigns.
    for (const word of command.words) this.word(word);
    for (const assignment of command.assignments) for (const word of [assignment.value, ...(assignment.array ?? [])]) this.word(word);
    for (const redirect of command.redirects) this.word(redirect.heredoc ?? redirect.target);
    // `A=1 cmd` sets A for cmd only; an assignment alone sets it for the lines after.
    if (command.words.length === 0) for (const a of command.assignments) this.assign(a.name);
    if (command.words.length > 0 && isLiteral(command.words[0], 'export')) {
      for (const word of command.words.slice(1)) {
        // NAME= is literal text at the start of the word; the value after it may expand.
        const first = word.parts[0];
        const text = first?.kind === 'literal' && !first.quoted ? first.text : '';
        const name = text.includes('=') ? text.slice(0, text.indexOf('=')) : undefined;
        if (name && NAME.test(name)) this.assign(name);
      }
    }
  }

  private compound(command: Exclude<Command, { kind: 'simple' | 'function' }>): void {
    switch (command.kind) {
      case 'group':
      case 'subshell':
        this.list(command.body);
        break;
      case 'for':
        for (const item of command.items ?? []) this.word(item);
        this.assign(command.name);
        this.list(command.body);
        break;
      case 'arith-for':
        this.word(command.init);
        this.word(command.test);
        this.word(command.update);
        this.list(command.body);
        break;
      case 'while':
        this.list(command.condition);
        this.list(command.body);
        break;
      case 'if':
        for (const clause of command.clauses) {
          this.list(clause.condition);
          this.list(clause.body);
        }
        if (command.otherwise) this.list(command.otherwise);
        break;
      case 'case':
        this.word(command.word);
        for (const item of command.items) {
          item.patterns.forEach((p) => this.word(p));
          this.list(item.body);
        }
        break;
      case 'arith':
        this.word(command.expression);
        break;
      case 'cond':
        this.cond(command.expr);
        break;
    }
    for (const redirect of command.redirects) this.word(redirect.target);
  }

  private cond(expr: CondExpr): void {
    if (expr.kind === 'and' || expr.kind === 'or') {
      this.cond(expr.left);
      this.cond(expr.right);
    } else if (expr.kind === 'not') this.cond(expr.expr);
    else if (expr.kind === 'unary') this.word(expr.arg);
    else if (expr.kind === 'binary') {
      this.word(expr.left);
      this.word(expr.right);
    } else if (expr.kind === 'word') this.word(expr.word);
  }

  private word(word: Word): void {
    for (const part of word.parts) this.part(part);
  }

  private part(part: Part): void {
    if (part.kind === 'variable') {
      if (part.name && !SPECIAL.has(part.name) && !/^[0-9]+$/.test(part.name) && !this.set.has(part.name) && !this.reads.includes(part.name)) this.reads.push(part.name);
      for (const word of [part.word, part.replacement, part.offset, part.length]) if (word) this.word(word);
      if (part.index && typeof part.index !== 'string') this.word(part.index);
    } else if (part.kind === 'arithmetic') {
      // `$name` inside `$(( ))` counts; bare names are read by the evaluator and are not seen here.
      this.word(part.expression);
    } else if (part.kind === 'command' || part.kind === 'process') {
      this.list(part.list);
    }
  }

  private assign(name: string): void {
    this.set.add(name);
    if (!this.sets.includes(name)) this.sets.push(name);
  }
}

/** The text of a word made of literal parts only (`export A=b`), or undefined. */
function literalText(word: Word): string | undefined {
  let text = '';
  for (const part of word.parts) {
    if (part.kind !== 'literal') return undefined;
    text += part.text;
  }
  return text;
}

function isLiteral(word: Word, text: string): boolean {
  return literalText(word) === text;
}

/** The variables a line reads and sets; a line that does not parse reads and sets nothing. */
export function variablesUsed(line: string): VariablesUsed {
  let list: List;
  try {
    list = parse(line);
  } catch {
    return { reads: [], sets: [] };
  }
  const walker = new Walker();
  walker.list(list);
  return { reads: walker.reads, sets: walker.sets };
}
