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
  /** cp: the one code point `test` accepts, when it accepts exactly one (a literal). */
  | { type: 'char'; test: CharTest; cp?: number }
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

/** The fixed text `node` matches and nothing else (no anchors, no captures), or null. */
export function exactLiteral(node: Node): number[] | null {
  switch (node.type) {
    case 'empty':
      return [];
    case 'char':
      return node.cp === undefined ? null : [node.cp];
    case 'seq': {
      const out: number[] = [];
      for (const item of node.items) {
        const part = exactLiteral(item);
        if (part === null) return null;
        out.push(...part);
      }
      return out;
    }
    case 'group':
      return node.index === null ? exactLiteral(node.node) : null;
    case 'alt':
      return node.options.length === 1 ? exactLiteral(node.options[0]) : null;
    default:
      return null;
  }
}

/**
 * The longest fixed text every match of `node` contains, or [] when none is known: a search
 * first looks for it, and a text without it needs no matching at all (GNU grep's "must" strings).
 */
export function requiredLiteral(node: Node): number[] {
  return musts(node).required.reduce((a, b) => (b.length > a.length ? b : a), []);
}

/** exact: the one text `node` matches, ignoring zero-width assertions; required: texts every match contains. */
function musts(node: Node): { exact: number[] | null; required: number[][] } {
  switch (node.type) {
    case 'empty':
    case 'assert':
    case 'look':
      return { exact: [], required: [] };
    case 'char':
      return node.cp === undefined ? { exact: null, required: [] } : { exact: [node.cp], required: [[node.cp]] };
    case 'group':
    case 'atomic':
      return musts(node.node);
    case 'alt':
      return node.options.length === 1 ? musts(node.options[0]) : { exact: null, required: [] };
    case 'repeat': {
      if (node.min === 0) return { exact: null, required: [] };
      const body = musts(node.node);
      return { exact: null, required: body.exact && body.exact.length ? [body.exact] : body.required };
    }
    case 'seq': {
      const required: number[][] = [];
      let run: number[] = [];
      let exact = true;
      for (const item of node.items) {
        const part = musts(item);
        if (part.exact) {
          run.push(...part.exact);
          continue;
        }
        exact = false;
        if (run.length) required.push(run);
        run = [];
        required.push(...part.required);
      }
      if (run.length) required.push(run);
      return { exact: exact ? run : null, required };
    }
    case 'backref':
      return { exact: null, required: [] };
  }
}

/** The fewest characters a match of `node` can have (a back-reference may match none). */
export function minLength(node: Node): number {
  switch (node.type) {
    case 'char':
      return 1;
    case 'seq':
      return node.items.reduce((sum, item) => sum + minLength(item), 0);
    case 'alt':
      return node.options.reduce((least, option) => Math.min(least, minLength(option)), Infinity);
    case 'repeat':
      return node.min === 0 ? 0 : node.min * minLength(node.node);
    case 'group':
    case 'atomic':
      return minLength(node.node);
    default:
      return 0;
  }
}

/** The character tests of a pattern that is one character after another and nothing else (groups aside), or null. */
export function fixedTests(node: Node): CharTest[] | null {
  switch (node.type) {
    case 'char':
      return [node.test];
    case 'seq': {
      const out: CharTest[] = [];
      for (const item of node.items) {
        const part = fixedTests(item);
        if (part === null) return null;
        out.push(...part);
      }
      return out;
    }
    case 'group':
      return fixedTests(node.node);
    case 'alt':
      return node.options.length === 1 ? fixedTests(node.options[0]) : null;
    case 'repeat': {
      const body = node.min === node.max && node.min <= 64 ? fixedTests(node.node) : null;
      return body && Array.from({ length: node.min }, () => body).flat();
    }
    default:
      return null;
  }
}
