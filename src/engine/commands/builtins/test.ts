// bash's `test` and `[` builtins: thin commands over the shared expression (test-expression.ts).
import type { Command, CommandContext } from '../types.ts';
import { evaluateTest } from './test-expression.ts';
import { prepareTree } from '../fs/tree.ts';

function run(ctx: CommandContext, args: string[], bracket = false): number {
  const result = evaluateTest(args, ctx.session, bracket);
  if (result.error) ctx.stderr.write(`bash: ${ctx.argv[0]}: ${result.error}\n`);
  return result.status;
}

export const test: Command = {
  name: 'test',
  summary: 'Evaluate a condition: strings (= != -z -n), integers (-eq -lt …), files (-e -f -d); ! -a -o ( ).',
  async run(ctx) {
    await prepareTree(ctx.session);
    return run(ctx, ctx.argv.slice(1));
  },
};

export const bracket: Command = {
  name: '[',
  summary: 'Evaluate a condition, as test does; the last argument must be ].',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    if (args[args.length - 1] !== ']') {
      ctx.stderr.write("bash: [: missing `]'\n");
      return 2;
    }
    await prepareTree(ctx.session);
    return run(ctx, args.slice(0, -1), true);
  },
};
