// `aro-labs bridge`: serves the reader's live world to the page's terminal on 127.0.0.1 until
// Ctrl-C. The URL it prints carries a random token made for this run.
import { chosenCluster, clusterOptions, UsageError, write, type CliCommand } from './common.ts';

export const bridgeCommand: CliCommand = {
  name: 'bridge',
  usage: 'bridge --cluster NAME -g GROUP [--port N] [--origin URL ...]',
  summary: "Serve your cluster, read-only, to the page's terminal (Connect to my cluster); Ctrl-C stops it.",
  options: {
    ...clusterOptions,
    port: { type: 'string' },
    origin: { type: 'string', multiple: true },
  },
  async run(values, positionals) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const { cluster, group } = chosenCluster(values, 'the bridge');
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port: "${String(values.port)}" is not a port number`);
    const [{ createLiveWorld }, { startBridge, pageOrigin, OriginError, DEFAULT_ORIGINS }] = await Promise.all([import('../live/world.ts'), import('../live/bridge.ts')]);
    const given = [
      ...((values.origin as string[] | undefined) ?? []).map((value) => ({ value, from: '--origin' })),
      ...(process.env.ARO_LABS_ORIGINS ?? '').split(',').filter(Boolean).map((value) => ({ value, from: 'ARO_LABS_ORIGINS' })),
    ];
    const origins = given.map(({ value, from }) => {
      try {
        return pageOrigin(value);
      } catch (error) {
        if (error instanceof OriginError) throw new UsageError(`${from}: ${error.message}`);
        throw error;
      }
    });
    const world = await createLiveWorld({ cluster, group });
    const allowed = [...DEFAULT_ORIGINS, ...origins];
    const bridge = await startBridge({ world, origins: allowed, port });
    await write(
      process.stdout,
      [
        `ARO Packet Labs bridge for cluster ${cluster} (resource group ${group}), read-only, on 127.0.0.1 only.`,
        'Paste this URL into "Connect to my cluster" under a chapter\'s terminal:',
        '',
        `  ${bridge.url}`,
        '',
        `Pages allowed to connect: ${allowed.join(', ')} (add one with --origin URL).`,
        'Ctrl-C stops the bridge; the page then goes back to its lab.',
        '',
      ].join('\n'),
    );
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await bridge.close();
    return 0;
  },
};
