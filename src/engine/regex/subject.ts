// The text a pattern runs over, as code points: positions count characters (jq's offsets do),
// while slices still come from the original string. A text is converted once; each line of it
// (grep) or each rest of it (jq's sub) is a window onto the same arrays, so no search pays for
// converting its text again.
import type { AssertKind, CharTest } from './ast.ts';

interface Shared {
  text: string;
  cps: Int32Array;
  units: Int32Array;
}

export class Subject {
  readonly text: string;
  readonly cps: Int32Array;
  /** UTF-16 index of each code point, and the text's length at the end. */
  private readonly units: Int32Array;
  /** What a search sees: positions start..end of the text, as if nothing lay outside them. */
  readonly start: number;
  readonly end: number;

  constructor(text: string, shared?: Shared, start?: number, end?: number) {
    if (shared) {
      this.text = shared.text;
      this.cps = shared.cps;
      this.units = shared.units;
    } else {
      this.text = text;
      // Typed arrays of the text's length at most, filled in one pass: no per-character objects.
      const cps = new Int32Array(text.length);
      const units = new Int32Array(text.length + 1);
      let n = 0;
      for (let i = 0; i < text.length; n++) {
        let cp = text.charCodeAt(i);
        units[n] = i++;
        // A high surrogate followed by a low one is one astral code point; alone, it stands for itself.
        if (cp >= 0xd800 && cp <= 0xdbff && i < text.length) {
          const low = text.charCodeAt(i);
          if (low >= 0xdc00 && low <= 0xdfff) {
            cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
            i++;
          }
        }
        cps[n] = cp;
      }
      units[n] = text.length;
      this.cps = cps.subarray(0, n);
      this.units = units.subarray(0, n + 1);
    }
    this.start = start ?? 0;
    this.end = end ?? this.cps.length;
  }

  /** The same text seen only from `start` to `end` (absolute positions), without converting it again. */
  window(start: number, end: number): Subject {
    return new Subject(this.text, { text: this.text, cps: this.cps, units: this.units }, start, end);
  }

  /** Characters in the window. */
  get length(): number {
    return this.end - this.start;
  }

  slice(start: number, end: number): string {
    return this.text.slice(this.units[start], this.units[end]);
  }

  /** The first position at or after `from`, before `to`, where the code points of `literal` occur. */
  indexOf(literal: Int32Array, from: number, to: number): number {
    const cps = this.cps;
    const first = literal[0];
    const last = to - literal.length;
    for (let at = from; at <= last; at++) {
      if (cps[at] !== first) continue;
      let k = 1;
      while (k < literal.length && cps[at + k] === literal[k]) k++;
      if (k === literal.length) return at;
    }
    return -1;
  }

  /** Whether a zero-width assertion holds at `pos`; `from` is where the search began. */
  holds(kind: AssertKind, word: CharTest, pos: number, from: number): boolean {
    const { start, end } = this;
    const prev = pos > start ? this.cps[pos - 1] : -1;
    const next = pos < end ? this.cps[pos] : -1;
    switch (kind) {
      case 'text-start':
        return pos === start;
      case 'text-end':
        return pos === end;
      case 'text-end-newline':
        return pos === end || (pos === end - 1 && next === 10);
      case 'line-start':
        return pos === start || prev === 10;
      case 'line-end':
        return pos === end || next === 10;
      case 'search-start':
        return pos === from;
    }
    return wordEdgeHolds(kind, prev >= 0 && word(prev), next >= 0 && word(next));
  }
}

/** A word-edge assertion, given whether a word character stands before and after the position. */
export function wordEdgeHolds(kind: AssertKind, wordBefore: boolean, wordAfter: boolean): boolean {
  switch (kind) {
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
    default:
      throw new Error(`${kind} is not a word edge`);
  }
}
