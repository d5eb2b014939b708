// `npm run bench`: in-process latency of every line of the part 2 transcript in fixture mode, and
// the heap the loaded world takes. Budgets (issue contract): p50 <= 1 ms and p99 <= 5 ms per line,
// world heap <= 20 MB. Then live mode against fake ARM and Kubernetes servers on loopback that
// answer after 100 ms: per line, wall time and ARM/Kubernetes calls on a cold cache (budget: one
// round trip + 20 ms) and on a warm one (budget 5 ms). Exits 1 when a budget is exceeded.
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { loadLab } from '../src/node/labs.ts';
import { createFixtureWorld } from '../src/engine/world/fixture/index.ts';
import { Session } from '../src/engine/session.ts';
import { transcriptLines } from '../src/engine/transcript.ts';
import { liveWorldOn, startFakeCluster } from '../tests/helpers/fake-cluster.ts';

const WARMUP = 30;
const RUNS = 300;
const BUDGET = { p50: 1, p99: 5, heapMB: 20 };

const gc = (globalThis as { gc?: () => void }).gc;
function heapUsed(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const lines = transcriptLines(await readFile(new URL('../labs/transcripts/part2.sh', import.meta.url), 'utf8'));

const before = heapUsed();
const lab = await loadLab({ name: 'aro2' });
const world = createFixtureWorld(lab);
const session = new Session(world);
// One pass first: it sets the transcript's variables and builds whatever indexes the world builds lazily.
for (const line of lines) await session.run(line);
const worldHeapMB = (heapUsed() - before) / 1024 / 1024;

const rows: Array<{ line: string; p50: number; p99: number }> = [];
for (const line of lines) {
  for (let i = 0; i < WARMUP; i++) await session.run(line);
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await session.run(line);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  rows.push({ line, p50: percentile(samples, 50), p99: percentile(samples, 99) });
}

const width = Math.min(90, Math.max(...rows.map((r) => r.line.length)));
const cut = (s: string) => (s.length > width ? `${s.slice(0, width - 1)}…` : s.padEnd(width));
console.log(`fixture mode, lab aro2, ${RUNS} runs per line after ${WARMUP} warm-up runs (Node ${process.version})`);
console.log(`${'line'.padEnd(width)}  p50 ms  p99 ms`);
for (const r of rows) console.log(`${cut(r.line)}  ${r.p50.toFixed(3).padStart(6)}  ${r.p99.toFixed(3).padStart(6)}`);
const worstP50 = Math.max(...rows.map((r) => r.p50));
const worstP99 = Math.max(...rows.map((r) => r.p99));
console.log(`worst p50 ${worstP50.toFixed(3)} ms (budget ${BUDGET.p50}), worst p99 ${worstP99.toFixed(3)} ms (budget ${BUDGET.p99})`);
console.log(`world heap ${worldHeapMB.toFixed(2)} MB (budget ${BUDGET.heapMB})${gc ? '' : ' (no --expose-gc: figure is rough)'}`);
const fixtureOk = worstP50 <= BUDGET.p50 && worstP99 <= BUDGET.p99 && worldHeapMB <= BUDGET.heapMB;

// Live mode. Each line runs once with the cache emptied first (cold) and once right after (warm),
// in a session whose variables the transcript has already set.
const ROUND_TRIP = 100;
const LIVE_BUDGET = { cold: ROUND_TRIP + 20, warm: 5 };
const fake = await startFakeCluster(lab, { latencyMs: ROUND_TRIP });
const live = await liveWorldOn(fake, lab);
const frozen = () => new Date(lab.info.clock);
const liveSession = new Session(live, { now: frozen });
for (const line of lines) await liveSession.run(line);
const liveRows: Array<{ line: string; cold: number; calls: string; warm: number }> = [];
for (const line of lines) {
  await live.refresh();
  const before = live.calls();
  let start = performance.now();
  await liveSession.run(line);
  const cold = performance.now() - start;
  const after = live.calls();
  const warmSamples: number[] = [];
  for (let i = 0; i < 20; i++) {
    start = performance.now();
    await liveSession.run(line);
    warmSamples.push(performance.now() - start);
  }
  warmSamples.sort((a, b) => a - b);
  liveRows.push({ line, cold, calls: `${after.arm - before.arm} ARM, ${after.kube - before.kube} k8s`, warm: percentile(warmSamples, 50) });
}
await fake.close();
console.log('');
console.log(`live mode against fake ARM and Kubernetes servers with ${ROUND_TRIP} ms latency; warm = median of 20 runs`);
console.log(`${'line'.padEnd(width)}  cold ms  calls (cold)      warm ms`);
for (const r of liveRows) console.log(`${cut(r.line)}  ${r.cold.toFixed(1).padStart(7)}  ${r.calls.padEnd(16)}  ${r.warm.toFixed(3).padStart(7)}`);
const worstCold = Math.max(...liveRows.map((r) => r.cold));
const worstWarm = Math.max(...liveRows.map((r) => r.warm));
console.log(`worst cold ${worstCold.toFixed(1)} ms (budget ${LIVE_BUDGET.cold}), worst warm ${worstWarm.toFixed(3)} ms (budget ${LIVE_BUDGET.warm})`);
const liveOk = worstCold <= LIVE_BUDGET.cold && worstWarm <= LIVE_BUDGET.warm;

const ok = fixtureOk && liveOk;
console.log(`bench: ${ok ? 'within budget' : 'OVER BUDGET'}`);
process.exitCode = ok ? 0 : 1;
