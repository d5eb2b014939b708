// How the site draws its diagrams, shared by the build (astro.config.mjs) and the tests that check
// the stored SVGs against the chapters, so both compute the same file names.
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, findChromium } from '../../node/chromium.ts';
import type { DiagramCacheOptions } from './rehype-diagram-cache.ts';

export const DIAGRAM_OPTIONS: DiagramCacheOptions = {
  store: fileURLToPath(new URL('./rendered/', import.meta.url)),
  // Called only when a diagram has to be drawn: a build with every diagram stored needs no browser.
  // (A function, not a getter in launchOptions: Astro reads the whole configuration to hash it.)
  browser: () => findChromium(),
  // Astro prints an error thrown by a Markdown plugin with a stack trace; a newcomer without a
  // browser needs only the line that says what to install, so the build ends here with it.
  stop: (reason) => {
    console.error(reason.message);
    process.exit(1);
  },
  mermaid: {
    strategy: 'inline-svg',
    mermaidConfig: { theme: 'neutral' },
    launchOptions: { args: CHROMIUM_ARGS },
  },
};
