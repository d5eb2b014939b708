// Builtins about the terminal session itself: history, clear, help, true, false, pwd, refresh.
import type { Command } from '../types.ts';
import { commandCatalogue } from '../catalogue.ts';
import { shellBuiltinSummaries } from './shell-builtin-summaries.ts';
import { READER_HOME } from './cd.ts';

export const history: Command = {
  name: 'history',
  summary: 'Show the lines typed in this terminal (history -c clears them).',
  async run(ctx) {
    const lines = ctx.session.history;
    if (ctx.argv[1] === '-c') {
      lines.splice(0, lines.length);
      return 0;
    }
    // bash prints the number right-aligned in five columns, then two spaces.
    ctx.stdout.write(lines.map((line, i) => `${String(i + 1).padStart(5)}  ${line}\n`).join(''));
    return 0;
  },
};

export const clear: Command = {
  name: 'clear',
  summary: 'Clear the terminal screen.',
  async run(ctx) {
    ctx.session.clearRequested = true;
    return 0;
  },
};

export const help: Command = {
  name: 'help',
  summary: 'List the commands of this lab terminal (help NAME: one command).',
  async run(ctx) {
    const wanted = ctx.argv.slice(1);
    // The shell's own builtins (read, set, local…) run inside the interpreter, not from the registry.
    const shell = shellBuiltinSummaries.filter(([name]) => !commandCatalogue.some((c) => c.name === name)).map(([name, summary]) => ({ name, summary }));
    const commands = [...commandCatalogue, ...shell].filter((c) => wanted.length === 0 || wanted.includes(c.name));
    if (wanted.length && commands.length === 0) {
      ctx.stderr.write(`bash: help: no help topics match \`${wanted[0]}'.  Try \`help help' or \`man -k ${wanted[0]}' or \`info ${wanted[0]}'.\n`);
      return 1;
    }
    const width = Math.max(...commands.map((c) => c.name.length));
    const rows = commands.sort((a, b) => a.name.localeCompare(b.name)).map((c) => `  ${c.name.padEnd(width)}  ${c.summary}\n`);
    ctx.stdout.write(`${wanted.length ? '' : 'Commands of this lab terminal:\n'}${rows.join('')}`);
    return 0;
  },
};

export const trueCommand: Command = { name: 'true', summary: 'Do nothing, successfully.', run: async () => 0 };
export const falseCommand: Command = { name: 'false', summary: 'Do nothing, unsuccessfully.', run: async () => 1 };

export const pwd: Command = {
  name: 'pwd',
  summary: 'Print the working directory.',
  async run(ctx) {
    ctx.stdout.write(`${ctx.session.vars.get('PWD') ?? READER_HOME}\n`);
    return 0;
  },
};

export const refresh: Command = {
  name: 'refresh',
  summary: 'Live mode: forget the reads kept for this session, so the next commands ask Azure and the cluster again.',
  async run(ctx) {
    if (!ctx.world.refresh) {
      ctx.stdout.write('This lab is a fixture: its answers never change, so there is nothing to refresh.\n');
      return 0;
    }
    const dropped = await ctx.world.refresh();
    ctx.stdout.write(`Forgot ${dropped} kept ${dropped === 1 ? 'read' : 'reads'}; the next commands read Azure and the cluster again.\n`);
    return 0;
  },
};
