// Holding back one of the site's built chunks, to make a loading window as long as a test needs.
// Chunks are found by what their code holds, since their names are hashed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { DIST } from './site.ts';

/** The one built chunk whose code `matches`; `what` names it in the error when there is not exactly one. */
function onlyChunk(matches: (code: string) => boolean, what: string): string {
  const dir = join(DIST, '_astro');
  const found = readdirSync(dir).filter((f) => f.endsWith('.js') && matches(readFileSync(join(dir, f), 'utf8')));
  if (found.length !== 1) throw new Error(`expected one chunk ${what}, found ${found.length}: ${found.join(', ') || 'none'}`);
  return `/_astro/${found[0]}`;
}

/** The built chunk that exports `name`. */
export const chunkExporting = (name: string): string => onlyChunk((code) => new RegExp(`export\\{[^}]*\\b${name}\\b`).test(code), `exporting ${name}`);

/** The built chunk whose code holds `text` (a module's own words). */
export const chunkWith = (text: string): string => onlyChunk((code) => code.includes(text), `with "${text}"`);

export interface HeldChunk {
  /** How many requests for the chunk are waiting or were answered. */
  held: () => number;
  /** Settles when the page first asks for the chunk. */
  requested: Promise<void>;
  /** Lets the chunk's answer go. */
  release: () => void;
}

/** Holds back the answer for one chunk until `release` is called. */
export async function holdBack(page: Page, path: string): Promise<HeldChunk> {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let asked!: () => void;
  const requested = new Promise<void>((r) => (asked = r));
  let held = 0;
  await page.route((url) => url.pathname === path, async (route: Route) => {
    held++;
    asked();
    await released;
    await route.continue();
  });
  return { held: () => held, requested, release };
}
