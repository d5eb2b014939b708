// bash's cd, on the lab's small, read-only directory tree (fs/tree.ts). It keeps PWD and OLDPWD as bash does (logical paths,
// `cd -` prints where it went) and answers what is not there in bash's words.
import type { Command } from '../types.ts';
import { isDirectory, nodeAt, prepareTree, READER_HOME, resolvePath } from '../fs/tree.ts';

export { READER_HOME };

const USAGE = 'cd: usage: cd [-L|[-P [-e]] [-@]] [dir]\n';

export const cd: Command = {
  name: 'cd',
  summary: 'Change the working directory (the lab has a small read-only tree: ~, /tmp, /usr, /etc…).',
  async run(ctx) {
    const vars = ctx.session.vars;
    const args = ctx.argv.slice(1);
    // -L (the default) and -P are accepted; the lab has no symbolic links, so both mean the same.
    while (args.length && /^-[LPe@]+$/.test(args[0])) args.shift();
    if (args[0] === '--') args.shift();
    if (args.length && args[0].startsWith('-') && args[0] !== '-') {
      ctx.stderr.write(`bash: cd: ${args[0].slice(0, 2)}: invalid option\n${USAGE}`);
      return 2;
    }
    if (args.length > 1) {
      ctx.stderr.write('bash: cd: too many arguments\n');
      return 1;
    }
    let target: string | undefined = args[0];
    let print = false;
    if (target === undefined) {
      target = vars.get('HOME');
      if (target === undefined) {
        ctx.stderr.write('bash: cd: HOME not set\n');
        return 1;
      }
    } else if (target === '-') {
      target = vars.get('OLDPWD');
      if (target === undefined) {
        ctx.stderr.write('bash: cd: OLDPWD not set\n');
        return 1;
      }
      print = true;
    } else if (target === '~' || target.startsWith('~/')) {
      // The lab's shell leaves ~ unexpanded elsewhere; cd is where readers type it.
      target = `${vars.get('HOME') ?? READER_HOME}${target.slice(1)}`;
    }
    if (target === '') return 0;
    await prepareTree(ctx.session);
    const here = vars.get('PWD') ?? READER_HOME;
    const path = resolvePath(here, target);
    if (nodeAt(path, ctx.session)?.kind === 'file') {
      ctx.stderr.write(`bash: cd: ${target}: Not a directory\n`);
      return 1;
    }
    if (!isDirectory(ctx.session, path)) {
      ctx.stderr.write(`bash: cd: ${target}: No such file or directory\n`);
      return 1;
    }
    vars.set('OLDPWD', here);
    vars.set('PWD', path);
    if (print) ctx.stdout.write(`${path}\n`);
    return 0;
  },
};
