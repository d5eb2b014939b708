// util-linux rev: each line's characters last first (characters, not bytes), files in order.
import type { Command } from '../types.ts';
import { readInputs } from '../fs/files.ts';

export const rev: Command = {
  name: 'rev',
  summary: 'Reverse the characters of each line of files or the input.',
  async run(ctx) {
    let status = 0;
    for (const input of await readInputs(ctx, ctx.argv.slice(1))) {
      if ('error' in input.read) {
        ctx.stderr.write(`rev: cannot open ${input.operand}: ${input.read.error}\n`);
        status = 1;
        continue;
      }
      const lines = input.read.text.split('\n');
      ctx.stdout.write(lines.map((l) => [...l].reverse().join('')).join('\n'));
    }
    return status;
  },
};
