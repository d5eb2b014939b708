// nslookup (bind9 9.18) from the reader's machine, asking the reader's resolver.
import type { Command } from '../types.ts';
import { routeHosts } from './route-hosts.ts';

export const nslookup: Command = {
  name: 'nslookup',
  summary: 'Ask the reader\'s DNS resolver for a name\'s addresses.',
  async run(ctx) {
    const args = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
    const name = args[0];
    if (!name) {
      ctx.stderr.write('nslookup: the interactive mode is not available in this lab terminal; give a name: nslookup HOST\n');
      return 1;
    }
    const [server, port = '53'] = ctx.world.info.resolver.split('#');
    const header = `Server:\t\t${server}\nAddress:\t${server}#${port}\n\n`;
    const addresses = await ctx.world.resolve(name);
    if (!Array.isArray(addresses)) {
      ctx.stderr.write(`nslookup: ${addresses.message ?? `the lab does not look up ${name}`}\n`);
      return 1;
    }
    if (addresses.length === 0) {
      ctx.stdout.write(`${header}** server can't find ${name}: NXDOMAIN\n\n`);
      return 1;
    }
    ctx.stdout.write(`${header}Non-authoritative answer:\n${addresses.map((a) => `Name:\t${name}\nAddress: ${a}\n`).join('')}\n`);
    return 0;
  },
  complete: (_words, session) => routeHosts(session),
};
