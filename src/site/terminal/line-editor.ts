// Line editing for the lab terminal on top of xterm's key data: cursor movement, Home/End,
// Ctrl-A/E/U/K/W/C/L, history and Tab completion, on input that wraps over several rows.
// Hand-written: xterm-readline 1.2.2 (the maintained add-on for xterm 6) has no Tab completion and
// keeps one history for the whole site under a fixed storage key, where the lab keeps one per lab;
// tests/site/line-editor.test.ts checks every edit against a headless xterm instead.
//
// Every change redraws the whole input: up to its first row, erase to the end of the screen, the
// prompt and the line, then the cursor to its cell. The editor remembers which row of the input
// the cursor is on; xterm leaves the rows of the cursor's line as they are on a resize (it does not
// reflow them), so that row still leads back to the prompt after one. A drawing is worked out only
// once the terminal has parsed everything written before it (xterm parses writes later, and a
// resize may come in between), so it is always laid out for the columns it is drawn in. A fresh
// prompt after output that did not end in a newline starts on the next row, as zsh and fish do,
// so that output stays on screen.
import { advance, cellBefore, nextStop, previousStop, type Cell } from './input-layout.ts';
import { commonPrefix } from './touch-input.ts';
import { editLine, insertable, type CursorStops } from './line-edits.ts';
import { historyLine } from '../../engine/index.ts';

export interface EditorHost {
  /** Writes to the terminal; `parsed` is called once the terminal has parsed the text. */
  write(text: string, parsed?: () => void): void;
  submit(line: string): Promise<void>;
  /** Whether the lines entered so far leave a construct open (a quote, `do` without `done`, a
   * here-document without its end): the editor then asks for the next line after `> `, as bash's PS2. */
  incomplete?(text: string): boolean;
  complete(line: string, cursor: number): Promise<{ start: number; candidates: string[] }>;
  /** The prompt, as plain text (its width is counted, escapes are not). */
  prompt(): string;
  /** The terminal's width in cells. */
  columns(): number;
  /** The column of the terminal's cursor (the width itself while a full row waits to wrap). */
  column(): number;
}

/** The input as the reader edits it, drawn after its prompt. */
interface Input {
  prompt: string;
  line: string;
  cursor: number;
}

/** What the editor asks of the screen, in order. */
type Step = { draw: Input } | { redraw: true } | { leave: string } | { text: string } | { fresh: true };

/** The cursor stops past a character and its combining marks, as xterm draws them. */
const widthStops: CursorStops = { next: nextStop, previous: previousStop };

const up = (rows: number) => (rows > 0 ? `\x1b[${rows}A` : rows < 0 ? `\x1b[${-rows}B` : '');
const toColumn = (col: number) => `\r${col > 0 ? `\x1b[${col}C` : ''}`;

export class LineEditor {
  private line = '';
  private cursor = 0;
  /** The input on the screen, until it is left for a command's output. */
  private shown: Input | undefined;
  /** The input's row the terminal's cursor is on, counted from the prompt's row. */
  private cursorRow = 0;
  /** The input's last row as drawn (one past the text when it fills its last row). */
  private lastRow = 0;
  private steps: Step[] = [];
  private drawing: Promise<void> | undefined;
  private history: string[];
  private historyIndex: number;
  private busy = false;
  /** Lines entered of a command still open, waiting for the line that completes it. */
  private continued: string[] = [];
  /** False while a line typed for the reader (a note, not a command) runs: it stays out of the history. */
  private remember = true;
  /** Settles when the command entered last has run and the prompt after it is drawn. */
  private running: Promise<void> = Promise.resolve();
  private readonly host: EditorHost;
  private readonly saveHistory: (history: string[]) => void;

  constructor(host: EditorHost, history: string[], saveHistory: (history: string[]) => void) {
    this.host = host;
    this.history = history;
    this.historyIndex = history.length;
    this.saveHistory = saveHistory;
  }

  /** Draws the prompt and the line being edited on a row of their own: the cursor's, when it is at its start. */
  showPrompt(): Promise<void> {
    void this.schedule({ fresh: true });
    return this.redraw();
  }

  /** The terminal changed width: draw the input again for the new one. */
  resize(): Promise<void> {
    return this.schedule({ redraw: true });
  }

  /** Resolves once the terminal has parsed all the editor asked for so far. */
  whenDrawn(): Promise<void> {
    return this.drawing ?? Promise.resolve();
  }

  private redraw(): Promise<void> {
    return this.schedule({ draw: { prompt: this.continued.length ? '> ' : this.host.prompt(), line: this.line, cursor: this.cursor } });
  }

  /** Queues a step; the queue is worked out and written when the terminal has caught up. */
  private schedule(step: Step): Promise<void> {
    this.steps.push(step);
    if (this.drawing) return this.drawing;
    let drawn!: () => void;
    const drawing = new Promise<void>((resolve) => (drawn = resolve));
    this.drawing = drawing;
    const flush = () => {
      // A fresh prompt asks where the cursor is, so the steps before it are written and parsed first.
      const fresh = this.steps.findIndex((s, i) => i > 0 && 'fresh' in s);
      const steps = this.steps.splice(0, fresh < 0 ? this.steps.length : fresh);
      const last = this.steps.length === 0;
      if (last && this.drawing === drawing) this.drawing = undefined;
      // A drawing followed by another is overdrawn at once: skip it.
      const out = steps.map((s, i) => ('draw' in s && steps[i + 1] && 'draw' in steps[i + 1] ? '' : this.render(s))).join('');
      this.host.write(out, last ? drawn : flush);
    };
    // Right after a key xterm parses a write at once, so this callback may run before write returns.
    this.host.write('', flush);
    return drawing;
  }

  private render(step: Step): string {
    if ('draw' in step) return this.draw(step.draw);
    if ('redraw' in step) return this.shown ? this.draw(this.shown) : '';
    if ('leave' in step) return this.leave(step.leave);
    if ('fresh' in step) {
      this.shown = undefined;
      this.cursorRow = 0;
      this.lastRow = 0;
      return this.host.column() > 0 ? '\r\n' : '';
    }
    return step.text;
  }

  private draw(input: Input): string {
    const columns = Math.max(this.host.columns(), 2);
    const { prompt, line, cursor } = input;
    let out = `${up(this.cursorRow)}\r\x1b[J${prompt}${line}`;
    let end = advance(prompt + line, columns);
    if (end.col >= columns) {
      // The text fills its last row: go to the next one so the cursor's cell is a real one.
      out += '\r\n';
      end = { row: end.row + 1, col: 0 };
    }
    const target = cellBefore(prompt + line.slice(0, cursor), line.slice(cursor), columns);
    out += up(end.row - target.row) + toColumn(target.col);
    this.shown = input;
    this.cursorRow = target.row;
    this.lastRow = end.row;
    return out;
  }

  /** Moves the terminal's cursor to a cell of the input. */
  private moveTo(cell: Cell): string {
    const out = up(this.cursorRow - cell.row) + toColumn(cell.col);
    this.cursorRow = cell.row;
    return out;
  }

  /** Leaves the input as drawn and puts the cursor at the start of the row after its text. */
  private leave(suffix: string): string {
    if (!this.shown) return suffix ? `${suffix}\r\n` : '';
    const columns = Math.max(this.host.columns(), 2);
    const end = advance(this.shown.prompt + this.shown.line, columns);
    // When the text fills its last row, the blank row drawn after it is where the next output goes.
    const filled = end.col >= columns;
    let out = this.moveTo(filled ? { row: this.lastRow, col: 0 } : end);
    if (suffix || !filled) out += `${suffix}\r\n`;
    this.shown = undefined;
    this.cursorRow = 0;
    this.lastRow = 0;
    return out;
  }

  private set(line: string, cursor = line.length): void {
    this.line = line;
    this.cursor = cursor;
    void this.redraw();
  }

  private insert(text: string): void {
    const clean = insertable(text);
    if (clean) this.set(this.line.slice(0, this.cursor) + clean + this.line.slice(this.cursor), this.cursor + clean.length);
  }

  /** The commands run, oldest first, as ↑ walks them. */
  historyLines(): readonly string[] {
    return this.history;
  }

  /**
   * Runs text as if typed: each of its lines in turn; `remember` false keeps them out of the history.
   * A line the reader was typing is not thrown away: it stays on the screen marked ^C, as bash shows
   * an interrupted line, and goes into the history, so ↑ brings it back.
   */
  async type(text: string, remember = true): Promise<void> {
    for (const line of text.split('\n')) {
      // A command still running keeps the terminal: the line waits for the prompt after it.
      while (this.busy) await this.running;
      if (this.line.trim()) this.interrupt(true);
      this.set(insertable(line));
      this.remember = remember;
      await this.handle('\r');
    }
  }

  async handle(data: string): Promise<void> {
    if (this.busy) return;
    // A paste of several lines runs them one after the other.
    if (data.length > 1 && /[\r\n]/.test(data) && !data.startsWith('\x1b')) {
      const lines = data.split(/\r\n|\r|\n/);
      for (let i = 0; i < lines.length; i++) {
        this.insert(lines[i]);
        if (i < lines.length - 1) await this.handle('\r');
      }
      return;
    }
    const edited = editLine({ line: this.line, cursor: this.cursor }, data, widthStops);
    if (edited) {
      if (edited.line !== this.line || edited.cursor !== this.cursor) this.set(edited.line, edited.cursor);
      return;
    }
    switch (data) {
      case '\r':
        return this.enter();
      case '\x03':
        this.interrupt(false);
        return;
      case '\x0c':
        // Clear the screen and its scrollback, then draw the input at the top, as bash does.
        void this.schedule({ text: '\x1b[H\x1b[2J\x1b[3J' });
        void this.showPrompt();
        return;
      case '\x1b[A':
        if (this.historyIndex > 0) this.set(this.history[--this.historyIndex]);
        return;
      case '\x1b[B':
        if (this.historyIndex < this.history.length) {
          this.historyIndex += 1;
          this.set(this.history[this.historyIndex] ?? '');
        }
        return;
      case '\t':
        return this.completeWord();
    }
  }

  /** Leaves the line on the screen marked ^C and starts an empty one; `keep` puts it into the history. */
  private interrupt(keep: boolean): void {
    void this.schedule({ leave: '^C' });
    this.continued = [];
    if (keep) this.remembered(this.line);
    this.line = '';
    this.cursor = 0;
    this.historyIndex = this.history.length;
    void this.redraw();
  }

  /** Adds a line to the history as its newest, once. */
  private remembered(line: string): void {
    this.history = [...this.history.filter((h) => h !== line), line].slice(-200);
    this.saveHistory(this.history);
  }

  private enter(): Promise<void> {
    this.running = this.run();
    return this.running;
  }

  private async run(): Promise<void> {
    const line = [...this.continued, this.line].join('\n');
    const remember = this.remember;
    if (this.host.incomplete?.(line)) {
      this.continued.push(this.line);
      this.line = '';
      this.cursor = 0;
      await this.schedule({ leave: '' });
      await this.showPrompt();
      return;
    }
    const continued = this.continued.length > 0;
    this.continued = [];
    this.line = '';
    this.cursor = 0;
    this.remember = true;
    // A command typed over several lines comes back with ↑ as bash keeps it: on one line.
    const kept = continued ? historyLine(line) : line;
    if (kept.trim() && remember && !kept.includes('\n')) this.remembered(kept);
    this.historyIndex = this.history.length;
    this.busy = true;
    try {
      // The command's output goes under the input, so the input is left first.
      await this.schedule({ leave: '' });
      await this.host.submit(line);
    } finally {
      this.busy = false;
    }
    await this.showPrompt();
  }

  private async completeWord(): Promise<void> {
    const { start, candidates } = await this.host.complete(this.line, this.cursor);
    if (candidates.length === 0) return;
    const typed = this.line.slice(start, this.cursor);
    const common = commonPrefix(candidates);
    if (candidates.length === 1) {
      const word = `${candidates[0]} `;
      this.set(this.line.slice(0, start) + word + this.line.slice(this.cursor), start + word.length);
    } else if (common.length > typed.length) {
      this.set(this.line.slice(0, start) + common + this.line.slice(this.cursor), start + common.length);
    } else {
      // Several candidates: list them below the input and draw it again after them, as bash does.
      void this.schedule({ leave: '' });
      void this.schedule({ text: `${insertable(candidates.join('  '))}\r\n` });
      await this.redraw();
    }
  }
}
