// Puts each diagram rendered by rehype-mermaid in a <figure> with a "Full screen" button, so a wide
// diagram (a sequence diagram is 4–8 px text on a phone) can be read at its own size. The button
// starts hidden: the page's script shows it once the viewer can open, so it never does nothing.
import type { Element, Root } from 'hast';

const isDiagram = (node: Element): boolean => node.tagName === 'svg' && String(node.properties.id ?? '').startsWith('mermaid');

const framed = (svg: Element): Element => ({
  type: 'element',
  tagName: 'figure',
  properties: { className: ['diagram', 'not-content'] },
  children: [
    {
      type: 'element',
      tagName: 'button',
      properties: { type: 'button', className: ['diagram__zoom'], dataDiagramZoom: String(svg.properties.id), hidden: true },
      children: [{ type: 'text', value: 'Full screen' }],
    },
    svg,
  ],
});

/** A plain walk rather than unist-util-visit: that package is not a dependency of the site. */
function frameWithin(parent: Root | Element): void {
  parent.children.forEach((child, i) => {
    if (child.type !== 'element') return;
    if (isDiagram(child)) parent.children[i] = framed(child);
    else frameWithin(child);
  });
}

export function rehypeDiagramFrame() {
  return (tree: Root) => frameWithin(tree);
}
