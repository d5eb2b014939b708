// bash's cd, on the lab's small, read-only directory tree: the reader's home, the usual system
// directories and a few well-known files. It keeps PWD and OLDPWD as bash does (logical paths,
// `cd -` prints where it went) and answers what is not there in bash's words.
import type { Command } from '../types.ts';

/** The reader's home on the lab's machine: HOME and the first PWD of every session. */
export const READER_HOME = '/home/reader';

/** Directories a reader may expect on the lab's machine; everything else does not exist. */
const DIRECTORIES = new Set([
  '/', '/bin', '/dev', '/etc', '/home', READER_HOME, '/lib', '/opt', '/proc', '/sbin', '/tmp',
  '/usr', '/usr/bin', '/usr/lib', '/usr/local', '/usr/local/bin', '/usr/sbin', '/usr/share', '/var', '/var/log', '/var/tmp',
]);
/** Files, so that `cd` into one says "Not a directory" as bash does. */
const FILES = new Set(['/etc/hostname', '/etc/hosts', '/etc/os-release', '/etc/passwd', '/etc/resolv.conf']);

const USAGE = 'cd: usage: cd [-L|[-P [-e]] [-@]] [dir]\n';

/** `base` joined with `path`, `.` and `..` resolved as bash does for logical paths. */
function resolve(base: string, path: string): string {
  const parts = path.startsWith('/') ? [] : base.split('/').filter(Boolean);
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

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
    const here = vars.get('PWD') ?? READER_HOME;
    const path = resolve(here, target);
    if (FILES.has(path)) {
      ctx.stderr.write(`bash: cd: ${target}: Not a directory\n`);
      return 1;
    }
    if (!DIRECTORIES.has(path)) {
      ctx.stderr.write(`bash: cd: ${target}: No such file or directory\n`);
      return 1;
    }
    vars.set('OLDPWD', here);
    vars.set('PWD', path);
    if (print) ctx.stdout.write(`${path}\n`);
    return 0;
  },
};
