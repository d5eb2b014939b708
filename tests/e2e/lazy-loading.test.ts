// What a page puts off until the reader acts, or until it is interactive and idle, still works
// when it comes: the terminal (started by a click, or by itself once the page is interactive when
// its place is on the first screen), the exercise cards (what was done in them while they loaded
// is kept) and Starlight's tables of contents.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSite, terminalText, typeInTerminal, type Site } from '../helpers/site.ts';
import { chunkExporting, holdBack } from '../helpers/hold-back.ts';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});

const VIEWPORTS = [
  { name: '1280×800', width: 1280, height: 800, phone: false },
  { name: '390×844', width: 390, height: 844, phone: true },
];
type Viewport = (typeof VIEWPORTS)[number];

/** Notes when the page becomes interactive (its first idle period after load), before its own scripts run. */
function noteInteractive(): void {
  addEventListener('load', () => requestIdleCallback(() => ((window as unknown as { interactiveAt: number }).interactiveAt = performance.now())), { once: true });
}

async function open(path: string, viewport: Viewport, before?: (page: Page) => Promise<void>): Promise<Page> {
  const context = await site.browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, ...(viewport.phone ? { isMobile: true, hasTouch: true } : {}) });
  await context.addInitScript(noteInteractive);
  const page = await context.newPage();
  await before?.(page);
  await page.goto(`${site.base}${path}`);
  return page;
}

/** Waits until the page is interactive, then two more idle periods and a quiet network. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { interactiveAt?: number }).interactiveAt !== undefined);
  await page.evaluate(async () => {
    for (let i = 0; i < 2; i++) await new Promise((r) => requestIdleCallback(r, { timeout: 2000 }));
  });
  await page.waitForLoadState('networkidle');
}

/** When the page asked for the chunk holding the terminal's mount code, in ms since navigation (undefined: never). */
const terminalFetchedAt = (page: Page) =>
  page.evaluate(() => performance.getEntriesByType('resource').find((e) => /\/mount\.[\w-]+\.js$/.test(new URL(e.name).pathname))?.startTime);

describe('the terminal', () => {
  it.each(VIEWPORTS)('on a scenario whose terminal note is on the first screen ($name), it starts by itself only once the page is interactive', async (viewport) => {
    const page = await open('/scenarios/router-down/', viewport);
    await page.waitForSelector('lab-terminal[data-prompt="shown"]', { timeout: 60_000 });
    const interactiveAt = await page.evaluate(() => (window as unknown as { interactiveAt: number }).interactiveAt);
    expect(await terminalFetchedAt(page)).toBeGreaterThanOrEqual(interactiveAt);
    await page.context().close();
  });

  it.each(VIEWPORTS)('on a chapter ($name), nothing of it loads until a click, and what is typed while it loads runs', async (viewport) => {
    const page = await open('/chapters/04-outbound-rule/', viewport);
    await settle(page);
    expect(await terminalFetchedAt(page)).toBeUndefined();
    await typeInTerminal(page, 'echo typed early');
    await expect.poll(() => terminalText(page), { timeout: 60_000 }).toContain('$ echo typed early\ntyped early\n');
    await page.context().close();
  });
});

describe('exercise cards', () => {
  it.each(VIEWPORTS)('at $name, a hint asked for and an answer checked while the cards\' code loads are not lost, and the page does not reload', async (viewport) => {
    let cards!: Awaited<ReturnType<typeof holdBack>>;
    const page = await open('/chapters/04-outbound-rule/', viewport, async (p) => void (cards = await holdBack(p, chunkExporting('enableExercises'))));
    const card = page.locator('[data-exercise]').first();
    await card.locator('[data-hint]').click();
    await card.locator('input[name="answer"]').fill('198.51.100.1');
    await card.locator('input[name="answer"]').press('Enter');
    await expect.poll(cards.held).toBeGreaterThan(0);
    expect(await card.locator('[data-hints] li').first().isHidden()).toBe(true);
    cards.release();
    await expect.poll(() => card.locator('[data-hints] li').first().isVisible()).toBe(true);
    await expect.poll(() => card.locator('[data-feedback]').getAttribute('data-result')).toBe('wrong');
    expect(new URL(page.url()).search).toBe('');
    await page.context().close();
  });
});

describe("Starlight's tables of contents", () => {
  it('at 1280×800, the sidebar one marks the section being read once the page is idle', async () => {
    const page = await open('/chapters/04-outbound-rule/', VIEWPORTS[0]);
    await expect.poll(() => page.locator('starlight-toc a[aria-current="true"]').count()).toBe(1);
    await page.context().close();
  });

  it('at 390×844, the phone one names the section being read and closes on a link', async () => {
    const page = await open('/chapters/04-outbound-rule/', VIEWPORTS[1]);
    await expect.poll(() => page.locator('mobile-starlight-toc .display-current').textContent()).not.toBe('');
    await page.locator('mobile-starlight-toc summary').click();
    await page.locator('mobile-starlight-toc .dropdown a').nth(1).click();
    await expect.poll(() => page.locator('mobile-starlight-toc details').evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
    await page.context().close();
  });
});
