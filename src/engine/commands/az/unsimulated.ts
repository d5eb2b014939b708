// A real az command the lab does not simulate gets a plain answer: az's own "'x' is misspelled or
// not recognized" would tell the reader that a correct command is a typo. What counts as real is
// the recorded list of azure-cli's commands (real-commands.ts).
import { REAL_AZ_COMMANDS } from './real-commands.ts';
import type { TreeNode } from './tree.ts';

/** Every group and command path of real az, as space-joined words ("network route-table route"). */
const REAL_PATHS: ReadonlySet<string> = (() => {
  const paths = new Set<string>(REAL_AZ_COMMANDS.topLevel);
  for (const command of REAL_AZ_COMMANDS.commands) {
    const words = command.split(' ');
    for (let n = 1; n <= words.length; n++) paths.add(words.slice(0, n).join(' '));
  }
  return paths;
})();

/** The longest run of leading words that names a real az group or command, or undefined. */
export function realAzPath(words: string[]): string[] | undefined {
  for (let n = words.length; n > 0; n--) if (REAL_PATHS.has(words.slice(0, n).join(' '))) return words.slice(0, n);
  return undefined;
}

/** What the lab says when `typed` (the command's words before any option) leaves its tree at `path`:
 * undefined when the words are no real az command either (then az's misspelling error stands). */
export function notSimulated(typed: string[], path: string[], node: TreeNode): string | undefined {
  const real = realAzPath(typed);
  if (!real || real.length <= path.length) return undefined;
  const has = [...node.children.keys()].sort();
  return `ERROR: 'az ${real.join(' ')}' is not available in this lab terminal.\nThe lab has these under '${['az', ...path].join(' ')}': ${has.join(', ')}\n`;
}
