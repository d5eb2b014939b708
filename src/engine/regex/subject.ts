// The text a pattern runs over, as code points: positions count characters (jq's offsets do),
// while slices still come from the original string.
import type { AssertKind, CharTest } from './ast.ts';

export class Subject {
  readonly text: string;
  readonly cps: Int32Array;
  /** UTF-16 index of each code point, and the text's length at the end. */
  private readonly units: Int32Array;

  constructor(text: string) {
    this.text = text;
    // Typed arrays of the text's length at most, filled in one pass: no per-character objects.
    const cps = new Int32Array(text.length);
    const units = new Int32Array(text.length + 1);
    let n = 0;
    for (let i = 0; i < text.length; n++) {
      const cp = text.codePointAt(i)!;
      cps[n] = cp;
      units[n] = i;
      i += cp > 0xffff ? 2 : 1;
    }
    units[n] = text.length;
    this.cps = cps.subarray(0, n);
    this.units = units.subarray(0, n + 1);
  }

  get length(): number {
    return this.cps.length;
  }

  slice(start: number, end: number): string {
    return this.text.slice(this.units[start], this.units[end]);
  }

  /** Whether a zero-width assertion holds at `pos`; `from` is where the search began. */
  holds(kind: AssertKind, word: CharTest, pos: number, from: number): boolean {
    const n = this.cps.length;
    const prev = pos > 0 ? this.cps[pos - 1] : -1;
    const next = pos < n ? this.cps[pos] : -1;
    const wordBefore = prev >= 0 && word(prev);
    const wordAfter = next >= 0 && word(next);
    switch (kind) {
      case 'text-start':
        return pos === 0;
      case 'text-end':
        return pos === n;
      case 'text-end-newline':
        return pos === n || (pos === n - 1 && next === 10);
      case 'line-start':
        return pos === 0 || prev === 10;
      case 'line-end':
        return pos === n || next === 10;
      case 'word-boundary':
        return wordBefore !== wordAfter;
      case 'not-word-boundary':
        return wordBefore === wordAfter;
      case 'word-start':
        return !wordBefore && wordAfter;
      case 'word-end':
        return wordBefore && !wordAfter;
      case 'not-after-word':
        return !wordBefore;
      case 'not-before-word':
        return !wordAfter;
      case 'search-start':
        return pos === from;
    }
  }
}
