// `kubectl delete` / `oc delete` (kubectl pkg/cmd/delete): objects named by TYPE NAME…, TYPE/NAME,
// `-l`, `--all` or `-f -`; each DELETE sent with the background cascade (or --cascade's), one line
// per object deleted (`pod "x" deleted`, `route.route.openshift.io "x" deleted`; `-o name`:
// `pod/x`), the server's errors for the others (kubectl continues past them and exits 1), "No
// resources found" when a selector finds nothing. The lab's API server removes a pod at once, so
// the wait kubectl then does for the deletion ends at once too.
import type { Json, RestWrite } from '../../world/types.ts';
import type { ApiResource } from '../../world/kube-resources.ts';
import { kindPrefix, resourcePath } from '../../world/kube-resources.ts';
import { obj, str } from '../../world/json.ts';
import type { Cli } from './cli.ts';
import { plainError } from './cli.ts';
import { discoveredResources, KubeError, listObjects } from './api.ts';
import type { FlagDef, ParsedFlags } from './flags.ts';
import { flagBool, flagList, flagString } from './flags.ts';
import { parseResourceArgs } from './get.ts';
import { dryRunOf, dryRunQuery, dryRunSuffix, manifestsOf, resourceOfManifest, sendWrite, runWriteVerb, type DryRun } from './write-support.ts';

const deleteFlags: FlagDef[] = [
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'cascade', type: 'string' },
  { name: 'dry-run', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'filename', short: 'f', type: 'stringSlice' },
  { name: 'force', type: 'bool' },
  { name: 'grace-period', type: 'int' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'interactive', short: 'i', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'now', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'raw', type: 'string' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'timeout', type: 'duration' },
  { name: 'wait', type: 'bool' },
];

interface Target {
  res: ApiResource;
  namespace: string;
  name: string;
}

export function runDelete(cli: Cli, argv: string[]): Promise<number> {
  return runWriteVerb(cli, 'delete', argv, deleteFlags, (flags) => remove(cli, flags));
}

/** --cascade: background (also `true`), orphan (also `false`) or foreground. */
function propagationOf(flags: ParsedFlags): string {
  const cascade = flagString(flags, 'cascade', 'background');
  if (cascade === 'background' || cascade === 'true') return 'Background';
  if (cascade === 'orphan' || cascade === 'false') return 'Orphan';
  if (cascade === 'foreground') return 'Foreground';
  throw plainError(`invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan"`);
}

async function targetsOf(cli: Cli, flags: ParsedFlags, namespace: string): Promise<{ targets: Target[]; listed: boolean }> {
  const files = flagList(flags, 'filename');
  const served = await discoveredResources(cli.ctx.world);
  if (files.length > 0) {
    const targets = (await manifestsOf(cli, files)).map(({ source, object }) => {
      const res = resourceOfManifest(object, served, source);
      const meta = obj(object.metadata);
      return { res, namespace: str(meta.namespace) || namespace, name: str(meta.name) };
    });
    return { targets, listed: false };
  }
  const selector = flagString(flags, 'selector');
  const all = flagBool(flags, 'all');
  const allNamespaces = flagBool(flags, 'all-namespaces');
  if (flags.args.length === 0) {
    throw plainError(`You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'`);
  }
  const parsed = parseResourceArgs(cli.tool, flags.args, selector !== '' || all, allNamespaces, served);
  if (parsed.named) return { targets: parsed.requests.map((r) => ({ res: r.res, namespace, name: r.name ?? '' })), listed: false };
  if (!all && selector === '' && flagString(flags, 'field-selector') === '') throw plainError('resource(s) were provided, but no name was specified');
  const targets: Target[] = [];
  for (const request of parsed.requests) {
    const { items } = await listObjects(cli.ctx.world, request.res, allNamespaces ? undefined : namespace, { labelSelector: selector || undefined, fieldSelector: flagString(flags, 'field-selector') || undefined });
    for (const o of items) targets.push({ res: request.res, namespace: o.metadata.namespace ?? namespace, name: o.metadata.name });
  }
  return { targets, listed: true };
}

async function remove(cli: Cli, flags: ParsedFlags): Promise<number> {
  const namespace = flagString(flags, 'namespace') || cli.ctx.session.namespace;
  const dryRun: DryRun = dryRunOf(flags);
  const propagationPolicy = propagationOf(flags);
  const output = flagString(flags, 'output');
  if (output !== '' && output !== 'name') throw plainError(`unexpected -o output mode: ${output}. We only support '-o name'`);
  const grace = flags.values.get('grace-period');
  const now = flagBool(flags, 'now');
  const { targets, listed } = await targetsOf(cli, flags, namespace);
  const errors: KubeError[] = [];
  let found = 0;
  for (const t of targets) {
    const body: Record<string, Json> = { propagationPolicy };
    if (typeof grace === 'number' && grace >= 0) body.gracePeriodSeconds = grace;
    else if (now) body.gracePeriodSeconds = 1;
    const write: RestWrite = { method: 'DELETE', path: dryRunQuery(dryRun, resourcePath(t.res, t.namespace, t.name)), body, contentType: 'application/json' };
    try {
      if (dryRun !== 'client') await sendWrite(cli, write);
    } catch (e) {
      if (e instanceof KubeError && e.notFound && flagBool(flags, 'ignore-not-found')) continue;
      if (e instanceof KubeError) {
        errors.push(e);
        continue;
      }
      throw e;
    }
    found++;
    cli.out(output === 'name' ? `${kindPrefix(t.res)}/${t.name}\n` : `${kindPrefix(t.res)} "${t.name}" deleted${dryRunSuffix(dryRun)}\n`);
  }
  if (listed && found === 0 && errors.length === 0) cli.out('No resources found\n');
  for (const e of errors) cli.err(`${e.text}\n`);
  return errors.length > 0 ? 1 : 0;
}
