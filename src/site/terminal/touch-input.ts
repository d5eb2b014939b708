// The phone's command input: history (↑/↓) and Tab completion on a plain <input>, from the same
// history the terminal keeps and the same completions the session offers.

export interface Completion {
  start: number;
  candidates: string[];
}

/** What every candidate begins with. */
export function commonPrefix(candidates: readonly string[]): string {
  return candidates.reduce((prefix, c) => {
    let i = 0;
    while (i < prefix.length && prefix[i] === c[i]) i++;
    return prefix.slice(0, i);
  });
}

/** The input after Tab: the one candidate (and a space), or the candidates' common prefix; `list` when the reader must choose. */
export function completeInput(line: string, cursor: number, { start, candidates }: Completion): { line: string; cursor: number; list: string[] } {
  if (candidates.length === 0) return { line, cursor, list: [] };
  const common = commonPrefix(candidates);
  // One candidate ends the word with a space, unless a space follows already.
  const insert = candidates.length === 1 ? candidates[0] + (line[cursor] === ' ' ? '' : ' ') : common;
  const typed = cursor - start;
  if (candidates.length > 1 && insert.length <= typed) return { line, cursor, list: candidates };
  return { line: line.slice(0, start) + insert + line.slice(cursor), cursor: start + insert.length, list: candidates.length > 1 ? candidates : [] };
}

/** Walks a history list from its end: up goes to older lines, down to newer ones and finally back to what was being typed. */
export class HistoryWalk {
  private index: number;
  private draft = '';
  private readonly history: () => readonly string[];

  constructor(history: () => readonly string[]) {
    this.history = history;
    this.index = history().length;
  }

  up(current: string): string {
    const history = this.history();
    if (this.index > history.length) this.index = history.length;
    if (this.index === history.length) this.draft = current;
    if (this.index > 0) this.index -= 1;
    return history[this.index] ?? current;
  }

  down(current: string): string {
    const history = this.history();
    if (this.index >= history.length) return current;
    this.index += 1;
    return this.index === history.length ? this.draft : history[this.index];
  }

  /** After a command runs, the walk starts again from the newest line. */
  reset(): void {
    this.index = this.history().length;
    this.draft = '';
  }
}
