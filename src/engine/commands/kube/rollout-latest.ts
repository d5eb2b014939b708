// `oc rollout latest` (openshift/oc pkg/cli/rollout/latest.go, read from its source: no oc binary
// runs here): one DeploymentConfig, named `NAME` or `dc/NAME`; a paused one, or one whose latest
// replication controller is still rolling out, is refused; otherwise the config's `instantiate`
// subresource gets a DeploymentRequest (latest, force) and oc prints
// `deploymentconfig.apps.openshift.io/NAME rolled out`. The deploymentconfig controller then rolls
// out the next version.
import { field } from '../../world/json.ts';
import { resolveResource } from '../../world/kube-resources.ts';
import { discoveredResources, getObject, KubeError } from './api.ts';
import type { Cli } from './cli.ts';
import { plainError } from './cli.ts';
import type { FlagDef, ParsedFlags } from './flags.ts';
import { flagBool, flagString } from './flags.ts';
import { objectPath, sendWrite, writePrinter } from './write-targets.ts';
import { dryRunOf, type DryRun } from './write-support.ts';

export const latestFlags: FlagDef[] = [
  { name: 'again', type: 'bool' },
  { name: 'allow-missing-template-keys', type: 'bool' },
  { name: 'dry-run', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'template', type: 'string' },
];

/** appsutil.IsTerminatedDeployment: a replication controller's deployment is Complete or Failed. */
const terminated = (phase: unknown) => phase === 'Complete' || phase === 'Failed';

export async function latest(cli: Cli, flags: ParsedFlags): Promise<number> {
  if (flags.args.length !== 1) throw plainError('one deployment config name is needed as argument.');
  const dryRun = dryRunOf(flags);
  const print = writePrinter(cli, flagString(flags, 'output'), 'rolled out', dryRun);
  const namespace = flagString(flags, 'namespace') || cli.ctx.session.namespace;
  const served = await discoveredResources(cli.ctx.world);
  // ResourceNames("deploymentconfigs", arg): a bare name is a DeploymentConfig's.
  const [typed, name] = flags.args[0].includes('/') ? flags.args[0].split('/', 2) : ['deploymentconfigs', flags.args[0]];
  const resolved = resolveResource(typed, served);
  if (!resolved.ok) throw plainError(`the server doesn't have a resource type "${resolved.resourceName}"`);
  const res = resolved.resource;
  const object = await getObject(cli.ctx.world, res, namespace, name);
  if (object.kind !== 'DeploymentConfig') throw plainError(`${name} is not a deployment config`);
  if (object.spec?.paused === true) throw plainError('cannot deploy a paused deployment config');
  const version = Number(field(object.status, 'latestVersion') ?? 0);
  const rcs = resolveResource('replicationcontrollers', served);
  if (rcs.ok) {
    try {
      const rc = await getObject(cli.ctx.world, rcs.resource, namespace, `${name}-${version}`);
      const phase = rc.metadata.annotations?.['openshift.io/deployment.phase'];
      if (!terminated(phase)) throw plainError(`#${version} is already in progress (${phase ?? 'New'}).`);
    } catch (e) {
      if (!(e instanceof KubeError) || !e.notFound) throw e;
    }
  }
  let written = object;
  if (dryRun !== 'client') {
    const body = { kind: 'DeploymentRequest', apiVersion: 'apps.openshift.io/v1', name, latest: !flagBool(flags, 'again'), force: true };
    written = (await sendWrite(cli, { method: 'POST', path: objectPath(res, namespace, name, 'instantiate') + (dryRun === 'server' ? '?dryRun=All' : ''), body }));
  }
  print({ res, object }, written);
  return 0;
}
