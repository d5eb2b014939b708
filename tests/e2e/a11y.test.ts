// axe-core (WCAG 2.2 AA) on every page of the built site, in Starlight's light and dark themes, with
// the chapter's terminal mounted and every disclosure open: one test per page and theme, failing on
// any serious or critical violation. Also a direct check that command blocks are readable in both.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DIST, mountedTerminal, ROOT, startSite, type Site } from '../helpers/site.ts';
import { contrastRatio } from '../helpers/contrast.ts';

const chapters = readdirSync(join(DIST, 'chapters')).sort();
const scenarios = readdirSync(join(DIST, 'scenarios'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const pages = ['/', '/about/', '/labs/', '/progress/', '/instructor/', '/handout/', ...chapters.map((c) => `/chapters/${c}/`), '/scenarios/', ...scenarios.map((s) => `/scenarios/${s}/`)];
const THEMES = ['light', 'dark'] as const;
const AXE = readFileSync(`${ROOT}node_modules/axe-core/axe.min.js`, 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});

/** A page in a fresh context whose saved Starlight theme is `theme`, as a returning reader's would be. */
async function openThemed(path: string, theme: (typeof THEMES)[number]): Promise<Page> {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
  const page = await context.newPage();
  await page.goto(`${site.base}${path}`);
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
  return page;
}

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  it.each(pages.flatMap((path) => THEMES.map((theme) => ({ path, theme }))))('$path in the $theme theme has no serious or critical violation', async ({ path, theme }) => {
    const page = await openThemed(path, theme);
    if (await page.locator('lab-terminal').count()) await mountedTerminal(page);
    // Solutions, hints tables and walks are checked open, as a reader sees them after a click.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async (tags) => {
      type Violation = { id: string; impact: string; nodes: Array<{ target: string[] }> };
      const axe = (window as unknown as { axe: { run(o: object): Promise<{ violations: Violation[] }> } }).axe;
      const result = await axe.run({ runOnly: { type: 'tag', values: tags } });
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }, TAGS);
    expect(violations).toEqual([]);
    await page.context().close();
  });
});

describe('command blocks in both themes', () => {
  it.each(THEMES)('every part of a command block reads at 4.5:1 or more against its background in the %s theme', async (theme) => {
    const page = await openThemed('/chapters/02-infrastructure/', theme);
    const pairs = await page.locator('.lab-run').first().evaluate((block) => {
      const background = getComputedStyle(block).backgroundColor;
      return ['.lab-run__prompt', '.lab-run__cmd', '.lab-run__screen code', '.lab-run__actions button'].map((selector) => {
        const el = block.querySelector(selector)!;
        const own = getComputedStyle(el).backgroundColor;
        return { selector, foreground: getComputedStyle(el).color, background: own === 'rgba(0, 0, 0, 0)' ? background : own };
      });
    });
    for (const { selector, foreground, background } of pairs) {
      expect(contrastRatio(foreground, background), `${selector}: ${foreground} on ${background}`).toBeGreaterThanOrEqual(4.5);
    }
    await page.context().close();
  });
});
