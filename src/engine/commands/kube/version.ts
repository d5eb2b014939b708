// `kubectl version` (kubectl 1.32 pkg/cmd/version): the client's build, kustomize's, the server's
// /version, and the skew warning when client and server are more than one minor release apart.
// The client is the kubectl 1.32 release the lab imitates (its own `kubectl version --client -o json`).
import type { Cli } from './cli.ts';
import { plainError, runVerb } from './cli.ts';
import { flagBool, flagString } from './flags.ts';
import { kubectlYaml } from '../../format/kube/yaml.ts';
import { VERSION_HELP } from './help-client.ts';
import { KubeError } from './api.ts';
import { field, parseJson, str, type Json } from '../../world/json.ts';

export const CLIENT_VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.5',
  gitCommit: '9894294ef13a5b32803e3ca2c0d620a088cc84d1',
  gitTreeState: 'clean',
  buildDate: '2025-05-15T09:12:10Z',
  goVersion: 'go1.23.8',
  compiler: 'gc',
  platform: 'linux/amd64',
};
export const KUSTOMIZE_VERSION = 'v5.5.0';

/** version.Info's fields in its struct's order: what json.MarshalIndent prints, empty ones included. */
const INFO_FIELDS = ['major', 'minor', 'gitVersion', 'gitCommit', 'gitTreeState', 'buildDate', 'goVersion', 'compiler', 'platform'] as const;

function info(o: Json): Record<string, string> {
  return Object.fromEntries(INFO_FIELDS.map((k) => [k, str(field(o, k))]));
}

/** version.ParseSemantic's major and minor, or undefined for a text that is not semver. */
function semverMinor(text: string): [number, number] | undefined {
  const m = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.exec(text);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

export function runVersion(cli: Cli, argv: string[]): Promise<number> {
  const defs = [
    { name: 'client', type: 'bool' as const },
    { name: 'output', short: 'o', type: 'string' as const },
  ];
  return runVerb(cli, 'version', argv, defs, async (flags) => {
    if (flagBool(flags, 'help')) {
      cli.out(VERSION_HELP);
      return 0;
    }
    const clientOnly = flagBool(flags, 'client');
    const output = flagString(flags, 'output');
    if (!clientOnly && flags.args.length > 0) throw plainError(`extra arguments: [${flags.args.join(' ')}]`);
    if (output !== '' && output !== 'yaml' && output !== 'json') throw plainError("--output must be 'yaml' or 'json'");
    let server: Record<string, string> | undefined;
    let serverError: KubeError | undefined;
    if (!clientOnly) {
      const answer = await cli.ctx.world.kube('/version');
      if (answer.failure || answer.status !== 200) serverError = new KubeError('error: the server could not be asked for its version');
      else server = info(typeof answer.body === 'string' ? parseJson(answer.body) : answer.body);
    }
    const document = { clientVersion: CLIENT_VERSION, kustomizeVersion: KUSTOMIZE_VERSION, ...(server ? { serverVersion: server } : {}) };
    if (output === '') {
      cli.out(`Client Version: ${CLIENT_VERSION.gitVersion}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
      if (server) cli.out(`Server Version: ${server.gitVersion}\n`);
    } else if (output === 'json') cli.out(JSON.stringify(document, null, 2) + '\n');
    else cli.out(kubectlYaml(document) + '\n');
    if (server) {
      const client = semverMinor(CLIENT_VERSION.gitVersion)!;
      const theirs = semverMinor(server.gitVersion);
      if (!theirs) throw plainError(`could not parse "${server.gitVersion}" as version`);
      if (client[0] !== theirs[0] || Math.abs(client[1] - theirs[1]) > 1) {
        cli.err(`WARNING: version difference between client (${client[0]}.${client[1]}) and server (${theirs[0]}.${theirs[1]}) exceeds the supported minor version skew of +/-1\n`);
      }
    }
    if (serverError) throw serverError;
    return 0;
  });
}
