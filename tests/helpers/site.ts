// The built site (dist/) served on loopback and driven by Chromium, for the browser tests and
// `npm run budget`. A small static server rather than `astro preview`: Astro runs one preview per
// project, and the browser test files run side by side. It compresses text as any static host
// does, so what the budget's Lighthouse runs see is what a reader downloads. Needs `astro build`
// first (npm test runs it).
import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../src/node/chromium.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where the built site is: dist/, or the folder a build was told to use (ARO_LABS_DIST). */
export const DIST = process.env.ARO_LABS_DIST ?? join(ROOT, 'dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Types a static host sends gzipped; images and fonts are compressed already. */
const COMPRESSED = /^(text\/|application\/(json|xml|wasm)|image\/svg)/;

export interface Site {
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

/** The file a URL path names in dist/: index.html for folders; undefined when there is none. */
async function fileFor(urlPath: string): Promise<string | undefined> {
  const path = normalize(join(DIST, decodeURIComponent(urlPath)));
  if (!path.startsWith(DIST)) return undefined;
  for (const candidate of [path, join(path, 'index.html')]) {
    try {
      if ((await stat(candidate)).isFile()) return candidate;
    } catch {
      // try the next candidate
    }
  }
  return undefined;
}

export async function startSite(): Promise<Site> {
  const server = createServer(async (req, res) => {
    const file = await fileFor(new URL(req.url ?? '/', 'http://localhost').pathname);
    const body = await readFile(file ?? join(DIST, '404.html'));
    const type = TYPES[extname(file ?? '.html')] ?? 'application/octet-stream';
    const compress = COMPRESSED.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(file ? 200 : 404, { 'content-type': type, vary: 'accept-encoding', ...(compress ? { 'content-encoding': 'gzip' } : {}) });
    res.end(compress ? gzipSync(body) : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  return {
    base: `http://127.0.0.1:${port}`,
    browser,
    async close() {
      await browser.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** What `aro-labs` prints (stdout then stderr) and its exit code. */
export function aroLabs(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) =>
    execFile(`${ROOT}bin/aro-labs`, args, (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: stdout + stderr })),
  );
}

/**
 * What `aro-labs exec` prints for a line, as a terminal shows it (tabs move to the next 8-column
 * stop); with `before`, what the line prints after those lines ran in the same session.
 */
export async function aroLabsExec(line: string, before: string[] = []): Promise<string> {
  const expandTabs = (text: string) =>
    text
      .split('\n')
      .map((l) => l.replace(/[^\t]*\t/g, (run) => run.slice(0, -1).padEnd(Math.ceil(run.length / 8) * 8)))
      .join('\n');
  const printed = (await aroLabs(['exec', ...before, line])).output;
  const earlier = before.length ? (await aroLabs(['exec', ...before])).output : '';
  return expandTabs(printed.slice(earlier.length));
}

/** The terminal's text, with lines xterm wrapped joined back together ('' until the terminal runs). */
export async function terminalText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const term = (window as unknown as { __labTerminal?: { buffer: { active: { length: number; getLine(i: number): { isWrapped: boolean; translateToString(trim: boolean): string } | undefined } } } }).__labTerminal;
    if (!term) return '';
    const buffer = term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < buffer.length; i++) {
      const line = buffer.getLine(i)!;
      if (line.isWrapped && lines.length) lines[lines.length - 1] += line.translateToString(true);
      else lines.push(line.translateToString(true));
    }
    return lines.join('\n');
  });
}

/** Scrolls to where the chapter declares its terminal (which loads it into the dock) and waits until it runs. */
export async function mountedTerminal(page: Page): Promise<void> {
  await page.locator('lab-terminal').scrollIntoViewIfNeeded();
  await page.waitForSelector('lab-terminal[data-ready="true"]');
}

/**
 * Clicks the dock's screen, types a line and presses Enter: into xterm once the terminal runs, or
 * into the dock, which keeps the keys, while it still loads.
 */
export async function typeInTerminal(page: Page, line: string): Promise<void> {
  await page.locator('[data-lab-terminal]').click();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

/** A page of the site in a fresh browser context (its own localStorage) of the given viewport. */
export async function openPageAt(site: Site, path: string, width: number, height: number): Promise<Page> {
  const page = await site.browser.newPage({ viewport: { width, height } });
  await page.goto(`${site.base}${path}`);
  return page;
}

/** A page of the site in a fresh browser context (its own localStorage), desktop-sized. */
export async function openPage(site: Site, path: string): Promise<Page> {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${site.base}${path}`);
  return page;
}
