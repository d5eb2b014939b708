// grep's input as one text converted to code points once, and its lines as windows onto it: no
// line is copied or converted on its own, so what a line costs is only what searching it costs.
import { Subject } from '../../regex/index.ts';

const NEWLINE = 10;

/** UTF-8 length of the code points from..to (a lone surrogate is written as U+FFFD, three bytes). */
export function utf8Bytes(cps: Int32Array, from: number, to: number): number {
  let bytes = 0;
  for (let i = from; i < to; i++) {
    const cp = cps[i];
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
}

export class InputLines {
  readonly subject: Subject;
  readonly count: number;
  /** Where each line starts, and one past the end as if the input ended with a newline. */
  private readonly starts: Int32Array;

  /** The lines of `text` as the tools read them: a missing final newline is tolerated. */
  constructor(text: string) {
    const subject = new Subject(text);
    const cps = subject.cps;
    let newlines = 0;
    for (let i = 0; i < cps.length; i++) if (cps[i] === NEWLINE) newlines++;
    const unterminated = cps.length > 0 && cps[cps.length - 1] !== NEWLINE;
    this.count = newlines + (unterminated ? 1 : 0);
    const starts = new Int32Array(this.count + 1);
    for (let i = 0, line = 1; i < cps.length; i++) if (cps[i] === NEWLINE) starts[line++] = i + 1;
    starts[this.count] = cps.length + (unterminated ? 1 : 0);
    this.subject = subject;
    this.starts = starts;
  }

  start(line: number): number {
    return this.starts[line];
  }

  end(line: number): number {
    return this.starts[line + 1] - 1;
  }

  /** The line as a search sees it: its own text only. */
  window(line: number): Subject {
    return this.subject.window(this.start(line), this.end(line));
  }

  text(line: number): string {
    return this.subject.slice(this.start(line), this.end(line));
  }

  /** Lines from..to, each ended by a newline, in one slice of the input. */
  block(from: number, to: number): string {
    return `${this.subject.slice(this.start(from), this.end(to))}\n`;
  }

  /** UTF-8 byte offset of each line's start (grep -b). */
  byteOffsets(): Float64Array {
    const offsets = new Float64Array(this.count);
    let at = 0;
    for (let line = 0; line < this.count; line++) {
      offsets[line] = at;
      at += utf8Bytes(this.subject.cps, this.start(line), this.end(line)) + 1;
    }
    return offsets;
  }
}
