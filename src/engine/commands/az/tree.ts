// az's command tree: groups by word, each leaf a command, as az's parser walks it.
import type { AzCommandDef } from './types.ts';

export interface TreeNode {
  name: string;
  children: Map<string, TreeNode>;
  command?: AzCommandDef;
}

export function buildTree(defs: AzCommandDef[]): TreeNode {
  const root: TreeNode = { name: 'az', children: new Map() };
  for (const def of defs) {
    let node = root;
    for (const word of def.words) {
      if (!node.children.has(word)) node.children.set(word, { name: word, children: new Map() });
      node = node.children.get(word)!;
    }
    node.command = def;
  }
  return root;
}
