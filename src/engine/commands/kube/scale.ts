// `kubectl scale` / `oc scale` (kubectl 1.32 pkg/cmd/scale, checked against kubectl 1.32 on the
// lab's API server): --replicas is required (cobra's "required flag(s)"), and must not be
// negative; the objects the arguments name are read, then each one's scale subresource gets the
// merge patch `{"spec":{"replicas":N}}` (ScaleSimple; with --current-replicas or
// --resource-version the Scale is read, checked and written back instead), and the object as it
// was read is printed as `kind.group/name scaled`. An object that could not be read is reported at
// the end; when none could, "no objects passed to scale" carries the errors.
import { flagBool, flagString, type FlagDef, type ParsedFlags } from './flags.ts';
import type { Cli } from './cli.ts';
import { plainError, runVerb } from './cli.ts';
import { KubeError, serverError } from './api.ts';
import { field, isJsonObject, obj, str } from '../../world/json.ts';
import { liveRefusal, objectPath, Problems, sendWrite, visitTargets, writePrinter } from './write-targets.ts';
import { dryRunOf, type DryRun } from './write-support.ts';

const scaleFlags: FlagDef[] = [
  { name: 'all', type: 'bool' },
  { name: 'allow-missing-template-keys', type: 'bool' },
  { name: 'current-replicas', type: 'int' },
  { name: 'dry-run', type: 'string' },
  { name: 'filename', short: 'f', type: 'stringSlice' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'replicas', type: 'int' },
  { name: 'resource-version', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'template', type: 'string' },
  { name: 'timeout', type: 'duration' },
];

/** The message of an API error, without kubectl's "Error from server (Reason): " (an aggregate lists messages). */
const messageOf = (e: KubeError) => e.text.replace(/^Error from server(?: \([^)]*\))?: /, '').replace(/^error: /, '');

export function runScale(cli: Cli, argv: string[]): Promise<number> {
  const refusal = liveRefusal(cli, 'scale');
  if (refusal) {
    cli.err(refusal);
    return Promise.resolve(1);
  }
  return runVerb(cli, 'scale', argv, scaleFlags, (flags) => scale(cli, flags));
}

async function scale(cli: Cli, flags: ParsedFlags): Promise<number> {
  if (!flags.values.has('replicas')) throw new KubeError('error: required flag(s) "replicas" not set');
  const replicas = Number(flags.values.get('replicas'));
  if (replicas < 0) throw plainError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  if (flags.values.has('filename') || flagString(flags, 'kustomize')) throw plainError('-f and -k are not available with scale in this lab terminal');
  const dryRun = dryRunOf(flags);
  const print = writePrinter(cli, flagString(flags, 'output'), 'scaled', dryRun);
  if (flags.args.length === 0) {
    throw plainError("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
  }
  const namespace = flagString(flags, 'namespace') || cli.ctx.session.namespace;
  const { targets, errors } = await visitTargets(cli, flags.args, { namespace, selector: flagString(flags, 'selector'), all: flagBool(flags, 'all') });
  if (targets.length === 0) {
    const reasons = errors.map(messageOf);
    throw plainError(`no objects passed to scale${reasons.length === 0 ? '' : reasons.length === 1 ? ` ${reasons[0]}` : ` [${reasons.join(', ')}]`}`);
  }
  const resourceVersion = flagString(flags, 'resource-version');
  if (resourceVersion && targets.length > 1) throw plainError('cannot use --resource-version with multiple resources');
  const current = flags.values.has('current-replicas') ? Number(flags.values.get('current-replicas')) : -1;
  for (const target of targets) {
    if (dryRun !== 'client') {
      const { name, namespace: ns } = target.object.metadata;
      const path = objectPath(target.res, ns, name, 'scale');
      const query = dryRun === 'server' ? '?dryRun=All' : '';
      if (current === -1 && !resourceVersion) await sendWrite(cli, { method: 'PATCH', path: path + query, body: { spec: { replicas } }, contentType: 'application/merge-patch+json' });
      else await scaleWithPreconditions(cli, path, query, replicas, current, resourceVersion);
    }
    print(target);
  }
  const problems = new Problems();
  for (const e of errors) problems.addError(e);
  return problems.report(cli);
}

/** ScaleSimple with a precondition: the Scale read first (ScalePrecondition.ValidateScale), then
 * written back with the new count. */
async function scaleWithPreconditions(cli: Cli, path: string, query: string, replicas: number, current: number, resourceVersion: string): Promise<void> {
  const answer = await cli.ctx.world.kube(path);
  if (answer.status !== 200 || !isJsonObject(answer.body)) throw serverError(answer.status, answer.body, 'the server could not find the requested resource');
  const scale = answer.body;
  const actual = Number(field(scale, 'spec', 'replicas') ?? 0);
  if (current !== -1 && actual !== current) throw plainError(`Expected replicas to be ${current}, was ${actual}`);
  const version = str(field(scale, 'metadata', 'resourceVersion'));
  if (resourceVersion && version !== resourceVersion) throw plainError(`Expected resource version to be ${resourceVersion}, was ${version}`);
  await sendWrite(cli, { method: 'PUT', path: path + query, body: { ...scale, spec: { ...obj(scale.spec), replicas } } });
}
