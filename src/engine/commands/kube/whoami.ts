// `oc whoami` (openshift/oc pkg/cli/whoami): the user, or with a flag the server, console or context.
import type { Cli } from './cli.ts';
import { plainError, reportError } from './cli.ts';
import { apiServerUrl, consoleUrl, contextNickname, currentUser } from './cluster.ts';
import { flagBool, flagString, parseFlags } from './flags.ts';

const whoamiFlags = [
  { name: 'show-token', short: 't', type: 'bool' as const },
  { name: 'show-context', short: 'c', type: 'bool' as const },
  { name: 'show-server', type: 'bool' as const },
  { name: 'show-console', type: 'bool' as const },
  { name: 'output', short: 'o', type: 'string' as const },
];

export async function runWhoami(cli: Cli, argv: string[]): Promise<number> {
  try {
    const flags = parseFlags(argv, whoamiFlags);
    const shows = ['show-token', 'show-context', 'show-server', 'show-console'].filter((f) => flagBool(flags, f));
    if (flagString(flags, 'output') !== '' && shows.length > 0) {
      throw plainError('--output cannot be used with --show-token, --show-context, --show-server, or --show-console');
    }
    const world = cli.ctx.world;
    if (flagBool(flags, 'show-token')) {
      throw plainError(world.source === 'live' ? 'live mode never shows tokens; run oc whoami --show-token in your own shell' : 'no token is currently in use for this session');
    }
    const user = await currentUser(world);
    if (flagBool(flags, 'show-context')) {
      cli.out(contextNickname(cli.ctx.session.namespace, await apiServerUrl(world), user) + '\n');
      return 0;
    }
    if (flagBool(flags, 'show-server')) {
      cli.out((await apiServerUrl(world)) + '\n');
      return 0;
    }
    if (flagBool(flags, 'show-console')) {
      cli.out((await consoleUrl(world)) + '\n');
      return 0;
    }
    cli.out(`${user}\n`);
    return 0;
  } catch (e) {
    return reportError(cli, e, 'whoami');
  }
}
