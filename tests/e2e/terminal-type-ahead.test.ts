// Keys, chords and pastes given to the terminal while it loads (its code held back, so the window
// stays open until the test lets it go) are kept, shown as typed, and replayed in order, Ctrl
// chords and a paste aimed at the placeholder's text included; and "Run in terminal" keeps a line
// the reader was typing; Ctrl-V pastes once the terminal runs too. Needs `astro build` first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startSite, terminalText, type Site } from '../helpers/site.ts';
import { chunkWith, holdBack } from '../helpers/hold-back.ts';

const CHAPTER = '/chapters/04-outbound-rule/';
const SIZES = [
  [1280, 800],
  [390, 844],
] as const;

let site: Site;
/** The chunk of the mounted terminal (xterm, the line editor): until it arrives, the dock holds the keys. */
let mountChunk: string;

beforeAll(async () => {
  mountChunk = chunkWith('the terminal failed to take input');
  site = await startSite();
});

afterAll(async () => {
  await site?.close();
});

interface Loading {
  page: Page;
  context: BrowserContext;
  /** Lets the terminal's code arrive. */
  release(): void;
}

/** A chapter whose terminal's code is held back until `release`. */
async function loading(width = 1280, height = 800, permissions: string[] = []): Promise<Loading> {
  const context = await site.browser.newContext({ viewport: { width, height }, permissions });
  const page = await context.newPage();
  const { release } = await holdBack(page, mountChunk);
  await page.goto(`${site.base}${CHAPTER}`);
  return { page, context, release };
}

const pageSelection = (page: Page) => page.evaluate(() => getSelection()?.toString() ?? '');
/** What the dock shows on the screen before xterm takes it. */
const screenText = (page: Page) => page.locator('[data-lab-terminal]').innerText();

describe('keys typed while the terminal loads', () => {
  it('Ctrl-U and Ctrl-A edit the kept line, select nothing on the page, and the edited line runs', async () => {
    const { page, context, release } = await loading();
    await page.locator('[data-lab-terminal]').click();
    await page.keyboard.type('rm -rf oops');
    await page.keyboard.press('Control+u');
    await page.keyboard.type('echo x');
    await page.keyboard.press('Control+a');
    expect(await pageSelection(page)).toBe('');
    await page.keyboard.press('Enter');
    expect(await page.locator('lab-terminal').getAttribute('data-prompt')).toBeNull();
    release();
    await expect.poll(() => terminalText(page), { timeout: 30000 }).toMatch(/\]\$ echo x\nx\n/);
    expect(await terminalText(page)).not.toContain('oops');
    await context.close();
  });

  it('Ctrl-C interrupts the kept line and Ctrl-L clears what ran before it, in order', async () => {
    const { page, context, release } = await loading();
    await page.locator('[data-lab-terminal]').click();
    await page.keyboard.type('echo before');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+l');
    await page.keyboard.type('echo dropped');
    await page.keyboard.press('Control+c');
    await page.keyboard.type('echo after');
    await page.keyboard.press('Enter');
    release();
    await expect.poll(() => terminalText(page), { timeout: 30000 }).toMatch(/\]\$ echo after\nafter\n/);
    const text = await terminalText(page);
    expect(text).toMatch(/\]\$ echo dropped\^C\n/);
    expect(text).not.toContain('echo before');
    await context.close();
  });

  it('a Ctrl-V paste aimed at the placeholder\'s text is kept and runs with what is typed after it', async () => {
    const { page, context, release } = await loading(1280, 800, ['clipboard-read', 'clipboard-write']);
    await page.evaluate(() => navigator.clipboard.writeText('echo pasted'));
    await page.locator('.lab-terminal__placeholder').click();
    await page.keyboard.press('Control+v');
    await page.keyboard.type(' more');
    await page.keyboard.press('Enter');
    release();
    await expect.poll(() => terminalText(page), { timeout: 30000 }).toMatch(/\]\$ echo pasted more\npasted more\n/);
    await context.close();
  });

  it.each(SIZES)('at %i×%i, the screen says the terminal is starting and shows what was typed, as it will reach the prompt', async (width, height) => {
    const { page, context, release } = await loading(width, height);
    await page.locator('[data-lab-terminal]').click();
    await expect.poll(() => screenText(page)).toContain('Starting the terminal…');
    await page.keyboard.type('echo one');
    await page.keyboard.press('Enter');
    await page.keyboard.type('echo twoo');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.locator('.lab-terminal__typed').innerText()).toBe('$ echo one\n$ echo two');
    expect(await screenText(page)).toMatch(/^Starting the terminal…\n/);
    // The caret stands on the character it is before.
    expect(await page.locator('.lab-terminal__caret').innerText()).toBe('o');
    release();
    await expect.poll(() => terminalText(page), { timeout: 30000 }).toMatch(/\]\$ echo one\none\n/);
    await page.keyboard.press('Enter');
    await expect.poll(() => terminalText(page), { timeout: 30000 }).toMatch(/\]\$ echo two\ntwo\n/);
    await context.close();
  });
});

describe('"Run in terminal" over a half-typed line', () => {
  it('leaves the line marked ^C, runs the block, and ↑ brings the line back', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${site.base}${CHAPTER}`);
    await page.locator('[data-lab-terminal]').click();
    await page.waitForSelector('lab-terminal[data-ready="true"]');
    await page.keyboard.type('echo half typed');
    await expect.poll(() => terminalText(page)).toMatch(/\]\$ echo half typed$/m);
    const button = page.locator('.lab-run__try:not([data-needs])').first();
    const cmd = (await button.getAttribute('data-run'))!;
    await button.click();
    // The block has run once a prompt follows its command.
    const afterBlock = async () => (await terminalText(page)).split(`$ ${cmd}\n`)[1] ?? '';
    await expect.poll(afterBlock, { timeout: 20000 }).toMatch(/^\[aro2 [^\]]+\]\$ ?$/m);
    expect(await terminalText(page)).toMatch(/\]\$ echo half typed\^C\n\[aro2 [^\]]+\]\$ /);
    await page.locator('.xterm').click();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect.poll(() => terminalText(page), { timeout: 20000 }).toMatch(/\]\$ echo half typed\nhalf typed\n/);
    await context.close();
  });
});

describe('Ctrl-V once the terminal runs', () => {
  it('pastes, as it did while the terminal loaded', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${site.base}${CHAPTER}`);
    await page.locator('[data-lab-terminal]').click();
    await page.waitForSelector('lab-terminal[data-ready="true"]');
    await page.evaluate(() => navigator.clipboard.writeText('echo pasted later'));
    await page.keyboard.press('Control+v');
    await page.keyboard.press('Enter');
    await expect.poll(() => terminalText(page), { timeout: 20000 }).toMatch(/\]\$ echo pasted later\npasted later\n/);
    await context.close();
  });
});
