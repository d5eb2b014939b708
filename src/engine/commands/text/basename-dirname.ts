// GNU basename (NAME [SUFFIX], -a, -s SUFFIX) and dirname: the same string rules as coreutils,
// on the names given (no file is read).
import type { Command, CommandContext } from '../types.ts';
import { parseOptions, usageError } from './options.ts';
import { errorMessage } from '../../world/json.ts';

function baseOf(name: string, suffix: string | undefined): string {
  if (name === '') return '';
  const trimmed = name.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  const base = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  return suffix && base !== suffix && base.endsWith(suffix) ? base.slice(0, -suffix.length) : base;
}

function dirOf(name: string): string {
  const trimmed = name.replace(/\/+$/, '');
  if (trimmed === '') return name.startsWith('/') ? '/' : '.';
  const at = trimmed.lastIndexOf('/');
  if (at < 0) return '.';
  const dir = trimmed.slice(0, at).replace(/\/+$/, '');
  return dir === '' ? '/' : dir;
}

function missing(ctx: CommandContext, tool: string): number {
  return usageError(ctx, tool, `${tool}: missing operand`);
}

export const basename: Command = {
  name: 'basename',
  summary: 'Print a name without its directories (and a SUFFIX; -a, -s).',
  async run(ctx) {
    let opts;
    try {
      opts = parseOptions('basename', ctx.argv.slice(1), 'az', 's', { multiple: 'a', suffix: 's', zero: 'z' });
    } catch (e) {
      return usageError(ctx, 'basename', errorMessage(e));
    }
    const names = opts.operands;
    if (names.length === 0) return missing(ctx, 'basename');
    const end = opts.flags.has('z') ? '\0' : '\n';
    const suffix = opts.values.get('s');
    if (opts.flags.has('a') || suffix !== undefined) {
      ctx.stdout.write(names.map((n) => `${baseOf(n, suffix)}${end}`).join(''));
      return 0;
    }
    if (names.length > 2) return usageError(ctx, 'basename', `basename: extra operand ‘${names[2]}’`);
    ctx.stdout.write(`${baseOf(names[0], names[1])}${end}`);
    return 0;
  },
};

export const dirname: Command = {
  name: 'dirname',
  summary: 'Print a name without its last component.',
  async run(ctx) {
    let opts;
    try {
      opts = parseOptions('dirname', ctx.argv.slice(1), 'z', '', { zero: 'z' });
    } catch (e) {
      return usageError(ctx, 'dirname', errorMessage(e));
    }
    if (opts.operands.length === 0) return missing(ctx, 'dirname');
    const end = opts.flags.has('z') ? '\0' : '\n';
    ctx.stdout.write(opts.operands.map((n) => `${dirOf(n)}${end}`).join(''));
    return 0;
  },
};
