// The reader's change to the lab in the page: a write turns the badge to "changed (1)" and shows
// Reset lab; a reload keeps the change (the badge says so once the page is idle, the world has it);
// Reset lab runs lab reset, and the lab is as loaded again, after another reload too; the page's
// packet walk follows the changed world; the changed badge stays on one line, reads in both
// themes and passes axe. Needs `astro build` first and Debian's Chromium.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { contrastRatio } from '../helpers/contrast.ts';
import { mountedTerminal, openPage, ROOT, startSite, terminalText, typeInTerminal, type Site } from '../helpers/site.ts';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});

const CHAPTER = '/chapters/03-load-balancers/';
const LIST = 'az network route-table list -g $rg --query "[].name" -o tsv';

describe("the reader's changes to the lab", () => {
  it('show on the badge, last across a reload, and go with Reset lab', async () => {
    const page = await openPage(site, CHAPTER);
    const changed = page.locator('[data-lab-changed]');
    const resetLab = page.getByRole('button', { name: /^Reset lab/ });
    await mountedTerminal(page);
    expect(await changed.isHidden()).toBe(true);
    expect(await resetLab.isHidden()).toBe(true);

    await typeInTerminal(page, 'az network route-table create -g $rg -n rt-kept -o none');
    await expect.poll(() => changed.textContent()).toBe('changed (1)');
    expect(await resetLab.getAttribute('aria-label')).toBe('Reset lab: undo your 1 change');
    // A new session keeps the changed world, and says so.
    await page.getByRole('button', { name: 'Reset terminal' }).click();
    await expect.poll(() => terminalText(page)).toMatch(/New session on lab aro2\. It keeps your change to the lab; Reset lab \(or lab reset\) undoes it\./);
    expect(await changed.textContent()).toBe('changed (1)');

    await page.reload();
    // Once the page is idle, before the terminal has loaded.
    await expect.poll(() => changed.textContent()).toBe('changed (1)');
    await mountedTerminal(page);
    await typeInTerminal(page, LIST);
    await expect.poll(() => terminalText(page)).toMatch(/\nrt-kept\n/);

    await resetLab.click();
    await expect.poll(() => terminalText(page)).toMatch(/The lab aro2 is back as it was loaded: 1 change undone\./);
    await expect.poll(() => changed.isHidden()).toBe(true);
    expect(await resetLab.isHidden()).toBe(true);

    await page.reload();
    expect(await changed.isHidden()).toBe(true);
    await mountedTerminal(page);
    await typeInTerminal(page, 'lab status');
    await expect.poll(() => terminalText(page)).toMatch(/The lab aro2 is unchanged\./);
    await page.context().close();
  });

  it("redraw the page's packet walk from the changed world, and from the lab again after Reset lab", async () => {
    const page = await openPage(site, '/chapters/05-router/');
    const walk = page.locator('packet-walk[data-flow="ingress"]');
    const stop = walk.locator('[data-walk-stop]');
    expect(await stop.isHidden()).toBe(true);
    await mountedTerminal(page);
    // A route table on the workers' subnet that sends 0.0.0.0/0 to an appliance: the answer to an
    // Internet client no longer goes back the way the request came.
    for (const line of [
      'az network route-table create -g $rg -n egress-rt -o none',
      'az network route-table route create -g $rg --route-table-name egress-rt -n to-appliance --address-prefix 0.0.0.0/0 --next-hop-type VirtualAppliance --next-hop-ip-address 10.0.0.250 -o none',
      'az network vnet subnet update -g $rg --vnet-name aro2-vnet -n worker-subnet --route-table egress-rt -o none',
    ])
      await typeInTerminal(page, line);
    await expect.poll(() => walk.locator('[data-walk-lab-note]').textContent()).toBe(', with your 3 changes');
    expect(await stop.isVisible()).toBe(true);
    expect(await stop.textContent()).toMatch(/^The packet stops at step \d+: /);
    await page.getByRole('button', { name: /^Reset lab/ }).click();
    await expect.poll(() => stop.isHidden()).toBe(true);
    expect(await walk.locator('[data-walk-lab-note]').textContent()).toBe('');
    await page.context().close();
  });

  it.each([
    [1280, 800],
    [390, 844],
  ])('keep the badge on one line at %i×%i', async (width, height) => {
    const page = await withKeptChanges(site.browser, width, height, 'light');
    await expect.poll(() => page.locator('[data-lab-changed]').textContent()).toBe('changed (2)');
    expect(await badgeLines(page)).toBe(1);
    await page.context().close();
  });

  it.each(['light', 'dark'] as const)('read at 4.5:1 or more, and axe finds nothing serious in the dock, in the %s theme', async (theme) => {
    const page = await withKeptChanges(site.browser, 1280, 800, theme);
    await mountedTerminal(page);
    const [foreground, background] = await page.locator('[data-lab-changed]').evaluate((pill) => {
      let el: Element | null = pill;
      let background = 'rgba(0, 0, 0, 0)';
      while (el && background === 'rgba(0, 0, 0, 0)') [background, el] = [getComputedStyle(el).backgroundColor, el.parentElement];
      return [getComputedStyle(pill).color, background];
    });
    expect(contrastRatio(foreground, background)).toBeGreaterThanOrEqual(4.5);
    await page.addScriptTag({ content: readFileSync(`${ROOT}node_modules/axe-core/axe.min.js`, 'utf8') });
    const found = await page.evaluate(async () => {
      type Result = { violations: Array<{ id: string; impact: string; nodes: unknown[] }> };
      const run = (window as unknown as { axe: { run(context: Element, options: object): Promise<Result> } }).axe.run;
      const result = await run(document.querySelector('lab-terminal')!, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(found).toEqual([]);
    await page.context().close();
  });
});

/** The chapter in a fresh context whose storage holds two changes to aro2 kept by an earlier visit
 * (the badge counts them once the page is idle), in a Starlight theme. */
async function withKeptChanges(browser: Browser, width: number, height: number, theme: 'light' | 'dark'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
  const kept = await keptRouteTables();
  await context.addInitScript(
    ([journal, t]) => {
      localStorage.setItem('aro-labs:v1:changes:aro2', journal);
      localStorage.setItem('starlight-theme', t);
    },
    [JSON.stringify(kept), theme] as const,
  );
  const page = await context.newPage();
  await page.goto(`${site.base}${CHAPTER}`);
  return page;
}

/** Two route tables az created, as the page keeps its journal. */
async function keptRouteTables() {
  const { createFixtureWorld } = await import('../../src/engine/sources/fixture/index.ts');
  const { Session } = await import('../../src/engine/session.ts');
  const { builtInLab } = await import('../helpers/built-in-labs.ts');
  const world = createFixtureWorld(builtInLab('aro2'));
  const session = new Session(world);
  for (const name of ['rt1', 'rt2']) await session.run(`az network route-table create -g $rg -n ${name} -o none`);
  return world.changes!.journal();
}

/** The visible lines the badge's text takes: the distinct tops of its text's boxes. */
const badgeLines = (page: Page) =>
  page.locator('[data-lab-badge]').evaluate((badge) => {
    const tops = new Set<number>();
    const walker = document.createTreeWalker(badge, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim() || !node.parentElement?.checkVisibility()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) if (rect.width && rect.height) tops.add(Math.round(rect.top));
    }
    return tops.size;
  });
