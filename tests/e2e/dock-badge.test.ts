// The dock's badge: the lab and what its outputs are checked against, on one line on a phone (the
// versions behind a disclosure there) and in full where the bar has room.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type Site } from '../helpers/site.ts';
import { verifiedBadge } from '../../src/engine/verified-versions.ts';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});

const CHAPTER = '/chapters/03-load-balancers/';

/** The visible lines the badge's text takes: the distinct tops of its text's boxes. */
const badgeLines = (page: import('playwright-core').Page) =>
  page.locator('[data-lab-badge]').evaluate((badge) => {
    const tops = new Set<number>();
    const walker = document.createTreeWalker(badge, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim() || !node.parentElement?.checkVisibility()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) if (rect.width && rect.height) tops.add(Math.round(rect.top));
    }
    return tops.size;
  });

describe('the dock badge', () => {
  it('at 390×844 takes one line, and its disclosure says which az checked what', async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${site.base}${CHAPTER}`);
    expect(await badgeLines(page)).toBe(1);
    const disclosure = page.locator('[data-lab-badge] details');
    await disclosure.locator('summary').click();
    expect(await disclosure.innerText()).toContain(verifiedBadge().replace(/^checked against /, ''));
    await page.close();
  });

  it('at 1280×800 says in full what the outputs are checked against', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${site.base}${CHAPTER}`);
    const visible = await page.locator('[data-lab-badge]').innerText();
    expect(visible).toContain(verifiedBadge());
    expect(await badgeLines(page)).toBe(1);
    await page.close();
  });
});
