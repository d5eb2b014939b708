// Line editing for the lab terminal on top of xterm's key data: cursor movement, Home/End,
// Ctrl-A/E/U/K/W/C/L, history and Tab completion. Hand-written: the maintained readline add-ons
// for xterm target older xterm majors, and this is about 150 lines we control.

export interface EditorHost {
  write(text: string): void;
  submit(line: string): Promise<void>;
  complete(line: string, cursor: number): Promise<{ start: number; candidates: string[] }>;
  clearScreen(): void;
  prompt(): string;
}

export class LineEditor {
  private line = '';
  private cursor = 0;
  private history: string[];
  private historyIndex: number;
  private busy = false;
  private readonly host: EditorHost;
  private readonly saveHistory: (history: string[]) => void;

  constructor(host: EditorHost, history: string[], saveHistory: (history: string[]) => void) {
    this.host = host;
    this.history = history;
    this.historyIndex = history.length;
    this.saveHistory = saveHistory;
  }

  showPrompt(): void {
    this.host.write(this.host.prompt());
  }

  /** Redraws the prompt line and puts the cursor where it belongs. */
  private redraw(): void {
    const back = this.line.length - this.cursor;
    this.host.write(`\r\x1b[K${this.host.prompt()}${this.line}${back ? `\x1b[${back}D` : ''}`);
  }

  private set(line: string, cursor = line.length): void {
    this.line = line;
    this.cursor = cursor;
    this.redraw();
  }

  /** Runs text as if typed: each of its lines in turn. */
  async type(text: string): Promise<void> {
    for (const line of text.split('\n')) {
      this.set(line);
      await this.handle('\r');
    }
  }

  async handle(data: string): Promise<void> {
    if (this.busy) return;
    // A paste of several lines runs them one after the other.
    if (data.length > 1 && /[\r\n]/.test(data) && !data.startsWith('\x1b')) {
      const lines = data.split(/\r\n|\r|\n/);
      for (let i = 0; i < lines.length; i++) {
        this.set(this.line.slice(0, this.cursor) + lines[i] + this.line.slice(this.cursor));
        if (i < lines.length - 1) await this.handle('\r');
      }
      return;
    }
    switch (data) {
      case '\r':
        return this.enter();
      case '\x7f':
      case '\b':
        if (this.cursor > 0) this.set(this.line.slice(0, this.cursor - 1) + this.line.slice(this.cursor), this.cursor - 1);
        return;
      case '\x1b[3~':
        this.set(this.line.slice(0, this.cursor) + this.line.slice(this.cursor + 1), this.cursor);
        return;
      case '\x1b[D':
        if (this.cursor > 0) this.set(this.line, this.cursor - 1);
        return;
      case '\x1b[C':
        if (this.cursor < this.line.length) this.set(this.line, this.cursor + 1);
        return;
      case '\x01':
      case '\x1b[H':
      case '\x1b[1~':
      case '\x1bOH':
        this.set(this.line, 0);
        return;
      case '\x05':
      case '\x1b[F':
      case '\x1b[4~':
      case '\x1bOF':
        this.set(this.line);
        return;
      case '\x15':
        this.set(this.line.slice(this.cursor), 0);
        return;
      case '\x0b':
        this.set(this.line.slice(0, this.cursor), this.cursor);
        return;
      case '\x17': {
        const before = this.line.slice(0, this.cursor).replace(/\S+\s*$/, '');
        this.set(before + this.line.slice(this.cursor), before.length);
        return;
      }
      case '\x03':
        this.host.write('^C\r\n');
        this.line = '';
        this.cursor = 0;
        this.showPrompt();
        return;
      case '\x0c':
        this.host.clearScreen();
        this.redraw();
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
      default:
        if (data.startsWith('\x1b') || data < ' ') return;
        this.set(this.line.slice(0, this.cursor) + data + this.line.slice(this.cursor), this.cursor + data.length);
    }
  }

  private async enter(): Promise<void> {
    const line = this.line;
    this.host.write('\r\n');
    this.line = '';
    this.cursor = 0;
    if (line.trim()) {
      this.history = [...this.history.filter((h) => h !== line), line].slice(-200);
      this.saveHistory(this.history);
    }
    this.historyIndex = this.history.length;
    this.busy = true;
    try {
      await this.host.submit(line);
    } finally {
      this.busy = false;
    }
    this.showPrompt();
  }

  private async completeWord(): Promise<void> {
    const { start, candidates } = await this.host.complete(this.line, this.cursor);
    if (candidates.length === 0) return;
    const typed = this.line.slice(start, this.cursor);
    const common = candidates.reduce((prefix, c) => {
      let i = 0;
      while (i < prefix.length && prefix[i] === c[i]) i++;
      return prefix.slice(0, i);
    });
    if (candidates.length === 1) {
      const word = `${candidates[0]} `;
      this.set(this.line.slice(0, start) + word + this.line.slice(this.cursor), start + word.length);
    } else if (common.length > typed.length) {
      this.set(this.line.slice(0, start) + common + this.line.slice(this.cursor), start + common.length);
    } else {
      // Several candidates: list them below the line, as bash does on a second Tab.
      this.host.write(`\r\n${candidates.join('  ')}\r\n`);
      this.redraw();
    }
  }
}
