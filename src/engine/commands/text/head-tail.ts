// GNU head and tail on files of the lab's tree or standard input: -n N, -N, -c N, head's -n -N
// (all but the last N) and tail's -n +N (from line N); `==> NAME <==` headers past one input (-q, -v).
import type { Command, CommandContext } from '../types.ts';
import { parseOptions, usageError } from './options.ts';
import { readInputs } from '../fs/files.ts';
import { errorMessage } from '../../world/json.ts';

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
      opts = parseOptions(tool, args, 'qv', 'nc', { lines: 'n', bytes: 'c', quiet: 'q', silent: 'q', verbose: 'v' });
    } catch (e) {
      return usageError(ctx, tool, errorMessage(e));
    }
    const bytes = opts.values.has('c') && (!opts.values.has('n') || ctx.argv.lastIndexOf('-c') > ctx.argv.lastIndexOf('-n'));
    const spec = (bytes ? opts.values.get('c') : opts.values.get('n')) ?? '10';
    const m = /^([+-]?)(\d+)$/.exec(spec);
    if (!m) {
      ctx.stderr.write(`${tool}: invalid number of ${bytes ? 'bytes' : 'lines'}: ‘${spec}’\n`);
      return 1;
    }
    const n = Number(m[2]);
    const pick = (input: string): string => {
      // In byte mode each unit is one byte of the UTF-8 input.
      const units = bytes ? [...new TextEncoder().encode(input)].map((b) => String.fromCharCode(b)) : linesKeepingEnds(input);
      let picked: string[];
      if (tool === 'head') picked = m[1] === '-' ? units.slice(0, Math.max(0, units.length - n)) : units.slice(0, n);
      else picked = m[1] === '+' ? units.slice(Math.max(0, n - 1)) : n === 0 ? [] : units.slice(-n);
      const text = picked.join('');
      return bytes ? new TextDecoder().decode(Uint8Array.from(text, (c) => c.charCodeAt(0))) : text;
    };
    const inputs = await readInputs(ctx, opts.operands);
    const headers = opts.flags.has('v') || (inputs.length > 1 && !opts.flags.has('q'));
    let status = 0;
    let first = true;
    for (const input of inputs) {
      const r = input.read;
      if ('error' in r && r.error === 'No such file or directory') {
        ctx.stderr.write(`${tool}: cannot open '${input.operand}' for reading: ${r.error}\n`);
        status = 1;
        continue;
      }
      if (headers) ctx.stdout.write(`${first ? '' : '\n'}==> ${input.regular || 'error' in r ? input.operand : 'standard input'} <==\n`);
      first = false;
      if ('error' in r) {
        ctx.stderr.write(`${tool}: error reading '${input.operand}': ${r.error}\n`);
        status = 1;
        continue;
      }
      ctx.stdout.write(pick(r.text));
    }
    return status;
  };
}
export const head: Command = { name: 'head', summary: 'Print the first lines of the input (-n N).', run: headOrTail('head') };
export const tail: Command = { name: 'tail', summary: 'Print the last lines of the input (-n N, -n +N from line N).', run: headOrTail('tail') };
