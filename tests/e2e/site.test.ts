// The built site in Chromium: pages load without console errors, a command typed into a
// chapter's terminal prints exactly what `aro-labs exec` prints, "Run in terminal" works,
// diagrams are inline SVG and phones get no horizontal scroll. Needs `astro build` first
// (npm test runs it) and Debian's Chromium.
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { aroLabsExec, DIST, mountedTerminal, openPage, startSite, terminalText, typeInTerminal, type Site } from '../helpers/site.ts';
import { POD, ROUTE_URL, labWithText } from '../helpers/control-lab.ts';

const chapters = readdirSync(join(DIST, 'chapters')).sort();
const scenarios = readdirSync(join(DIST, 'scenarios'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const pages = ['/', '/about/', '/labs/', '/progress/', '/instructor/', '/handout/', ...chapters.map((c) => `/chapters/${c}/`), '/scenarios/', ...scenarios.map((s) => `/scenarios/${s}/`)];

let site: Site;
let BASE: string;

beforeAll(async () => {
  site = await startSite();
  BASE = site.base;
});

afterAll(async () => {
  await site?.close();
});

async function openTerminal(path: string): Promise<Page> {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${BASE}${path}`);
  await mountedTerminal(page);
  return page;
}

describe('the built site', () => {
  it.each(pages)('%s loads with no console error, its diagrams inline', async (path) => {
    const page = await site.browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${BASE}${path}`);
    if (path.startsWith('/chapters/')) {
      expect(await page.locator('svg[id^="mermaid"]').count()).toBeGreaterThan(0);
      // Each diagram carries its own CSS as a real <style> element (not a stranded attribute).
      expect(await page.locator('svg[id^="mermaid"] > style').evaluateAll((styles) => styles.every((s) => s.textContent!.includes('#mermaid')))).toBe(true);
      expect(await page.locator('style[set\\:html]').count()).toBe(0);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a typed command prints exactly what aro-labs exec prints', async () => {
    const page = await openTerminal('/chapters/05-router/');
    for (const line of ['kubectl get svc -n openshift-ingress', 'nslookup sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io']) {
      await page.locator('.xterm').click();
      await page.keyboard.type(line);
      await page.keyboard.press('Enter');
      const expected = (await aroLabsExec(line)).trimEnd();
      await expect.poll(() => terminalText(page)).toContain(`$ ${line}\n${expected}`);
    }
    await page.close();
  });

  it('"Run in terminal" types the command of a block into the page terminal and runs it', async () => {
    const page = await openTerminal('/chapters/04-outbound-rule/');
    const button = page.locator('.lab-run__try').nth(2);
    const cmd = (await button.getAttribute('data-run'))!;
    // The blocks it needs run first on a fresh page, so its output is what it prints after them.
    const needs: Array<{ cmd: string }> = JSON.parse((await button.getAttribute('data-needs')) || '[]');
    await button.click();
    await expect.poll(() => terminalText(page)).toContain(`$ ${cmd}\n${(await aroLabsExec(cmd, needs.map((n) => n.cmd))).trimEnd()}`);
    await page.close();
  });

  it('works from the keyboard alone: Tab reaches the terminal, Enter types into it, Escape leaves it', async () => {
    const page = await openTerminal('/chapters/01-welcome/');
    await page.evaluate(() => {
      const terminal = document.querySelector('[data-lab-terminal]')!;
      const before = [...document.querySelectorAll<HTMLElement>('a, button, [tabindex="0"]')].filter((e) => e.offsetParent !== null && e.compareDocumentPosition(terminal) & Node.DOCUMENT_POSITION_FOLLOWING).pop()!;
      before.focus();
    });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-lab-terminal'))).toBe(true);
    await page.keyboard.press('Enter');
    await page.keyboard.type('echo typed from the keyboard');
    await page.keyboard.press('Enter');
    await expect.poll(() => terminalText(page)).toContain('$ echo typed from the keyboard\ntyped from the keyboard');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('lab-terminal') !== null && !document.activeElement?.closest('.xterm'))).toBe(true);
    await page.close();
  });

  it.each(pages)('%s has no horizontal scrolling on a 375 px phone', async (path) => {
    const page = await site.browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(`${BASE}${path}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.close();
  });
});

describe('escapes in a lab file', () => {
  it('a name with ESC is refused; escapes in values show as ^[ in the terminal and set no title', async () => {
    const page = await openPage(site, '/labs/');
    const broken = labWithText('plain');
    const i = broken.kube.findIndex((o) => o.metadata.name === POD);
    broken.kube[i].metadata.name = 'sqlapi\x1b]0;owned\x07';
    await page.setInputFiles('[data-lab-file]', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    await expect.poll(() => page.locator('[data-lab-message]').textContent()).toBe(`broken.json: kube[${i}].metadata.name: names may not contain control characters (found U+001B)`);

    const lab = labWithText();
    lab.info.name = 'escapes';
    await page.setInputFiles('[data-lab-file]', { name: 'escapes.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(lab)) });
    await expect.poll(() => page.locator('[data-lab-message]').textContent()).toMatch(/^Loaded escapes /);
    await page.goto(`${BASE}/chapters/05-router/`);
    await mountedTerminal(page);
    await page.evaluate(() => {
      const w = window as unknown as { __labTerminal: { onTitleChange(f: (t: string) => void): void }; __titles: string[] };
      w.__titles = [];
      w.__labTerminal.onTitleChange((t) => w.__titles.push(t));
    });
    await typeInTerminal(page, `curl -s ${ROUTE_URL}/api/printenv | jq -r .NOTE`);
    await expect.poll(() => terminalText(page)).toContain('\na^[]52;c;aGk=^Gb^[]0;title^Gc^[[2Jd\n[escapes project1]$');
    expect(await page.evaluate(() => (window as unknown as { __titles: string[] }).__titles)).toEqual([]);
    // Nothing cleared the screen: the banner is still there.
    expect(await terminalText(page)).toContain('ARO Packet Labs: Lab escapes loaded from a file.');
    await page.context().close();
  });
});
