// `kubectl apply -f -` and `kubectl create -f -` (kubectl pkg/cmd/apply, pkg/cmd/create) over the
// manifests of a here-document. create POSTs each object (`configmap/x created`; the server's
// AlreadyExists "error when creating "STDIN": …"). apply keeps the applied configuration in the
// `kubectl.kubernetes.io/last-applied-configuration` annotation (the manifest with its namespace,
// as Go's compact JSON, keys sorted, and a newline): an object that is not there is created with
// it; one that is gets a three-way patch of the last applied, the new and the live configuration
// (fields the manifest no longer names are removed, those it names set where the live object
// differs), sent as a merge patch: `configured`, or `unchanged` when the patch is empty and
// nothing is sent. The patch replaces a list the manifest changes as a whole where kubectl's
// strategic merge patch would merge it by key; for the lists manifests carry whole (ports,
// containers, a policy's rules) the result is the same.
import type { Json, JsonObject, KubeObject, RestWrite } from '../../world/types.ts';
import type { ApiResource } from '../../world/kube-resources.ts';
import { resourcePath } from '../../world/kube-resources.ts';
import { isJsonObject, obj, parseJson, str, toJson } from '../../world/json.ts';
import { goJsonCompact } from '../../format/kube/json.ts';
import type { Cli } from './cli.ts';
import { plainError } from './cli.ts';
import { discoveredResources, getObject, KubeError } from './api.ts';
import type { FlagDef, ParsedFlags } from './flags.ts';
import { flagList, flagString } from './flags.ts';
import { dryRunOf, dryRunQuery, manifestsOf, printResult, resourceOfManifest, sendWrite, runWriteVerb, type DryRun } from './write-support.ts';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

const fileFlags: FlagDef[] = [
  { name: 'filename', short: 'f', type: 'stringSlice' },
  { name: 'dry-run', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'validate', type: 'string' },
  { name: 'save-config', type: 'bool' },
  { name: 'field-manager', type: 'string' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'template', type: 'string' },
  { name: 'allow-missing-template-keys', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'edit', type: 'bool' },
  { name: 'windows-line-endings', type: 'bool' },
  { name: 'raw', type: 'string' },
];

const applyFlags: FlagDef[] = [
  ...fileFlags.filter((f) => !['edit', 'windows-line-endings', 'raw', 'save-config'].includes(f.name)),
  { name: 'all', type: 'bool' },
  { name: 'cascade', type: 'string' },
  { name: 'force', type: 'bool' },
  { name: 'force-conflicts', type: 'bool' },
  { name: 'grace-period', type: 'int' },
  { name: 'overwrite', type: 'bool' },
  { name: 'prune', type: 'bool' },
  { name: 'server-side', type: 'bool' },
  { name: 'timeout', type: 'duration' },
  { name: 'wait', type: 'bool' },
];

export function runApply(cli: Cli, argv: string[]): Promise<number> {
  return runWriteVerb(cli, 'apply', argv, applyFlags, (flags) => apply(cli, flags));
}

/** `create -f`: the subcommands of create (`create route …`) are their own modules. */
export function runCreateFromFiles(cli: Cli, argv: string[]): Promise<number> {
  return runWriteVerb(cli, 'create', argv, fileFlags, (flags) => create(cli, flags));
}

interface Manifest {
  /** Where it was read: `STDIN` or the file's name. */
  source: string;
  res: ApiResource;
  namespace: string;
  name: string;
  /** The manifest with its namespace, as kubectl sends it. */
  object: JsonObject;
}

async function manifests(cli: Cli, flags: ParsedFlags, verb: string): Promise<Manifest[]> {
  const files = flagList(flags, 'filename');
  if (files.length === 0) {
    throw plainError(verb === 'apply' ? 'must specify one of -f and -k' : 'must specify one of -f and -k');
  }
  const namespace = flagString(flags, 'namespace') || cli.ctx.session.namespace;
  const served = await discoveredResources(cli.ctx.world);
  return (await manifestsOf(cli, files)).map(({ source, object }) => {
    const res = resourceOfManifest(object, served, source);
    const meta = obj(object.metadata);
    const own = str(meta.namespace);
    if (own && flagString(flags, 'namespace') && own !== flagString(flags, 'namespace')) {
      throw plainError(`the namespace from the provided object "${own}" does not match the namespace "${flagString(flags, 'namespace')}". You must pass '--namespace=${own}' to perform this operation.`);
    }
    const ns = res.namespaced ? own || namespace : '';
    const withNamespace: JsonObject = { ...object, metadata: { ...meta, ...(res.namespaced ? { namespace: ns } : {}) } };
    return { source, res, namespace: ns, name: str(meta.name), object: withNamespace };
  });
}

async function create(cli: Cli, flags: ParsedFlags): Promise<number> {
  const dryRun = dryRunOf(flags);
  let failed = false;
  for (const m of await manifests(cli, flags, 'create')) {
    try {
      const created = dryRun === 'client' ? asObject(m.object) : await post(cli, m, dryRun);
      printResult(cli, flags, m.res, created, 'created', dryRun);
    } catch (e) {
      if (!(e instanceof KubeError)) throw e;
      cli.err(`${e.text}\n`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

function asObject(o: JsonObject): KubeObject {
  const meta = obj(o.metadata);
  return { ...o, apiVersion: str(o.apiVersion), kind: str(o.kind), metadata: { ...meta, name: str(meta.name) } };
}

function post(cli: Cli, m: Manifest, dryRun: DryRun): Promise<KubeObject> {
  const write: RestWrite = { method: 'POST', path: dryRunQuery(dryRun, `${resourcePath(m.res, m.namespace)}?fieldManager=kubectl-client-side-apply&fieldValidation=Strict`), body: m.object, contentType: 'application/json' };
  return sendWrite(cli, write, `error when creating "${m.source}"`);
}

/** The manifest with the annotation that records it (kubectl's GetModifiedConfiguration). */
function withLastApplied(object: JsonObject): { modified: JsonObject } {
  const meta = obj(object.metadata);
  const annotations = { ...obj(meta.annotations) };
  delete annotations[LAST_APPLIED];
  const recorded: JsonObject = { ...object, metadata: { ...meta, annotations } };
  const applied = `${goJsonCompact(recorded)}\n`;
  return { modified: { ...object, metadata: { ...meta, annotations: { ...annotations, [LAST_APPLIED]: applied } } } };
}

/** The three-way patch: what the last applied configuration had and the new one drops becomes
 * null; what the new one has and the live object lacks or holds otherwise is set. */
function threeWay(original: Json | undefined, modified: JsonObject, current: Json): JsonObject {
  const patch: JsonObject = {};
  const before = isJsonObject(original) ? original : {};
  const live = isJsonObject(current) ? current : {};
  for (const key of Object.keys(before)) if (!(key in modified)) patch[key] = null;
  for (const [key, value] of Object.entries(modified)) {
    const was = live[key];
    if (isJsonObject(value) && isJsonObject(was)) {
      const inner = threeWay(before[key], value, was);
      if (Object.keys(inner).length > 0) patch[key] = inner;
    } else if (goJsonCompact(value) !== goJsonCompact(was ?? null) || was === undefined) {
      patch[key] = value;
    }
  }
  return patch;
}

async function apply(cli: Cli, flags: ParsedFlags): Promise<number> {
  const dryRun = dryRunOf(flags);
  let failed = false;
  for (const m of await manifests(cli, flags, 'apply')) {
    const { modified } = withLastApplied(m.object);
    let live: KubeObject | undefined;
    try {
      live = await getObject(cli.ctx.world, m.res, m.namespace, m.name);
    } catch (e) {
      if (!(e instanceof KubeError) || !e.notFound) throw e;
    }
    try {
      if (!live) {
        const created = dryRun === 'client' ? asObject(modified) : await post(cli, { ...m, object: modified }, dryRun);
        printResult(cli, flags, m.res, created, 'created', dryRun);
        continue;
      }
      const recorded = live.metadata.annotations?.[LAST_APPLIED];
      if (recorded === undefined) {
        cli.err(`Warning: resource ${m.res.plural}/${m.name} is missing the ${LAST_APPLIED} annotation which is required by ${cli.tool} apply. ${cli.tool} apply should only be used on resources created declaratively by either ${cli.tool} create --save-config or ${cli.tool} apply. The missing annotation will be patched automatically.\n`);
      }
      let original: Json | undefined;
      try {
        original = recorded ? parseJson(recorded) : undefined;
      } catch {
        original = undefined;
      }
      const patch = threeWay(original, modified, toJson(live) ?? null);
      if (Object.keys(patch).length === 0) {
        printResult(cli, flags, m.res, live, 'unchanged', dryRun);
        continue;
      }
      const write: RestWrite = { method: 'PATCH', path: dryRunQuery(dryRun, `${resourcePath(m.res, m.namespace, m.name)}?fieldManager=kubectl-client-side-apply&fieldValidation=Strict`), body: patch, contentType: 'application/merge-patch+json' };
      const result = dryRun === 'client' ? live : await sendWrite(cli, write, 'error when applying patch');
      printResult(cli, flags, m.res, result, 'configured', dryRun);
    } catch (e) {
      if (!(e instanceof KubeError)) throw e;
      cli.err(`${e.text}\n`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
}
