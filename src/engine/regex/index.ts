// One compiled pattern for the lab's commands: the linear automaton whenever the pattern allows
// it, the bounded backtracker only for what needs it. Every search of one pattern shares one
// step budget, so a command's whole run over its input stays bounded.
import { needsBacktracking, superset, type Node } from './ast.ts';
import { Backtracker } from './backtrack.ts';
import { BACKTRACK_STEPS, Budget, LINEAR_STEPS } from './limits.ts';
import { Automaton, type Mode } from './pike.ts';
import { Subject } from './subject.ts';

export { Subject } from './subject.ts';
export { RegexBudgetError, RegexTooBigError } from './limits.ts';
export type { Mode } from './pike.ts';

/** [start, end] of the whole match and of each group (-1 when the group took no part). */
export type Spans = Int32Array;

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
  private readonly screenBudget = new Budget(LINEAR_STEPS, false);

  /** Compiles eagerly, so a pattern too big for the lab fails here (RegexTooBigError). */
  constructor(root: Node, groups: number) {
    this.groups = groups;
    this.backtracking = needsBacktracking(root);
    if (this.backtracking) {
      this.backtracker = new Backtracker(root, groups);
      this.screen = new Automaton(superset(root), 0, false);
      this.budget = new Budget(BACKTRACK_STEPS, true);
    } else {
      this.automaton = new Automaton(root, groups, groups > 0);
      this.bare = groups > 0 ? new Automaton(root, 0, false) : this.automaton;
      this.budget = new Budget(LINEAR_STEPS, false);
    }
  }

  /** The match at or after `from` (text before `from` still counts for anchors and look-behind). */
  search(subject: Subject, from: number, mode: Mode, captures = true, nonEmpty = false): Spans | null {
    if (this.backtracker) {
      if (!this.screen!.search(subject, from, 'exists', this.screenBudget, nonEmpty)) return null;
      return this.backtracker.search(subject, from, mode, this.budget, nonEmpty);
    }
    return (captures ? this.automaton! : this.bare!).search(subject, from, mode, this.budget, nonEmpty);
  }

  test(subject: Subject): boolean {
    return this.search(subject, 0, 'exists', false) !== null;
  }
}
