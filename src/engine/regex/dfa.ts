// Whether a text holds a match, answered by a DFA built lazily from the program (as GNU grep's dfa
// and RE2 do): a state is the set of instructions the Pike VM's threads would be waiting on, made
// the first time a character leads to it and then reused, so a text costs one table look-up per
// character however big the pattern. Making a state costs what the Pike VM would spend on that
// position, and is counted the same way; the states kept are bounded, and past the bound they are
// dropped and made again as needed.
import type { AssertKind, CharTest } from './ast.ts';
import type { Budget } from './limits.ts';
import { ASSERT, CHAR, JMP, MATCH, SAVE, SPLIT, stepWeight, type Program } from './program.ts';
import { wordEdgeHolds, type Subject } from './subject.ts';

/** What the position before a character says: the search's start, after a newline, after a word character. */
const AT_START = 1;
const AFTER_NEWLINE = 2;
const AFTER_WORD = 4;

/** Assertions that depend on the character after the position: they wait in a state until it comes. */
const NEEDS_NEXT = new Set<AssertKind>(['text-end', 'line-end', 'word-boundary', 'not-word-boundary', 'word-start', 'word-end', 'not-before-word']);

/** States kept, and instructions they may hold in all, before the DFA starts over (some 4 MB at most). */
const MAX_STATES = 2048;
const MAX_HELD = 1 << 19;

/** Steps that making a transition counts besides the instructions it follows (its set-up, remembering it). */
const TRANSITION_STEPS = 16;

/** Steps that making a state counts besides its instructions: its table of 128 transitions. */
const STATE_STEPS = 16;

/** What one remembered transition of a character past ASCII holds, in instructions' worth of memory. */
const MAP_ENTRY = 8;

/** Steps made before they are charged to the budget. */
const CHUNK = 4096;

/** Steps a cached transition is counted as: the same as one thread step, to keep the count simple. */
const STEP_PER_CHARACTER = 1;

interface State {
  /** Instructions waiting at this position: characters to test, and assertions waiting for the next character. */
  pcs: Int32Array;
  flags: number;
  hash: number;
  /** The state each ASCII character leads to, once known. */
  ascii: Array<State | undefined>;
  other: Map<number, State>;
  /** Whether a match ends at the end of the text when the text ends here (-1: not yet known). */
  atEnd: number;
}

/** Reached an instruction that matches: the text holds a match. */
const MATCHED: State = { pcs: new Int32Array(0), flags: 0, hash: 0, ascii: [], other: new Map(), atEnd: 1 };

export class Dfa {
  private readonly p: Program;
  private readonly word: CharTest | undefined;
  /** Once a state is empty no later one can fill: nothing but the search's start lets the pattern begin. */
  private readonly anchored: boolean;
  private readonly index = new Map<number, State[]>();
  private readonly initial: Array<State | undefined> = [];
  private held = 0;
  private states = 0;
  // Work arrays of closure(), the size of the program.
  private readonly seen: Uint32Array;
  private generation = 0;
  private readonly stack: Int32Array;
  private readonly out: Int32Array;
  private count = 0;
  /** The characters' instructions of one transition, gathered before the next position's closure reuses `out`. */
  private readonly ready: Int32Array;
  private steps = 0;
  /** What each step counts as, for the size of the program (stepWeight). */
  private readonly weight: number;

  /** Whether the DFA can answer for this program: every assertion must depend on the neighbouring characters only. */
  static supports(p: Program): boolean {
    let word: CharTest | undefined;
    for (let pc = 0; pc < p.op.length; pc++) {
      const a = p.asserts[pc];
      if (!a) continue;
      if (a.kind === 'search-start' || a.kind === 'text-end-newline') return false;
      if (word !== undefined && a.word !== word) return false;
      word = a.word;
    }
    return true;
  }

  constructor(p: Program) {
    this.p = p;
    this.word = p.asserts.find((a) => a !== undefined)?.word;
    const size = p.op.length;
    this.weight = stepWeight(size);
    this.seen = new Uint32Array(size);
    this.stack = new Int32Array(size + 1);
    this.out = new Int32Array(size);
    this.ready = new Int32Array(size);
    this.anchored = [0, AFTER_NEWLINE, AFTER_WORD, AFTER_NEWLINE | AFTER_WORD].every((flags) => {
      this.begin();
      return !this.follow(0, flags, -1, false) && this.count === 0;
    });
    this.steps = 0;
  }

  /** Whether some match lies in the subject's window at or after `from`. */
  exists(s: Subject, from: number, budget: Budget): boolean {
    try {
      return this.scan(s, from, budget);
    } finally {
      this.charge(budget);
    }
  }

  private charge(budget: Budget): void {
    const steps = this.steps;
    this.steps = 0;
    budget.spend(steps * this.weight);
  }

  private scan(s: Subject, from: number, budget: Budget): boolean {
    const cps = s.cps;
    const end = s.end;
    // A search is counted as one step, and each character it reads as one more.
    this.steps += 1;
    const flags = from === s.start ? AT_START : this.flagsAfter(cps[from - 1]);
    let state = this.initial[flags] ?? this.start(flags);
    if (state === MATCHED) return true;
    let pos = from;
    try {
      for (; pos < end; pos++) {
        const cp = cps[pos];
        let next = cp < 128 ? state.ascii[cp] : state.other.get(cp);
        if (next === undefined) {
          next = this.transition(state, cp);
          // Making states is the costly part: it is charged as it goes, not when the text is done.
          if (this.steps > CHUNK) this.charge(budget);
        }
        if (next === MATCHED) return true;
        if (this.anchored && next.pcs.length === 0) return false;
        state = next;
      }
    } finally {
      this.steps += (pos - from) * STEP_PER_CHARACTER;
    }
    if (state.atEnd < 0) state.atEnd = this.endMatches(state) ? 1 : 0;
    return state.atEnd === 1;
  }

  private flagsAfter(cp: number): number {
    if (this.word === undefined) return 0; // no assertion asks
    return (cp === 10 ? AFTER_NEWLINE : 0) | (this.word(cp) ? AFTER_WORD : 0);
  }

  private start(flags: number): State {
    this.begin();
    const state = this.follow(0, flags, -1, false) ? MATCHED : this.intern(flags);
    this.initial[flags] = state;
    return state;
  }

  /** The state `cp` leads to from `state`, made now and remembered in `state`. */
  private transition(state: State, cp: number): State {
    const { op, x, tests } = this.p;
    const { pcs } = state;
    // At the character's own position: the waiting assertions learn what follows them.
    this.begin();
    for (let i = 0; i < pcs.length; i++) this.seen[pcs[i]] = this.generation;
    this.steps += TRANSITION_STEPS + pcs.length;
    let matched = false;
    for (let i = 0; i < pcs.length && !matched; i++) {
      const pc = pcs[i];
      if (op[pc] === ASSERT && this.holds(this.p.asserts[pc]!.kind, state.flags, cp, false)) matched = this.follow(x[pc], state.flags, cp, false);
    }
    let next = MATCHED;
    if (!matched) {
      // The threads waiting on a character, then a new start, each followed past `cp`.
      const ready = this.ready;
      let count = 0;
      for (let i = 0; i < pcs.length; i++) if (op[pcs[i]] === CHAR) ready[count++] = pcs[i];
      for (let i = 0; i < this.count; i++) if (op[this.out[i]] === CHAR) ready[count++] = this.out[i];
      this.steps += count;
      const flags = this.flagsAfter(cp);
      this.begin();
      for (let i = 0; i < count && !matched; i++) if (tests[ready[i]]!(cp)) matched = this.follow(x[ready[i]], flags, -1, false);
      if (!matched) matched = this.follow(0, flags, -1, false);
      if (!matched) next = this.intern(flags);
    }
    if (cp < 128) state.ascii[cp] = next;
    else {
      // A text of many different characters fills these maps: they count towards the bound too.
      state.other.set(cp, next);
      this.held += MAP_ENTRY;
      if (this.held > MAX_HELD) this.forget();
    }
    return next;
  }

  /** Whether a state's waiting assertions, told that the text ends here, lead to a match. */
  private endMatches(state: State): boolean {
    this.begin();
    for (const pc of state.pcs) this.seen[pc] = this.generation;
    this.steps += state.pcs.length;
    for (const pc of state.pcs) {
      if (this.p.op[pc] !== ASSERT) continue;
      const a = this.p.asserts[pc]!;
      if (this.holds(a.kind, state.flags, -1, true) && this.follow(this.p.x[pc], state.flags, -1, true)) return true;
    }
    return false;
  }

  /** Starts a new set of instructions for one position. */
  private begin(): void {
    this.count = 0;
    if (++this.generation === 0xffffffff) {
      this.seen.fill(0);
      this.generation = 1;
    }
  }

  /**
   * Follows empty moves from pc at one position, adding what waits there to `out`; true when an
   * instruction that matches is reached. `next` is the following character when known (-1 with
   * `atEnd`: none), else assertions that need it wait.
   */
  private follow(pc0: number, flags: number, next: number, atEnd: boolean): boolean {
    const { op, x, y, asserts } = this.p;
    const { seen, stack, out } = this;
    const generation = this.generation;
    const known = next >= 0 || atEnd;
    let top = 0;
    stack[top++] = pc0;
    while (top > 0) {
      let pc = stack[--top];
      for (;;) {
        if (seen[pc] === generation) break;
        seen[pc] = generation;
        this.steps++;
        const o = op[pc];
        if (o === JMP || o === SAVE) pc = x[pc];
        else if (o === SPLIT) {
          stack[top++] = y[pc];
          pc = x[pc];
        } else if (o === ASSERT) {
          const a = asserts[pc]!;
          if (!known && NEEDS_NEXT.has(a.kind)) {
            out[this.count++] = pc;
            break;
          }
          if (!this.holds(a.kind, flags, next, atEnd)) break;
          pc = x[pc];
        } else if (o === MATCH) return true;
        else {
          out[this.count++] = pc;
          break;
        }
      }
    }
    return false;
  }

  /** An assertion at a position described by the flags before it and the character after it (-1 at the end). */
  private holds(kind: AssertKind, flags: number, next: number, atEnd: boolean): boolean {
    const wordBefore = (flags & AFTER_WORD) !== 0;
    const wordAfter = next >= 0 && this.word !== undefined && this.word(next);
    switch (kind) {
      case 'text-start':
        return (flags & AT_START) !== 0;
      case 'line-start':
        return (flags & (AT_START | AFTER_NEWLINE)) !== 0;
      case 'text-end':
        return atEnd;
      case 'line-end':
        return atEnd || next === 10;
      case 'search-start':
      case 'text-end-newline':
        throw new Error(`the DFA cannot decide ${kind}`);
      default:
        return wordEdgeHolds(kind, wordBefore, wordAfter);
    }
  }

  /** The state for what `out` holds, the one already made when there is one. */
  private intern(flags: number): State {
    const { out, count } = this;
    let hash = (flags * 0x9e3779b1) | 0;
    for (let i = 0; i < count; i++) hash = Math.imul(hash ^ out[i], 0x01000193);
    this.steps += count;
    let bucket = this.index.get(hash);
    if (bucket) {
      for (const state of bucket) if (state.flags === flags && this.holdsOut(state.pcs)) return state;
    }
    if (this.states >= MAX_STATES || this.held + count > MAX_HELD) {
      this.forget();
      bucket = undefined;
    }
    const state: State = { pcs: out.slice(0, count), flags, hash, ascii: new Array<State | undefined>(128), other: new Map(), atEnd: -1 };
    if (bucket) bucket.push(state);
    else this.index.set(hash, [state]);
    this.states++;
    this.held += count + 128;
    this.steps += STATE_STEPS;
    return state;
  }

  /** Whether `pcs` are the instructions `out` holds, in the same order. */
  private holdsOut(pcs: Int32Array): boolean {
    if (pcs.length !== this.count) return false;
    for (let i = 0; i < pcs.length; i++) if (pcs[i] !== this.out[i]) return false;
    return true;
  }

  /** Drops every state made so far (states in use stay valid, and lead to new ones from now on). */
  private forget(): void {
    this.index.clear();
    this.initial.length = 0;
    this.states = 0;
    this.held = 0;
  }
}
