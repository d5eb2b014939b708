// Exercises, saved progress and workshop mode in Chromium: right and wrong answers with the CLI's
// feedback, hints, progress across reloads, resets, export and import, `submit` in the terminal,
// deep links, lab files and corrupt storage. Each test has its own browser context, so its own
// localStorage.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { aroLabs, mountedTerminal, ROOT, startSite, terminalText, typeInTerminal, type Site } from '../helpers/site.ts';
import { decodeCode, encodeCode } from '../../src/site/progress/code.ts';

let site: Site;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  site = await startSite();
});

afterAll(async () => {
  await site?.close();
});

async function open(path: string): Promise<Page> {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => void d.accept());
  (page as Page & { errors: string[] }).errors = errors;
  await page.goto(`${site.base}${path}`);
  if (await page.locator('[data-exercises]').count()) await cardsReady(page);
  return page;
}

/** The exercise cards' code loads once the page is interactive; data-ready says it has. */
const cardsReady = (page: Page) => page.waitForSelector('[data-exercises][data-ready="true"]', { state: 'attached' });

const card = (page: Page, id: string) => page.locator(`[data-exercise="${id}"]`);

async function answer(page: Page, id: string, text: string): Promise<string> {
  await card(page, id).locator('input[name="answer"]').fill(text);
  await card(page, id).getByRole('button', { name: 'Check' }).click();
  const feedback = card(page, id).locator('[data-feedback]');
  await expect.poll(() => feedback.getAttribute('data-result')).not.toBe('pending');
  return (await feedback.textContent())!;
}

async function egressIp(lab: string): Promise<string> {
  return (await aroLabs(['exec', '--lab', lab, 'curl -s "http://$(kubectl get route -o jsonpath=\'{.items[0].spec.host}\')/api/ip" | jq -r .my_public_ip'])).output.trim();
}

describe('exercises in a chapter', () => {
  it('judge a wrong answer with the feedback `aro-labs check` gives, and a right one as solved', async () => {
    const page = await open('/chapters/04-outbound-rule/');
    const cli = await aroLabs(['check', 'egress-ip', '203.0.113.10']);
    expect(cli.code).toBe(1);
    expect(await answer(page, 'egress-ip', '203.0.113.10')).toBe(cli.output.trim());
    expect(await card(page, 'egress-ip').locator('[data-status]').textContent()).toBe('Not solved yet');
    const right = await answer(page, 'egress-ip', await egressIp('aro2'));
    expect(right).toBe((await aroLabs(['check', 'egress-ip', await egressIp('aro2')])).output.trim());
    expect(await card(page, 'egress-ip').locator('[data-status]').textContent()).toBe('Solved');
  });

  it('check a command answer by its output', async () => {
    const page = await open('/chapters/02-infrastructure/');
    expect(await answer(page, 'pip-names', "az network public-ip list -g $node_rg_name --query '[].name' -o tsv")).toMatch(/^Right: your command prints exactly/);
  });

  it('reveal hints one at a time and keep them across reloads', async () => {
    const page = await open('/chapters/04-outbound-rule/');
    const hints = card(page, 'egress-ip').locator('[data-hints] li');
    const button = card(page, 'egress-ip').locator('[data-hint]');
    expect(await hints.evaluateAll((lis) => lis.map((li) => (li as HTMLElement).hidden))).toEqual([true, true]);
    await button.click();
    expect(await hints.evaluateAll((lis) => lis.map((li) => (li as HTMLElement).hidden))).toEqual([false, true]);
    expect(await button.textContent()).toBe('Show a hint (2 of 2)');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(await hints.first().textContent());
    await button.click();
    expect(await button.isDisabled()).toBe(true);
    await page.reload();
    await cardsReady(page);
    expect(await hints.evaluateAll((lis) => lis.map((li) => (li as HTMLElement).hidden))).toEqual([false, false]);
  });

  it("show the solution with this lab's answer without erasing the attempt or the terminal history", async () => {
    const page = await open('/chapters/04-outbound-rule/');
    await mountedTerminal(page);
    await typeInTerminal(page, 'echo my own work');
    await answer(page, 'egress-ip', '192.0.2.80');
    await card(page, 'egress-ip').locator('summary').click();
    const shown = card(page, 'egress-ip').locator('[data-solution-answer]');
    await expect.poll(() => shown.textContent()).toBe(`The answer in lab aro2: ${await egressIp('aro2')}`);
    expect(await card(page, 'egress-ip').locator('input[name="answer"]').inputValue()).toBe('192.0.2.80');
    expect(await terminalText(page)).toContain('$ echo my own work\nmy own work');
    await page.reload();
    await cardsReady(page);
    expect(await card(page, 'egress-ip').locator('input[name="answer"]').inputValue()).toBe('192.0.2.80');
  });

  it('take answers from the terminal with submit, and mark the card solved', async () => {
    const page = await open('/chapters/04-outbound-rule/');
    await mountedTerminal(page);
    await typeInTerminal(page, `submit egress-ip ${await egressIp('aro2')}`);
    await expect.poll(() => terminalText(page)).toContain("The pods' public address: Right.");
    await expect.poll(() => card(page, 'egress-ip').locator('[data-status]').textContent()).toBe('Solved');
    await typeInTerminal(page, "az network public-ip list -g aro2-resources --query '[].name' -o tsv");
    await typeInTerminal(page, 'submit pip-names');
    await expect.poll(() => terminalText(page)).toContain('Public IP names: Right: your command prints exactly what the reference prints.');
  });
});

describe('progress', () => {
  it('survives reloads, shows on the progress page, and resets per chapter and in full', async () => {
    const page = await open('/chapters/04-outbound-rule/');
    await answer(page, 'egress-ip', await egressIp('aro2'));
    await page.goto(`${site.base}/chapters/07-api-server/`);
    await cardsReady(page);
    await answer(page, 'api-port', '6443');
    await page.reload();
    await cardsReady(page);
    expect(await card(page, 'api-port').locator('[data-status]').textContent()).toBe('Solved');
    await page.goto(`${site.base}/progress/`);
    expect(await page.locator('[data-progress-summary]').textContent()).toMatch(/^2 of \d+ exercises solved\.$/);
    await page.locator('[data-reset-chapter]').nth(3).click(); // chapter 4; the dialog is accepted
    expect(await page.locator('[data-progress-summary]').textContent()).toMatch(/^1 of /);
    expect(await page.locator('[data-progress-exercise="egress-ip"] [data-progress-status]').textContent()).toBe('not tried yet');
    await page.getByRole('button', { name: 'Reset all progress' }).click();
    expect(await page.locator('[data-progress-summary]').textContent()).toMatch(/^0 of /);
  });

  it('round-trips through a progress code and a progress file, merging with what is saved', async () => {
    const page = await open('/chapters/07-api-server/');
    await answer(page, 'api-port', '6443');
    await page.goto(`${site.base}/progress/`);
    await page.locator('[data-progress-name]').fill('Ada');
    await page.locator('[data-progress-name]').press('Tab');
    await page.getByRole('button', { name: 'Show my progress code' }).click();
    const code = await page.locator('[data-progress-code]').inputValue();
    expect(code).toMatch(/^ARO1-/);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download my progress file' }).click();
    const file = readFileSync((await (await download).path())!, 'utf8');
    expect(JSON.parse(file)).toMatchObject({ schema: 'aro-labs/progress', version: 1, name: 'Ada' });

    await page.getByRole('button', { name: 'Reset all progress' }).click();
    await page.locator('[data-import-text]').fill(code);
    await page.getByRole('button', { name: 'Import' }).click();
    expect(await page.locator('[data-progress-message]').textContent()).toBe('Imported 1 exercise, 1 solved. Your other progress is kept.');
    expect(await page.locator('[data-progress-exercise="api-port"] [data-progress-status]').textContent()).toMatch(/^solved on /);

    await page.getByRole('button', { name: 'Reset all progress' }).click();
    await page.setInputFiles('[data-import-file]', { name: 'aro-labs-progress.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await expect.poll(() => page.locator('[data-progress-exercise="api-port"] [data-progress-status]').textContent()).toMatch(/^solved on /);
    expect(await page.locator('[data-progress-name]').inputValue()).toBe('Ada');

    await page.locator('[data-import-text]').fill('ARO1-garbage!');
    await page.getByRole('button', { name: 'Import' }).click();
    expect(await page.locator('[data-progress-message]').textContent()).toBe('Nothing imported: the code is damaged (was it copied whole?).');
    expect(await page.locator('[data-progress-summary]').textContent()).toMatch(/^1 of /);
  });

  it('sets a corrupt storage entry aside, says so, and keeps the page working', async () => {
    const page = await open('/progress/');
    await page.evaluate(() => {
      localStorage.setItem('aro-labs:v1:progress', '{"schema":"aro-labs/progress","version":1,"exercises":{"x":{"attempts":"many"}}}');
      localStorage.setItem('aro-labs:v1:history:aro2', 'not json');
    });
    await page.goto(`${site.base}/chapters/04-outbound-rule/`);
    await expect.poll(() => page.locator('[data-site-notices]').textContent()).toContain('The saved progress could not be read; it was set aside as aro-labs:v1:set-aside:progress:');
    const aside = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('aro-labs:v1:set-aside:progress:')).map((k) => localStorage.getItem(k)));
    expect(aside).toEqual(['{"schema":"aro-labs/progress","version":1,"exercises":{"x":{"attempts":"many"}}}']);
    await mountedTerminal(page);
    await expect.poll(() => page.locator('[data-site-notices]').textContent()).toContain('The saved terminal history could not be read');
    expect(await answer(page, 'egress-ip', await egressIp('aro2'))).toMatch(/^Right\./);
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
  });
});

describe('workshop mode', () => {
  it('a deep link chooses the lab for every page, terminal and checks included', async () => {
    const page = await open('/chapters/01-welcome/?lab=aro-today');
    await mountedTerminal(page);
    expect(await page.locator('.lab-terminal__source').textContent()).toBe('Simulated lab aro-today (your choice) · change lab');
    await page.goto(`${site.base}/chapters/04-outbound-rule/`);
    await mountedTerminal(page);
    await typeInTerminal(page, 'echo $cluster_name');
    await expect.poll(() => terminalText(page)).toContain('[aro-today shop]$ echo $cluster_name\ndemo');
    expect(await answer(page, 'egress-ip', await egressIp('aro-today'))).toMatch(/^Right\./);
    await page.goto(`${site.base}/chapters/01-welcome/?lab=nope`);
    await expect.poll(() => page.locator('[data-site-notices]').textContent()).toContain('There is no built-in lab called "nope"');
    // A name from the address is text, never markup.
    await page.goto(`${site.base}/chapters/01-welcome/?lab=${encodeURIComponent('<img src=x onerror="document.title=1">')}`);
    await expect.poll(() => page.locator('[data-site-notices]').textContent()).toContain('There is no built-in lab called "<img src=x onerror="document.title=1">"');
    expect(await page.locator('[data-site-notices] img').count()).toBe(0);
  });

  it('a ?lab= naming no lab says which lab stays in effect, the one the badge shows', async () => {
    const page = await open('/chapters/04-outbound-rule/?lab=aro-today');
    await page.goto(`${site.base}/chapters/04-outbound-rule/?lab=nope`);
    await expect.poll(() => page.locator('[data-site-notices]').textContent()).toContain('; pages keep the lab you chose earlier, aro-today.');
    await mountedTerminal(page);
    expect(await page.locator('[data-lab-badge]').textContent()).toContain('aro-today');

    const fresh = await open('/chapters/04-outbound-rule/?lab=nope');
    await expect.poll(() => fresh.locator('[data-site-notices]').textContent()).toContain('; this page keeps its own lab, aro2.');
    await mountedTerminal(fresh);
    expect(await fresh.locator('[data-lab-badge]').textContent()).toContain('aro2');
    expect(await fresh.locator('[data-lab-badge]').textContent()).not.toContain('your choice');
  });

  it("the handout gives the site's own address to start at, with the lab chosen on this browser", async () => {
    const page = await open('/handout/');
    const start = page.locator('[data-start-address]');
    await expect.poll(() => start.textContent()).toBe(`${site.base}/chapters/01-welcome/?lab=aro2`);
    expect(await start.getAttribute('href')).toBe(`${site.base}/chapters/01-welcome/?lab=aro2`);
    await page.goto(`${site.base}/labs/`);
    await page.getByRole('button', { name: 'Use aro-today on every page' }).click();
    await page.goto(`${site.base}/handout/`);
    await expect.poll(() => start.textContent()).toBe(`${site.base}/chapters/01-welcome/?lab=aro-today`);
    expect((await page.goto((await start.getAttribute('href'))!))?.status()).toBe(200);
  });

  it('loads a lab file: a broken one is refused with the reason and changes nothing, a valid one runs everywhere', async () => {
    const page = await open('/chapters/07-api-server/');
    await answer(page, 'api-port', '6443');
    await page.goto(`${site.base}/labs/`);
    await page.setInputFiles('[data-lab-file]', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"formatVersion": 1, "info": {"name": "Bad Name"}}') });
    await expect.poll(() => page.locator('[data-lab-message]').textContent()).toMatch(/^broken\.json: /);
    expect(await page.locator('[data-lab-current]').textContent()).toBe('Every page uses its own lab (most use aro2).');

    const snapshot = JSON.parse(readFileSync(`${ROOT}labs/aro-today/world.json`, 'utf8'));
    snapshot.info.name = 'my-snapshot';
    snapshot.info.title = 'Snapshot of my cluster';
    // Dropped on the drop zone, as a reader drags it from their files.
    await page.locator('[data-lab-drop]').evaluate((zone, text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'snapshot.json', { type: 'application/json' }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, JSON.stringify(snapshot));
    await expect.poll(() => page.locator('[data-lab-message]').textContent()).toMatch(/^Loaded my-snapshot \(Snapshot of my cluster\): \d+ Azure resources and \d+ Kubernetes objects\./);

    await page.goto(`${site.base}/chapters/04-outbound-rule/`);
    await mountedTerminal(page);
    expect(await page.locator('.lab-terminal__source').textContent()).toBe('Lab my-snapshot loaded from a file · change lab');
    await typeInTerminal(page, 'echo $cluster_name');
    await expect.poll(() => terminalText(page)).toContain('[my-snapshot shop]$ echo $cluster_name\ndemo');
    expect(await answer(page, 'egress-ip', await egressIp('aro-today'))).toMatch(/^Right\./);
    await page.goto(`${site.base}/progress/`);
    expect(await page.locator('[data-progress-summary]').textContent()).toMatch(/^2 of /);
  });

  it('import keeps only exercises of the site and says what it ignored; a code far too large is refused by its size', async () => {
    const page = await open('/progress/');
    const code = encodeCode({ name: '', solved: ['api-port', 'egress-ip', 'constructor', '__proto__', 'no-such-exercise'] });
    await page.locator('[data-import-text]').fill(code);
    await page.getByRole('button', { name: 'Import' }).click();
    expect(await page.locator('[data-progress-message]').textContent()).toBe('Imported 2 exercises, 2 solved; ignored 3 unknown exercise ids. Your other progress is kept.');
    expect(await page.locator('[data-progress-summary]').textContent()).toMatch(/^2 of \d+ exercises solved\.$/);
    expect(await page.evaluate(() => ['solved', 'attempts', 'hints'].filter((k) => Object.hasOwn(Object, k) || Object.hasOwn(Object.prototype, k)))).toEqual([]);
    expect(await page.evaluate(() => Object.keys(JSON.parse(localStorage.getItem('aro-labs:v1:progress')!).exercises).sort())).toEqual(['api-port', 'egress-ip']);

    // Nine million characters, typed into the box by the page itself.
    await page.locator('[data-import-text]').evaluate((box) => void ((box as HTMLTextAreaElement).value = `ARO1-${'A'.repeat(9_000_000)}`));
    await page.getByRole('button', { name: 'Import' }).click();
    expect(await page.locator('[data-progress-message]').textContent()).toBe(`Nothing imported: the code is ${Math.ceil(9_000_005 / 1024)} KB long; a progress code is at most 64 KB.`);
    expect(await page.locator('[data-progress-summary]').textContent()).toMatch(/^2 of /);
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
  });

  it("the room view counts each attendee once, however many of their codes are pasted, with the same label on every row", async () => {
    const page = await open('/chapters/07-api-server/');
    await answer(page, 'api-port', '6443');
    await page.goto(`${site.base}/progress/`);
    await page.getByRole('button', { name: 'Show my progress code' }).click();
    const older = await page.locator('[data-progress-code]').inputValue();
    // Later the attendee solves more (here by importing it) and shares a new code from the same browser.
    await page.locator('[data-import-text]').fill(encodeCode({ name: '', solved: ['egress-ip'] }));
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByRole('button', { name: 'Show my progress code' }).click();
    const newer = await page.locator('[data-progress-code]').inputValue();
    const [first, second] = [decodeCode(older), decodeCode(newer)];
    expect(first.attendee).toBeDefined();
    expect(second.attendee).toBe(first.attendee);
    // Both codes were made within a second or so: the newer one is the one pasted later, or the later time.
    const other = encodeCode({ name: '', solved: ['egress-ip', 'api-port'], attendee: 'another-browser', time: new Date() });
    const grace = encodeCode({ name: 'Grace', solved: ['egress-ip'], attendee: 'grace-browser', time: new Date() });

    await page.goto(`${site.base}/instructor/`);
    await page.locator('[data-room-codes]').fill([older, other, 'hello', grace, newer, other].join('\n'));
    await page.getByRole('button', { name: 'Count' }).click();
    expect(await page.locator('[data-room-summary]').textContent()).toBe('3 attendees, 2 more codes of attendees already counted, 1 unreadable line.');
    expect(await page.locator('[data-room-errors]').textContent()).toBe('Line 3: a progress code starts with ARO1-.');
    const row = async (id: string) => [await page.locator(`[data-room-exercise="${id}"] [data-room-solved]`).textContent(), await page.locator(`[data-room-exercise="${id}"] [data-room-names]`).textContent()];
    expect(await row('api-port')).toEqual(['2 of 3', 'attendee 1, attendee 2']);
    expect(await row('egress-ip')).toEqual(['3 of 3', 'attendee 1, attendee 2, Grace']);
    expect(await row('pip-names')).toEqual(['0 of 3', '']);
  });

  it('the instructor page hides the answers behind a toggle, and the handout prints on one page', async () => {
    const page = await open('/instructor/');
    const answers = page.locator('.workshop__answers');
    expect(await answers.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await answers.textContent()).toContain(`Answer on aro2${await egressIp('aro2')}`);
    await page.goto(`${site.base}/handout/`);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  });
});
