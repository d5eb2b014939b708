// <ThenNow>: the 2020 half and today's half side by side on a wide page and one above the other on a
// phone, each a group named by its time and lab, with a link that opens the page on that lab, its
// blocks' outputs scrolling inside the half rather than widening the page.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DIST, startSite, type Site } from '../helpers/site.ts';
import { escapeRegExp } from '../helpers/escape-regexp.ts';

const chapters = readdirSync(join(DIST, 'chapters')).sort();
// The pages that use the component, found in the build rather than named here.
const pages = chapters.map((c) => `/chapters/${c}/`).filter((path) => readFileSync(join(DIST, path, 'index.html'), 'utf8').includes('data-then-now'));

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});

async function openAt(path: string, width: number, height: number): Promise<Page> {
  const page = await site.browser.newPage({ viewport: { width, height } });
  await page.goto(`${site.base}${path}`);
  return page;
}

/** Each half's box, group name, lab and link, for every <ThenNow> of the page. */
const halves = (page: Page) =>
  page.locator('[data-then-now]').evaluateAll((boxes) =>
    boxes.map((box) =>
      [...box.querySelectorAll<HTMLElement>('[role="group"]')].map((half) => {
        const r = half.getBoundingClientRect();
        return {
          left: r.left,
          top: r.top,
          bottom: r.bottom,
          name: document.getElementById(half.getAttribute('aria-labelledby') ?? '')?.textContent ?? '',
          lab: half.dataset.lab ?? '',
          link: half.querySelector<HTMLAnchorElement>('.then-now__open')?.getAttribute('href') ?? '',
          runLabs: [...half.querySelectorAll<HTMLElement>('.lab-run')].map((run) => run.dataset.lab ?? ''),
        };
      }),
    ),
  );

describe('<ThenNow>', () => {
  it('is used by at least one chapter', () => {
    expect(pages.length).toBeGreaterThan(0);
  });

  it.each(pages)('%s at 1280×800: the halves sit side by side, each named by its lab and holding its blocks', async (path) => {
    const page = await openAt(path, 1280, 800);
    for (const [then, now] of await halves(page)) {
      // Each half is named by its time (2020 and Today unless the page names others) and its lab.
      expect(then.name).toMatch(new RegExp(`^\\S.* · ${escapeRegExp(then.lab)}$`));
      expect(now.name).toMatch(new RegExp(`^\\S.* · ${escapeRegExp(now.lab)}$`));
      expect(now.name).not.toBe(then.name);
      expect(now.left).toBeGreaterThan(then.left);
      expect(now.top).toBe(then.top);
      for (const half of [then, now]) {
        expect(half.link).toBe(`?lab=${half.lab}`);
        expect(half.runLabs.every((lab) => lab === half.lab)).toBe(true);
      }
    }
    await page.close();
  });

  it.each(pages)('%s at 390×844: the halves stack, and nothing widens the page', async (path) => {
    const page = await openAt(path, 390, 844);
    for (const [then, now] of await halves(page)) {
      expect(now.left).toBe(then.left);
      expect(now.top).toBeGreaterThanOrEqual(then.bottom);
    }
    const widest = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth }));
    expect(widest.scrollWidth).toBeLessThanOrEqual(widest.innerWidth);
    await page.close();
  });

  it("a block on another lab than the page's links to the page on that lab", async () => {
    const page = await openAt(pages[0], 1280, 800);
    const pageLab = await page.locator('lab-terminal').getAttribute('data-lab');
    const captions = await page.locator('.lab-run').evaluateAll((runs, own) =>
      runs.filter((r) => (r as HTMLElement).dataset.lab !== own).map((r) => ({ lab: (r as HTMLElement).dataset.lab, href: r.querySelector('figcaption a')?.getAttribute('href') })), pageLab);
    expect(captions.length).toBeGreaterThan(0);
    for (const c of captions) expect(c.href).toBe(`?lab=${c.lab}`);
    await page.close();
  });
});
