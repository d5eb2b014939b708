// The bounded fallback for what no automaton can match: back-references, look-around, atomic
// groups and possessive repeats. It tries the ways to match one after another, as Oniguruma and
// glibc do, and stops with RegexBudgetError when the pattern's steps run out.
import type { Node } from './ast.ts';
import { sameLetter } from './chars.ts';
import { RegexBudgetError, type Budget } from './limits.ts';
import type { Mode } from './pike.ts';
import type { Subject } from './subject.ts';

type Next = (pos: number) => boolean;

export class Backtracker {
  private readonly root: Node;
  private readonly slots: number;

  constructor(root: Node, groups: number) {
    this.root = root;
    this.slots = (groups + 1) * 2;
  }

  search(s: Subject, from: number, mode: Mode, budget: Budget, nonEmpty = false): Int32Array | null {
    const run = new Run(s, from, this.slots, budget);
    try {
      let best: Int32Array | null = null;
      for (let start = from; start <= s.end; start++) {
        const found = run.at(this.root, start, mode, nonEmpty);
        if (found && mode !== 'longest-anywhere') return found;
        if (found && (best === null || found[1] - found[0] > best[1] - best[0])) best = found;
      }
      return best;
    } catch (e) {
      // Recursion as deep as the text is long can exhaust the stack: that is the same limit.
      if (e instanceof RangeError) throw new RegexBudgetError(budget.total, true);
      throw e;
    } finally {
      run.settle();
    }
  }
}

class Run {
  private readonly s: Subject;
  private readonly from: number;
  private readonly caps: Int32Array;
  private readonly budget: Budget;
  private steps = 0;
  /** What copying the submatch positions costs, in steps. */
  private readonly copyCost: number;

  constructor(s: Subject, from: number, slots: number, budget: Budget) {
    this.s = s;
    this.from = from;
    this.caps = new Int32Array(slots).fill(-1);
    this.budget = budget;
    this.copyCost = 1 + (slots >> 3);
    // Setting up a search is work too: a text searched line by line pays it once per line.
    this.steps = this.copyCost;
  }

  settle(): void {
    this.budget.spend(this.steps);
    this.steps = 0;
  }

  private step(): void {
    if (++this.steps > 4096) this.settle();
  }

  /** The match starting at `start`: the first found, or (longest modes) the one ending last. */
  at(root: Node, start: number, mode: Mode, nonEmpty: boolean): Int32Array | null {
    this.caps.fill(-1);
    this.steps += this.copyCost;
    let best: Int32Array | null = null;
    const n = this.s.end;
    this.match(root, start, (end) => {
      if ((best !== null && end <= best[1]) || (nonEmpty && end === start)) return false;
      best = this.caps.slice();
      this.steps += this.copyCost;
      best[0] = start;
      best[1] = end;
      // The longest modes go on trying, unless nothing longer is possible.
      return mode === 'first' || mode === 'exists' || end === n;
    });
    return best;
  }

  private match(node: Node, pos: number, k: Next): boolean {
    this.step();
    const s = this.s;
    switch (node.type) {
      case 'empty':
        return k(pos);
      case 'char':
        return pos < s.end && node.test(s.cps[pos]) && k(pos + 1);
      case 'seq':
        return this.sequence(node.items, 0, pos, k);
      case 'alt':
        for (const option of node.options) if (this.match(option, pos, k)) return true;
        return false;
      case 'group': {
        if (node.index === null) return this.match(node.node, pos, k);
        const i = node.index * 2;
        const [oldStart, oldEnd] = [this.caps[i], this.caps[i + 1]];
        const done = this.match(node.node, pos, (end) => {
          const [innerStart, innerEnd] = [this.caps[i], this.caps[i + 1]];
          this.caps[i] = pos;
          this.caps[i + 1] = end;
          if (k(end)) return true;
          this.caps[i] = innerStart;
          this.caps[i + 1] = innerEnd;
          return false;
        });
        if (!done) {
          this.caps[i] = oldStart;
          this.caps[i + 1] = oldEnd;
        }
        return done;
      }
      case 'assert':
        return s.holds(node.kind, node.word, pos, this.from) && k(pos);
      case 'repeat':
        if (node.possessive) return this.atomic({ ...node, possessive: false }, pos, k);
        return this.repeat(node, pos, 0, k);
      case 'backref':
        return this.backref(node.indexes, node.ignoreCase, pos, k);
      case 'atomic':
        return this.atomic(node.node, pos, k);
      case 'look':
        return this.look(node.node, node.behind, node.negate, pos, k);
    }
  }

  private sequence(items: Node[], i: number, pos: number, k: Next): boolean {
    if (i === items.length) return k(pos);
    return this.match(items[i], pos, (p) => this.sequence(items, i + 1, p, k));
  }

  private repeat(r: Extract<Node, { type: 'repeat' }>, pos: number, count: number, k: Next): boolean {
    if (count < r.min) return this.match(r.node, pos, (p) => this.repeat(r, p, count + 1, k));
    if (count >= r.max) return k(pos);
    // An iteration that matched nothing ends the loop, as in Perl and Oniguruma.
    const more = () => this.match(r.node, pos, (p) => p !== pos && this.repeat(r, p, count + 1, k));
    return r.greedy ? more() || k(pos) : k(pos) || more();
  }

  private backref(indexes: number[], ignoreCase: boolean, pos: number, k: Next): boolean {
    const i = [...indexes].reverse().find((g) => this.caps[g * 2 + 1] >= 0);
    if (i === undefined) return false;
    const [start, end] = [this.caps[i * 2], this.caps[i * 2 + 1]];
    const cps = this.s.cps;
    if (pos + (end - start) > this.s.end) return false;
    for (let j = 0; j < end - start; j++) {
      const a = cps[start + j];
      const b = cps[pos + j];
      if (a !== b && !(ignoreCase && sameLetter(a, b))) return false;
    }
    return k(pos + end - start);
  }

  /** Matches `node` once, its first way only, keeping its captures. */
  private atomic(node: Node, pos: number, k: Next): boolean {
    const saved = this.caps.slice();
    this.steps += this.copyCost;
    let end = -1;
    if (!this.match(node, pos, (p) => ((end = p), true))) return false;
    if (k(end)) return true;
    this.caps.set(saved);
    return false;
  }

  private look(node: Node, behind: boolean, negate: boolean, pos: number, k: Next): boolean {
    const saved = this.caps.slice();
    this.steps += this.copyCost;
    let found = false;
    if (!behind) found = this.match(node, pos, () => true);
    else for (let start = pos; start >= this.s.start && !found; start--) found = this.match(node, start, (p) => p === pos);
    if (found === negate) {
      this.caps.set(saved);
      return false;
    }
    if (negate) this.caps.set(saved);
    if (k(pos)) return true;
    this.caps.set(saved);
    return false;
  }
}
