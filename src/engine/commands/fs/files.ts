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

/** One input of a tool that reads files: its name as the tool prints it, and what reading it gave. */
export interface Input {
  operand: string;
  read: Read;
  /** A regular file (not standard input, not a directory): what wc sizes its columns by. */
  regular: boolean;
}

/** The inputs the operands name, in order; no operand is standard input. */
export async function readInputs(ctx: CommandContext, operands: string[]): Promise<Input[]> {
  // Standard input alone needs no tree (whose preparing loads the cluster's manifests).
  if (operands.every((o) => o === '-')) {
    return (operands.length ? operands : ['-']).map((operand, i) => ({ operand, read: { text: i === 0 ? ctx.stdin : '' }, regular: false }));
  }
  const read = await operandReader(ctx);
  return (operands.length ? operands : ['-']).map((operand) => {
    const r = read(operand);
    return { operand, read: r, regular: operand !== '-' && operand !== '/dev/stdin' && 'text' in r };
  });
}
