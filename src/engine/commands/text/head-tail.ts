// GNU head and tail on standard input: -n N, -N, and tail's -n +N.
import type { Command, CommandContext } from '../types.ts';
import { missingFile, OptionError, parseOptions, usageError } from './options.ts';

function linesKeepingEnds(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function headOrTail(tool: 'head' | 'tail') {
  return async (ctx: CommandContext): Promise<number> => {
    // `-5` is an old spelling of `-n 5`.
    const args = ctx.argv.slice(1).map((a) => (/^-\d+$/.test(a) ? `-n${a.slice(1)}` : a));
    let opts;
    try {
      opts = parseOptions(tool, args, 'qv', 'nc', { lines: 'n', bytes: 'c' });
    } catch (e) {
      return usageError(ctx, tool, (e as OptionError).message);
    }
    const spec = opts.values.get('n') ?? '10';
    const m = /^([+-]?)(\d+)$/.exec(spec);
    if (!m) {
      ctx.stderr.write(`${tool}: invalid number of lines: ‘${spec}’\n`);
      return 1;
    }
    if (missingFile(ctx, tool, opts.operands)) return 1;
    const n = Number(m[2]);
    const lines = linesKeepingEnds(ctx.stdin);
    let picked: string[];
    if (tool === 'head') picked = m[1] === '-' ? lines.slice(0, Math.max(0, lines.length - n)) : lines.slice(0, n);
    else picked = m[1] === '+' ? lines.slice(Math.max(0, n - 1)) : n === 0 ? [] : lines.slice(-n);
    ctx.stdout.write(picked.join(''));
    return 0;
  };
}

export const head: Command = { name: 'head', summary: 'Print the first lines of the input (-n N).', run: headOrTail('head') };
export const tail: Command = { name: 'tail', summary: 'Print the last lines of the input (-n N, -n +N from line N).', run: headOrTail('tail') };
