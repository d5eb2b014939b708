// The linear matcher: the tree compiled to a Thompson automaton and run as a Pike VM, every
// thread advancing one character at a time, so the work is (text length × program size) at most,
// whatever the pattern. Threads keep the order a backtracker would try them, which gives Perl's
// leftmost-first submatches; POSIX leftmost-longest keeps the earliest start and the latest end.
import type { AssertKind, CharTest, Node } from './ast.ts';
import { Budget, MAX_PROGRAM, RegexTooBigError } from './limits.ts';
import type { Subject } from './subject.ts';

const CHAR = 0;
const SPLIT = 1;
const JMP = 2;
const SAVE = 3;
const ASSERT = 4;
const MATCH = 5;

/**
 * first: the match a backtracker finds first (Perl, Oniguruma); longest: the leftmost start, then
 * the longest end (POSIX, grep); longest-anywhere: the longest match at any start, the earliest of
 * equals (Oniguruma's FIND_LONGEST); exists: any match, found as soon as possible.
 */
export type Mode = 'first' | 'longest' | 'longest-anywhere' | 'exists';

interface Program {
  op: number[];
  x: number[];
  y: number[];
  tests: Array<CharTest | undefined>;
  asserts: Array<{ kind: AssertKind; word: CharTest } | undefined>;
  slots: number;
}

class Compiler {
  readonly p: Program;
  private readonly captures: boolean;

  constructor(slots: number, captures: boolean) {
    this.p = { op: [], x: [], y: [], tests: [], asserts: [], slots };
    this.captures = captures;
  }

  private emit(op: number, x = -1, y = -1): number {
    if (this.p.op.length >= MAX_PROGRAM) throw new RegexTooBigError();
    this.p.op.push(op);
    this.p.x.push(x);
    this.p.y.push(y);
    this.p.tests.push(undefined);
    this.p.asserts.push(undefined);
    return this.p.op.length - 1;
  }

  private get next(): number {
    return this.p.op.length;
  }

  compile(node: Node): void {
    switch (node.type) {
      case 'empty':
        return;
      case 'char': {
        const pc = this.emit(CHAR);
        this.p.tests[pc] = node.test;
        this.p.x[pc] = pc + 1;
        return;
      }
      case 'seq':
        for (const item of node.items) this.compile(item);
        return;
      case 'alt': {
        const jumps: number[] = [];
        node.options.forEach((option, i) => {
          if (i < node.options.length - 1) {
            const split = this.emit(SPLIT);
            this.p.x[split] = this.next;
            this.compile(option);
            jumps.push(this.emit(JMP));
            this.p.y[split] = this.next;
          } else this.compile(option);
        });
        for (const j of jumps) this.p.x[j] = this.next;
        return;
      }
      case 'group': {
        const save = this.captures && node.index !== null;
        if (save) this.p.x[this.emit(SAVE, -1, node.index! * 2)] = this.next;
        this.compile(node.node);
        if (save) this.p.x[this.emit(SAVE, -1, node.index! * 2 + 1)] = this.next;
        return;
      }
      case 'assert': {
        const pc = this.emit(ASSERT);
        this.p.asserts[pc] = { kind: node.kind, word: node.word };
        this.p.x[pc] = pc + 1;
        return;
      }
      case 'repeat':
        return this.repeat(node.node, node.min, node.max, node.greedy);
      default:
        throw new Error(`${node.type} needs the backtracking matcher`);
    }
  }

  /** A split whose preferred branch is the body when greedy, the way out when lazy. */
  private split(greedy: boolean, body: number, out: number, at: number): void {
    this.p.x[at] = greedy ? body : out;
    this.p.y[at] = greedy ? out : body;
  }

  private repeat(body: Node, min: number, max: number, greedy: boolean): void {
    for (let i = 0; i < min; i++) this.compile(body);
    if (max === Infinity) {
      const loop = this.emit(SPLIT);
      this.compile(body);
      this.p.x[this.emit(JMP)] = loop;
      this.split(greedy, loop + 1, this.next, loop);
      return;
    }
    const splits: number[] = [];
    for (let i = min; i < max; i++) {
      splits.push(this.emit(SPLIT));
      this.compile(body);
    }
    for (const s of splits) this.split(greedy, s + 1, this.next, s);
  }
}

/** A compiled automaton; `slots` is 2 × (groups + 1) when submatches are kept, else 2. */
export class Automaton {
  private readonly p: Program;
  private readonly captures: boolean;

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

  /** Submatch positions [start0, end0, start1, end1, …] (-1 when unset) of the match at or after `from`. */
  search(s: Subject, from: number, mode: Mode, budget: Budget, nonEmpty = false): Int32Array | null {
    const { op, x, y, tests, asserts, slots } = this.p;
    const size = op.length;
    const n = s.length;
    const cps = s.cps;
    let clist = new ThreadList(size);
    let nlist = new ThreadList(size);
    const stack: Array<number | Int32Array> = [];
    const captures = this.captures;

    /** Follows empty moves from pc, adding the threads that wait on a character or have matched. */
    const add = (list: ThreadList, pc0: number, caps0: Int32Array, pos: number) => {
      stack.push(pc0, caps0);
      while (stack.length) {
        let caps = stack.pop() as Int32Array;
        let pc = stack.pop() as number;
        for (;;) {
          if (list.has(pc)) break;
          list.mark(pc);
          const o = op[pc];
          if (o === JMP) pc = x[pc];
          else if (o === SPLIT) {
            stack.push(y[pc], caps);
            pc = x[pc];
          } else if (o === SAVE) {
            if (captures) {
              caps = caps.slice();
              caps[y[pc]] = pos;
            }
            pc = x[pc];
          } else if (o === ASSERT) {
            const a = asserts[pc]!;
            if (!s.holds(a.kind, a.word, pos, from)) break;
            pc = x[pc];
          } else {
            list.push(pc, caps);
            break;
          }
        }
      }
    };

    let best: Int32Array | null = null;
    let steps = 0;
    for (let pos = from; ; pos++) {
      if (best === null || mode === 'longest-anywhere') {
        const seed = new Int32Array(slots).fill(-1);
        seed[0] = pos;
        add(clist, 0, seed, pos);
      }
      // No thread left and no new start to come: nothing more can match.
      if (clist.count === 0 && best !== null && mode !== 'longest-anywhere') break;
      nlist.clear();
      const cp = pos < n ? cps[pos] : -1;
      for (let i = 0; i < clist.count; i++) {
        const pc = clist.pcs[i];
        const caps = clist.caps[i];
        if (mode === 'longest' && best !== null && caps[0] > best[0]) continue;
        steps++;
        if (op[pc] === MATCH) {
          if (nonEmpty && pos === caps[0]) continue; // Oniguruma's FIND_NOT_EMPTY
          if (mode === 'exists') {
            budget.spend(steps);
            return finish(caps, pos);
          }
          if (mode === 'first') {
            best = finish(caps, pos);
            break; // lower-priority threads lose to this one
          }
          if (mode === 'longest') {
            if (best === null || caps[0] < best[0] || (caps[0] === best[0] && pos > best[1])) best = finish(caps, pos);
          } else if (best === null || pos - caps[0] > best[1] - best[0]) best = finish(caps, pos);
          continue;
        }
        if (cp >= 0 && tests[pc]!(cp)) add(nlist, x[pc], caps, pos + 1);
      }
      if (steps > 65536) {
        budget.spend(steps);
        steps = 0;
      }
      if (pos >= n) break;
      [clist, nlist] = [nlist, clist];
    }
    budget.spend(steps);
    return best;
  }
}

function finish(caps: Int32Array, end: number): Int32Array {
  const out = caps.slice();
  out[1] = end;
  return out;
}

/** Threads of one step, in priority order, at most one per instruction. */
class ThreadList {
  readonly pcs: Int32Array;
  readonly caps: Int32Array[];
  private readonly seen: Uint32Array;
  private generation = 1;
  count = 0;

  constructor(size: number) {
    this.pcs = new Int32Array(size);
    this.caps = new Array<Int32Array>(size);
    this.seen = new Uint32Array(size);
  }

  has(pc: number): boolean {
    return this.seen[pc] === this.generation;
  }

  mark(pc: number): void {
    this.seen[pc] = this.generation;
  }

  push(pc: number, caps: Int32Array): void {
    this.pcs[this.count] = pc;
    this.caps[this.count++] = caps;
  }

  clear(): void {
    this.count = 0;
    this.generation++;
  }
}
