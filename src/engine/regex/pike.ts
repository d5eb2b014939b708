// The linear matcher: the tree compiled to a Thompson automaton and run as a Pike VM, every
// thread advancing one character at a time, so the work is (text length × program size) at most,
// whatever the pattern. Threads keep the order a backtracker would try them, which gives Perl's
// leftmost-first submatches; POSIX leftmost-longest keeps the earliest start and the latest end.
import type { Node } from './ast.ts';
import type { Budget } from './limits.ts';
import { Dfa } from './dfa.ts';
import { ASSERT, Compiler, JMP, MATCH, SAVE, SPLIT, stepWeight, type Program } from './program.ts';
import type { Subject } from './subject.ts';

/**
 * first: the match a backtracker finds first (Perl, Oniguruma); longest: the leftmost start, then
 * the longest end (POSIX, grep); longest-anywhere: the longest match at any start, the earliest of
 * equals (Oniguruma's FIND_LONGEST); exists: any match, found as soon as possible.
 */
export type Mode = 'first' | 'longest' | 'longest-anywhere' | 'exists';

/** [start, end] of the whole match and of each group (-1 when the group took no part). */
export type Spans = ArrayLike<number>;

/** Work counted per chunk: the budget is charged at least this often, however long one search runs. */
const CHUNK = 4096;

/** Steps that making the VM's arrays counts per instruction (two thread lists and a stack, some 56 bytes). */
const MACHINE_STEPS = 4;

/** A compiled automaton; `slots` is 2 × (groups + 1) when submatches are kept, else 2. */
export class Automaton {
  private readonly p: Program;
  private readonly captures: boolean;
  /** Thread lists and stacks, made by the first search and reused by every later one. */
  private vm?: Machine;
  /** The lazy DFA that answers `exists`, made by its first use (null: the program needs the VM). */
  private dfa?: Dfa | null;

  constructor(root: Node, groups: number, captures: boolean) {
    const c = new Compiler(captures ? (groups + 1) * 2 : 2, captures);
    c.compile(root);
    c.p.op.push(MATCH);
    c.p.x.push(-1);
    c.p.y.push(-1);
    c.p.tests.push(undefined);
    c.p.asserts.push(undefined);
    this.p = c.p;
    this.captures = captures;
  }

  get size(): number {
    return this.p.op.length;
  }

  /**
   * Submatch positions [start0, end0, start1, end1, …] (-1 when unset) of the match at or after
   * `from`, within the subject's window. Every move the threads make is charged to `budget`.
   */
  search(s: Subject, from: number, mode: Mode, budget: Budget, nonEmpty = false): Spans | null {
    if (!this.vm) {
      this.vm = new Machine(this.p, this.captures);
      budget.spend(this.size * MACHINE_STEPS);
    }
    return this.vm.run(s, from, mode, budget, nonEmpty);
  }

  /** Whether a match lies in the subject's window at or after `from`: by the DFA when it can, else by the VM. */
  exists(s: Subject, from: number, budget: Budget): boolean {
    if (this.dfa === undefined) {
      this.dfa = Dfa.supports(this.p) ? new Dfa(this.p) : null;
      if (this.dfa) budget.spend(this.size);
    }
    if (this.dfa) return this.dfa.exists(s, from, budget);
    return this.search(s, from, 'exists', budget) !== null;
  }
}

const NO_CAPTURES = new Int32Array(0);

/** One automaton's matching state: arrays the size of the program, allocated once. */
class Machine {
  private readonly p: Program;
  private readonly captures: boolean;
  /** Steps taken since the budget was last charged. */
  private steps = 0;
  private clist: ThreadList;
  private nlist: ThreadList;
  /** Pending moves of add(): a program counter, its thread's start and submatches. */
  private readonly stackPc: Int32Array;
  private readonly stackStart: Int32Array;
  private readonly stackCaps: Int32Array[];
  /** What a copy of one thread's submatches costs, in steps. */
  private readonly copyCost: number;
  /** What each step counts as, for the size of the program (stepWeight). */
  private readonly weight: number;

  constructor(p: Program, captures: boolean) {
    this.p = p;
    this.captures = captures;
    const size = p.op.length;
    this.clist = new ThreadList(size, captures);
    this.nlist = new ThreadList(size, captures);
    // Each instruction is entered at most once per list, and a split leaves one move pending.
    this.stackPc = new Int32Array(size + 1);
    this.stackStart = new Int32Array(size + 1);
    this.stackCaps = captures ? new Array<Int32Array>(size + 1) : [];
    this.copyCost = 1 + (p.slots >> 3);
    this.weight = stepWeight(size);
  }

  run(s: Subject, from: number, mode: Mode, budget: Budget, nonEmpty: boolean): Spans | null {
    const { op, x, tests } = this.p;
    const n = s.end;
    const cps = s.cps;
    const captures = this.captures;
    let clist = this.clist;
    let nlist = this.nlist;
    clist.clear();
    let best: number[] | null = null;
    // Setting up a search is work too: a text searched line by line pays it once per line.
    this.steps += this.copyCost;
    try {
      for (let pos = from; ; pos++) {
        if (best === null || mode === 'longest-anywhere') {
          let seed = NO_CAPTURES;
          if (captures) {
            seed = new Int32Array(this.p.slots).fill(-1);
            seed[0] = pos;
            this.steps += this.copyCost;
          }
          this.add(clist, 0, pos, seed, s, pos, from, budget);
        }
        // No thread left and no new start to come: nothing more can match.
        if (clist.count === 0 && best !== null && mode !== 'longest-anywhere') break;
        nlist.clear();
        const cp = pos < n ? cps[pos] : -1;
        for (let i = 0; i < clist.count; i++) {
          const pc = clist.pcs[i];
          const start = clist.starts[i];
          if (mode === 'longest' && best !== null && start > best[0]) continue;
          this.steps++;
          if (op[pc] === MATCH) {
            if (nonEmpty && pos === start) continue; // Oniguruma's FIND_NOT_EMPTY
            const caps = captures ? clist.caps[i] : NO_CAPTURES;
            if (mode === 'exists') return this.finish(caps, start, pos);
            if (mode === 'first') {
              best = this.finish(caps, start, pos);
              break; // lower-priority threads lose to this one
            }
            if (mode === 'longest') {
              if (best === null || start < best[0] || (start === best[0] && pos > best[1])) best = this.finish(caps, start, pos);
            } else if (best === null || pos - start > best[1] - best[0]) best = this.finish(caps, start, pos);
            continue;
          }
          if (cp >= 0 && tests[pc]!(cp)) this.add(nlist, x[pc], start, captures ? clist.caps[i] : NO_CAPTURES, s, pos + 1, from, budget);
        }
        if (this.steps > CHUNK) this.charge(budget);
        if (pos >= n) break;
        const done = clist;
        clist = nlist;
        nlist = done;
      }
      return best;
    } finally {
      this.clist = clist;
      this.nlist = nlist;
      this.charge(budget);
    }
  }

  private charge(budget: Budget): void {
    const steps = this.steps;
    this.steps = 0;
    budget.spend(steps * this.weight);
  }

  /** Follows empty moves from pc, adding the threads that wait on a character or have matched. */
  private add(list: ThreadList, pc0: number, start: number, caps0: Int32Array, s: Subject, pos: number, from: number, budget: Budget): void {
    const { op, x, y, asserts } = this.p;
    const { stackPc, stackStart, stackCaps } = this;
    const captures = this.captures;
    let top = 0;
    stackPc[top] = pc0;
    stackStart[top] = start;
    if (captures) stackCaps[top] = caps0;
    top++;
    let steps = 0;
    while (top > 0) {
      top--;
      let pc = stackPc[top];
      const begin = stackStart[top];
      let caps = captures ? stackCaps[top] : NO_CAPTURES;
      for (;;) {
        if (list.has(pc)) break;
        list.mark(pc);
        steps++;
        const o = op[pc];
        if (o === JMP) pc = x[pc];
        else if (o === SPLIT) {
          stackPc[top] = y[pc];
          stackStart[top] = begin;
          if (captures) stackCaps[top] = caps;
          top++;
          pc = x[pc];
        } else if (o === SAVE) {
          if (captures) {
            caps = caps.slice();
            caps[y[pc]] = pos;
            steps += this.copyCost;
            // Copies of many groups add up within one position: charge them as they come.
            if (steps > CHUNK) {
              this.steps += steps;
              steps = 0;
              this.charge(budget);
            }
          }
          pc = x[pc];
        } else if (o === ASSERT) {
          const a = asserts[pc]!;
          if (!s.holds(a.kind, a.word, pos, from)) break;
          pc = x[pc];
        } else {
          list.push(pc, begin, caps);
          break;
        }
      }
    }
    this.steps += steps;
  }

  /** A plain array: a match is read once, and small arrays cost far less to make than typed ones. */
  private finish(caps: Int32Array, start: number, end: number): number[] {
    this.steps += this.copyCost;
    if (!this.captures) return [start, end];
    const out = Array.from(caps);
    out[0] = start;
    out[1] = end;
    return out;
  }
}

/** Threads of one step, in priority order, at most one per instruction. */
class ThreadList {
  readonly pcs: Int32Array;
  readonly starts: Int32Array;
  readonly caps: Int32Array[];
  private readonly seen: Uint32Array;
  private generation = 0;
  count = 0;

  constructor(size: number, captures: boolean) {
    this.pcs = new Int32Array(size);
    this.starts = new Int32Array(size);
    this.caps = captures ? new Array<Int32Array>(size) : [];
    this.seen = new Uint32Array(size);
  }

  has(pc: number): boolean {
    return this.seen[pc] === this.generation;
  }

  mark(pc: number): void {
    this.seen[pc] = this.generation;
  }

  push(pc: number, start: number, caps: Int32Array): void {
    this.pcs[this.count] = pc;
    this.starts[this.count] = start;
    if (caps !== NO_CAPTURES) this.caps[this.count] = caps;
    this.count++;
  }

  /** Empties the list; marks of earlier generations no longer count. */
  clear(): void {
    this.count = 0;
    if (++this.generation === 0xffffffff) {
      this.seen.fill(0);
      this.generation = 1;
    }
  }
}
