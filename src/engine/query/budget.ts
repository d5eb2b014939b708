// What one --query may spend in the lab. Python's jmespath has no limits, but the lab runs the
// query on the page's own thread, and a short query can describe a huge value (`{a:@,b:@}`
// twenty times shares one value a million ways). Two meters, as for jq: steps (nodes visited and
// elements walked: time) and work (bytes built, copied, compared or written: time and memory).
// Either one ends the query with a lab message, which az prints in its frame for query errors.
import { QueryError } from './errors.ts';

/** A bound of the lab, not of jmespath: az prints "Invalid jmespath query supplied for `--query`: <message>". */
export class QueryLimit extends QueryError {}

export const MAX_STEPS = 500_000;
/** Work, in approximate bytes; cumulative, so it also bounds the memory a query can hold. */
export const MAX_WORK = 32 * 1024 * 1024;
/** How deeply a query nests (its tree, and the parser's own recursion). */
export const MAX_QUERY_DEPTH = 256;
/** How deeply the values a query compares or writes may nest (Python itself stops near 1000). */
export const MAX_VALUE_DEPTH = 512;

/** Approximate bytes each unit of data costs (an array slot, a dict entry, a character, a comparison). */
export const COST = { item: 8, entry: 32, char: 1, compare: 8 } as const;

export const stepsExceeded = () => new QueryLimit(`the lab stops queries after ${MAX_STEPS} steps`);
export const workExceeded = () => new QueryLimit(`the lab stops queries that build or compare more than ${MAX_WORK / 1024 / 1024} MB of data`);
export const queryTooDeep = () => new QueryLimit(`the lab reads queries nested at most ${MAX_QUERY_DEPTH} levels deep`);
export const valueTooDeep = () => new QueryLimit(`the lab stops queries on values nested more than ${MAX_VALUE_DEPTH} levels deep`);

export class QueryBudget {
  private steps = 0;
  private work = 0;

  step(count = 1): void {
    this.steps += count;
    if (this.steps > MAX_STEPS) throw stepsExceeded();
  }

  charge(bytes: number): void {
    this.work += bytes;
    if (!(this.work <= MAX_WORK)) throw workExceeded();
  }

  /** `count` items of `cost` each: charged before they are built. */
  items(count: number, cost: number = COST.item): void {
    this.charge(count * cost);
  }

  get workLeft(): number {
    return Math.max(0, MAX_WORK - this.work);
  }
}

/** Throws past MAX_VALUE_DEPTH: every walk over a value calls it with the level it reached. */
export function checkDepth(level: number): void {
  if (level > MAX_VALUE_DEPTH) throw valueTooDeep();
}
