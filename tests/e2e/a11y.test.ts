// axe-core (WCAG 2.2 AA) on every page of the built site, in Starlight's light and dark themes, with
// the chapter's terminal mounted and every disclosure open: one test per page and theme, failing on
// any serious or critical violation. Also direct checks of what axe cannot measure or might miss:
// command blocks, and the text of every diagram (axe cannot see the SVG shape behind a label).
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
const diagramPages = pages.filter((path) => readFileSync(join(DIST, path, 'index.html'), 'utf8').includes('id="mermaid'));
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

describe('diagrams in both themes', () => {
  it.each(diagramPages.flatMap((path) => THEMES.map((theme) => ({ path, theme }))))('every label of every diagram on $path reads at 4.5:1 or more, on boxes that suit the $theme page', async ({ path, theme }) => {
    const page = await openThemed(path, theme);
    const pageBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const labels: Array<{ text: string; foreground: string; background: string }> = [];
    for (const diagram of await page.locator('svg[id^="mermaid"]').all()) {
      await diagram.scrollIntoViewIfNeeded();
      labels.push(
        ...(await diagram.evaluate((svg) => {
          const opaque = (color: string) => color.startsWith('rgb(');
          // What is drawn behind a label: the first filled, opaque shape or HTML box under its centre.
          const behind = (label: Element): string => {
            const box = label.getBoundingClientRect();
            for (const el of document.elementsFromPoint(box.x + box.width / 2, box.y + box.height / 2)) {
              if (el === label || label.contains(el) || el.contains(label) && el !== svg && !(el instanceof SVGGeometryElement)) continue;
              const style = getComputedStyle(el);
              if (Number(style.opacity) < 1) continue;
              if (el instanceof SVGGeometryElement && el.tagName !== 'line' && opaque(style.fill) && Number(style.fillOpacity) === 1) return style.fill;
              if (el === svg || (!(el instanceof SVGElement) && opaque(style.backgroundColor))) return style.backgroundColor;
            }
            return getComputedStyle(svg).backgroundColor;
          };
          // The innermost text elements: a <tspan>'s own fill is what is painted, not its <text>'s.
          const svgTexts = [...svg.querySelectorAll('text, tspan')].filter((t) => !t.children.length && t.textContent!.trim());
          const htmlTexts = [...svg.querySelectorAll('foreignObject *')].filter((e) => !e.children.length && e.textContent!.trim());
          return [
            ...svgTexts.map((t) => ({ text: t.textContent!, foreground: getComputedStyle(t).fill, background: behind(t) })),
            ...htmlTexts.map((e) => ({ text: e.textContent!, foreground: getComputedStyle(e).color, background: behind(e) })),
          ];
        })),
      );
    }
    expect(labels.length).toBeGreaterThan(0);
    const unreadable = labels.filter(({ foreground, background }) => contrastRatio(foreground, background) < 4.5).map(({ text, foreground, background }) => `${text}: ${foreground} on ${background}`);
    expect(unreadable).toEqual([]);
    // No white card on a dark page (nor the reverse): what lies behind the labels stays close to the page.
    const glaring = [...new Set(labels.map((l) => l.background))].filter((background) => contrastRatio(background, pageBackground) > 3);
    expect(glaring).toEqual([]);
    await page.context().close();
  });
});
