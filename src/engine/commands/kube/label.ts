// `kubectl label` and `kubectl annotate` (kubectl pkg/cmd/label, pkg/cmd/annotate): TYPE NAME… or
// TYPE/NAME, then `key=value` and `key-` arguments; each object is read, its labels (annotations)
// changed, and the change sent as a JSON merge patch. A key that has another value is refused
// without --overwrite, in each command's words. kubectl label says `labeled`, `unlabeled` when it
// only removed, `not labeled` when nothing changed; annotate always says `annotated`.
import type { RestWrite } from '../../world/types.ts';
import { resourcePath } from '../../world/kube-resources.ts';
import type { Cli } from './cli.ts';
import { plainError } from './cli.ts';
import { discoveredResources, getObject, listObjects } from './api.ts';
import type { FlagDef, ParsedFlags } from './flags.ts';
import { flagBool, flagString } from './flags.ts';
import { parseResourceArgs } from './get.ts';
import { dryRunOf, dryRunQuery, printResult, sendWrite, runWriteVerb } from './write-support.ts';

const metaFlags: FlagDef[] = [
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'dry-run', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'filename', short: 'f', type: 'stringSlice' },
  { name: 'list', type: 'bool' },
  { name: 'local', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'overwrite', type: 'bool' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'resource-version', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'template', type: 'string' },
  { name: 'allow-missing-template-keys', type: 'bool' },
  { name: 'field-manager', type: 'string' },
];

type Which = 'label' | 'annotate';

export function runLabel(cli: Cli, argv: string[]): Promise<number> {
  return runMeta(cli, argv, 'label');
}

export function runAnnotate(cli: Cli, argv: string[]): Promise<number> {
  return runMeta(cli, argv, 'annotate');
}

function runMeta(cli: Cli, argv: string[], which: Which): Promise<number> {
  return runWriteVerb(cli, which, argv, metaFlags, (flags) => change(cli, flags, which));
}

/** The arguments that change keys (`k=v`, `k-`) and those that name objects. */
function splitArgs(args: string[], which: Which): { resources: string[]; set: Map<string, string>; remove: string[] } {
  const resources: string[] = [];
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const a of args) {
    if (a.includes('=')) {
      const at = a.indexOf('=');
      set.set(a.slice(0, at), a.slice(at + 1));
    } else if (a.endsWith('-') && resources.length > 0) remove.push(a.slice(0, -1));
    else resources.push(a);
  }
  if (set.size === 0 && remove.length === 0) throw plainError(which === 'label' ? 'at least one label update is required' : 'at least one annotation update is required');
  for (const key of remove) if (set.has(key)) throw plainError(`can not both modify and remove ${which === 'label' ? 'a label' : 'an annotation'} in the same command`);
  return { resources, set, remove };
}

async function change(cli: Cli, flags: ParsedFlags, which: Which): Promise<number> {
  const namespace = flagString(flags, 'namespace') || cli.ctx.session.namespace;
  const { resources, set, remove } = splitArgs(flags.args, which);
  if (resources.length === 0) throw plainError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  const dryRun = dryRunOf(flags);
  const overwrite = flagBool(flags, 'overwrite');
  const selector = flagString(flags, 'selector');
  const all = flagBool(flags, 'all');
  const served = await discoveredResources(cli.ctx.world);
  const parsed = parseResourceArgs(cli.tool, resources, selector !== '' || all, false, served);
  const objects = [];
  for (const request of parsed.requests) {
    if (request.name !== undefined) objects.push({ res: request.res, object: await getObject(cli.ctx.world, request.res, namespace, request.name) });
    else if (all || selector) {
      for (const object of (await listObjects(cli.ctx.world, request.res, namespace, { labelSelector: selector || undefined })).items) objects.push({ res: request.res, object });
    } else throw plainError('resource(s) were provided, but no name was specified');
  }
  const field = which === 'label' ? 'labels' : 'annotations';
  for (const { res, object } of objects) {
    const before: Record<string, string> = { ...(object.metadata[field] ?? {}) };
    if (!overwrite) {
      const clashes = [...set].filter(([k, v]) => before[k] !== undefined && before[k] !== v);
      if (clashes.length > 0) {
        if (which === 'label') throw plainError(`'${clashes[0][0]}' already has a value (${before[clashes[0][0]]}), and --overwrite is false`);
        throw plainError(`--overwrite is false but found the following declared annotation(s): ${clashes.map(([k]) => `'${k}' already has a value (${before[k]})`).join('; ')}`);
      }
    }
    const after: Record<string, string> = { ...before };
    for (const key of remove) {
      // kubectl label says so of a label that is not there; annotate says nothing.
      if (!(key in after) && which === 'label') cli.out(`label "${key}" not found.\n`);
      delete after[key];
    }
    for (const [k, v] of set) after[k] = v;
    const patch: Record<string, string | null> = {};
    for (const k of Object.keys(before)) if (!(k in after)) patch[k] = null;
    for (const [k, v] of Object.entries(after)) if (before[k] !== v) patch[k] = v;
    const changed = Object.keys(patch).length > 0;
    const metadata: Record<string, Record<string, string | null> | string> = { [field]: patch };
    const version = flagString(flags, 'resource-version');
    if (version) metadata.resourceVersion = version;
    let result = object;
    if (dryRun !== 'client') {
      const write: RestWrite = { method: 'PATCH', path: dryRunQuery(dryRun, resourcePath(res, object.metadata.namespace ?? namespace, object.metadata.name)), body: changed || version ? { metadata } : {}, contentType: 'application/merge-patch+json' };
      result = await sendWrite(cli, write);
    }
    const operation = which === 'annotate' ? 'annotated' : !changed ? 'not labeled' : Object.keys(after).length < Object.keys(before).length && !overwrite ? 'unlabeled' : 'labeled';
    printResult(cli, flags, res, result, operation, dryRun);
  }
  return 0;
}
