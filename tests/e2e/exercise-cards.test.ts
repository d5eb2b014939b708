// Exercise cards while their code loads slowly: the feedback is always about the last answer
// submitted, however the checks finish; the built page names each exercise by its title alone
// (in the heading and in search results) and says of an untried exercise what the cards' code says.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { aroLabs, ROOT, startSite, type Site } from '../helpers/site.ts';
import { chunkExporting, holdBack } from '../helpers/hold-back.ts';
import { SOLVED, TRIED, UNTRIED } from '../../src/site/exercises/status-words.ts';

const STATUS_WORDS = [SOLVED, TRIED, UNTRIED];

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});

const CHAPTER = '08-egress';
const PAGE = `/chapters/${CHAPTER}/`;
const EXERCISES = (JSON.parse(readFileSync(`${ROOT}labs/exercises/${CHAPTER}.json`, 'utf8')) as { exercises: Array<{ id: string; title: string }> }).exercises;
const FIRST = EXERCISES[0]!;

async function open(options: { javaScript?: boolean; before?: (page: Page) => Promise<void> } = {}): Promise<Page> {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: options.javaScript ?? true });
  const page = await context.newPage();
  await options.before?.(page);
  await page.goto(`${site.base}${PAGE}`);
  return page;
}

const card = (page: Page) => page.locator(`[data-exercise="${FIRST.id}"]`);
const cardsReady = (page: Page) => page.waitForSelector('[data-exercises][data-ready="true"]', { state: 'attached' });

async function submit(page: Page, answer: string): Promise<void> {
  await card(page).locator('input[name="answer"]').fill(answer);
  await card(page).getByRole('button', { name: 'Check' }).click();
}

/** The attempts saved for the first exercise: each check, once done, adds one. */
const attempts = (page: Page, id = FIRST.id) =>
  page.evaluate((id) => {
    const key = Object.keys(localStorage).find((k) => k.endsWith('progress'));
    return key ? ((JSON.parse(localStorage.getItem(key)!) as { exercises: Record<string, { attempts: number }> }).exercises[id]?.attempts ?? 0) : 0;
  }, id);

/** What `aro-labs check` says of an answer: the feedback the page gives too. */
const verdict = async (answer: string) => (await aroLabs(['check', FIRST.id, answer])).output.trim();

/** Both answers were checked, and the card shows the verdict on the second, `right`, as the CLI words it. */
async function expectFeedbackOnTheSecondOf(page: Page, right: string): Promise<void> {
  await expect.poll(() => attempts(page), { timeout: 30_000 }).toBe(2);
  const feedback = card(page).locator('[data-feedback]');
  await expect.poll(() => feedback.getAttribute('data-result')).toBe('right');
  expect(await feedback.textContent()).toBe(await verdict(right));
}

async function rightAnswer(): Promise<string> {
  const { output } = await aroLabs(['exec', '--lab', 'aro2', 'az aro show -n $cluster_name -g $rg --query networkProfile.outboundType -o tsv']);
  return output.trim();
}

describe('the feedback follows the last answer submitted', () => {
  it("when the checker's code arrives late, a wrong answer then a right one end with the right one's feedback", async () => {
    let checker!: Awaited<ReturnType<typeof holdBack>>;
    const page = await open({ before: async (p) => void (checker = await holdBack(p, chunkExporting('checkInPage'))) });
    await cardsReady(page);
    await submit(page, 'Wrong');
    await expect.poll(checker.held).toBeGreaterThan(0);
    const right = await rightAnswer();
    await submit(page, right);
    checker.release();
    await expectFeedbackOnTheSecondOf(page, right);
    expect(await card(page).locator('[data-status]').textContent()).toBe('Solved');
    await page.context().close();
  });

  it('a wrong answer submitted while the cards load, replayed once they are in, does not overwrite a right one submitted after', async () => {
    let cards!: Awaited<ReturnType<typeof holdBack>>;
    let checker!: Awaited<ReturnType<typeof holdBack>>;
    const page = await open({
      before: async (p) => {
        cards = await holdBack(p, chunkExporting('enableExercises'));
        checker = await holdBack(p, chunkExporting('checkInPage'));
      },
    });
    await submit(page, 'Wrong');
    await expect.poll(cards.held).toBeGreaterThan(0);
    cards.release();
    await cardsReady(page);
    // The replayed check waits for the checker's code; the reader answers again meanwhile.
    await expect.poll(checker.held).toBeGreaterThan(0);
    const right = await rightAnswer();
    await submit(page, right);
    checker.release();
    await expectFeedbackOnTheSecondOf(page, right);
    // The answer kept for a reload is the last one given too.
    await page.reload();
    await cardsReady(page);
    expect(await card(page).locator('input[name="answer"]').inputValue()).toBe(right);
    await page.context().close();
  });
  it('an answer submitted while the cards load is checked as submitted, not as edited since, and the edit stays in the box', async () => {
    let cards!: Awaited<ReturnType<typeof holdBack>>;
    const page = await open({ before: async (p) => void (cards = await holdBack(p, chunkExporting('enableExercises'))) });
    await submit(page, 'Wrong');
    await expect.poll(cards.held).toBeGreaterThan(0);
    const right = await rightAnswer();
    const input = card(page).locator('input[name="answer"]');
    await input.fill(right);
    cards.release();
    await cardsReady(page);
    await expect.poll(() => attempts(page), { timeout: 30_000 }).toBe(1);
    const feedback = card(page).locator('[data-feedback]');
    await expect.poll(() => feedback.getAttribute('data-result')).toBe('wrong');
    expect(await feedback.textContent()).toBe(await verdict('Wrong'));
    expect(await input.inputValue()).toBe(right);
    await page.context().close();
  });
});

describe('the built page', () => {
  it("names each exercise by its title alone: the heading holds no status", async () => {
    const page = await open({ javaScript: false });
    const headings = await page.locator('[data-exercise] h3').allTextContents();
    expect(headings.map((h) => h.trim())).toEqual(EXERCISES.map((e, i) => `Exercise ${i + 1}: ${e.title}`));
    // The card is named by its heading alone too (it is aria-labelledby the heading).
    expect(await page.getByRole('region', { name: `Exercise 1: ${FIRST.title}`, exact: true }).count()).toBe(1);
    await page.context().close();
  });

  it("says of each untried exercise what the cards' code says once it is in", async () => {
    let cards!: Awaited<ReturnType<typeof holdBack>>;
    const page = await open({ before: async (p) => void (cards = await holdBack(p, chunkExporting('enableExercises'))) });
    await page.waitForSelector('[data-exercise] [data-status]', { state: 'attached' });
    const statuses = () => page.locator('[data-exercise] [data-status]').allTextContents();
    const built = await statuses();
    expect(built).toHaveLength(EXERCISES.length);
    cards.release();
    await cardsReady(page);
    expect(await statuses()).toEqual(built);
    await page.context().close();
  });

  it("is found by an exercise's title in search, whose result is the title alone, and search indexes no status", async () => {
    const page = await open();
    // Pagefind's own API over the built index: the same results the search dialog lists.
    await page.addScriptTag({ type: 'module', content: "window.pagefind = await import('/pagefind/pagefind.js');" });
    await page.waitForFunction(() => 'pagefind' in window);
    const found = await page.evaluate(async ([query, path]) => {
      type SubResult = { title: string; url: string };
      type Data = { url: string; content: string; sub_results: SubResult[] };
      const pagefind = (window as unknown as { pagefind: { search(q: string): Promise<{ results: Array<{ data(): Promise<Data> }> }> } }).pagefind;
      const pages = await Promise.all((await pagefind.search(query)).results.map((r) => r.data()));
      const chapter = pages.find((d) => new URL(d.url, location.origin).pathname === path);
      return chapter && { titles: chapter.sub_results.map((s) => s.title), content: chapter.content };
    }, [FIRST.title, PAGE] as const);
    expect(found?.titles).toContain(`Exercise 1: ${FIRST.title}`);
    for (const words of STATUS_WORDS) expect(found?.content).not.toContain(words);
    await page.context().close();
  });
});
