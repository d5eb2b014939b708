// `kubectl set env` (kubectl 1.32 pkg/cmd/set/set_env.go and set/env, checked against kubectl 1.32
// on the lab's API server) and `oc set env` (openshift/oc pkg/cli/set/env.go, read from its source):
// `NAME=value` sets, `NAME-` removes, in the containers `-c` matches (a glob, every one by
// default) of a pod or a pod template; `--list` prints the variables instead. kubectl sends only a
// change (none: nothing printed) and says `env updated`; oc sends the patch whatever it holds and says
// `updated`, and takes DeploymentConfigs, which kubectl's scheme cannot read. The write is a JSON
// patch of the containers' env lists, which leaves the object as kubectl's strategic merge patch
// would; the workload controllers then roll the template out.
import type { Json, KubeObject } from '../../world/types.ts';
import { arr, field, isJsonObject, optStr, str } from '../../world/json.ts';
import { kindPrefix } from '../../world/kube-resources.ts';
import type { Cli } from './cli.ts';
import { plainError, runVerb } from './cli.ts';
import type { FlagDef, ParsedFlags } from './flags.ts';
import { flagBool, flagList, flagString } from './flags.ts';
import { KubeError } from './api.ts';
import { schemeRefusal } from './kubectl-scheme.ts';
import { liveRefusal, objectPath, Problems, sendWrite, visitTargets, writePrinter, type Target } from './write-targets.ts';
import { dryRunOf, type DryRun } from './write-support.ts';

const envFlags: FlagDef[] = [
  { name: 'all', type: 'bool' },
  { name: 'allow-missing-template-keys', type: 'bool' },
  { name: 'containers', short: 'c', type: 'string' },
  { name: 'dry-run', type: 'string' },
  { name: 'env', short: 'e', type: 'stringSlice' },
  { name: 'field-manager', type: 'string' },
  { name: 'filename', short: 'f', type: 'stringSlice' },
  { name: 'from', type: 'string' },
  { name: 'keys', type: 'stringSlice' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'list', type: 'bool' },
  { name: 'local', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'overwrite', type: 'bool' },
  { name: 'prefix', type: 'string' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'resolve', type: 'bool' },
  { name: 'resource-version', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'template', type: 'string' },
];

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: Json;
}

// envutil.IsEnvironmentArgument: `NAME=…` (a removal ends with `-`).
const isEnvArgument = (s: string) => /^.+=/s.test(s) || s.endsWith('-');

/** SplitEnvironmentFromResources: the resources first, then the variables. */
function splitArgs(args: string[]): { resources: string[]; envArgs: string[] } | undefined {
  const at = args.findIndex(isEnvArgument);
  if (at < 0) return { resources: args, envArgs: [] };
  if (args.slice(at).some((a) => !isEnvArgument(a))) return undefined;
  return { resources: args.slice(0, at), envArgs: args.slice(at) };
}

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** envutil.ParseEnv. */
function parseEnv(specs: string[]): { env: EnvVar[]; remove: string[] } {
  const env: EnvVar[] = [];
  const remove: string[] = [];
  for (const spec of specs) {
    if (spec === '-') throw plainError('reading variables from standard input is not available in this lab terminal');
    if (spec.includes('=')) {
      const name = spec.slice(0, spec.indexOf('='));
      if (!ENV_NAME.test(name)) {
        throw plainError(`"${name}" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnv1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')`);
      }
      env.push({ name, value: spec.slice(spec.indexOf('=') + 1) });
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
    else throw plainError(`unknown environment variable: ${spec}`);
  }
  if (remove.some((name) => env.some((e) => e.name === name))) throw plainError('can not both modify and remove the same environment variable in the same command');
  return { env, remove };
}

/** updateEnv: removals go, a variable set again keeps its place, new ones come last. */
function updateEnv(existing: EnvVar[], env: EnvVar[], remove: string[]): EnvVar[] {
  const covered = new Set(remove);
  const out: EnvVar[] = [];
  for (const e of existing) {
    if (covered.has(e.name)) continue;
    const newer = env.find((n) => n.name === e.name);
    if (newer) {
      covered.add(e.name);
      out.push(newer);
    } else out.push(e);
  }
  for (const e of env) {
    if (covered.has(e.name)) continue;
    covered.add(e.name);
    out.push(e);
  }
  return out;
}

/** Where the object keeps its pod spec (UpdatePodSpecForObject), or undefined when it has none. */
function podSpecPath(object: KubeObject): string[] | undefined {
  if (object.kind === 'Pod') return ['spec'];
  if (['ReplicationController', 'Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet', 'Job', 'DeploymentConfig'].includes(object.kind)) return ['spec', 'template', 'spec'];
  if (object.kind === 'CronJob') return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
  return undefined;
}

/** path.Match of a container name against `-c` (`*`, `?`, `[…]`). */
function globMatch(pattern: string, name: string): boolean {
  const source = pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${source}$`).test(name);
}

const envOf = (container: Json): EnvVar[] =>
  arr(field(container, 'env'))
    .filter(isJsonObject)
    .map((e) => ({ name: str(e.name), ...(e.value !== undefined ? { value: str(e.value) } : {}), ...(e.valueFrom !== undefined ? { valueFrom: e.valueFrom } : {}) }));

/** GetEnvVarRefString. */
function refString(from: Json | undefined): string {
  const ref = (key: string) => field(from, key);
  if (ref('configMapKeyRef')) return `configmap ${str(field(from, 'configMapKeyRef', 'name'))}, key ${str(field(from, 'configMapKeyRef', 'key'))}`;
  if (ref('secretKeyRef')) return `secret ${str(field(from, 'secretKeyRef', 'name'))}, key ${str(field(from, 'secretKeyRef', 'key'))}`;
  if (ref('fieldRef')) return `field path ${str(field(from, 'fieldRef', 'fieldPath'))}`;
  if (ref('resourceFieldRef')) {
    const container = optStr(field(from, 'resourceFieldRef', 'containerName'));
    return `resource field ${container ? `${container}/` : ''}${str(field(from, 'resourceFieldRef', 'resource'))}`;
  }
  return 'invalid valueFrom';
}

const envJson = (env: EnvVar[]): Json => env.map((e) => ({ name: e.name, ...(e.value !== undefined ? { value: e.value } : {}), ...(e.valueFrom !== undefined ? { valueFrom: e.valueFrom } : {}) }));

export function runSet(cli: Cli, argv: string[]): Promise<number> {
  const sub = argv.find((a) => !a.startsWith('-'));
  if (sub !== 'env') {
    cli.err(sub === undefined ? `error: "${cli.tool} set" is not available in this lab terminal\n` : `error: "${cli.tool} set ${sub}" is not available in this lab terminal\n`);
    return Promise.resolve(1);
  }
  const refusal = liveRefusal(cli, 'set');
  if (refusal) {
    cli.err(refusal);
    return Promise.resolve(1);
  }
  return runVerb(cli, 'set env', argv.filter((_, i) => i !== argv.indexOf(sub)), envFlags, (flags) => setEnv(cli, flags));
}

async function setEnv(cli: Cli, flags: ParsedFlags): Promise<number> {
  const oc = cli.tool === 'oc';
  const selector = flagString(flags, 'selector');
  const all = flagBool(flags, 'all');
  if (all && selector) throw plainError('cannot set --all and --selector at the same time');
  const split = splitArgs(flags.args);
  if (!split) throw plainError(`all resources must be specified before environment changes: ${flags.args.join(' ')}`);
  const output = flagString(flags, 'output');
  const dryRun = dryRunOf(flags);
  const print = writePrinter(cli, output, oc ? 'updated' : 'env updated', dryRun);
  if (split.resources.length === 0) throw plainError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  const list = flagBool(flags, 'list');
  if (list && output) throw plainError('--list and --output may not be specified together');
  for (const name of ['from', 'kustomize', 'prefix', 'resource-version']) if (flagString(flags, name)) throw plainError(`--${name} is not available with set env in this lab terminal`);
  if (flags.values.has('filename') || flagBool(flags, 'local')) throw plainError('-f and --local are not available with set env in this lab terminal');
  const { env, remove } = parseEnv([...flagList(flags, 'env'), ...split.envArgs]);
  const overwrite = flags.values.get('overwrite') !== false;
  const namespace = flagString(flags, 'namespace') || cli.ctx.session.namespace;
  const { targets, errors } = await visitTargets(cli, split.resources, { namespace, selector, all });
  // kubectl's builder returns at its first error: nothing is changed.
  if (errors.length > 0) throw errors[0];
  for (const t of targets) {
    const refusal = schemeRefusal(cli.tool, t.res);
    if (refusal) throw refusal;
  }
  const containerSelector = flagString(flags, 'containers') || '*';
  const problems = new Problems();
  const changes: { target: Target; ops: Json[] }[] = [];
  for (const target of targets) {
    const { object, res } = target;
    const name = oc ? `${res.plural}/${object.metadata.name}` : `${kindPrefix(res)}/${object.metadata.name}`;
    const specPath = podSpecPath(object);
    if (!specPath) {
      problems.add(`error: ${name} the object is not a pod or does not have a pod template: *v1.${object.kind}`);
      continue;
    }
    const spec = field(object, ...specPath);
    const ops: Json[] = [];
    let matched = 0;
    for (const list0 of ['initContainers', 'containers']) {
      arr(field(spec, list0)).forEach((container, index) => {
        if (!globMatch(containerSelector, str(field(container, 'name')))) return;
        matched++;
        const before = envOf(container);
        if (!overwrite) {
          const taken = env.find((e) => before.some((b) => b.name === e.name && b.value !== e.value));
          if (taken) throw plainError(`'${taken.name}' already has a value (${before.find((b) => b.name === taken.name)?.value ?? ''}), and --overwrite is false`);
        }
        const after = updateEnv(before, env, remove);
        if (list) printList(cli, oc ? name : `${object.kind} ${object.metadata.name}`, str(field(container, 'name')), after);
        if (JSON.stringify(envJson(after)) !== JSON.stringify(envJson(before))) {
          ops.push({ op: field(container, 'env') === undefined ? 'add' : 'replace', path: `/${[...specPath, list0, String(index), 'env'].join('/')}`, value: envJson(after) });
        }
      });
    }
    if (matched === 0) {
      cli.err(oc ? `warning: ${name} does not have any containers matching "${containerSelector}"\n` : `Warning: ${object.kind}/${object.metadata.name} does not have any containers matching "${containerSelector}"\n`);
      continue;
    }
    changes.push({ target, ops });
  }
  if (list) return problems.report(cli);
  for (const { target, ops } of changes) {
    // kubectl sends nothing when nothing changes; oc sends its patch, empty or not.
    if (ops.length === 0 && !oc) continue;
    if (dryRun === 'client') {
      print(target);
      continue;
    }
    const { name, namespace: ns } = target.object.metadata;
    try {
      const written = await sendWrite(cli, { method: 'PATCH', path: `${objectPath(target.res, ns, name)}${dryRun === 'server' ? '?dryRun=All' : ''}`, body: ops, contentType: 'application/json-patch+json' });
      if (env.length === 0 && split.envArgs.length === 0) throw plainError('at least one environment variable must be provided');
      print(target, written);
    } catch (e) {
      if (!(e instanceof KubeError) || e.text.startsWith('error: at least')) throw e;
      problems.add(`${oc ? 'failed to set env' : 'failed to patch env update to pod template'}: ${e.text.replace(/^Error from server(?: \([^)]*\))?: /, '')}`);
    }
  }
  return problems.report(cli);
}

/** --list: the container's variables, a reference as `# NAME from …`. */
function printList(cli: Cli, heading: string, container: string, env: EnvVar[]): void {
  let text = `# ${heading}, container ${container}\n`;
  for (const e of env) text += e.valueFrom === undefined ? `${e.name}=${e.value ?? ''}\n` : `# ${e.name} from ${refString(e.valueFrom)}\n`;
  cli.out(text);
}
