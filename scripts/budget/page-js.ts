// What a reader's browser downloads as JavaScript on one page, gzipped: the page's inline scripts
// and every script fetched before the page is interactive (its load event, then the first idle
// period); what it fetches later with no interaction (put off until idle); and, on a page with a
// terminal, every chunk fetched from the terminal's start until its prompt. Sizes are the built
// files gzipped, as a server compressing them would send them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';

export interface Viewport {
  name: string;
  width: number;
  height: number;
  phone: boolean;
}

export const VIEWPORTS: Viewport[] = [
  { name: '1280×800', width: 1280, height: 800, phone: false },
  { name: '390×844', width: 390, height: 844, phone: true },
];

/** The marks dock.ts and mount.ts set when the terminal starts loading and when its first prompt shows. */
export const TERMINAL_START = 'lab-terminal:start';
export const TERMINAL_PROMPT = 'lab-terminal:prompt';

export interface PageJs {
  /** The page's inline <script> bodies, gzipped together. */
  inlineKB: number;
  /** Scripts fetched before the page was interactive. */
  fetchedKB: number;
  files: string[];
  /** Scripts fetched once the page was interactive and idle, with no interaction, the terminal's excepted. */
  idleKB: number;
  idleFiles: string[];
  /** The terminal started with no interaction (its place in the chapter is on the first screen). */
  terminalAtIdle: boolean;
  /** It started before the page was interactive. */
  terminalBeforeInteractive: boolean;
  /** Every chunk fetched from the terminal's start until its first prompt (undefined: no terminal). */
  terminalKB?: number;
  terminalFiles: string[];
  /** And until the engine behind the prompt is ready too. */
  engineKB?: number;
}

interface Loaded {
  path: string;
  start: number;
}

const kb = (bytes: number) => bytes / 1024;
const gzipped = new Map<string, number>();

/** The gzipped size of a built file, by its URL path. */
function gzBytes(dist: string, urlPath: string): number {
  let size = gzipped.get(urlPath);
  if (size === undefined) gzipped.set(urlPath, (size = gzipSync(readFileSync(join(dist, decodeURIComponent(urlPath)))).length));
  return size;
}

export const gzKB = (dist: string, urlPath: string) => kb(gzBytes(dist, urlPath));

/** Resolves once no request has been in flight for half a second (at most `limit` ms of waiting). */
async function networkQuiet(page: Page, inFlight: () => number, limit = 20_000): Promise<void> {
  let quietSince = Date.now();
  for (const deadline = Date.now() + limit; Date.now() < deadline; ) {
    if (inFlight() > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= 500) return;
    await page.waitForTimeout(100);
  }
}

/**
 * Notes when the page becomes interactive: its first idle period after the load event. Run before
 * the page's own scripts, so its idle callback comes before any they ask for at load.
 */
function noteInteractive(): void {
  addEventListener('load', () => requestIdleCallback(() => ((window as unknown as { interactiveAt: number }).interactiveAt = performance.now())), { once: true });
}

/** Waits until the page is interactive, then for two more idle periods: what it runs by itself by then. */
const idle = (page: Page) =>
  page.evaluate(async () => {
    while ((window as unknown as { interactiveAt?: number }).interactiveAt === undefined) await new Promise((r) => setTimeout(r, 50));
    for (let i = 0; i < 2; i++) await new Promise((r) => requestIdleCallback(r, { timeout: 2000 }));
  });

const scriptsLoaded = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => ({ path: new URL(e.name).pathname, start: e.startTime }))
      .filter((e) => /\.m?js$/.test(e.path)),
  );

const markTime = (page: Page, mark: string) => page.evaluate((name) => performance.getEntriesByName(name, 'mark')[0]?.startTime, mark);

/** Measures one page at one viewport, in a fresh context (no storage, nothing cached). */
export async function measurePage(browser: Browser, base: string, dist: string, path: string, viewport: Viewport, withTerminal: boolean): Promise<PageJs> {
  const context = await browser.newContext({
    viewport: { width: viewport.width, height: viewport.height },
    ...(viewport.phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 3 } : {}),
  });
  await context.addInitScript(noteInteractive);
  const page = await context.newPage();
  let inFlight = 0;
  page.on('request', () => inFlight++);
  page.on('requestfinished', () => inFlight--);
  page.on('requestfailed', () => inFlight--);
  try {
    await page.goto(`${base}${path}`, { waitUntil: 'load' });
    await idle(page);
    await networkQuiet(page, () => inFlight);

    const inline = await page.evaluate(() =>
      [...document.scripts].filter((s) => !s.src && ['', 'module', 'text/javascript', 'application/javascript'].includes(s.type)).map((s) => s.text),
    );
    // Gzipped together, as they travel inside the compressed page (one by one would count gzip's
    // header and an empty dictionary for each).
    const inlineKB = kb(inline.length ? gzipSync(inline.join('\n')).length : 0);
    const interactiveAt = await page.evaluate(() => (window as unknown as { interactiveAt: number }).interactiveAt);
    const idleStart = await markTime(page, TERMINAL_START);
    const loaded = (await scriptsLoaded(page)).filter((s) => idleStart === undefined || s.start < idleStart);
    const before = loaded.filter((s) => s.start < interactiveAt);
    const later = loaded.filter((s) => s.start >= interactiveAt);
    const size = (scripts: Loaded[]) => kb(scripts.reduce((sum, s) => sum + gzBytes(dist, s.path), 0));
    const result: PageJs = {
      inlineKB,
      fetchedKB: size(before),
      files: before.map((s) => s.path),
      idleKB: size(later),
      idleFiles: later.map((s) => s.path),
      terminalAtIdle: idleStart !== undefined,
      terminalBeforeInteractive: idleStart !== undefined && idleStart < interactiveAt,
      terminalFiles: [],
    };
    if (withTerminal && (await page.locator('lab-terminal').count())) {
      const clicked = await page.evaluate(() => performance.now());
      if (idleStart === undefined) await page.locator('[data-lab-terminal]').click();
      await page.waitForSelector('lab-terminal[data-prompt="shown"]', { timeout: 60_000 });
      await page.waitForSelector('lab-terminal[data-ready="true"]', { timeout: 60_000 });
      await networkQuiet(page, () => inFlight);
      const start = (await markTime(page, TERMINAL_START)) ?? clicked;
      const prompt = (await markTime(page, TERMINAL_PROMPT)) ?? Infinity;
      const terminal: Loaded[] = (await scriptsLoaded(page)).filter((s) => s.start >= start);
      const beforePrompt = terminal.filter((s) => s.start < prompt);
      result.terminalFiles = beforePrompt.map((s) => s.path);
      result.terminalKB = size(beforePrompt);
      result.engineKB = size(terminal);
    }
    return result;
  } finally {
    await context.close();
  }
}
