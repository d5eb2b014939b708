// The site's search loads its UI (Pagefind's) only when search is opened: nothing of it is fetched
// before, the button, Ctrl-K and "/" open the dialog at once, and what is typed while the UI
// loads is kept and searched for.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { mountedTerminal, ROOT, startSite, terminalText, type Site } from '../helpers/site.ts';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});

const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };
const PAGE = '/chapters/02-infrastructure/';
const QUERY = 'nslookup';

/** A page that has run everything it runs by itself: loaded, idle twice, its network quiet. */
async function settledPage(path: string, viewport: keyof typeof VIEWPORTS, phone = false): Promise<{ page: Page; scripts: string[] }> {
  const context = await site.browser.newContext({ viewport: VIEWPORTS[viewport], ...(phone ? { isMobile: true, hasTouch: true } : {}) });
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on('request', (r) => /\.m?js$/.test(new URL(r.url()).pathname) && scripts.push(new URL(r.url()).pathname));
  await page.goto(`${site.base}${path}`, { waitUntil: 'networkidle' });
  await page.evaluate(async () => {
    for (let i = 0; i < 2; i++) await new Promise((r) => requestIdleCallback(r, { timeout: 2000 }));
  });
  await page.waitForLoadState('networkidle');
  return { page, scripts };
}

/** Holds back every script requested from now on until `release` is called: the UI is "still loading". */
async function holdScripts(page: Page): Promise<{ held: () => number; release: () => void }> {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let held = 0;
  await page.route(/\.m?js$/, async (route: Route) => {
    held++;
    await released;
    await route.continue();
  });
  return { held: () => held, release };
}

const dialog = (page: Page) => page.locator('site-search dialog');
const results = (page: Page) => page.locator('#starlight__search .pagefind-ui__result-link');

describe('the search UI loads when search opens', () => {
  it.each(['desktop', 'phone'] as const)('on a chapter (%s), nothing of the search UI is fetched before search is opened, and opening it fetches it', async (viewport) => {
    const { page, scripts } = await settledPage(PAGE, viewport, viewport === 'phone');
    const before = new Set(scripts);
    await page.locator('button[data-open-modal]').click();
    await expect.poll(() => page.locator('#starlight__search .pagefind-ui:not([data-search-stand-in])').count(), { timeout: 15_000 }).toBe(1);
    // A module is fetched once a page: had the UI come before, opening would have fetched nothing.
    expect(scripts.filter((s) => !before.has(s)).length).toBeGreaterThan(0);
    await page.context().close();
  });

  const openers: Array<[string, (page: Page) => Promise<void>]> = [
    ['the search button', (page) => page.locator('button[data-open-modal]').click()],
    ['Ctrl-K', (page) => page.keyboard.press('Control+k')],
    ['"/"', (page) => page.keyboard.press('/')],
  ];
  it.each(openers)('%s opens the dialog while the UI is still loading, and a query typed at once is kept and finds pages', async (_, open) => {
    const { page } = await settledPage(PAGE, 'desktop');
    const { held, release } = await holdScripts(page);
    await open(page);
    // Open and typed into before any of the UI has arrived.
    await expect(dialog(page).evaluate((d: HTMLDialogElement) => d.open)).resolves.toBe(true);
    await page.keyboard.type(QUERY);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe(QUERY);
    await expect.poll(held).toBeGreaterThan(0);
    release();
    await expect.poll(() => results(page).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const input = page.locator('#starlight__search input');
    await expect.poll(() => input.count()).toBe(1);
    expect(await input.inputValue()).toBe(QUERY);
    // The caret stays in the input: typing goes on where it was.
    await page.keyboard.type(' x');
    expect(await input.inputValue()).toBe(`${QUERY} x`);
    await page.context().close();
  });

  it('on a phone, the search button opens the dialog and a query typed at once finds pages', async () => {
    const { page } = await settledPage(PAGE, 'phone', true);
    await page.locator('button[data-open-modal]').click();
    await page.keyboard.type(QUERY);
    await expect.poll(() => results(page).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.locator('#starlight__search input').inputValue()).toBe(QUERY);
    await page.context().close();
  });

  it('Ctrl-K and "/" typed in the terminal stay in the terminal and open no search', async () => {
    const { page } = await settledPage(PAGE, 'desktop');
    await mountedTerminal(page);
    await page.locator('.xterm').click();
    await page.keyboard.type('echo a/b');
    await page.keyboard.press('Control+k');
    expect(await dialog(page).evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
    await page.keyboard.press('Enter');
    await expect.poll(() => terminalText(page)).toMatch(/\$ echo a\/b\na\/b\n/);
    expect(await dialog(page).evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
    await page.context().close();
  });
});

describe('the search dialog for assistive technology', () => {
  const AXE = readFileSync(`${ROOT}node_modules/axe-core/axe.min.js`, 'utf8');
  const cases = (['light', 'dark'] as const).flatMap((theme) => (['while the UI loads', 'with results'] as const).map((state) => ({ theme, state })));
  it.each(cases)('in the $theme theme, $state: axe finds no serious or critical violation', async ({ theme, state }) => {
    const context = await site.browser.newContext({ viewport: VIEWPORTS.desktop });
    await context.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    const page = await context.newPage();
    await page.goto(`${site.base}${PAGE}`, { waitUntil: 'networkidle' });
    const { release } = await holdScripts(page);
    await page.keyboard.press('Control+k');
    await page.keyboard.type(QUERY);
    if (state === 'with results') {
      release();
      await expect.poll(() => results(page).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    }
    await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async () => {
      type Violation = { id: string; impact: string; nodes: Array<{ target: string[] }> };
      const axe = (window as unknown as { axe: { run(context: Element, o: object): Promise<{ violations: Violation[] }> } }).axe;
      const result = await axe.run(document.querySelector('site-search dialog')!, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
    release();
    await context.close();
  });
});
