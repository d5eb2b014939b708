// Puts each Mermaid diagram's stored SVG (diagram-store.ts) in the page, and sends only diagrams
// with none to rehype-mermaid, which starts a browser for them; what it draws is stored for the
// next build. The page gets the same elements rehype-mermaid alone would give it, ids included.
import { relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Element, Root } from 'hast';
import { fromHtmlIsomorphic } from 'hast-util-from-html-isomorphic';
import { toHtml } from 'hast-util-to-html';
import rehypeMermaid, { type RehypeMermaidOptions } from 'rehype-mermaid';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { ChromiumMissing } from '../../node/chromium.ts';
import { DiagramStore, diagramId } from './diagram-store.ts';
import { mermaidBlocks } from './mermaid-blocks.ts';

export interface DiagramCacheOptions {
  /** The folder of stored SVGs. */
  store: string;
  /** The browser's executable, looked for only when a diagram must be drawn; throws ChromiumMissing when there is none. */
  browser: () => string;
  /** rehype-mermaid's options, for the diagrams that must be drawn. */
  mermaid: RehypeMermaidOptions;
  /** How to stop when a diagram needs a browser there is none of (the error is thrown when unset). */
  stop?: (reason: DiagramNeedsBrowser) => never;
  /** Told of each diagram of a page: its stored file, and whether it had to be drawn. */
  onDiagram?: (diagram: { file: string; drawn: boolean }) => void;
}

/** A diagram must be drawn and there is no browser: one line, the page and findChromium's advice. */
export class DiagramNeedsBrowser extends Error {
  constructor(missing: ChromiumMissing, page: string) {
    super(`${page}: a diagram changed and drawing it needs a browser. ${missing.message}`);
    this.name = 'DiagramNeedsBrowser';
  }
}

const svgOf = (html: string): Element => {
  const [svg] = fromHtmlIsomorphic(html, { fragment: true }).children;
  if (svg?.type !== 'element' || svg.tagName !== 'svg') throw new Error('A stored diagram is not an <svg> element.');
  return svg;
};

export function rehypeDiagramCache(this: Processor, options: DiagramCacheOptions) {
  const store = new DiagramStore(options.store, options.mermaid);
  const processor = this;
  // Made on the first diagram to draw, and kept, so the pages drawn at once share one browser.
  let draw: ReturnType<typeof rehypeMermaid> | undefined;

  /** Draws the page's diagrams that are not stored, with rehype-mermaid, and stores them. */
  async function drawMissing(missing: { source: string; target: Element; n: number }[], file: VFile): Promise<void> {
    try {
      draw ??= rehypeMermaid.call(processor, { ...options.mermaid, launchOptions: { ...options.mermaid.launchOptions, executablePath: options.browser() } });
    } catch (error) {
      if (!(error instanceof ChromiumMissing)) throw error;
      const reason = new DiagramNeedsBrowser(error, file.path ? relative(file.cwd, file.path) : 'A page');
      if (options.stop) options.stop(reason);
      throw reason;
    }
    const batch: Root = { type: 'root', children: missing.map(({ target }) => structuredClone(target)) };
    await draw?.(batch, file, () => undefined);
    // rehype-mermaid numbers the batch from 0: the i-th drawing carries mermaid-i whatever n it has on the page.
    missing.forEach(({ source, n }, i) => {
      const drawn = batch.children[i];
      if (drawn?.type !== 'element' || drawn.tagName !== 'svg') throw new Error(`rehype-mermaid gave no <svg> for ${diagramId(n)} of ${file.path ?? 'a page'}.`);
      const html = toHtml(drawn);
      // The stored form must give back exactly what rehype-mermaid gave, or pages would change.
      if (!isDeepStrictEqual(svgOf(html), drawn)) throw new Error(`${diagramId(n)} of ${file.path ?? 'a page'} does not survive being stored as SVG.`);
      store.write(source, i, html);
    });
  }

  return async (tree: Root, file: VFile): Promise<void> => {
    const blocks = mermaidBlocks(tree);
    const missing = blocks.flatMap(({ source, target }, n) => (store.has(source) ? [] : [{ source, target, n }]));
    if (missing.length) await drawMissing(missing, file);
    blocks.forEach(({ source, target, parent }, n) => {
      const svg = store.read(source, n);
      if (svg === undefined) throw new Error(`${diagramId(n)} of ${file.path ?? 'a page'} was drawn but not stored.`);
      parent.children[parent.children.indexOf(target)] = svgOf(svg);
      options.onDiagram?.({ file: store.fileName(source), drawn: missing.some((m) => m.n === n) });
    });
  };
}
