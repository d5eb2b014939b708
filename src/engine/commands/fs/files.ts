// What the text tools need from the tree: an operand read as a file (or `-`, standard input),
// with the errno text coreutils prints when it cannot be.
import type { CommandContext } from '../types.ts';
import { nodeAt, prepareTree, readFile, resolvePath, READER_HOME } from './tree.ts';

export type Read = { text: string } | { error: 'No such file or directory' | 'Is a directory' };

/** The absolute path an operand names, from the session's working directory. */
export function absolute(ctx: CommandContext, operand: string): string {
  return resolvePath(ctx.session.vars.get('PWD') ?? READER_HOME, operand);
}

/** Reads every operand once its tree is prepared; `-` and /dev/stdin read standard input (once: a
 * second finds it empty, as after EOF). */
export async function operandReader(ctx: CommandContext): Promise<(operand: string) => Read> {
  await prepareTree(ctx.session);
  let stdinRead = false;
  return (operand) => {
    if (operand === '-' || operand === '/dev/stdin') {
      const text = stdinRead ? '' : ctx.stdin;
      stdinRead = true;
      return { text };
    }
    const path = absolute(ctx, operand);
    const node = nodeAt(path, ctx.session);
    if (!node) return { error: 'No such file or directory' };
    if (node.kind === 'directory') return { error: 'Is a directory' };
    return { text: readFile(ctx.session, path) ?? '' };
  };
}
