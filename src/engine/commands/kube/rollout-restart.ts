// `kubectl rollout restart` / `oc rollout restart` (kubectl 1.32 pkg/cmd/rollout/rollout_restart.go
// and polymorphichelpers' defaultObjectRestarter, checked against kubectl 1.32 on the lab's API
// server): a Deployment, DaemonSet or StatefulSet gets the annotation
// `kubectl.kubernetes.io/restartedAt` in its pod template (RFC 3339, the lab's clock where kubectl
// takes its own), sent as a strategic merge patch; the controllers then roll out new pods. A type
// alone restarts every object of it; another kind is "restarting is not supported"; a restart at
// the same second as the last one changes nothing, and kubectl says so. oc runs kubectl's command
// (openshift/oc has no restarter of its own), its scheme reading DeploymentConfigs.
import { field } from '../../world/json.ts';
import { qualifiedPlural } from '../../world/kube-resources.ts';
import { KubeError } from './api.ts';
import type { Cli } from './cli.ts';
import { plainError } from './cli.ts';
import type { FlagDef, ParsedFlags } from './flags.ts';
import { flagString } from './flags.ts';
import { schemeRefusal } from './kubectl-scheme.ts';
import { objectPath, Problems, sendWrite, visitTargets, writePrinter } from './write-targets.ts';

export const restartFlags: FlagDef[] = [
  { name: 'allow-missing-template-keys', type: 'bool' },
  { name: 'field-manager', type: 'string' },
  { name: 'filename', short: 'f', type: 'stringSlice' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'template', type: 'string' },
];

const RESTARTABLE = new Set(['apps/Deployment', 'apps/DaemonSet', 'apps/StatefulSet']);
const ANNOTATION = 'kubectl.kubernetes.io/restartedAt';

/** RFC 3339 at a second, as Go's time.Format(time.RFC3339) writes a UTC time. */
const rfc3339 = (iso: string) => `${new Date(Date.parse(iso)).toISOString().slice(0, 19)}Z`;

export async function restart(cli: Cli, flags: ParsedFlags): Promise<number> {
  if (flags.args.length === 0) throw plainError('required resource not specified');
  if (flags.values.has('filename') || flagString(flags, 'kustomize')) throw plainError('-f and -k are not available with rollout restart in this lab terminal');
  const print = writePrinter(cli, flagString(flags, 'output'), 'restarted', 'none');
  const namespace = flagString(flags, 'namespace') || cli.ctx.session.namespace;
  const { targets, errors } = await visitTargets(cli, flags.args, { namespace, selector: flagString(flags, 'selector'), all: false, typeMeansAll: true });
  const problems = new Problems();
  for (const e of errors) problems.addError(e);
  const decoded = targets.filter((t) => {
    const refusal = schemeRefusal(cli.tool, t.res);
    if (refusal) problems.addError(refusal);
    return !refusal;
  });
  if (decoded.length === 0 && problems.size === 0) {
    cli.err(`No resources found in ${namespace} namespace.\n`);
    return 0;
  }
  const at = rfc3339(cli.ctx.world.info.clock);
  for (const target of decoded) {
    const { res, object } = target;
    const { name } = object.metadata;
    if (!RESTARTABLE.has(`${res.group}/${res.kind}`)) {
      problems.add(`error: ${qualifiedPlural(res)} "${name}" restarting is not supported`);
      continue;
    }
    if (object.kind === 'Deployment' && object.spec?.paused === true) {
      problems.add(`error: ${qualifiedPlural(res)} "${name}" can't restart paused deployment (run rollout resume first)`);
      continue;
    }
    if (field(object.spec, 'template', 'metadata', 'annotations', ANNOTATION) === at) {
      problems.add(`failed to create patch for ${name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`);
      continue;
    }
    const patch = { spec: { template: { metadata: { annotations: { [ANNOTATION]: at } } } } };
    const manager = encodeURIComponent(flagString(flags, 'field-manager') || 'kubectl-rollout');
    try {
      print(target, await sendWrite(cli, { method: 'PATCH', path: `${objectPath(res, object.metadata.namespace, name)}?fieldManager=${manager}`, body: patch, contentType: 'application/strategic-merge-patch+json' }));
    } catch (e) {
      if (!(e instanceof KubeError)) throw e;
      problems.add(`failed to patch: ${e.text.replace(/^Error from server(?: \([^)]*\))?: /, '')}`);
    }
  }
  return problems.report(cli);
}
