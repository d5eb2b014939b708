// What one jq run may spend in the lab. Real jq has no such limits; the lab terminal runs jq on
// the page's own thread, so every program must end quickly and build only so much. Two meters:
// steps (filters evaluated and values generated: time) and work (bytes built, copied, compared or
// written: time and memory). Either one ends the program with a lab message in jq's voice.

export class JqBudgetError extends Error {}

export const MAX_STEPS = 500_000;
/** Work, in approximate bytes; cumulative, so it also bounds the memory a program can hold. */
export const MAX_WORK = 32 * 1024 * 1024;

/** Approximate bytes each unit of data costs (a JS array slot, an object's property in an
 * engine's dictionary, a one-byte character). */
export const COST = { item: 8, entry: 32, char: 1, compare: 8 } as const;

/** What builtins and value helpers charge their work to. */
export interface Meter {
  charge(bytes: number): void;
  /** Work still allowed: writers stop there instead of building a string first. */
  readonly workLeft: number;
}

export class Budget implements Meter {
  private steps = 0;
  private work = 0;

  step(): void {
    if (++this.steps > MAX_STEPS) throw new JqBudgetError(`jq: error: the lab stops programs after ${MAX_STEPS} steps`);
  }

  charge(bytes: number): void {
    this.work += bytes;
    if (!(this.work <= MAX_WORK)) throw workExceeded();
  }

  get workLeft(): number {
    return Math.max(0, MAX_WORK - this.work);
  }
}

export function workExceeded(): JqBudgetError {
  return new JqBudgetError(`jq: error: the lab stops programs that build or scan more than ${MAX_WORK / 1024 / 1024} MB of data`);
}

/** A meter for callers with nothing to charge (error messages cut to a few characters). */
export const FREE: Meter = { charge() {}, workLeft: Infinity };
