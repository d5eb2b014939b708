// Finding one's way in Chromium: every chapter and fault scenario in the sidebar, in order, the
// current page marked, Previous/Next between neighbours, no broken internal link anywhere, and
// the instructor's pages naming the scenario exercises by their pages.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { ROOT, startSite, type Site } from '../helpers/site.ts';

let site: Site;
let context: BrowserContext;

/** The chapters, by file name. */
const chapters = readdirSync(join(ROOT, 'content/chapters'))
  .filter((f) => f.endsWith('.mdx'))
  .sort()
  .map((f) => `/chapters/${f.replace(/\.mdx$/, '')}/`);

/** The scenarios, in the order of the table on the scenarios index (the page that introduces them). */
const scenarioIndex = readFileSync(join(ROOT, 'content/scenarios/index.mdx'), 'utf8');
const scenarios = [...scenarioIndex.matchAll(/^\| \[[^\]]+\]\((\/scenarios\/[^)]+\/)\)/gm)].map((m) => m[1]);

/** The reading order: the chapters, the scenarios index, the scenarios. */
const readingOrder = [...chapters, '/scenarios/', ...scenarios];

beforeAll(async () => {
  site = await startSite();
  context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
});

afterAll(async () => {
  await context?.close();
  await site?.close();
});

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  const response = await page.goto(`${site.base}${path}`);
  expect(response?.status(), path).toBe(200);
  return page;
}

/** The paths a sidebar group links to, in order. */
async function sidebarGroup(page: Page, label: string): Promise<string[]> {
  const group = page.locator('#starlight__sidebar details').filter({ has: page.locator(`summary:has-text("${label}")`) });
  return group.locator('a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

const pathOf = (href: string | null) => (href === null ? null : new URL(href, 'http://site.invalid').pathname);

/** The `sidebar.label` in the frontmatter of the page at a path, if it sets one. */
function sidebarLabel(path: string): string | undefined {
  const name = path.replace(/^\/|\/$/g, '');
  const file = join(ROOT, 'content', name.includes('/') ? `${name}.mdx` : `${name}/index.mdx`);
  const label = (parseFrontmatter(readFileSync(file, 'utf8')).frontmatter as { sidebar?: { label?: unknown } }).sidebar?.label;
  return typeof label === 'string' ? label : undefined;
}

describe('the sidebar', () => {
  it('knows every chapter and scenario file', () => {
    expect(scenarios).toHaveLength(readdirSync(join(ROOT, 'content/scenarios')).filter((f) => f.endsWith('.mdx') && f !== 'index.mdx').length);
    expect(chapters.length).toBeGreaterThan(0);
  });

  it.each(readingOrder)('on %s lists every chapter and scenario in order, this page marked', async (path) => {
    const page = await open(path);
    expect(await sidebarGroup(page, 'Chapters')).toEqual(chapters);
    expect(await sidebarGroup(page, 'Fault scenarios')).toEqual(['/scenarios/', ...scenarios]);
    const current = page.locator('#starlight__sidebar a[aria-current="page"]');
    expect(await current.count()).toBe(1);
    expect(pathOf(await current.getAttribute('href'))).toBe(path);
    // Labelled with the page's own sidebar.label, else its title.
    expect((await current.textContent())?.trim()).toBe(sidebarLabel(path) ?? (await page.locator('h1').first().textContent())?.trim());
    await page.close();
  });
});

describe('Previous and Next', () => {
  it.each(readingOrder.map((path, i) => [path, i] as const))('on %s point at the neighbours in reading order', async (path, i) => {
    const page = await open(path);
    const prev = page.locator('.pagination-links a[rel="prev"]');
    const next = page.locator('.pagination-links a[rel="next"]');
    if (i === 0) expect(await prev.count()).toBe(0);
    else expect(pathOf(await prev.getAttribute('href'))).toBe(readingOrder[i - 1]);
    if (i < readingOrder.length - 1) expect(pathOf(await next.getAttribute('href'))).toBe(readingOrder[i + 1]);
    else expect(pathOf(await next.getAttribute('href'))).toBe((await sidebarGroup(page, 'Workshop'))[0]); // after the last scenario: your progress
    await page.close();
  });
});

describe('links', () => {
  it('a crawl from / following every internal link finds every page, and every fragment an element', async () => {
    const page = await context.newPage();
    const seen = new Map<string, Set<string>>(); // page path -> the ids on it
    const broken: string[] = [];
    const links: { from: string; path: string; hash: string }[] = [];
    const queue = ['/'];
    while (queue.length) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      const response = await page.goto(`${site.base}${path}`);
      if (response?.status() !== 200) {
        seen.set(path, new Set());
        broken.push(`${path}: ${response?.status()}`);
        continue;
      }
      const found = await page.evaluate(() => ({
        ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
        hrefs: [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
      }));
      seen.set(path, new Set(found.ids));
      for (const href of found.hrefs) {
        const url = new URL(href);
        if (url.origin !== site.base) continue;
        links.push({ from: path, path: url.pathname, hash: decodeURIComponent(url.hash.slice(1)) });
        if (!seen.has(url.pathname)) queue.push(url.pathname);
      }
    }
    for (const { from, path, hash } of links) {
      const ids = seen.get(path);
      if (!ids?.size) broken.push(`${from} links to ${path}, which does not exist`);
      else if (hash && !ids.has(hash)) broken.push(`${from} links to ${path}#${hash}, which has no such id`);
    }
    expect([...new Set(broken)]).toEqual([]);
    // The crawl reached every chapter and scenario, and the workshop pages of the sidebar.
    for (const path of [...readingOrder, '/progress/', '/labs/', '/instructor/', '/handout/', '/about/']) expect(seen.has(path), path).toBe(true);
    await page.close();
  }, 180_000); // every page of the site in one test: a limit for the crawl, not for one page
});

/** Every exercise of a fault scenario, with its scenario's name, from labs/exercises/. */
const scenarioExercises = readdirSync(join(ROOT, 'labs/exercises'))
  .filter((f) => f.startsWith('scenario-'))
  .flatMap((f) => {
    const file = JSON.parse(readFileSync(join(ROOT, 'labs/exercises', f), 'utf8')) as { chapter: string; exercises: { id: string }[] };
    return file.exercises.map((e) => ({ id: e.id, scenario: file.chapter.replace(/^scenario-/, '') }));
  });

describe("the instructor's pages", () => {
  it('link each scenario exercise to its scenario page and name the scenario', async () => {
    const page = await open('/instructor/');
    const items = page.locator('.workshop__answer-list > li');
    for (const { id, scenario } of scenarioExercises) {
      const item = items.filter({ has: page.locator(`code:text-is("${id}")`) });
      expect(await item.locator('a').first().getAttribute('href')).toBe(`/scenarios/${scenario}/#exercise-${id}`);
      expect(await item.locator('p').first().textContent()).toContain(`(${id}, scenario ${scenario})`);
    }
    expect(await items.allTextContents()).not.toContainEqual(expect.stringMatching(/chapter \)|chapter NaN/));
    await page.close();
  });

  it("label each scenario exercise's row in the room view with its scenario", async () => {
    const page = await open('/instructor/');
    for (const { id, scenario } of scenarioExercises) {
      expect(await page.locator(`[data-room-exercise="${id}"] th`).textContent()).toMatch(new RegExp(`^Scenario ${scenario} · `));
    }
    await page.close();
  });
});

describe('the fault pages', () => {
  it.each(scenarios)('%s keeps its packet walk closed behind a disclosure that says what it reveals', async (path) => {
    const page = await open(path);
    const disclosure = page.locator('details[data-walk-disclosure]');
    expect(await disclosure.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await disclosure.locator(':scope > summary').textContent()).toMatch(/^Show where the packet stops/);
    // A page may show more than one walk (firewall-egress: the way in and the way out), all behind it.
    const walks = await page.locator('packet-walk').all();
    expect(walks.length).toBeGreaterThan(0);
    for (const walk of walks) expect(await walk.isVisible()).toBe(false);
    await disclosure.locator(':scope > summary').click();
    for (const walk of walks) await expect.poll(() => walk.isVisible()).toBe(true);
    await page.close();
  });
});

describe('the labs page', () => {
  it('lists the fault scenarios in the order of the sidebar', async () => {
    const page = await open('/labs/');
    const listed = await page.locator('#fault-scenarios + p + ul a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(listed).toEqual(scenarios);
    await page.close();
  });
});

describe('the home page', () => {
  it('has no sidebar, so it links to every chapter and to the fault scenarios itself', async () => {
    const page = await open('/');
    const linked = await page.locator('main a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(linked).toEqual(expect.arrayContaining([...chapters, '/scenarios/', '/instructor/']));
    await page.close();
  });
});
