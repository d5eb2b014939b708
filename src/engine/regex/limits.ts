// The lab's bounds on one pattern: how big its automaton may grow and how much work matching
// may take. Commands turn these errors into their own words.
import { takeFirstLookups } from './chars.ts';

/** Instructions one compiled pattern may have (GNU's own counts stop at 32767 per repeat). */
export const MAX_PROGRAM = 200_000;

/** Thread steps of the linear matcher, summed over every search one compiled pattern makes. */
export const LINEAR_STEPS = 30_000_000;

/** Steps of the backtracking matcher (back-references, look-around), over every search of one pattern. */
export const BACKTRACK_STEPS = 1_000_000;

/** What a backtracking step costs in the automaton's steps, for a command that counts both in its own budget. */
export const BACKTRACK_WEIGHT = 4;

/** What a character test answered for the first time costs (a property escape, a case mapping), in steps. */
export const LOOKUP_STEPS = 6;

/** The pattern's automaton would exceed MAX_PROGRAM instructions. */
export class RegexTooBigError extends Error {
  constructor() {
    super(`pattern needs more than ${MAX_PROGRAM} states`);
  }
}

/** Matching used up its steps; `backtracking` says which matcher ran out. */
export class RegexBudgetError extends Error {
  readonly steps: number;
  readonly backtracking: boolean;
  constructor(steps: number, backtracking: boolean) {
    super(`matching stopped after ${steps} steps`);
    this.steps = steps;
    this.backtracking = backtracking;
  }
}

/** Where a command also counts the steps its patterns take (jq's work budget). */
export type StepSink = (steps: number) => void;

/** A shared allowance of steps, spent by every search of one compiled pattern. */
export class Budget {
  private left: number;
  readonly total: number;
  readonly backtracking: boolean;
  private readonly sink?: StepSink;
  constructor(total: number, backtracking: boolean, sink?: StepSink) {
    this.total = total;
    this.left = total;
    this.backtracking = backtracking;
    this.sink = sink;
  }

  spend(steps: number): void {
    steps += takeFirstLookups() * LOOKUP_STEPS;
    this.left -= steps;
    this.sink?.(steps);
    if (this.left < 0) throw new RegexBudgetError(this.total, this.backtracking);
  }

  /** A fresh allowance: Oniguruma's retry limit counts each match call on its own. */
  refill(): void {
    this.left = this.total;
  }
}
