// The chapter terminal in Chromium at a desktop and a phone size: a long curl line typed, recalled,
// edited at its start and run leaves one prompt line per command (no stale copy of a wrapped row),
// and copying by keyboard: Ctrl-C, Cmd-C and Ctrl-Shift-C copy a selection, Ctrl-C alone interrupts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { aroLabsExec, mountedTerminal, startSite, terminalText, type Site } from '../helpers/site.ts';

const CHAPTER = '/chapters/04-outbound-rule/';
// Longer than a row of the docked terminal at 1280×800 (159 columns), as the chapters' longest lines are.
const CURL = `curl -s -H "Accept: application/json" -H "User-Agent: aro-packet-labs" "http://sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io/api/ip" | jq -r '.my_public_ip'`;
/** A word put in front of the recalled line: a variable for that one command, so it still runs. */
const INSERTED = 'NOTE=edited ';
const VIEWPORTS = [
  { name: 'desktop 1280×800', width: 1280, height: 800 },
  { name: 'phone 390×844', width: 390, height: 844 },
];

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});

async function chapter(viewport: { width: number; height: number }): Promise<Page> {
  const context = await site.browser.newContext({ viewport, hasTouch: false });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.base });
  const page = await context.newPage();
  await page.goto(`${site.base}${CHAPTER}`);
  await mountedTerminal(page);
  return page;
}

/** The terminal's logical lines (wrapped rows joined), and its last one: the prompt it waits at. */
async function lines(page: Page): Promise<string[]> {
  return (await terminalText(page)).split('\n').filter((line) => line !== '');
}

const columns = (page: Page) => page.evaluate(() => (window as unknown as { __labTerminal: { cols: number } }).__labTerminal.cols);

async function promptOf(page: Page): Promise<string> {
  await expect.poll(async () => (await lines(page)).at(-1)).toMatch(/\$ $/);
  return (await lines(page)).at(-1)!;
}

describe('a long line in the chapter terminal', () => {
  it.each(VIEWPORTS)('at $name: typed, recalled with ↑, Home, a word inserted, End, Enter: one prompt line each, and both ran', async (viewport) => {
    const page = await chapter(viewport);
    const prompt = await promptOf(page);
    const output = (await aroLabsExec(CURL)).trimEnd();
    // The line must wrap at this width for the test to mean anything.
    expect(prompt.length + INSERTED.length + CURL.length).toBeGreaterThan(await columns(page));
    await page.locator('.xterm').click();
    await page.keyboard.type(CURL);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await lines(page)).filter((l) => l === output)).toHaveLength(1);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Home');
    await page.keyboard.type(INSERTED);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await lines(page)).filter((l) => l === output)).toHaveLength(2);
    await expect.poll(async () => (await lines(page)).at(-1)).toBe(prompt);
    const shown = await lines(page);
    // Every prompt line on the screen: the two commands as run, then the waiting prompt. A stale
    // copy of a wrapped row would be one more line starting with the prompt.
    expect(shown.filter((l) => l.startsWith(prompt))).toEqual([prompt + CURL, prompt + INSERTED + CURL, prompt]);
    expect(shown.slice(shown.indexOf(prompt + INSERTED + CURL) + 1)).toEqual([output, prompt]);
    await page.context().close();
  });
});

describe('a long line while the window changes width', () => {
  it.each([VIEWPORTS, [...VIEWPORTS].reverse()])('from $name to the other size, the input is drawn once for the new columns and edits go on', async (from, to) => {
    const page = await chapter(from);
    const prompt = await promptOf(page);
    await page.locator('.xterm').click();
    await page.keyboard.type(CURL);
    await page.keyboard.press('Home');
    const before = await columns(page);
    await page.setViewportSize(to);
    await expect.poll(() => columns(page)).not.toBe(before);
    await page.keyboard.type(INSERTED);
    await expect.poll(async () => (await lines(page)).at(-1)).toBe(prompt + INSERTED + CURL);
    expect((await lines(page)).filter((l) => l.startsWith(prompt))).toEqual([prompt + INSERTED + CURL]);
    await page.context().close();
  });
});

describe('copying from the terminal by keyboard', () => {
  const CHORDS = ['Control+c', 'Meta+c', 'Control+Shift+C'];

  /** Drags the mouse over the banner row and gives what the terminal says is selected. */
  async function selectBanner(page: Page): Promise<string> {
    const row = page.locator('.xterm-rows > div').first();
    const box = (await row.boundingBox())!;
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + Math.min(box.width - 2, 300), box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    return page.evaluate(() => (window as unknown as { __labTerminal: { getSelection(): string } }).__labTerminal.getSelection());
  }

  it.each(CHORDS)('with text selected, %s copies it to the clipboard and does not interrupt', async (chord) => {
    const page = await chapter(VIEWPORTS[0]);
    const prompt = await promptOf(page);
    await page.locator('.xterm').click();
    await page.keyboard.type('oc whoami');
    const selected = await selectBanner(page);
    expect(selected.length).toBeGreaterThan(5);
    await page.keyboard.press(chord);
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(selected);
    expect(await page.evaluate(() => (window as unknown as { __labTerminal: { hasSelection(): boolean } }).__labTerminal.hasSelection())).toBe(false);
    // The line being typed is untouched: no ^C, and the next key goes on after it.
    await page.keyboard.type(' --help');
    await expect.poll(async () => (await lines(page)).at(-1)).toBe(`${prompt}oc whoami --help`);
    expect(await terminalText(page)).not.toContain('^C');
    await page.context().close();
  });

  it('with nothing selected, Ctrl-C interrupts the line being typed', async () => {
    const page = await chapter(VIEWPORTS[0]);
    const prompt = await promptOf(page);
    await page.locator('.xterm').click();
    await page.keyboard.type('oc whoami');
    await page.keyboard.press('Control+c');
    await expect.poll(async () => (await lines(page)).slice(-2)).toEqual([`${prompt}oc whoami^C`, prompt]);
    await page.context().close();
  });
});
