// A diagram that is not stored yet is drawn by rehype-mermaid with the Chromium the project finds,
// stored, and from then on read back with no browser, giving the page exactly the elements
// rehype-mermaid alone gives it, ids included (a stored SVG is drawn for one place on one page and
// used at another place on another).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile } from '@mdx-js/mdx';
import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import rehypeMermaid from 'rehype-mermaid';
import type { PluggableList } from 'unified';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumMissing, findChromium } from '../../src/node/chromium.ts';
import { DIAGRAM_OPTIONS } from '../../src/site/diagrams/diagram-options.ts';
import { rehypeDiagramCache, type DiagramCacheOptions } from '../../src/site/diagrams/rehype-diagram-cache.ts';

// Shapes Mermaid draws the same way every time (its rounded "stadium" nodes get random curves).
const FIRST = 'flowchart LR\n  client[client] -->|SYN| lb[load balancer]\n  lb --> pod[router pod]';
const SECOND = 'sequenceDiagram\n  participant c as client\n  participant r as router pod\n  c->>r: GET /\n  r-->>c: 200 OK';
const page = (...diagrams: string[]) => `# A page\n\n${diagrams.map((d) => `\`\`\`mermaid\n${d}\n\`\`\`\n`).join('\nSome text.\n\n')}`;

/** The page's diagrams, as HTML, after its Markdown step. */
async function drawnDiagrams(markdown: string, plugins: PluggableList): Promise<string[]> {
  let svgs: string[] = [];
  const elements = (node: Root | Element): Element[] => node.children.flatMap((child) => (child.type === 'element' ? [child, ...elements(child)] : []));
  const look = () => (tree: Root) => {
    svgs = elements(tree)
      .filter((e) => e.tagName === 'svg' && String(e.properties.id ?? '').startsWith('mermaid-'))
      .map((e) => toHtml(e));
  };
  await compile({ value: markdown, path: join(tmpdir(), 'page.mdx') }, { rehypePlugins: [...plugins, look] });
  return svgs;
}

describe('a diagram drawn once', () => {
  const store = mkdtempSync(join(tmpdir(), 'aro-labs-diagrams-'));
  const drawn: boolean[][] = [];
  const cached = (browser: () => string): DiagramCacheOptions => {
    const events: boolean[] = [];
    drawn.push(events);
    const { stop: _exits, ...options } = DIAGRAM_OPTIONS;
    return { ...options, store, browser, onDiagram: ({ drawn: wasDrawn }) => events.push(wasDrawn) };
  };
  const noBrowser = () => {
    throw new ChromiumMissing('no browser in this test');
  };
  let alone: string[];
  let drawing: string[];
  let stored: string[];

  beforeAll(async () => {
    const executablePath = findChromium();
    alone = await drawnDiagrams(page(FIRST, SECOND), [[rehypeMermaid, { ...DIAGRAM_OPTIONS.mermaid, launchOptions: { ...DIAGRAM_OPTIONS.mermaid.launchOptions, executablePath } }]]);
    // The first diagram is drawn on a page of its own, then a page has it first and a new one second.
    await drawnDiagrams(page(FIRST), [[rehypeDiagramCache, cached(findChromium)]]);
    drawing = await drawnDiagrams(page(FIRST, SECOND), [[rehypeDiagramCache, cached(findChromium)]]);
    stored = await drawnDiagrams(page(FIRST, SECOND), [[rehypeDiagramCache, cached(noBrowser)]]);
  }, 120_000);
  afterAll(() => rmSync(store, { recursive: true, force: true }));

  it('is drawn only while it is not stored', () => {
    expect(drawn).toEqual([[true], [false, true], [false, false]]);
    expect(readdirSync(store).sort()).toEqual([expect.stringMatching(/^flowchart-[0-9a-f]{16}\.svg$/), expect.stringMatching(/^sequenceDiagram-[0-9a-f]{16}\.svg$/)]);
  });

  it('gives the page, as it is drawn, what rehype-mermaid alone gives it', () => {
    expect(alone.map((svg) => /^<svg id="([^"]+)"/.exec(svg)?.[1])).toEqual(['mermaid-0', 'mermaid-1']);
    expect(drawing).toEqual(alone);
  });

  it('gives the page, read back with no browser, what rehype-mermaid alone gives it', () => {
    expect(stored).toEqual(alone);
  });
});
