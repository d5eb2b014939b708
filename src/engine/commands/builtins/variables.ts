// `export` and `unset`, as bash's builtins.
import type { Command } from '../types.ts';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function quoteDeclare(value: string): string {
  return `"${value.replace(/(["\\$`])/g, '\\$1')}"`;
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'Mark variables for the environment of commands: export NAME[=VALUE]...',
  async run(ctx) {
    const args = ctx.argv.slice(1).filter((a) => a !== '-p');
    if (args.length === 0) {
      const names = ctx.session.vars.environment().sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      ctx.stdout.write(names.map(([n, v]) => `declare -x ${n}=${quoteDeclare(v)}\n`).join(''));
      return 0;
    }
    let status = 0;
    for (const arg of args) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg : arg.slice(0, eq);
      if (!NAME.test(name)) {
        ctx.stderr.write(`bash: export: \`${arg}': not a valid identifier\n`);
        status = 1;
        continue;
      }
      if (eq < 0) ctx.session.vars.export(name);
      else ctx.session.vars.set(name, arg.slice(eq + 1), true);
    }
    return status;
  },
};

export const unset: Command = {
  name: 'unset',
  summary: 'Remove variables: unset NAME...',
  async run(ctx) {
    let status = 0;
    for (const name of ctx.argv.slice(1).filter((a) => a !== '-v')) {
      if (!NAME.test(name)) {
        ctx.stderr.write(`bash: unset: \`${name}': not a valid identifier\n`);
        status = 1;
      } else ctx.session.vars.unset(name);
    }
    return status;
  },
};
