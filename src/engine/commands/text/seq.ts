// GNU seq: FIRST [INCREMENT] LAST as integers or decimals (printed with as many decimals as FIRST
// and INCREMENT have), -s SEP, -w equal widths. Bounded by the lab's output limit like any command.
import type { Command } from '../types.ts';
import { usageError } from './options.ts';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

const decimals = (text: string) => (/[eE]/.test(text) ? 0 : (text.split('.')[1] ?? '').length);

/** seq's own cap on lines, past which the lab stops rather than fill the terminal. */
const MAX_LINES = 1_000_000;

export const seq: Command = {
  name: 'seq',
  summary: 'Print numbers from FIRST (1) by INCREMENT (1) to LAST (-s SEP, -w equal widths).',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    let separator = '\n';
    let equalWidth = false;
    const operands: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (operands.length === 0 && a === '-w') equalWidth = true;
      else if (operands.length === 0 && a.startsWith('-s')) separator = a.length > 2 ? a.slice(2) : args[++i] ?? '';
      else if (operands.length === 0 && a.startsWith('-f')) {
        ctx.stderr.write('seq: -f FORMAT is not available in this lab; -s and -w are (printf formats numbers: seq 3 | xargs printf)\n');
        return 1;
      } else if (operands.length === 0 && /^-[^\d.]/.test(a)) return usageError(ctx, 'seq', `seq: invalid option -- '${a[1]}'`);
      else operands.push(a);
    }
    if (operands.length === 0) return usageError(ctx, 'seq', 'seq: missing operand');
    if (operands.length > 3) return usageError(ctx, 'seq', `seq: extra operand ‘${operands[3]}’`);
    for (const o of operands) {
      if (!NUMBER.test(o)) return usageError(ctx, 'seq', `seq: invalid floating point argument: ‘${o}’`);
    }
    const [firstText, stepText, lastText] = operands.length === 1 ? ['1', '1', operands[0]] : operands.length === 2 ? [operands[0], '1', operands[1]] : operands;
    const first = Number(firstText);
    const step = Number(stepText);
    const last = Number(lastText);
    if (step === 0) return usageError(ctx, 'seq', `seq: invalid Zero increment value: ‘${stepText}’`);
    const precision = Math.max(decimals(firstText), decimals(stepText));
    const values: string[] = [];
    for (let i = 0; values.length < MAX_LINES; i++) {
      const value = first + i * step;
      if (step > 0 ? value > last : value < last) break;
      values.push(value.toFixed(precision));
    }
    if (equalWidth) {
      const width = Math.max(...values.map((v) => v.length), Number(last).toFixed(precision).length);
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        values[i] = v.startsWith('-') ? `-${v.slice(1).padStart(width - 1, '0')}` : v.padStart(width, '0');
      }
    }
    ctx.stdout.write(values.length ? `${values.join(separator)}\n` : '');
    return 0;
  },
};
