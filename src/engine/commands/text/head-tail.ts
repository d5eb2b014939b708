// GNU head and tail on standard input: -n N, -N, -c N, head's -n -N (all but the last N) and
// tail's -n +N (from line N).
import type { Command, CommandContext } from '../types.ts';
import { missingFile, OptionError, parseOptions, usageError } from './options.ts';

function linesKeepingEnds(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function headOrTail(tool: 'head' | 'tail') {
  return async (ctx: CommandContext): Promise<number> => {
    // `-5` is an old spelling of `-n 5`, unless it is the value of -n or -c.
    const raw = ctx.argv.slice(1);
    const args = raw.map((a, i) => (/^-\d+$/.test(a) && !/^-[nc]$/.test(raw[i - 1] ?? '') ? `-n${a.slice(1)}` : a));
    let opts;
    try {
      opts = parseOptions(tool, args, 'qv', 'nc', { lines: 'n', bytes: 'c' });
    } catch (e) {
      return usageError(ctx, tool, (e as OptionError).message);
    }
    const bytes = opts.values.has('c') && (!opts.values.has('n') || ctx.argv.lastIndexOf('-c') > ctx.argv.lastIndexOf('-n'));
    const spec = (bytes ? opts.values.get('c') : opts.values.get('n')) ?? '10';
    const m = /^([+-]?)(\d+)$/.exec(spec);
    if (!m) {
      ctx.stderr.write(`${tool}: invalid number of ${bytes ? 'bytes' : 'lines'}: ‘${spec}’\n`);
      return 1;
    }
    if (missingFile(ctx, tool, opts.operands)) return 1;
    const n = Number(m[2]);
    // In byte mode each unit is one byte of the UTF-8 input.
    const lines = bytes ? [...new TextEncoder().encode(ctx.stdin)].map((b) => String.fromCharCode(b)) : linesKeepingEnds(ctx.stdin);
    let picked: string[];
    if (tool === 'head') picked = m[1] === '-' ? lines.slice(0, Math.max(0, lines.length - n)) : lines.slice(0, n);
    else picked = m[1] === '+' ? lines.slice(Math.max(0, n - 1)) : n === 0 ? [] : lines.slice(-n);
    const text = picked.join('');
    ctx.stdout.write(bytes ? new TextDecoder().decode(Uint8Array.from(text, (c) => c.charCodeAt(0))) : text);
    return 0;
  };
}

export const head: Command = { name: 'head', summary: 'Print the first lines of the input (-n N).', run: headOrTail('head') };
export const tail: Command = { name: 'tail', summary: 'Print the last lines of the input (-n N, -n +N from line N).', run: headOrTail('tail') };
