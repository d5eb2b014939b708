// <ThenNow>: the 2020 half and today's half one above the other unless each half is wide enough for
// the chapters' outputs, each a group named by its time and lab, with a link that opens the page on
// that lab when the page is written for it, its blocks' outputs scrolling inside the half rather than
// widening the page; "Run in terminal" on the half whose lab is in effect; setup lines kept quiet.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DIST, mountedTerminal, startSite, terminalText, type Site, openPageAt } from '../helpers/site.ts';
import { escapeRegExp } from '../helpers/escape-regexp.ts';

const chapters = readdirSync(join(DIST, 'chapters')).sort();
// The pages that use the component, found in the build rather than named here.
const pages = chapters.map((c) => `/chapters/${c}/`).filter((path) => readFileSync(join(DIST, path, 'index.html'), 'utf8').includes('data-then-now'));

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});

const openAt = (path: string, width: number, height: number): Promise<Page> => openPageAt(site, path, width, height);

/** Each half's box, group name, lab and link, for every <ThenNow> of the page. */
const halves = (page: Page) =>
  page.locator('[data-then-now]').evaluateAll((boxes) =>
    boxes.map((box) =>
      [...box.querySelectorAll<HTMLElement>('[role="group"]')].map((half) => {
        const r = half.getBoundingClientRect();
        return {
          left: r.left,
          top: r.top,
          bottom: r.bottom,
          name: document.getElementById(half.getAttribute('aria-labelledby') ?? '')?.textContent ?? '',
          lab: half.dataset.lab ?? '',
          link: half.querySelector<HTMLAnchorElement>('.then-now__open')?.getAttribute('href') ?? '',
          runLabs: [...half.querySelectorAll<HTMLElement>('.lab-run')].map((run) => run.dataset.lab ?? ''),
        };
      }),
    ),
  );

describe('<ThenNow>', () => {
  it('is used by at least one chapter', () => {
    expect(pages.length).toBeGreaterThan(0);
  });

  it.each(pages)('%s at 1280×800: the halves stack, next to each other, each named by its lab, holding its blocks, linking only to labs the page is written for', async (path) => {
    const page = await openAt(path, 1280, 800);
    const writtenFor = ((await page.locator('lab-terminal').getAttribute('data-labs')) ?? '').split(' ');
    for (const [then, now] of await halves(page)) {
      // Each half is named by its time (2020 and Today unless the page names others) and its lab.
      expect(then.name).toMatch(new RegExp(`^\\S.* · ${escapeRegExp(then.lab)}$`));
      expect(now.name).toMatch(new RegExp(`^\\S.* · ${escapeRegExp(now.lab)}$`));
      expect(now.name).not.toBe(then.name);
      expect(now.left).toBe(then.left);
      expect(now.top).toBeGreaterThanOrEqual(then.bottom);
      expect(now.top - then.bottom).toBeLessThan(32); // the grid's gap: nothing between the halves
      for (const half of [then, now]) {
        expect(half.link).toBe(writtenFor.includes(half.lab) ? `?lab=${half.lab}` : '');
        expect(half.runLabs.every((lab) => lab === half.lab)).toBe(true);
      }
    }
    await page.close();
  });

  it.each(pages)('%s at 1280×800: the table columns a half names in its prose are on screen without scrolling', async (path) => {
    const page = await openAt(path, 1280, 800);
    const cut = await page.locator('[data-then-now] [role="group"]').evaluateAll((groups) =>
      groups.flatMap((half) => {
        const prose = [...half.querySelectorAll<HTMLElement>('.then-now__body > div > :not(figure)')].map((e) => e.innerText).join('\n');
        return [...half.querySelectorAll<HTMLElement>('.lab-run__screen')].flatMap((pre) => {
          const lines = pre.innerText.split('\n');
          const rule = lines.findIndex((line, i) => i > 0 && /^-+( +-+)+$/.test(line));
          if (rule < 0) return [];
          const columns = [...lines[rule].matchAll(/-+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, name: lines[rule - 1].slice(m.index, m.index + m[0].length).trim() }));
          const rows = lines.slice(rule + 1).filter((l) => l.trim());
          // One character's width in the block's font, and where its text starts.
          const probe = pre.querySelector('code')!.appendChild(Object.assign(document.createElement('span'), { textContent: '0'.repeat(100) }));
          const char = probe.getBoundingClientRect().width / 100;
          probe.remove();
          const left = parseFloat(getComputedStyle(pre).paddingLeft);
          return columns
            .filter((c) => rows.some((row) => { const cell = row.slice(c.start, c.end).trim(); return cell.length >= 4 && prose.includes(cell); }))
            .filter((c) => left + c.end * char > pre.clientWidth + 1)
            .map((c) => `${half.getAttribute('data-lab')}: ${c.name} ends at ${Math.round(left + c.end * char)} px of ${pre.clientWidth}`);
        });
      }),
    );
    expect(cut).toEqual([]);
    await page.close();
  });

  it.each(pages)('%s at 390×844: the halves stack, and nothing widens the page', async (path) => {
    const page = await openAt(path, 390, 844);
    for (const [then, now] of await halves(page)) {
      expect(now.left).toBe(then.left);
      expect(now.top).toBeGreaterThanOrEqual(then.bottom);
    }
    const widest = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth }));
    expect(widest.scrollWidth).toBeLessThanOrEqual(widest.innerWidth);
    await page.close();
  });

  it('a block on another lab that prints nothing shows as a setup line: its command alone, no output area', async () => {
    let seen = 0;
    for (const path of pages) {
      const page = await openAt(path, 1280, 800);
      const pageLab = await page.locator('lab-terminal').getAttribute('data-lab');
      const blocks = await page.locator('.lab-run').evaluateAll((runs, own) =>
        runs
          .filter((r) => (r as HTMLElement).dataset.lab !== own)
          .map((r) => {
            const pre = r.querySelector<HTMLElement>('.lab-run__screen')!;
            const style = getComputedStyle(pre);
            const cmd = (r as HTMLElement).dataset.cmd ?? '';
            return {
              cmd,
              printed: pre.innerText.replace(/^\$ /, '').slice(cmd.length),
              setup: r.classList.contains('lab-run--setup'),
              height: pre.clientHeight,
              oneLine: parseFloat(style.lineHeight) + parseFloat(style.paddingTop) + parseFloat(style.paddingBottom),
            };
          }), pageLab);
      for (const block of blocks.filter((b) => b.printed.trim() === '')) {
        seen++;
        expect(block.setup, block.cmd).toBe(true);
        expect(block.printed, block.cmd).toBe('');
        expect(block.height, block.cmd).toBeLessThanOrEqual(Math.ceil(block.oneLine) + 1);
      }
      await page.close();
    }
    expect(seen).toBeGreaterThan(0);
  });

  it("a block on another lab than the page's links to the page on that lab only when the page is written for it", async () => {
    let linked = 0;
    let plain = 0;
    for (const path of pages) {
      const page = await openAt(path, 1280, 800);
      const pageLab = await page.locator('lab-terminal').getAttribute('data-lab');
      const writtenFor = (await page.locator('lab-terminal').getAttribute('data-labs'))?.split(' ') ?? [];
      const captions = await page.locator('.lab-run').evaluateAll((runs, own) =>
        runs.filter((r) => (r as HTMLElement).dataset.lab !== own).map((r) => ({ lab: (r as HTMLElement).dataset.lab ?? '', href: r.querySelector('figcaption a')?.getAttribute('href') })), pageLab);
      for (const c of captions) {
        if (writtenFor.includes(c.lab)) {
          linked++;
          expect(c.href, `${path} ${c.lab}`).toBe(`?lab=${c.lab}`);
        } else {
          plain++;
          expect(c.href, `${path} ${c.lab}`).toBeUndefined();
        }
      }
      await page.close();
    }
    expect(linked).toBeGreaterThan(0);
    expect(plain).toBeGreaterThan(0); // chapter 9 shows aro-today, which it is not written for
  });
});

/** For each block of the page's <ThenNow> halves: its lab, whether it offers "Run in terminal", and its output. */
const runButtons = (page: Page) =>
  page.locator('[data-then-now] .lab-run').evaluateAll((runs) =>
    runs.map((run, index) => {
      const button = run.querySelector<HTMLElement>('.lab-run__try');
      const cmd = (run as HTMLElement).dataset.cmd ?? '';
      return { index, lab: (run as HTMLElement).dataset.lab ?? '', cmd, run: !!button && button.checkVisibility(), output: run.querySelector<HTMLElement>('.lab-run__screen')!.innerText.replace(/^\$ /, '').slice(cmd.length).trim() };
    }),
  );

describe('"Run in terminal" in <ThenNow> halves', () => {
  const path = '/chapters/05-router/';

  it.each([[''], ['?lab=aro-today']])('on %s is offered exactly by the blocks whose lab is the one in effect', async (query) => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${site.base}${path}${query}`);
    // The dock names the lab in effect: the page's, or the one ?lab= chose.
    const inEffect = (await page.locator('[data-lab-dock] [data-lab-name]').first().textContent())!;
    expect(inEffect).toBe(query ? new URLSearchParams(query).get('lab') : await page.locator('lab-terminal').getAttribute('data-lab'));
    const blocks = await runButtons(page);
    expect(new Set(blocks.map((b) => b.lab)).size).toBeGreaterThan(1);
    for (const block of blocks) expect(block.run, `${block.lab}: ${block.cmd}`).toBe(block.lab === inEffect);
    await context.close();
  });

  it('on ?lab=aro-today, the aro-today half\'s button prints what its block shows', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${site.base}${path}?lab=aro-today`);
    const block = (await runButtons(page)).find((b) => b.lab === 'aro-today' && b.run && b.output)!;
    expect(block).toBeDefined();
    await page.locator('[data-then-now] .lab-run').nth(block.index).locator('.lab-run__try').click();
    await mountedTerminal(page);
    await expect.poll(() => terminalText(page)).toContain(`$ ${block.cmd}`);
    await expect.poll(() => terminalText(page)).toContain(block.output.split('\n')[0]);
    await context.close();
  });
});
