// Pathname expansion over the lab's read-only tree: `*`, `?` and `[…]` in each part of a path
// match the names of its directories, hidden names only by a pattern that starts with a dot,
// results in byte order (LANG=C.UTF-8), as bash does.
import { LabLimitError } from '../limits.ts';
import { patternRegExp, patternSource, type PatternPiece } from './pattern.ts';

export interface Tree {
  /** The names in a directory, or undefined when it is none. */
  list(absolutePath: string): string[] | undefined;
  exists(absolutePath: string): boolean;
}

/** The pattern's path parts, split at each `/`. */
function segments(pattern: PatternPiece[]): PatternPiece[][] {
  const out: PatternPiece[][] = [[]];
  for (const piece of pattern) {
    const parts = piece.text.split('/');
    parts.forEach((text, i) => {
      if (i > 0) out.push([]);
      if (text) out[out.length - 1].push({ text, quoted: piece.quoted });
    });
  }
  return out;
}

const isGlob = (segment: PatternPiece[]) => segment.some((p) => !p.quoted && /[*?[]/.test(p.text));
const literal = (segment: PatternPiece[]) => segment.map((p) => (p.quoted ? p.text : p.text.replace(/\\(.)/g, '$1'))).join('');

/** The paths matching the pattern, relative to `cwd` unless it starts with `/`; empty when none. */
export function globPaths(pattern: PatternPiece[], cwd: string, tree: Tree): string[] {
  const parts = segments(pattern);
  const absolute = parts[0].length === 0;
  const join = (dir: string, name: string) => (dir === '/' ? `/${name}` : `${dir}/${name}`);
  // Each candidate: the path as printed, and where it is in the tree.
  let candidates: Array<{ shown: string; at: string }> = [{ shown: absolute ? '' : '', at: absolute ? '/' : cwd }];
  parts.slice(absolute ? 1 : 0).forEach((segment, index, all) => {
    const last = index === all.length - 1;
    const next: typeof candidates = [];
    for (const c of candidates) {
      const prefix = c.shown === '' ? (absolute ? '/' : '') : `${c.shown}/`;
      if (segment.length === 0) {
        // `a//b` or a trailing slash: the directory itself.
        if (!last || tree.list(c.at)) next.push({ shown: c.shown + (last ? '/' : ''), at: c.at });
        continue;
      }
      if (!isGlob(segment)) {
        const name = literal(segment);
        const at = join(c.at, name);
        if (tree.exists(at)) next.push({ shown: prefix + name, at });
        continue;
      }
      const dotted = segment[0].text.startsWith('.');
      let re: RegExp;
      try {
        re = patternRegExp(`^(?:${patternSource(segment)})$`);
      } catch (error) {
        // Too large for the engine, and so longer than any file name: nothing matches, and bash
        // leaves the word as it is.
        if (error instanceof LabLimitError) continue;
        throw error;
      }
      for (const name of tree.list(c.at) ?? []) {
        if (name.startsWith('.') && !dotted) continue;
        if (re.test(name)) next.push({ shown: prefix + name, at: join(c.at, name) });
      }
    }
    candidates = next;
  });
  return candidates.map((c) => c.shown).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
