// `oc version` (openshift/oc pkg/cli/version): the client's release, kustomize's, the cluster's
// OpenShift version (the first Completed update of clusterversion/version's history; nothing when
// the cluster has none) and the API server's Kubernetes version; no skew warning. The lab's oc is
// the one of the cluster's own release (what its console offers for download), so its client
// version is the cluster's; from OpenShift 4.17 oc is built on kubectl 1.30+ libraries and names
// kustomize v5 (the lab prints kubectl 1.32's, v5.5.0), 4.3's oc printed no kustomize line.
// -o json|yaml would print the client's build (commit, date, Go version), which the lab does not
// know: not available here.
import type { Cli } from './cli.ts';
import { plainError, runVerb } from './cli.ts';
import { flagBool, flagString } from './flags.ts';
import { KUSTOMIZE_VERSION } from './version.ts';
import { arr, field, optStr, parseJson } from '../../world/json.ts';

function completedVersion(body: unknown): string | undefined {
  const completed = arr(field(body, 'status', 'history')).find((h) => field(h, 'state') === 'Completed');
  return optStr(field(completed, 'version'));
}

export function runOcVersion(cli: Cli, argv: string[]): Promise<number> {
  const defs = [
    { name: 'client', type: 'bool' as const },
    { name: 'output', short: 'o', type: 'string' as const },
  ];
  return runVerb(cli, 'version', argv, defs, async (flags) => {
    if (flagBool(flags, 'help')) {
      cli.out('Print the OpenShift client, kube-apiserver, and openshift-apiserver versions for the current context.\n\nUsage:\n  oc version [flags]\n\nOptions:\n    --client=false:\n\tClient version only (no server required).\n\n    -o, --output=\'\':\n\tOne of \'yaml\' or \'json\'.\n\nUse "oc options" for a list of global command-line options (applies to all commands).\n');
      return 0;
    }
    const output = flagString(flags, 'output');
    if (output !== '' && output !== 'yaml' && output !== 'json') throw plainError("--output must be 'yaml' or 'json'");
    if (output !== '') throw plainError('oc version -o json|yaml is not available in this lab terminal');
    const world = cli.ctx.world;
    const cv = await world.kube('/apis/config.openshift.io/v1/clusterversions/version');
    const openshift = cv.status === 200 ? completedVersion(cv.body) : undefined;
    let out = openshift ? `Client Version: ${openshift}\n` : '';
    const minor = Number(/^4\.(\d+)\./.exec(openshift ?? '')?.[1] ?? 0);
    if (minor >= 17) out += `Kustomize Version: ${KUSTOMIZE_VERSION}\n`;
    if (!flagBool(flags, 'client')) {
      if (openshift) out += `Server Version: ${openshift}\n`;
      const v = await world.kube('/version');
      if (v.status === 200) {
        const gitVersion = field(typeof v.body === 'string' ? parseJson(v.body) : v.body, 'gitVersion');
        if (gitVersion) out += `Kubernetes Version: ${String(gitVersion)}\n`;
      }
    }
    cli.out(out);
    return 0;
  });
}
