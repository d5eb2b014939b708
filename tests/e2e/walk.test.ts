// The packet walk in Chromium: stepping with buttons and keys, the proof sent to the terminal, the
// table view, and the walk recomputed for the lab the reader chose, without a click — always what
// `aro-labs walk` says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { aroLabs, mountedTerminal, openPage, startSite, terminalText, type Site } from '../helpers/site.ts';
import { loadLab } from '../../src/node/labs.ts';
import { walk as computeWalk, type FlowName } from '../../src/engine/walk/walk.ts';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});

const open = (path: string): Promise<Page> => openPage(site, path);

const hopsOf = async (lab: string, flow: string) => JSON.parse((await aroLabs(['walk', '--lab', lab, flow, '--json'])).output) as Array<{ at: string; src: string; dst: string; proof: string }>;

describe('packet walk', () => {
  it('steps with buttons and arrow keys, and its table is the CLI walk', async () => {
    const hops = await hopsOf('aro2', 'ingress');
    const page = await open('/chapters/05-router/');
    const walk = page.locator('packet-walk');
    const position = walk.locator('[data-walk-position]');
    expect(await position.textContent()).toBe(`Step 1 of ${hops.length}: ${hops[0].at}`);
    await walk.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => position.textContent()).toBe(`Step 2 of ${hops.length}: ${hops[1].at}`);
    expect(await walk.locator('[data-walk-field="addresses"]').textContent()).toBe(`${hops[1].src} → ${hops[1].dst}`);
    expect(await walk.locator('[data-walk-field="before"]').textContent()).toBe(`${hops[0].src} → ${hops[0].dst}`);
    await walk.getByRole('button', { name: 'Next' }).press('ArrowRight');
    await expect.poll(() => position.textContent()).toBe(`Step 3 of ${hops.length}: ${hops[2].at}`);
    expect(await walk.locator('.packet-walk__hop.is-current').getAttribute('data-hop')).toBe('3');
    await page.keyboard.press('End');
    await expect.poll(() => walk.getAttribute('data-step')).toBe(String(hops.length));
    expect(await walk.getByRole('button', { name: 'Next' }).getAttribute('aria-disabled')).toBe('true');
    await page.keyboard.press('Home');
    await expect.poll(() => walk.getAttribute('data-step')).toBe('1');
    await walk.getByText('All hops as a table').click();
    const rows = await walk.locator('[data-walk-rows] tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows.map((r) => [r[1], r[3], r[4], r[7]])).toEqual(hops.map((h) => [h.at, h.src, h.dst, h.proof]));
    // Each hop received the packet as the hop before left it.
    expect(rows.slice(1).map((r) => r[2])).toEqual(hops.slice(0, -1).map((h) => `${h.src} → ${h.dst}`));
  });

  it('sends the current hop\'s proof to the terminal', async () => {
    const hops = await hopsOf('aro2', 'sql');
    const page = await open('/chapters/06-clusterip-to-sql/');
    const walk = page.locator('packet-walk');
    await walk.getByRole('button', { name: 'Next' }).click();
    await walk.getByRole('button', { name: 'Run the proof in the terminal' }).click();
    await mountedTerminal(page);
    await expect.poll(() => terminalText(page)).toContain(`$ ${hops[1].proof}`);
    await expect.poll(() => terminalText(page)).toContain(hops[1].dst.split(':')[0]);
  });

  it('shows every hop\'s whole title, with the current hop marked as the current step', async () => {
    const hops = await hopsOf('nsg-blocks-web', 'ingress');
    const page = await open('/scenarios/nsg-blocks-web/');
    // A fault page keeps its walk behind a disclosure (it gives the diagnosis away).
    await page.locator('details:has(packet-walk) > summary').click();
    const walk = page.locator('packet-walk');
    expect(hops.some((h) => h.at.length > 46)).toBe(true); // the title the diagram used to cut
    expect(await walk.locator('.packet-walk__at').allTextContents()).toEqual(hops.map((h, i) => `${i + 1}. ${h.at}`));
    expect(await walk.locator('[data-hop][aria-current="step"]').getAttribute('data-hop')).toBe('1');
    await walk.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => walk.locator('[data-hop][aria-current="step"]').getAttribute('data-hop')).toBe('2');
    expect(await walk.locator('[aria-current]').count()).toBe(1);
  });

  it('plays through the hops and pauses', async () => {
    const page = await open('/chapters/07-api-server/');
    const walk = page.locator('packet-walk');
    const play = walk.getByRole('button', { name: 'Play' });
    await play.click();
    expect(await walk.getByRole('button', { name: 'Pause' }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => walk.getAttribute('data-step'), { timeout: 8000 }).toBe('2');
    await walk.getByRole('button', { name: 'Pause' }).click();
    expect(await walk.getByRole('button', { name: 'Play' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('follows the lab the reader chose', async () => {
    const hops = await hopsOf('aro-today', 'egress');
    const page = await open('/chapters/04-outbound-rule/?lab=aro-today');
    const walk = page.locator('packet-walk');
    await walk.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => walk.locator('[data-walk-lab]').textContent()).toBe('aro-today');
    await expect.poll(() => walk.locator('[data-walk-field="addresses"]').textContent()).toBe(`${hops[1].src} → ${hops[1].dst}`);
    expect(await walk.locator('.packet-walk__hop.is-current .packet-walk__addr').textContent()).toBe(`${hops[1].src} → ${hops[1].dst}`);
  });

  it('keeps the Next pressed while the walk\'s code is still loading, and shows that step of the chosen lab\'s walk', async () => {
    const hops = await hopsOf('aro-today', 'egress');
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // Hold the controller back until Next has been pressed twice: the presses land before it runs.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/controller\.[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${site.base}/chapters/04-outbound-rule/?lab=aro-today`);
    const walk = page.locator('packet-walk');
    await walk.getByRole('button', { name: 'Next' }).click();
    await walk.getByRole('button', { name: 'Next' }).click();
    release();
    await expect.poll(() => walk.locator('[data-walk-lab]').textContent()).toBe('aro-today');
    await expect.poll(() => walk.getAttribute('data-step')).toBe('3');
    expect(await walk.locator('[data-walk-field="addresses"]').textContent()).toBe(`${hops[2].src} → ${hops[2].dst}`);
    await context.close();
  });

  it('shows the chosen lab\'s walk as it comes into view, before any click, named once as the reader\'s choice', async () => {
    const hops = await hopsOf('aro-today', 'sql');
    const page = await open('/chapters/06-clusterip-to-sql/?lab=aro-today');
    const walk = page.locator('packet-walk');
    expect(await walk.getAttribute('data-lab')).not.toBe('aro-today'); // built from another lab
    await walk.scrollIntoViewIfNeeded();
    await expect.poll(() => walk.locator('.packet-walk__lab').textContent()).toBe('Computed from lab aro-today (your choice).');
    expect(await walk.locator('.packet-walk__addr').allTextContents()).toEqual(hops.map((h) => `${h.src} → ${h.dst}`));
    expect(await walk.locator('[data-walk-position]').textContent()).toBe(`Step 1 of ${hops.length}: ${hops[0].at}`);
  });

  it('redraws the title and the whole hop list from the chosen lab\'s walk, however many hops it has', async () => {
    const page = await open('/chapters/05-router/?lab=aro-private');
    const walk = page.locator('packet-walk');
    const flow = (await walk.getAttribute('data-flow')) as FlowName;
    const chosen = computeWalk(await loadLab({ name: 'aro-private' }), flow);
    const built = computeWalk(await loadLab({ name: (await walk.getAttribute('data-lab'))! }), flow);
    expect(chosen.hops.length).not.toBe(built.hops.length); // the case the list must be rebuilt for
    expect(chosen.title).not.toBe(built.title);
    await walk.scrollIntoViewIfNeeded();
    await expect.poll(() => walk.locator('[data-walk-lab]').textContent()).toBe('aro-private');
    expect(await walk.locator('.packet-walk__title').textContent()).toBe(`Packet walk: ${chosen.title}`);
    expect(await walk.locator('.packet-walk__at').allTextContents()).toEqual(chosen.hops.map((h) => `${h.step}. ${h.at}`));
    await walk.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => walk.locator('[data-walk-position]').textContent()).toBe(`Step 2 of ${chosen.hops.length}: ${chosen.hops[1].at}`);
    expect(await walk.locator('.packet-walk__hop.is-current').getAttribute('data-hop')).toBe('2');
  });
});
