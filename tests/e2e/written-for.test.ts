// A chapter opened with a built-in lab it is not written for (?lab= naming a private cluster on a
// chapter for public ones, or the other way round) says so under the terminal's lab name, with a
// link to the page on each lab it is written for; on its own labs it says nothing. The labs come
// from the page's terminal (data-labs, written at build from its frontmatter), never from here.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { contrastRatio } from '../helpers/contrast.ts';
import { openPage, ROOT, startSite, type Site } from '../helpers/site.ts';
import { builtinLabs } from '../../src/node/labs.ts';
import { frontmatterLabs, pageLabs } from '../../src/site/page-labs.ts';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});

const labsOf = (chapter: string) => pageLabs(frontmatterLabs(readFileSync(`${ROOT}content/chapters/${chapter}.mdx`, 'utf8')));
/** A built-in lab the chapter is not written for. */
const otherLab = (chapter: string) => builtinLabs().find((lab) => !labsOf(chapter).includes(lab));

async function notice(page: Page) {
  // The dock settles once the page is idle (dock-at-idle.ts): the notice, then the changes' count.
  await page.locator('lab-terminal[data-lab-changes]').waitFor({ state: 'attached' });
  const line = page.locator('lab-terminal [data-lab-badge] [data-lab-written-for]');
  if (!(await line.count())) return undefined;
  return {
    text: (await line.textContent())!,
    links: await line.locator('a').evaluateAll((as) => as.map((a) => ({ text: a.textContent, href: new URL((a as HTMLAnchorElement).href).pathname + new URL((a as HTMLAnchorElement).href).search }))),
  };
}

describe('a chapter opened on a lab it is not written for', () => {
  it.each(['04-outbound-rule', '09-private-cluster'])('%s names its labs under the terminal, each a link, and following one leaves no notice', async (chapter) => {
    const lab = otherLab(chapter);
    expect(lab, `a built-in lab that ${chapter} is not written for`).toBeDefined();
    const path = `/chapters/${chapter}/`;
    const page = await openPage(site, `${path}?lab=${lab}`);
    expect((await page.locator('lab-terminal').getAttribute('data-labs'))!.split(' ')).toEqual(labsOf(chapter));
    const shown = await notice(page);
    expect(shown?.text).toContain(`, not ${lab}: open it on`);
    expect(shown?.links).toEqual(labsOf(chapter).map((l) => ({ text: l, href: `${path}?lab=${l}` })));

    await page.locator('[data-lab-written-for] a').first().click();
    await page.waitForURL(`**${path}?lab=${labsOf(chapter)[0]}`);
    await page.locator('lab-terminal').waitFor({ state: 'attached' });
    expect(await notice(page)).toBeUndefined();
    await page.context().close();
  });

  it.each(['light', 'dark'])('reads at 4.5:1 or more against the dock in the %s theme', async (theme) => {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    const page = await context.newPage();
    await page.goto(`${site.base}/chapters/04-outbound-rule/?lab=${otherLab('04-outbound-rule')}`);
    const parts = await page.locator('[data-lab-written-for]').evaluate((line) => {
      const backdrop = (el: Element) => {
        let bg = 'rgba(0, 0, 0, 0)';
        for (let e: Element | null = el; e && bg === 'rgba(0, 0, 0, 0)'; e = e.parentElement) bg = getComputedStyle(e).backgroundColor;
        return bg;
      };
      return [line, ...line.querySelectorAll('a')].map((el) => ({ fg: getComputedStyle(el).color, bg: backdrop(el) }));
    });
    for (const { fg, bg } of parts) expect(contrastRatio(fg, bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    await context.close();
  });

  it('says nothing on the lab the page was written for', async () => {
    const page = await openPage(site, '/chapters/04-outbound-rule/');
    await page.locator('lab-terminal').waitFor({ state: 'attached' });
    expect(await notice(page)).toBeUndefined();
    await page.context().close();
  });
});
