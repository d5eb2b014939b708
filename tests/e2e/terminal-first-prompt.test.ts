// The terminal's first prompt needs xterm, the line editor and the lab's file, not the engine: with
// the engine's chunk held back, the prompt is drawn, and no command's module has been fetched. A
// jq line typed ahead waits for the engine, then for jq's own chunk, fetched only once the line
// runs, and prints its output when that arrives. Needs `astro build` first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, terminalText, typeInTerminal, type Site } from '../helpers/site.ts';
import { chunkWith, holdBack } from '../helpers/hold-back.ts';
import { escapeRegExp } from '../helpers/escape-regexp.ts';

const LINE = `echo '{"n":4217}' | jq .n`;
const CASES = [
  ['/chapters/04-outbound-rule/', 1280, 800],
  ['/chapters/04-outbound-rule/', 390, 844],
  ['/scenarios/router-down/', 1280, 800],
] as const;

let site: Site;
// Found in the build: the shell (session.ts) and jq's command module.
let engineChunk: string;
let jqChunk: string;

beforeAll(async () => {
  engineChunk = chunkWith('the lab reads lines of at most');
  jqChunk = chunkWith('jq [options] <jq filter> [file...]');
  site = await startSite();
});

afterAll(async () => {
  await site?.close();
});

describe('the first prompt', () => {
  it.each(CASES)('on %s at %i×%i shows before the engine and jq arrive, and a jq line typed ahead runs once they do', async (path, width, height) => {
    const context = await site.browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    const engine = await holdBack(page, engineChunk);
    const jq = await holdBack(page, jqChunk);
    await page.goto(`${site.base}${path}`);

    // Typed ahead: a click starts the terminal, the keys are kept until the prompt is drawn.
    await typeInTerminal(page, LINE);
    await page.waitForSelector('lab-terminal[data-prompt="shown"]');
    await engine.requested;
    expect(await page.locator('lab-terminal').getAttribute('data-ready')).toBeNull();
    expect(fetched).not.toContain(jqChunk);
    await expect.poll(() => terminalText(page)).toMatch(new RegExp(`\\]\\$ ${escapeRegExp(LINE)}\n`));

    // The engine arrives; the line runs and asks for jq's chunk, and its output waits for it.
    engine.release();
    await jq.requested;
    await page.waitForSelector('lab-terminal[data-ready="true"]');
    expect((await terminalText(page)).split('\n')).not.toContain('4217');

    jq.release();
    await expect.poll(async () => (await terminalText(page)).split('\n')).toContain('4217');
    await context.close();
  });
});
