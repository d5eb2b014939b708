// `npm run budget`: builds the site and prints its budgets, exiting 1 when a figure is over:
// - the build's seconds;
// - JavaScript before interaction, gzipped, on every page of the built site at 1280×800 and on a
//   390×844 phone: inline scripts plus every script fetched before the page is interactive (its
//   load event and first idle period); one line per page type with its worst page, and beside it
//   what the page fetches afterwards with no interaction at all (code put off until idle);
// - the terminal's first-prompt download: every chunk fetched from its start (a click on it, or
//   idle time when its place is on the first screen) until its first prompt shows (the marks
//   lab-terminal:start and lab-terminal:prompt), on every page with one, and with the engine
//   that loads behind the prompt;
// - Lighthouse (mobile) on one page of each type.
// `--no-build` measures the build already there; `--no-lighthouse` skips Lighthouse. The site is
// built into, and read from, ARO_LABS_DIST when set (dist/ otherwise), as the browser tests do.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from '../src/node/chromium.ts';
import { DIST, ROOT, startSite } from '../tests/helpers/site.ts';
import { sitePages, type PageType, type SitePage } from './budget/pages.ts';
import { gzKB, measurePage, VIEWPORTS, type PageJs, type Viewport } from './budget/page-js.ts';

const BUDGET = { buildSeconds: 60, jsBeforeKB: 10, terminalKB: 120, performance: 98, accessibility: 100, bestPractices: 100, seo: 100 };
const LIGHTHOUSE_TYPES: PageType[] = ['chapter', 'scenario', 'workshop', 'home'];

const args = new Set(process.argv.slice(2));
// What is over, by figure: the pages (and viewports) where it is.
const over = new Map<string, string[]>();
const check = (ok: boolean, figure: string, where = '') => ok || over.set(figure, [...(over.get(figure) ?? []), where]);
const fmt = (kb: number) => kb.toFixed(1);

if (!args.has('--no-build')) {
  const started = performance.now();
  // The build's own log is not the budget's: it is left out, and a failed build stops here.
  execFileSync('npx', ['astro', 'build'], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  const buildSeconds = (performance.now() - started) / 1000;
  console.log(`build: ${buildSeconds.toFixed(1)} s (budget ${BUDGET.buildSeconds})`);
  check(buildSeconds <= BUDGET.buildSeconds, 'build time');
}

const pages = sitePages(DIST);
const site = await startSite();
try {
  interface Measured {
    page: SitePage;
    viewport: Viewport;
    js: PageJs;
  }
  const measured: Measured[] = [];
  for (const viewport of VIEWPORTS) {
    for (const page of pages) {
      // The terminal's download is the same at both sizes: it is measured once, on the wide one.
      const js = await measurePage(site.browser, site.base, DIST, page.path, viewport, viewport === VIEWPORTS[0]);
      measured.push({ page, viewport, js });
      const before = js.inlineKB + js.fetchedKB;
      if (before > BUDGET.jsBeforeKB) console.log(`  over: ${page.path} at ${viewport.name}: inline ${fmt(js.inlineKB)}, ${js.files.map((f) => `${shortName(f)} ${fmt(gzKB(DIST, f))}`).join(', ')}`);
      check(before <= BUDGET.jsBeforeKB, 'JS before interaction', `${page.path} at ${viewport.name}`);
      check(!js.terminalBeforeInteractive, 'terminal loaded before the page was interactive', `${page.path} at ${viewport.name}`);
    }
  }

  console.log(`JS before interaction, KB gz (inline + fetched), worst page of each type (budget ${BUDGET.jsBeforeKB}):`);
  const types = [...new Set(pages.map((p) => p.type))];
  for (const type of types) {
    const cells = VIEWPORTS.map((viewport) => {
      const worst = measured.filter((m) => m.page.type === type && m.viewport === viewport).sort((a, b) => b.js.inlineKB + b.js.fetchedKB - (a.js.inlineKB + a.js.fetchedKB))[0];
      const idleMost = Math.max(...measured.filter((m) => m.page.type === type && m.viewport === viewport).map((m) => m.js.idleKB));
      return `${viewport.name} ${fmt(worst.js.inlineKB + worst.js.fetchedKB).padStart(5)} (${fmt(worst.js.inlineKB)} + ${fmt(worst.js.fetchedKB)}) on ${worst.page.path}, then at idle ≤ ${fmt(idleMost)}`;
    });
    const count = pages.filter((p) => p.type === type).length;
    console.log(`  ${`${type} (${count})`.padEnd(14)} ${cells.map((c) => c.padEnd(84)).join('  ')}`);
  }

  const atIdle = measured.filter((m) => m.js.terminalAtIdle);
  console.log(`  the terminal started by itself (its place on the first screen), once the page was interactive, on ${atIdle.length ? atIdle.map((m) => `${m.page.path} at ${m.viewport.name}`).join(', ') : 'no page'}`);

  const terminals = measured.filter((m) => m.js.terminalKB !== undefined);
  if (terminals.length) {
    const worst = terminals.sort((a, b) => b.js.terminalKB! - a.js.terminalKB!)[0];
    const best = terminals[terminals.length - 1];
    const engine = Math.max(...terminals.map((t) => t.js.engineKB!));
    console.log(`terminal until its first prompt, KB gz (budget ${BUDGET.terminalKB}): ${fmt(worst.js.terminalKB!)} on ${worst.page.path} (least ${fmt(best.js.terminalKB!)} on ${best.page.path}; ${terminals.length} pages); with the engine behind it ≤ ${fmt(engine)}`);
    console.log(`  ${worst.js.terminalFiles.map((f) => `${shortName(f)} ${fmt(gzKB(DIST, f))}`).join(', ')}`);
    for (const t of terminals) check(t.js.terminalKB! <= BUDGET.terminalKB, 'terminal until its first prompt', t.page.path);
  }

  if (!args.has('--no-lighthouse')) {
    const out = mkdtempSync(join(tmpdir(), 'lighthouse-'));
    try {
      for (const type of LIGHTHOUSE_TYPES) {
        // A chapter and a scenario with their terminals, the progress page, the home page.
        const page = pages.find((p) => p.type === type && (type !== 'chapter' || p.path.includes('03-')) && p.path !== '/scenarios/' && (type !== 'workshop' || p.path === '/progress/'))!;
        const file = join(out, 'report.json');
        // Not execFileSync: the pages are served from this process, which must keep answering.
        await promisify(execFile)('npx', ['lighthouse', `${site.base}${page.path}`, `--chrome-path=${findChromium()}`, `--chrome-flags=${CHROMIUM_ARGS.join(' ')}`, '--output=json', `--output-path=${file}`, '--quiet', '--form-factor=mobile'], { cwd: ROOT });
        const report = JSON.parse(readFileSync(file, 'utf8'));
        const score = (id: string) => Math.round(report.categories[id].score * 100);
        const s = { performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'), seo: score('seo') };
        // The metrics behind the performance score, so a low one says where it lost.
        const metric = (id: string) => report.audits[id].displayValue.replace(/\u00a0/g, ' ');
        console.log(`lighthouse mobile ${page.path}: performance ${s.performance} (FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}, SI ${metric('speed-index')}), accessibility ${s.accessibility}, best practices ${s.bestPractices}, SEO ${s.seo}`);
        for (const key of Object.keys(s) as Array<keyof typeof s>) check(s[key] >= BUDGET[key], `Lighthouse ${key}`, page.path);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
} finally {
  await site.close();
}

/** A built chunk's name without its folder and Astro's script suffix, as a reader of the log knows it. */
function shortName(urlPath: string): string {
  return urlPath.replace('/_astro/', '').replace('.astro_astro_type_script_index_0_lang', '');
}

const summary = [...over].map(([figure, where]) => `${figure}${where.some(Boolean) ? ` on ${where.length} (${where.slice(0, 3).join(', ')}${where.length > 3 ? ', …' : ''})` : ''}`);
console.log(summary.length ? `budget: OVER: ${summary.join('; ')}` : 'budget: within budget');
process.exitCode = over.size ? 1 : 0;
