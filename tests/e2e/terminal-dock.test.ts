// The page's one terminal, docked at the bottom of the window: wide enough for az's tables at
// 1280×800, "Run in terminal" types into it without moving the page, its size and state survive a
// reload, a click starts typing (keys typed while it loads are kept, under a slow CPU too), blocks
// that need earlier blocks run them first, the greeting breaks no word, and the keyboard model
// (Tab to it, Enter in, Escape out, Tab on) holds. Needs `astro build` first and Debian's Chromium.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { aroLabs, DIST, ROOT, startSite, terminalText, typeInTerminal, type Site } from '../helpers/site.ts';
import { escapeRegExp } from '../helpers/escape-regexp.ts';

const SIZES = [
  [1280, 800],
  [390, 844],
] as const;
const CHAPTER = '/chapters/04-outbound-rule/';

let site: Site;

beforeAll(async () => {
  site = await startSite();
});

afterAll(async () => {
  await site?.close();
});

/** A page in a fresh context (its own localStorage) at a window size. */
async function open(path: string, width: number, height: number): Promise<Page> {
  const context = await site.browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  await page.goto(`${site.base}${path}`);
  return page;
}

const ready = (page: Page) => page.waitForSelector('lab-terminal[data-ready="true"]');
const dockBox = (page: Page) => page.locator('[data-lab-dock]').boundingBox();
const screenRows = (page: Page) => page.locator('.xterm-rows').innerText();

/** Scrolls so the element sits a fifth of the way down the window, well above the dock. */
async function readAt(page: Page, element: Locator): Promise<number> {
  await element.evaluate((e) => scrollTo(0, e.getBoundingClientRect().top + scrollY - innerHeight / 5));
  return page.evaluate(() => scrollY);
}

/** Whether the element is on screen and not covered (by the dock or anything else). */
const uncovered = (element: Locator) =>
  element.evaluate((e) => {
    const r = e.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return r.top >= 0 && r.bottom <= innerHeight && hit !== null && e.contains(hit);
  });

/** What `aro-labs exec` prints for a block after the blocks it needs: its last line of output. */
async function lastOutputLine(button: Locator): Promise<string> {
  const cmd = (await button.getAttribute('data-run'))!;
  const needs: Array<{ cmd: string }> = JSON.parse((await button.getAttribute('data-needs')) ?? '[]');
  const { output } = await aroLabs(['exec', ...needs.map((n) => n.cmd), cmd]);
  return output.trimEnd().split('\n').pop()!;
}

describe('the docked terminal', () => {
  it('has at least 120 columns at a 1280×800 window', async () => {
    const page = await open(CHAPTER, 1280, 800);
    await page.locator('[data-lab-terminal]').click();
    await ready(page);
    const cols = await page.evaluate(() => (window as unknown as { __labTerminal: { cols: number } }).__labTerminal.cols);
    expect(cols).toBeGreaterThanOrEqual(120);
    await page.context().close();
  });

  it.each(SIZES)('at %i×%i, "Run in terminal" keeps the reader\'s place and shows the output beside it', async (width, height) => {
    const page = await open(CHAPTER, width, height);
    const button = page.locator('.lab-run__try').nth(3);
    const scrollY = await readAt(page, button);
    expect(await uncovered(button)).toBe(true);
    await button.click();
    const expected = await lastOutputLine(button);
    await expect.poll(() => screenRows(page), { timeout: 20000 }).toContain(expected);
    expect(await page.evaluate(() => scrollY)).toBe(scrollY);
    expect(await uncovered(button)).toBe(true);
    const dock = (await dockBox(page))!;
    expect(dock.y + dock.height).toBeLessThanOrEqual(height + 1);
    expect(dock.y).toBeGreaterThan(0);
    await page.context().close();
  });

  it.each(SIZES)('at %i×%i, "Run in terminal" opens a collapsed dock and keeps the block above it', async (width, height) => {
    const page = await open(CHAPTER, width, height);
    await page.locator('[data-lab-collapse]').click();
    await expect.poll(() => page.locator('[data-lab-terminal]').isVisible()).toBe(false);
    // The block sits just above the collapsed bar, where the opened dock would cover it.
    const button = page.locator('.lab-run__try').nth(3);
    const bar = (await dockBox(page))!;
    await button.evaluate((e, barTop) => scrollTo(0, e.getBoundingClientRect().bottom + scrollY - barTop + 4), bar.y);
    await button.click();
    await expect.poll(() => page.locator('[data-lab-terminal]').isVisible()).toBe(true);
    expect(await uncovered(button)).toBe(true);
    await expect.poll(() => screenRows(page), { timeout: 20000 }).toContain(await lastOutputLine(button));
    await page.context().close();
  });

  it.each(SIZES)('at %i×%i, the dock\'s size (dragged, then by keyboard) and its collapsed state survive a reload', async (width, height) => {
    const page = await open(CHAPTER, width, height);
    const handle = page.locator('[data-lab-resize]');
    const start = (await handle.boundingBox())!;
    await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
    await page.mouse.down();
    await page.mouse.move(start.x + start.width / 2, height * 0.3, { steps: 5 });
    await page.mouse.up();
    const dragged = (await dockBox(page))!.height;
    expect(Math.abs(dragged - height * 0.7)).toBeLessThan(height * 0.03);
    await handle.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const resized = (await dockBox(page))!.height;
    expect(Math.abs(resized - height * 0.6)).toBeLessThan(height * 0.03);
    expect(await handle.getAttribute('aria-valuenow')).toBe(String(Math.round((resized / height) * 100)));

    await page.reload();
    await expect.poll(async () => (await dockBox(page))!.height).toBe(resized);

    const toggle = page.locator('[data-lab-collapse]');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    const collapsed = (await dockBox(page))!.height;
    expect(collapsed).toBeLessThan(height * 0.15);
    await page.reload();
    await expect.poll(async () => (await dockBox(page))!.height).toBe(collapsed);
    expect(await page.locator('[data-lab-terminal]').isVisible()).toBe(false);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(async () => (await dockBox(page))!.height).toBe(resized);
    await page.context().close();
  });

  it.each(SIZES)('at %i×%i, the page (and the sidebar) leave room for the dock below their last line', async (width, height) => {
    const page = await open(CHAPTER, width, height);
    const dock = (await dockBox(page))!;
    const lastBottom = () =>
      page.evaluate(() => {
        scrollTo(0, document.documentElement.scrollHeight);
        return [...document.querySelectorAll('.main-frame footer, .main-frame .sl-markdown-content > *')].pop()!.getBoundingClientRect().bottom;
      });
    await expect.poll(lastBottom).toBeLessThanOrEqual(dock.y + 1);
    if (width >= 800) {
      // The sidebar ends above the dock, so none of its links hides behind it.
      await expect.poll(async () => {
        const sidebar = (await page.locator('.sidebar-pane').boundingBox())!;
        return sidebar.y + sidebar.height;
      }).toBeLessThanOrEqual(dock.y + 1);
    }
    await page.context().close();
  });

  it.each(SIZES)('at %i×%i, a click starts typing at once under 4× CPU throttling: what was typed while it loaded runs', async (width, height) => {
    const page = await open(CHAPTER, width, height);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await typeInTerminal(page, 'echo typed while loading');
    await page.keyboard.type('echo and after');
    await page.keyboard.press('Enter');
    await expect.poll(() => terminalText(page), { timeout: 30000 }).toContain('$ echo typed while loading\ntyped while loading\n');
    await expect.poll(() => terminalText(page), { timeout: 30000 }).toContain('$ echo and after\nand after\n');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await page.context().close();
  });

  it('a paste while the terminal loads is kept and runs with what follows', async () => {
    const page = await open(CHAPTER, 1280, 800);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const screen = page.locator('[data-lab-terminal]');
    await screen.click();
    await screen.evaluate((e) => {
      const data = new DataTransfer();
      data.setData('text', 'echo pasted');
      e.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    });
    await page.keyboard.type(' and typed');
    await page.keyboard.press('Enter');
    await expect.poll(() => terminalText(page), { timeout: 30000 }).toContain('$ echo pasted and typed\npasted and typed\n');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await page.context().close();
  });

  it('runs the blocks a block needs first on a fresh page, saying so, and az gets its argument', async () => {
    const page = await open('/chapters/02-infrastructure/', 1280, 800);
    const button = page.locator('.lab-run__try[data-needs*="node_rg_name"]').first();
    await readAt(page, button);
    await button.click();
    const needs: Array<{ name: string; cmd: string }> = JSON.parse((await button.getAttribute('data-needs'))!);
    await expect.poll(() => terminalText(page), { timeout: 20000 }).toContain(await lastOutputLine(button));
    const text = await terminalText(page);
    for (const need of needs) expect(text).toContain(`$ # $${need.name} is set by an earlier block: running it first\n`);
    expect(text).not.toContain('expected one argument');
    // Run again: the session has the variables now, so nothing runs twice.
    await button.click();
    const cmd = (await button.getAttribute('data-run'))!;
    await expect.poll(async () => (await terminalText(page)).split(`$ ${cmd}\n`).length).toBe(3);
    expect((await terminalText(page)).split('is set by an earlier block').length).toBe(needs.length + 1);
    await page.context().close();
  });

  it.each(SIZES)('at %i×%i, the greeting breaks no word across rows', async (width, height) => {
    const page = await open(CHAPTER, width, height);
    await page.locator('[data-lab-terminal]').click();
    await ready(page);
    await expect.poll(() => terminalText(page)).toContain('$ ');
    const rows = await page.evaluate(() => {
      const buffer = (window as unknown as { __labTerminal: { buffer: { active: { length: number; getLine(i: number): { isWrapped: boolean; translateToString(trim: boolean): string } } } } }).__labTerminal.buffer.active;
      const lines = [];
      for (let i = 0; i < buffer.length; i++) lines.push({ wrapped: buffer.getLine(i).isWrapped, text: buffer.getLine(i).translateToString(true) });
      return lines;
    });
    const greeting = rows.slice(0, rows.findIndex((r) => r.text.includes('$')));
    expect(greeting.length).toBeGreaterThan(0);
    // Each row ends at a word's end: none continues on the next row as xterm's own wrapping would.
    expect(greeting.filter((r) => r.wrapped)).toEqual([]);
    expect(greeting.map((r) => r.text.trim()).join(' ')).toBe('ARO Packet Labs: Simulated lab aro2. Type help for the commands, submit ID ANSWER for an exercise.');
    await page.context().close();
  });

  it('works from the keyboard alone: Tab reaches the terminal, Enter goes in, typing runs, Escape comes out, Tab moves on', async () => {
    const page = await open(CHAPTER, 1280, 800);
    await page.locator('[data-lab-collapse]').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-lab-terminal'))).toBe(true);
    await page.keyboard.press('Enter');
    await page.keyboard.type('echo from the keyboard');
    await page.keyboard.press('Enter');
    await expect.poll(() => terminalText(page), { timeout: 20000 }).toContain('$ echo from the keyboard\nfrom the keyboard');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-lab-terminal'))).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.matches('[data-lab-reset]'))).toBe(true);
    await page.context().close();
  });

  it('Tab on the terminal before Enter moves on and types nothing into it', async () => {
    const page = await open(CHAPTER, 1280, 800);
    await page.locator('[data-lab-terminal]').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.matches('[data-lab-reset]'))).toBe(true);
    await page.context().close();
  });

  it('the "Open the terminal" button where the chapter declares it starts typing in the dock', async () => {
    const page = await open(CHAPTER, 1280, 800);
    await page.locator('[data-lab-collapse]').click();
    await page.locator('[data-lab-open]').click();
    await page.keyboard.type('echo opened');
    await page.keyboard.press('Enter');
    await expect.poll(() => terminalText(page), { timeout: 20000 }).toContain('$ echo opened\nopened');
    await page.context().close();
  });
});

describe('on a touch phone (390×844)', () => {
  it('the input keeps focus after Run, ↑/↓ walk the history and Tab completes', async () => {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${site.base}${CHAPTER}`);
    await page.locator('[data-lab-terminal]').tap();
    await ready(page);
    const input = page.locator('[data-lab-touch] input');
    const key = (name: string) => page.locator(`[data-lab-touch-key="${name}"]`).tap();
    const inputFocused = () => input.evaluate((e) => document.activeElement === e);
    for (const line of ['echo first', 'echo second']) {
      await input.tap();
      await input.fill(line);
      await page.locator('[data-lab-touch] button[type="submit"]').tap();
      expect(await inputFocused()).toBe(true);
      await expect.poll(() => terminalText(page)).toContain(`$ ${line}\n${line.slice(5)}\n`);
    }
    await key('up');
    expect(await input.inputValue()).toBe('echo second');
    await key('up');
    expect(await input.inputValue()).toBe('echo first');
    await key('down');
    expect(await input.inputValue()).toBe('echo second');
    expect(await inputFocused()).toBe(true);

    await input.fill('echo $clus');
    await key('tab');
    await expect.poll(() => input.inputValue()).toBe('echo $cluster_name ');
    expect(await inputFocused()).toBe(true);
    await context.close();
  });
});

describe('the dock for assistive technology', () => {
  const axe = readFileSync(`${ROOT}node_modules/axe-core/axe.min.js`, 'utf8');
  const cases = SIZES.flatMap(([width, height]) => (['open', 'with the cluster form open', 'collapsed'] as const).map((state) => [width, height, state] as const));

  it.each(cases)('at %i×%i (touch on phones), %s: axe finds no serious or critical violation in the dock', async (width, height, state) => {
    const phone = width < 800;
    const context = await site.browser.newContext({ viewport: { width, height }, isMobile: phone, hasTouch: phone });
    const page = await context.newPage();
    await page.goto(`${site.base}${CHAPTER}`);
    await page.locator('[data-lab-terminal]').click();
    await ready(page);
    if (state === 'with the cluster form open') await page.getByText('Connect to my cluster').click();
    if (state === 'collapsed') await page.locator('[data-lab-collapse]').click();
    await page.addScriptTag({ content: axe });
    const found = await page.evaluate(async () => {
      type Result = { violations: Array<{ id: string; impact: string; nodes: unknown[] }> };
      const run = (window as unknown as { axe: { run(context: Element, options: object): Promise<Result> } }).axe.run;
      const result = await run(document.querySelector('lab-terminal')!, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(found).toEqual([]);
    await context.close();
  });
});

describe('one terminal a page', () => {
  const pages = [...readdirSync(join(DIST, 'chapters')).map((c) => `/chapters/${c}/`), ...readdirSync(join(DIST, 'scenarios'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `/scenarios/${d.name}/`)].sort();

  it.each(pages)('%s has exactly one terminal, docked at the bottom of the window', async (path) => {
    const page = await open(path, 1280, 800);
    expect(await page.locator('lab-terminal').count()).toBe(1);
    const dock = (await dockBox(page))!;
    expect(dock.y + dock.height).toBeCloseTo(800, 0);
    await page.context().close();
  });
});

/** A touch phone's page (390×844) in a fresh context. */
async function openPhone(path: string): Promise<Page> {
  const context = await site.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${site.base}${path}`);
  return page;
}

describe('the touch row on a fresh page', () => {
  it('its first line starts the terminal and runs', async () => {
    const page = await openPhone(CHAPTER);
    const input = page.locator('[data-lab-touch] input');
    await input.tap();
    await input.fill('echo hello');
    await page.locator('[data-lab-touch] button[type="submit"]').tap();
    await expect.poll(() => terminalText(page), { timeout: 20000 }).toContain('$ echo hello\nhello\n');
    expect(await input.evaluate((e) => document.activeElement === e)).toBe(true);
    await page.context().close();
  });

  it('Enter in it on a fresh page starts the terminal and runs the line too', async () => {
    const page = await openPhone(CHAPTER);
    const input = page.locator('[data-lab-touch] input');
    await input.tap();
    await input.fill('echo by enter');
    await input.press('Enter');
    await expect.poll(() => terminalText(page), { timeout: 20000 }).toContain('$ echo by enter\nby enter\n');
    await page.context().close();
  });
});

describe('output that does not end in a newline', () => {
  it('"Run in terminal" on a jsonpath block keeps its output on screen above the next prompt', async () => {
    const page = await open('/chapters/05-router/', 1280, 800);
    const button = page.locator('.lab-run__try[data-run*="jsonpath=\'{.spec.externalTrafficPolicy}\'"]').first();
    await readAt(page, button);
    await button.click();
    const cmd = (await button.getAttribute('data-run'))!;
    const { output } = await aroLabs(['exec', cmd]);
    expect(output).not.toMatch(/\n$/);
    await expect.poll(() => terminalText(page), { timeout: 20000 }).toMatch(new RegExp(`\\$ ${escapeRegExp(cmd)}\\n${output}\\n\\[aro2 [^\\]]+\\]\\$ `));
    await page.context().close();
  });

  it('typed `echo -n abc` shows abc on its own row before the next prompt', async () => {
    const page = await open(CHAPTER, 1280, 800);
    await typeInTerminal(page, 'echo -n abc');
    await expect.poll(() => terminalText(page), { timeout: 20000 }).toMatch(/\$ echo -n abc\nabc\n\[aro2 [^\]]+\]\$ /);
    await page.context().close();
  });
});

describe('the touch row\'s history after "Run in terminal" ran the blocks a block needs', () => {
  it('↑ walks the commands run, newest first, as the terminal\'s ArrowUp does, and never a comment line', async () => {
    const page = await openPhone('/chapters/03-load-balancers/');
    const button = page.locator('.lab-run__try[data-run^="az network lb frontend-ip list"][data-needs]').first();
    await readAt(page, button);
    await button.tap();
    await expect.poll(() => terminalText(page), { timeout: 20000 }).toContain(await lastOutputLine(button));
    const needs: Array<{ cmd: string }> = JSON.parse((await button.getAttribute('data-needs'))!);
    const ran = [...needs.map((n) => n.cmd), (await button.getAttribute('data-run'))!].reverse();
    const input = page.locator('[data-lab-touch] input');
    const walked: string[] = [];
    for (let i = 0; i < ran.length; i++) {
      await page.locator('[data-lab-touch-key="up"]').tap();
      walked.push(await input.inputValue());
    }
    expect(walked).toEqual(ran);
    // The terminal's own editor walks the same list.
    await page.locator('[data-lab-terminal]').click();
    await page.keyboard.press('ArrowUp');
    await expect.poll(async () => (await terminalText(page)).trimEnd().split('\n').pop()).toMatch(new RegExp(`\\$ ${escapeRegExp(ran[0])}$`));
    await page.context().close();
  });

  it('↑ in the touch row shows a line typed on the terminal\'s keyboard after the touch row was used', async () => {
    const page = await openPhone(CHAPTER);
    const input = page.locator('[data-lab-touch] input');
    await input.tap();
    await input.fill('echo from the touch row');
    await input.press('Enter');
    await expect.poll(() => terminalText(page), { timeout: 20000 }).toContain('from the touch row\n');
    await typeInTerminal(page, 'echo from the keyboard');
    await expect.poll(() => terminalText(page)).toContain('from the keyboard\n');
    await page.locator('[data-lab-touch-key="up"]').tap();
    expect(await input.inputValue()).toBe('echo from the keyboard');
    await page.context().close();
  });
});

describe('a lab chosen by ?lab=', () => {
  it.each(SIZES)('at %i×%i, the dock names the lab in effect before the terminal starts', async (width, height) => {
    const page = await open(`${CHAPTER}?lab=aro-today`, width, height);
    expect(await page.locator('lab-terminal').getAttribute('data-ready')).toBeNull();
    expect(await page.locator('.lab-terminal__source').innerText()).toContain('aro-today');
    expect(await page.locator('.lab-terminal__source').innerText()).not.toContain('aro2');
    expect(await page.locator('.lab-terminal__placeholder').innerText()).toContain('lab aro-today');
    expect(await page.locator('[data-lab-terminal]').getAttribute('aria-label')).toContain('aro-today');
    await page.context().close();
  });
});

/** The dock's own controls and whether each lies wholly inside the window. */
const controlsOnScreen = (page: Page) =>
  page.evaluate(() =>
    ['[data-lab-collapse]', '[data-lab-reset]', '[data-lab-live] summary', '.lab-dock__bar'].map((selector) => {
      const r = document.querySelector(selector)!.getBoundingClientRect();
      return { selector, onScreen: r.height > 0 && r.top >= 0 && r.bottom <= innerHeight };
    }),
  );
const allOnScreen = (selectors: string[]) => selectors.map((selector) => ({ selector, onScreen: true }));
const CONTROLS = ['[data-lab-collapse]', '[data-lab-reset]', '[data-lab-live] summary', '.lab-dock__bar'];
const termRows = (page: Page) => page.evaluate(() => (window as unknown as { __labTerminal: { rows: number } }).__labTerminal.rows);

describe('the dock at its smallest', () => {
  const windows = [
    [1280, 800],
    [900, 600],
    [1280, 500],
    [390, 844],
  ] as const;

  it.each(windows)('at %i×%i, dragged to the bottom, keeps its bar, 4 terminal rows and its control row on screen, after a reload too', async (width, height) => {
    const phone = width < 800;
    const context = await site.browser.newContext({ viewport: { width, height }, isMobile: phone, hasTouch: phone });
    const page = await context.newPage();
    await page.goto(`${site.base}${CHAPTER}`);
    const handle = (await page.locator('[data-lab-resize]').boundingBox())!;
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(handle.x + handle.width / 2, height - 1, { steps: 5 });
    await page.mouse.up();
    for (const reload of [false, true]) {
      if (reload) await page.reload();
      expect(await controlsOnScreen(page)).toEqual(allOnScreen(CONTROLS));
      if (phone) expect((await page.locator('[data-lab-touch] button[type="submit"]').boundingBox())!.y).toBeGreaterThan(0);
      await page.locator('[data-lab-terminal]').click();
      await ready(page);
      await expect.poll(() => termRows(page)).toBeGreaterThanOrEqual(4);
      // The handle reports the height the dock has, not the smaller one asked for.
      const dock = (await dockBox(page))!;
      expect(await page.locator('[data-lab-resize]').getAttribute('aria-valuenow')).toBe(String(Math.round((dock.height / height) * 100)));
    }
    await context.close();
  });

  it.each([
    [900, 600],
    [1280, 500],
  ] as const)('at %i×%i, a small size stored earlier is raised to the minimum on load', async (width, height) => {
    const context = await site.browser.newContext({ viewport: { width, height } });
    await context.addInitScript(() => localStorage.setItem('aro-labs:v1:terminal-dock', JSON.stringify({ size: 0.15, collapsed: false })));
    const page = await context.newPage();
    await page.goto(`${site.base}${CHAPTER}`);
    expect(await controlsOnScreen(page)).toEqual(allOnScreen(CONTROLS));
    await context.close();
  });

  it('a window made shorter keeps the dock\'s controls on screen', async () => {
    const page = await open(CHAPTER, 1280, 800);
    await page.setViewportSize({ width: 1280, height: 420 });
    await expect.poll(() => controlsOnScreen(page)).toEqual(allOnScreen(CONTROLS));
    await page.locator('[data-lab-terminal]').click();
    await ready(page);
    await expect.poll(() => termRows(page)).toBeGreaterThanOrEqual(4);
    await page.context().close();
  });
});

describe('the default dock', () => {
  it.each([
    [1280, 800, 0.3],
    [390, 844, 0.36],
  ] as const)('at %i×%i takes at most %d of the window', async (width, height, share) => {
    const page = await open(CHAPTER, width, height);
    expect((await dockBox(page))!.height).toBeLessThanOrEqual(Math.ceil(height * share));
    await page.context().close();
  });

  it('at 1280×800 is still above its minimum and has at least 120 columns', async () => {
    const page = await open(CHAPTER, 1280, 800);
    expect(await controlsOnScreen(page)).toEqual(allOnScreen(CONTROLS));
    await page.locator('[data-lab-terminal]').click();
    await ready(page);
    expect(await page.evaluate(() => (window as unknown as { __labTerminal: { cols: number } }).__labTerminal.cols)).toBeGreaterThanOrEqual(120);
    await expect.poll(() => termRows(page)).toBeGreaterThan(4);
    await page.context().close();
  });
});
