// GNU tac: each input's lines last first, files in the order given; a last line without its
// newline is joined to the next one printed, as tac's output does.
import type { Command } from '../types.ts';
import { parseOptions, usageError } from './options.ts';
import { readInputs } from '../fs/files.ts';
import { errorMessage } from '../../world/json.ts';

export const tac: Command = {
  name: 'tac',
  summary: 'Print the lines of files or the input last first.',
  async run(ctx) {
    let opts;
    try {
      opts = parseOptions('tac', ctx.argv.slice(1), '', '');
    } catch (e) {
      return usageError(ctx, 'tac', errorMessage(e));
    }
    let status = 0;
    for (const input of await readInputs(ctx, opts.operands)) {
      if ('error' in input.read) {
        ctx.stderr.write(input.read.error === 'Is a directory' ? `tac: ${input.operand}: read error: Is a directory\n` : `tac: failed to open '${input.operand}' for reading: ${input.read.error}\n`);
        status = 1;
        continue;
      }
      ctx.stdout.write((input.read.text.match(/[^\n]*\n|[^\n]+$/g) ?? []).reverse().join(''));
    }
    return status;
  },
};
