// Holding back one of the site's built chunks, to make a loading window as long as a test needs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { DIST } from './site.ts';

/** The built chunk that exports `name` (one exactly): found by its export, since names are hashed. */
export function chunkExporting(name: string): string {
  const dir = join(DIST, '_astro');
  const found = readdirSync(dir).filter((f) => f.endsWith('.js') && new RegExp(`export\\{[^}]*\\b${name}\\b`).test(readFileSync(join(dir, f), 'utf8')));
  if (found.length !== 1) throw new Error(`expected one chunk exporting ${name}, found ${found.join(', ') || 'none'}`);
  return `/_astro/${found[0]}`;
}

/** Holds back the answer for one chunk until `release` is called; `held` counts the requests for it. */
export async function holdBack(page: Page, path: string): Promise<{ held: () => number; release: () => void }> {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let held = 0;
  await page.route((url) => url.pathname === path, async (route: Route) => {
    held++;
    await released;
    await route.continue();
  });
  return { held: () => held, release };
}
