// `npm run budget`: builds the site and prints its budgets — build seconds; per chapter page the
// JavaScript fetched before any interaction (terminal off-screen) and the terminal's chunks,
// gzipped; Lighthouse mobile scores for two chapters. Exits 1 when a budget is exceeded.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../src/node/chromium.ts';

const ROOT = new URL('../', import.meta.url).pathname;
const PORT = 4397;
const BASE = `http://127.0.0.1:${PORT}`;
const CHROME = findChromium();
// JS before interaction: 26 KB gz of it is Starlight's search UI, which Starlight loads when the
// browser is first idle; the rest is the docked terminal's frame, the exercises and the diagram
// buttons. Loading the search UI only when search opens is what brings this down next.
const BUDGET = { buildSeconds: 60, jsBeforeKB: 36.5, terminalKB: 120, performance: 98, accessibility: 100, bestPractices: 100, seo: 100 };

const gzKB = (file: string) => gzipSync(readFileSync(join(ROOT, 'dist', file))).length / 1024;
const over: string[] = [];
const check = (ok: boolean, what: string) => ok || over.push(what);

const started = performance.now();
execFileSync('npx', ['astro', 'build'], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
const buildSeconds = (performance.now() - started) / 1000;
console.log(`build: ${buildSeconds.toFixed(1)} s (budget ${BUDGET.buildSeconds})`);
check(buildSeconds <= BUDGET.buildSeconds, 'build time');

const server = spawn('npx', ['astro', 'preview', '--host', '127.0.0.1', '--port', String(PORT)], { cwd: ROOT, detached: true, stdio: 'ignore' });
try {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(BASE)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const browser = await chromium.launch({ executablePath: CHROME, args: CHROMIUM_ARGS });
  const chapters = readdirSync(join(ROOT, 'dist/chapters')).sort();
  console.log(`${'page'.padEnd(34)}  JS before interaction (KB gz)  terminal chunks (KB gz)`);
  for (const chapter of chapters) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 300 } });
    const fetched = new Set<string>();
    page.on('request', (r) => r.url().endsWith('.js') && fetched.add(new URL(r.url()).pathname));
    await page.goto(`${BASE}/chapters/${chapter}/`, { waitUntil: 'networkidle' });
    const before = [...fetched].reduce((kb, f) => kb + gzKB(f), 0);
    fetched.clear();
    await page.locator('lab-terminal').scrollIntoViewIfNeeded();
    await page.waitForSelector('lab-terminal[data-ready="true"]');
    const terminal = [...fetched].map((f) => ({ f, kb: gzKB(f) }));
    const xterm = terminal.find((t) => t.f.includes('/mount.'))?.kb ?? 0;
    const rest = terminal.filter((t) => !t.f.includes('/mount.')).reduce((kb, t) => kb + t.kb, 0);
    console.log(`${`/chapters/${chapter}/`.padEnd(34)}  ${before.toFixed(1).padStart(28)}  ${`terminal ${xterm.toFixed(1)} + engine and lab ${rest.toFixed(1)}`}`);
    check(before <= BUDGET.jsBeforeKB, `JS before interaction on ${chapter}`);
    check(xterm <= BUDGET.terminalKB, `terminal chunk on ${chapter}`);
    await page.close();
  }
  await browser.close();

  const out = mkdtempSync(join(tmpdir(), 'lighthouse-'));
  for (const chapter of chapters.slice(2, 4)) {
    const file = join(out, `${chapter}.json`);
    execFileSync('npx', ['lighthouse', `${BASE}/chapters/${chapter}/`, `--chrome-path=${CHROME}`, `--chrome-flags=${CHROMIUM_ARGS.join(' ')}`, '--output=json', `--output-path=${file}`, '--quiet', '--form-factor=mobile'], { cwd: ROOT, stdio: 'ignore' });
    const report = JSON.parse(readFileSync(file, 'utf8'));
    const score = (id: string) => Math.round(report.categories[id].score * 100);
    const s = { performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'), seo: score('seo') };
    console.log(`lighthouse mobile /chapters/${chapter}/: performance ${s.performance}, accessibility ${s.accessibility}, best practices ${s.bestPractices}, SEO ${s.seo}`);
    for (const key of Object.keys(s) as Array<keyof typeof s>) check(s[key] >= BUDGET[key], `lighthouse ${key} on ${chapter}`);
  }
} finally {
  if (server.pid) process.kill(-server.pid);
}
console.log(over.length ? `budget: OVER (${over.join('; ')})` : 'budget: within budget');
process.exitCode = over.length ? 1 : 0;
