// The tree both pattern dialects (GNU grep's BRE/ERE, jq's Oniguruma) parse into, and the one
// question the matcher asks of it: can an automaton match it, or does it need backtracking?

/** Whether one code point belongs to a character class. */
export type CharTest = (cp: number) => boolean;

export type AssertKind =
  | 'text-start'
  | 'text-end'
  /** End of text, or before a final newline (Oniguruma's \Z). */
  | 'text-end-newline'
  | 'line-start'
  | 'line-end'
  | 'word-boundary'
  | 'not-word-boundary'
  | 'word-start'
  | 'word-end'
  /** Not preceded by a word character (grep -w's left edge). */
  | 'not-after-word'
  /** Not followed by a word character (grep -w's right edge). */
  | 'not-before-word'
  /** Where this search began (Oniguruma's \G). */
  | 'search-start';

export type Node =
  | { type: 'empty' }
  | { type: 'char'; test: CharTest }
  | { type: 'seq'; items: Node[] }
  | { type: 'alt'; options: Node[] }
  | { type: 'repeat'; node: Node; min: number; max: number; greedy: boolean; possessive: boolean }
  /** index: the capture number (1-based), or null for a group that does not capture. */
  | { type: 'group'; node: Node; index: number | null }
  | { type: 'assert'; kind: AssertKind; word: CharTest }
  /** Matches again what one of these groups matched (a name can stand for several groups). */
  | { type: 'backref'; indexes: number[]; ignoreCase: boolean; name?: string }
  | { type: 'look'; behind: boolean; negate: boolean; node: Node }
  | { type: 'atomic'; node: Node };

export const EMPTY: Node = { type: 'empty' };

export function seq(items: Node[]): Node {
  const flat = items.flatMap((n) => (n.type === 'seq' ? n.items : n.type === 'empty' ? [] : [n]));
  return flat.length === 0 ? EMPTY : flat.length === 1 ? flat[0] : { type: 'seq', items: flat };
}

export function alt(options: Node[]): Node {
  return options.length === 1 ? options[0] : { type: 'alt', options };
}

/** Back-references, look-around, atomic groups and possessive repeats have no automaton. */
export function needsBacktracking(node: Node): boolean {
  switch (node.type) {
    case 'backref':
    case 'look':
    case 'atomic':
      return true;
    case 'repeat':
      return node.possessive || needsBacktracking(node.node);
    case 'group':
      return needsBacktracking(node.node);
    case 'seq':
      return node.items.some(needsBacktracking);
    case 'alt':
      return node.options.some(needsBacktracking);
    default:
      return false;
  }
}

/** Shifts every capture number by `offset` (several grep patterns joined into one). */
export function renumber(node: Node, offset: number): Node {
  if (offset === 0) return node;
  switch (node.type) {
    case 'group':
      return { ...node, index: node.index === null ? null : node.index + offset, node: renumber(node.node, offset) };
    case 'backref':
      return { ...node, indexes: node.indexes.map((i) => i + offset) };
    case 'seq':
      return { ...node, items: node.items.map((n) => renumber(n, offset)) };
    case 'alt':
      return { ...node, options: node.options.map((n) => renumber(n, offset)) };
    case 'repeat':
    case 'look':
    case 'atomic':
      return { ...node, node: renumber(node.node, offset) };
    default:
      return node;
  }
}

const ANY: Node = { type: 'repeat', node: { type: 'char', test: () => true }, min: 0, max: Infinity, greedy: true, possessive: false };

/**
 * A pattern an automaton can run that matches wherever `node` does, and maybe more: a
 * back-reference becomes "any text", look-around nothing. A line it rejects needs no backtracking
 * (GNU grep's dfa screens lines the same way).
 */
export function superset(node: Node): Node {
  switch (node.type) {
    case 'backref':
      return ANY;
    case 'look':
      return EMPTY;
    case 'atomic':
      return superset(node.node);
    case 'repeat':
      return { ...node, possessive: false, node: superset(node.node) };
    case 'group':
      return { ...node, node: superset(node.node) };
    case 'seq':
      return { ...node, items: node.items.map(superset) };
    case 'alt':
      return { ...node, options: node.options.map(superset) };
    default:
      return node;
  }
}
