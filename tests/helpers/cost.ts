// Work whose cost a hostile input decides: catastrophic patterns, values that double, tables of a
// million cells. A test checks what such work answers (the tool's answer or the lab's limit); how
// much CPU it takes is measured by `npm run bench`, which runs these tests on their own with
// ARO_LABS_COST_REPORT set and holds each piece of work to its budget. A test never asserts on
// time: on a busy machine the machine, not the code, would decide whether it passes.
import { appendFileSync } from 'node:fs';
import { expect } from 'vitest';

/** Where each piece of work's CPU is written, one JSON line each, when the bench asks for it. */
const REPORT = process.env.ARO_LABS_COST_REPORT;

export interface CostRecord {
  test: string;
  /** The piece of work within the test, when it runs several. */
  work?: string;
  cpuMs: number;
}

function record(label: string | undefined, before: NodeJS.CpuUsage): void {
  if (!REPORT) return;
  const used = process.cpuUsage(before);
  const entry: CostRecord = { test: expect.getState().currentTestName ?? 'outside a test', work: label, cpuMs: (used.user + used.system) / 1000 };
  appendFileSync(REPORT, `${JSON.stringify(entry)}\n`);
}

/** Runs costly work and returns what it answered, its CPU recorded for the bench. */
export async function costly<T>(work: () => Promise<T>, label?: string): Promise<T> {
  const before = process.cpuUsage();
  try {
    return await work();
  } finally {
    record(label, before);
  }
}

/** The same for work that runs at once and may throw: what it returned, or what it threw. */
export function costlySync<T>(work: () => T, label?: string): { value?: T; error?: unknown } {
  const before = process.cpuUsage();
  try {
    return { value: work() };
  } catch (error) {
    return { error };
  } finally {
    record(label, before);
  }
}
