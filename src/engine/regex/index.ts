// One compiled pattern for the lab's commands: the linear automaton whenever the pattern allows
// it, the bounded backtracker only for what needs it. Every search of one pattern shares one
// step budget, so a command's whole run over its input stays bounded; a command may also count
// the steps in its own budget (a sink).
import { exactLiteral, fixedTests, minLength, needsBacktracking, requiredLiteral, superset, type CharTest, type Node } from './ast.ts';
import { Backtracker } from './backtrack.ts';
import { BACKTRACK_STEPS, BACKTRACK_WEIGHT, Budget, LINEAR_STEPS, type StepSink } from './limits.ts';
import { Automaton, type Mode, type Spans } from './pike.ts';
import type { Subject } from './subject.ts';

export { Subject } from './subject.ts';
export { RegexBudgetError, RegexTooBigError, type StepSink } from './limits.ts';
export type { Mode, Spans } from './pike.ts';

/** Characters a literal scan passes for one step of the automaton (a scan is a tight loop, a step is not). */
const SCAN_PER_STEP = 16;

export class Regex {
  readonly groups: number;
  /** Whether this pattern runs on the backtracking fallback. */
  readonly backtracking: boolean;
  private readonly automaton?: Automaton;
  private readonly bare?: Automaton;
  private readonly backtracker?: Backtracker;
  /** For the backtracker: a linear screen that rejects most texts that cannot match. */
  private readonly screen?: Automaton;
  private readonly budget: Budget;
  private readonly screenBudget: Budget;
  /** Text every match contains: a search first looks for it, and a text without it is done. */
  private readonly literal: Int32Array;
  /** Whether the pattern is that text and nothing else, so finding it is the match. */
  private readonly onlyLiteral: boolean;
  /** The tests of a pattern that is a fixed run of characters: its first place is every kind of match. */
  private readonly fixed: CharTest[] | null;
  /** Whether every match has at least one character (an empty rest of a text holds none). */
  readonly needsCharacters: boolean;

  /** Compiles eagerly, so a pattern too big for the lab fails here (RegexTooBigError). */
  constructor(root: Node, groups: number, sink?: StepSink) {
    this.groups = groups;
    this.backtracking = needsBacktracking(root);
    this.screenBudget = new Budget(LINEAR_STEPS, false, sink);
    if (this.backtracking) {
      this.backtracker = new Backtracker(root, groups);
      this.screen = new Automaton(superset(root), 0, false);
      this.budget = new Budget(BACKTRACK_STEPS, true, sink && ((steps) => sink(steps * BACKTRACK_WEIGHT)));
    } else {
      this.automaton = new Automaton(root, groups, groups > 0);
      this.bare = groups > 0 ? new Automaton(root, 0, false) : this.automaton;
      this.budget = this.screenBudget;
    }
    const exact = exactLiteral(root);
    this.onlyLiteral = exact !== null && exact.length > 0 && groups === 0;
    this.literal = Int32Array.from(this.onlyLiteral ? exact! : requiredLiteral(root));
    const fixed = this.backtracking ? null : fixedTests(root);
    this.fixed = fixed && fixed.length > 0 ? fixed : null;
    this.needsCharacters = minLength(root) > 0;
  }

  /** Instructions of the compiled automata: what the pattern holds in memory, and what compiling it took. */
  get size(): number {
    const automata = [this.automaton, this.screen, this.bare === this.automaton ? undefined : this.bare];
    return automata.reduce((sum, a) => sum + (a?.size ?? 0), 0);
  }

  /** The match at or after `from` (text before `from` still counts for anchors and look-behind). */
  search(subject: Subject, from: number, mode: Mode, captures = true, nonEmpty = false): Spans | null {
    const found = this.findLiteral(subject, from);
    if (found < 0) return null;
    if (this.onlyLiteral) return [found, found + this.literal.length];
    if (this.fixed && (!captures || this.groups === 0)) return this.fixedRun(subject, from);
    if (this.backtracker) {
      if (!this.screened(subject, from, nonEmpty)) return null;
      return this.backtracker.search(subject, from, mode, this.budget, nonEmpty);
    }
    return (captures ? this.automaton! : this.bare!).search(subject, from, mode, this.budget, nonEmpty);
  }

  /** Whether a match lies at or after `from`; with `nonEmpty`, one of at least a character. */
  test(subject: Subject, from = subject.start, nonEmpty = false): boolean {
    if (nonEmpty || this.backtracker) return this.search(subject, from, 'exists', false, nonEmpty) !== null;
    const found = this.findLiteral(subject, from);
    if (found < 0) return false;
    if (this.onlyLiteral) return true;
    if (this.fixed) return this.fixedRun(subject, from) !== null;
    return this.bare!.exists(subject, from, this.budget);
  }

  /** The first place at or after `from` where the fixed run of characters matches. */
  private fixedRun(subject: Subject, from: number): Spans | null {
    const tests = this.fixed!;
    const cps = subject.cps;
    const last = subject.end - tests.length;
    let steps = 1;
    try {
      for (let at = from; at <= last; at++) {
        let k = 0;
        while (k < tests.length && tests[k](cps[at + k])) k++;
        steps += k + 1;
        if (k === tests.length) return [at, at + k];
        if (steps > 65536) {
          this.budget.spend(steps);
          steps = 0;
        }
      }
      return null;
    } finally {
      this.budget.spend(steps);
    }
  }

  /** Where the pattern's required text first occurs at or after `from` (-1: nowhere, so no match); `from` when it has none. */
  private findLiteral(subject: Subject, from: number): number {
    if (this.literal.length === 0) return from;
    const at = subject.indexOf(this.literal, from, subject.end);
    this.screenBudget.spend(1 + Math.floor(((at < 0 ? subject.end : at) - from) / SCAN_PER_STEP));
    return at;
  }

  /** The backtracker's screen: false when even the pattern's linear superset has no match. */
  private screened(subject: Subject, from: number, nonEmpty: boolean): boolean {
    if (nonEmpty) return this.screen!.search(subject, from, 'exists', this.screenBudget, true) !== null;
    return this.screen!.exists(subject, from, this.screenBudget);
  }

  /** Gives the backtracking fallback its whole allowance again: Oniguruma counts each match call on its own. */
  restartBacktracking(): void {
    if (this.backtracking) this.budget.refill();
  }
}
