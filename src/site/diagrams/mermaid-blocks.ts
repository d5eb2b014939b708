// The Mermaid blocks of a page, found as rehype-mermaid finds them and in the same order, so the
// n-th block here is the one rehype-mermaid would draw as "mermaid-n". (rehype-mermaid does not
// export its finder; this follows its `isMermaidElement` and its walk for the inline-svg strategy.)
import type { Element, Root } from 'hast';

export interface MermaidBlock {
  /** The element a drawing replaces: the <pre> around the code, or the element itself. */
  target: Element;
  parent: Root | Element;
  source: string;
}

const classNames = (element: Element): string[] => {
  // hast keeps className as a list; a string can still come from a plugin that set it by hand.
  const value: unknown = element.properties.className;
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  return Array.isArray(value) ? value.map(String) : [];
};

const isMermaid = (element: Element): boolean =>
  (element.tagName === 'pre' && classNames(element).includes('mermaid')) || (element.tagName === 'code' && classNames(element).includes('language-mermaid'));

/** The text of an element as written (hast-util-to-text with whitespace "pre" for a code block). */
const textOf = (node: Element): string => node.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : '')).join('');

/** A <pre> around the code is replaced whole only when nothing but blank text sits beside the code. */
const onlyChild = (pre: Element, code: Element): boolean =>
  pre.children.every((child) => child === code || (child.type === 'text' && !/\w/.test(child.value)));

export function mermaidBlocks(tree: Root): MermaidBlock[] {
  const blocks: MermaidBlock[] = [];
  const walk = (node: Root | Element, ancestors: (Root | Element)[]) => {
    const parent = ancestors.at(-1);
    if (node.type === 'element' && parent && isMermaid(node)) {
      const grandparent = ancestors.at(-2);
      if (parent.type === 'element' && parent.tagName === 'pre') {
        if (grandparent && onlyChild(parent, node)) blocks.push({ target: parent, parent: grandparent, source: textOf(node) });
      } else {
        blocks.push({ target: node, parent, source: textOf(node) });
      }
    }
    for (const child of node.children) if (child.type === 'element') walk(child, [...ancestors, node]);
  };
  walk(tree, []);
  return blocks;
}
