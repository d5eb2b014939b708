// Nothing widens the page or is cut off, at a desktop and a phone size: every chapter and fault
// page with every "Show the solution" and every other disclosure open, the packet walk's boxes and
// table, and each diagram's full-screen view (opens, zooms, closes with Escape, focus returned).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DIST, startSite, type Site, openPageAt } from '../helpers/site.ts';

const chapters = readdirSync(join(DIST, 'chapters')).sort();
const scenarios = readdirSync(join(DIST, 'scenarios'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const pages = [...chapters.map((c) => `/chapters/${c}/`), ...scenarios.map((s) => `/scenarios/${s}/`)];
const html = (path: string) => readFileSync(join(DIST, path, 'index.html'), 'utf8');
const walkPages = pages.filter((path) => html(path).includes('<packet-walk'));
const diagramPages = pages.filter((path) => html(path).includes('data-diagram-zoom'));
const VIEWPORTS = [
  { viewport: '1280×800', width: 1280, height: 800 },
  { viewport: '390×844', width: 390, height: 844 },
];
const cases = <T extends object>(paths: string[], extra: T[] = [{} as T]) => paths.flatMap((path) => VIEWPORTS.flatMap((v) => extra.map((e) => ({ path, ...v, ...e }))));

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});

const openAt = (path: string, width: number, height: number): Promise<Page> => openPageAt(site, path, width, height);

describe('nothing widens the page', () => {
  it.each(cases(pages))('$path at $viewport, every solution and disclosure open', async ({ path, width, height }) => {
    const page = await openAt(path, width, height);
    // The solutions by a click on their summary, as a reader opens them; then every other disclosure.
    for (const summary of await page.locator('details[data-solution] > summary').all()) await summary.click();
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    expect(await page.locator('details[data-solution]:not([open])').count()).toBe(0);
    const widest = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth }));
    expect(widest.scrollWidth).toBeLessThanOrEqual(widest.innerWidth);
    await page.close();
  });
});

describe('the packet walk cuts nothing off', () => {
  it.each(cases(walkPages))('$path at $viewport', async ({ path, width, height }) => {
    const page = await openAt(path, width, height);
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    // A page may have several walks (chapter 9: ingress, egress and API); each is checked.
    for (const walk of await page.locator('packet-walk').all()) {
      const clipped = await walk.evaluate((el) =>
        [el, ...el.querySelectorAll<HTMLElement>('*')]
          // (a 1-pixel box is text for screen readers only, hidden on purpose)
          .filter((e) => e.getBoundingClientRect().width > 1)
          .filter((e) => {
            const { overflowX, textOverflow } = getComputedStyle(e);
            return ((overflowX === 'hidden' || overflowX === 'clip') && e.scrollWidth > e.clientWidth) || textOverflow === 'ellipsis';
          })
          .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
      );
      expect(clipped).toEqual([]);
      // Every hop's box holds its text, and the table either fits or scrolls inside itself.
      const boxes = await walk.locator('[data-hop]').evaluateAll((hops) => hops.map((hop) => hop.scrollWidth <= hop.clientWidth));
      expect(boxes.every(Boolean)).toBe(true);
      const table = walk.locator('.packet-walk__table-scroll');
      const { scrollWidth, clientWidth, overflowX } = await table.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth, overflowX: getComputedStyle(el).overflowX }));
      expect(scrollWidth <= clientWidth || overflowX === 'auto').toBe(true);
    }
    await page.close();
  });
});

describe("a diagram's full-screen view", () => {
  it.each(cases(diagramPages.slice(0, 1).concat(diagramPages.filter((p) => p.includes('05-router')))))('$path at $viewport opens, zooms, pinches and closes with Escape', async ({ path, width, height }) => {
    const page = await openAt(path, width, height);
    const button = page.locator('[data-diagram-zoom]').last();
    const id = (await button.getAttribute('data-diagram-zoom'))!;
    await button.click();
    const dialog = page.getByRole('dialog', { name: 'Diagram, full screen' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.locator(`svg#${id}`).count()).toBe(1);
    const svgWidth = () => dialog.locator(`svg#${id}`).evaluate((svg) => svg.getBoundingClientRect().width);
    const natural = await dialog.locator(`svg#${id}`).evaluate((svg) => (svg as SVGSVGElement).viewBox.baseVal.width);
    // Opens no smaller than drawn (text as large as it was drawn, or larger); when all of the
    // diagram fits the view larger than drawn, it fills the view, centred.
    const placed = await dialog.locator(`svg#${id}`).evaluate((svg) => {
      const canvas = svg.parentElement!.getBoundingClientRect();
      const box = svg.getBoundingClientRect();
      const viewBox = (svg as SVGSVGElement).viewBox.baseVal;
      const fit = Math.min((canvas.width - 16) / viewBox.width, (canvas.height - 16) / viewBox.height);
      return { fit, width: box.width, height: box.height, left: box.left - canvas.left, right: canvas.right - box.right, top: box.top - canvas.top, bottom: canvas.bottom - box.bottom, canvas };
    });
    const opened = natural * Math.max(1, placed.fit);
    expect(placed.width).toBeCloseTo(opened, 0);
    if (placed.fit > 1) {
      expect(Math.max(placed.width / (placed.canvas.width - 16), placed.height / (placed.canvas.height - 16))).toBeCloseTo(1, 1);
      expect(Math.abs(placed.left - placed.right)).toBeLessThanOrEqual(2);
      expect(Math.abs(placed.top - placed.bottom)).toBeLessThanOrEqual(2);
    }
    await dialog.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(svgWidth).toBeGreaterThan(opened * 1.2);
    await page.keyboard.press('-');
    await expect.poll(svgWidth).toBeCloseTo(opened, 0);
    // Two fingers moving apart zoom in.
    await dialog.locator('.diagram-view__canvas').evaluate((canvas) => {
      const at = (pointerId: number, type: string, x: number) => canvas.dispatchEvent(new PointerEvent(type, { pointerId, pointerType: 'touch', clientX: x, clientY: 200, bubbles: true }));
      at(1, 'pointerdown', 150);
      at(2, 'pointerdown', 250);
      at(2, 'pointermove', 350);
      at(1, 'pointerup', 150);
      at(2, 'pointerup', 350);
    });
    await expect.poll(svgWidth).toBeGreaterThan(opened * 1.5);
    // The page behind never widened, and Escape gives the diagram and the focus back.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    // The dialog's close event comes in a task after it hides.
    await expect.poll(() => page.locator(`figure.diagram svg#${id}`).count()).toBe(1);
    await expect.poll(() => button.evaluate((b) => b === document.activeElement)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    await page.close();
  });

  it('opens from the keyboard and closes with its Close button', async () => {
    const page = await openAt(diagramPages[0], 1280, 800);
    const button = page.locator('[data-diagram-zoom]').first();
    await button.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Diagram, full screen' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Close' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
    await page.close();
  });
});
