// A diagram is scaled down to the width of the page: on a 390-pixel phone the text of a wide
// diagram shrinks until it cannot be read without the full-screen view. Chapter 9's network diagram
// is drawn top-down for that reason; this keeps its text at least 10 pixels tall on such a phone.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIAGRAM_OPTIONS } from '../../src/site/diagrams/diagram-options.ts';
import { DiagramStore } from '../../src/site/diagrams/diagram-store.ts';

const PHONE_TEXT_WIDTH = 390 - 2 * 16; // the phone's width less the page's margins
const store = new DiagramStore(DIAGRAM_OPTIONS.store, DIAGRAM_OPTIONS.mermaid);

/** The stored drawing of each ```mermaid block of a page, in page order. */
function storedDiagrams(page: string): { source: string; svg: string }[] {
  const text = readFileSync(new URL(`../../content/chapters/${page}`, import.meta.url), 'utf8');
  return [...text.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map(([, body]) => {
    const source = [body, body.replace(/\n$/, '')].find((s) => store.has(s));
    expect(source, `a stored drawing of\n${body}`).toBeDefined();
    return { source: source!, svg: store.read(source!, 0)! };
  });
}

/** The height of the drawing's text, in CSS pixels, once the drawing is scaled to `width`. */
function textPixels(svg: string, width: number): number {
  const [, , , drawn] = /viewBox="([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)"/.exec(svg)!.map(Number);
  const font = Number(/font-size:\s*(\d+(?:\.\d+)?)px/.exec(svg)?.[1] ?? 16);
  return font * Math.min(1, width / drawn);
}

describe("chapter 9's diagrams on a phone", () => {
  it.each(storedDiagrams('09-private-cluster.mdx').map((d, n) => [n, d] as const))('diagram %i keeps its text at least 10 px tall at 390 px', (_n, { svg }) => {
    expect(textPixels(svg, PHONE_TEXT_WIDTH)).toBeGreaterThanOrEqual(10);
  });
});
