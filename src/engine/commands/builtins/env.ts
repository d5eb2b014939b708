// `env` with no arguments: the exported variables, in the order they were set.
import type { Command } from '../types.ts';

export const env: Command = {
  name: 'env',
  summary: 'Print the exported environment variables.',
  async run(ctx) {
    if (ctx.argv.length > 1) {
      ctx.stderr.write(`env: '${ctx.argv[1]}': running programs through env is not available in this lab\n`);
      return 127;
    }
    ctx.stdout.write(ctx.session.vars.environment().map(([n, v]) => `${n}=${v}\n`).join(''));
    return 0;
  },
};
