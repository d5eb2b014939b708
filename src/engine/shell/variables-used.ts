// Which shell variables a line reads before setting them, and which it sets: the chapters use it to
// run the blocks a command depends on (`$node_rg_name` needs the block that sets it). It walks the
// shell's own parse tree in the order bash expands and runs a line, so quoting, `$( )`, `${X:-y}`
// and `a=1; echo $a` are judged as bash judges them.
import type { List, Part, SimpleCommand, Word } from './ast.ts';
import { parse } from './parser.ts';

export interface VariablesUsed {
  /** Variables the line reads that it has not set itself by then, in the order it reads them. */
  reads: string[];
  /** Variables the line leaves set for the lines after it, in the order it sets them. */
  sets: string[];
}

// `$?`, `$$`, `$#` and `$0` belong to the shell, never to an earlier line.
const SPECIAL = new Set(['?', '$', '#', '0']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

class Walker {
  readonly reads: string[] = [];
  readonly sets: string[] = [];
  private readonly set = new Set<string>();

  list(list: List): void {
    for (const pipeline of list.items) for (const command of pipeline.commands) this.command(command);
  }

  private command(command: SimpleCommand): void {
    // bash expands the words and the assignments' values first, then assigns.
    for (const word of command.words) this.word(word);
    for (const assignment of command.assignments) this.word(assignment.value);
    for (const redirect of command.redirects) if ('file' in redirect.to) this.word(redirect.to.file);
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

  private word(word: Word): void {
    for (const part of word.parts) this.part(part);
  }

  private part(part: Part): void {
    if (part.kind === 'variable') {
      if (!SPECIAL.has(part.name) && !this.set.has(part.name) && !this.reads.includes(part.name)) this.reads.push(part.name);
      if (part.fallback) this.word(part.fallback);
    } else if (part.kind === 'arithmetic') {
      // `$name` inside `$(( ))` counts; bare names are read by the evaluator and are not seen here.
      this.word(part.expression);
    } else if (part.kind === 'command') {
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
