// `kubectl logs` / `oc logs` (kubectl pkg/cmd/logs, openshift/oc pkg/cli/logs): a pod's container
// log through the API server's `pods/NAME/log`, with -c, -p/--previous, --tail, --timestamps,
// --since/--since-time; `TYPE/NAME` of a controller or service picks its first pod as kubectl's
// polymorphic helpers do (podutils.ByLogging order, "Found N pods, using pod/NAME" when several
// match); `oc logs dc/NAME` prints the latest deployment's log, the deployer pod's (oc's
// DeploymentLogs). The API server's refusals (a container that is not there, no previous run, a
// container waiting to start) come back in its words.
import type { KubeObject } from '../../world/types.ts';
import { resolveResource } from '../../world/kube-resources.ts';
import { KubeError, discoveredResources, getObject, listObjects, serverError } from './api.ts';
import type { Cli } from './cli.ts';
import { plainError, runVerb } from './cli.ts';
import type { FlagDef, ParsedFlags } from './flags.ts';
import { FlagError, flagBool, flagString } from './flags.ts';
import { formatLabelSelector } from '../../format/kube/printers/helpers.ts';
import { arr, field, obj } from '../../world/json.ts';

/** `kubectl logs --help` as kubectl 1.32 prints it. */
export const KUBECTL_LOGS_HELP = "Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is optional.\n\nExamples:\n  # Return snapshot logs from pod nginx with only one container\n  kubectl logs nginx\n  \n  # Return snapshot logs from pod nginx, prefixing each line with the source pod and container name\n  kubectl logs nginx --prefix\n  \n  # Return snapshot logs from pod nginx, limiting output to 500 bytes\n  kubectl logs nginx --limit-bytes=500\n  \n  # Return snapshot logs from pod nginx, waiting up to 20 seconds for it to start running.\n  kubectl logs nginx --pod-running-timeout=20s\n  \n  # Return snapshot logs from pod nginx with multi containers\n  kubectl logs nginx --all-containers=true\n  \n  # Return snapshot logs from all pods in the deployment nginx\n  kubectl logs deployment/nginx --all-pods=true\n  \n  # Return snapshot logs from all containers in pods defined by label app=nginx\n  kubectl logs -l app=nginx --all-containers=true\n  \n  # Return snapshot logs from all pods defined by label app=nginx, limiting concurrent log requests to 10 pods\n  kubectl logs -l app=nginx --max-log-requests=10\n  \n  # Return snapshot of previous terminated ruby container logs from pod web-1\n  kubectl logs -p -c ruby web-1\n  \n  # Begin streaming the logs from pod nginx, continuing even if errors occur\n  kubectl logs nginx -f --ignore-errors=true\n  \n  # Begin streaming the logs of the ruby container in pod web-1\n  kubectl logs -f -c ruby web-1\n  \n  # Begin streaming the logs from all containers in pods defined by label app=nginx\n  kubectl logs -f -l app=nginx --all-containers=true\n  \n  # Display only the most recent 20 lines of output in pod nginx\n  kubectl logs --tail=20 nginx\n  \n  # Show all logs from pod nginx written in the last hour\n  kubectl logs --since=1h nginx\n  \n  # Show all logs with timestamps from pod nginx starting from August 30, 2024, at 06:00:00 UTC\n  kubectl logs nginx --since-time=2024-08-30T06:00:00Z --timestamps=true\n  \n  # Show logs from a kubelet with an expired serving certificate\n  kubectl logs --insecure-skip-tls-verify-backend nginx\n  \n  # Return snapshot logs from first container of a job named hello\n  kubectl logs job/hello\n  \n  # Return snapshot logs from container nginx-1 of a deployment named nginx\n  kubectl logs deployment/nginx -c nginx-1\n\nOptions:\n    --all-containers=false:\n\tGet all containers' logs in the pod(s).\n\n    --all-pods=false:\n\tGet logs from all pod(s). Sets prefix to true.\n\n    -c, --container='':\n\tPrint the logs of this container\n\n    -f, --follow=false:\n\tSpecify if the logs should be streamed.\n\n    --ignore-errors=false:\n\tIf watching / following pod logs, allow for any errors that occur to be non-fatal\n\n    --insecure-skip-tls-verify-backend=false:\n\tSkip verifying the identity of the kubelet that logs are requested from.  In theory, an attacker could provide invalid log content back. You might want to use this if your kubelet serving certificates have expired.\n\n    --limit-bytes=0:\n\tMaximum bytes of logs to return. Defaults to no limit.\n\n    --max-log-requests=5:\n\tSpecify maximum number of concurrent logs to follow when using by a selector. Defaults to 5.\n\n    --pod-running-timeout=20s:\n\tThe length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running\n\n    --prefix=false:\n\tPrefix each log line with the log source (pod name and container name)\n\n    -p, --previous=false:\n\tIf true, print the logs for the previous instance of the container in a pod if it exists.\n\n    -l, --selector='':\n\tSelector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.\n\n    --since=0s:\n\tOnly return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used.\n\n    --since-time='':\n\tOnly return logs after a specific date (RFC3339). Defaults to all logs. Only one of since-time / since may be used.\n\n    --tail=-1:\n\tLines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.\n\n    --timestamps=false:\n\tInclude timestamps on each line in the log output\n\nUsage:\n  kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]\n\nUse \"kubectl options\" for a list of global command-line options (applies to all commands).\n";

export const logsFlags: FlagDef[] = [
  { name: 'all-containers', type: 'bool' },
  { name: 'all-pods', type: 'bool' },
  { name: 'container', short: 'c', type: 'string' },
  { name: 'follow', short: 'f', type: 'bool' },
  { name: 'ignore-errors', type: 'bool' },
  { name: 'insecure-skip-tls-verify-backend', type: 'bool' },
  { name: 'limit-bytes', type: 'int' },
  { name: 'max-log-requests', type: 'int' },
  { name: 'pod-running-timeout', type: 'string' },
  { name: 'prefix', type: 'bool' },
  { name: 'previous', short: 'p', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'since', type: 'string' },
  { name: 'since-time', type: 'string' },
  { name: 'tail', type: 'int' },
  { name: 'timestamps', type: 'bool' },
];

/** kubectl 1.32's logs reports an object it cannot find as an error of its own, naming the
 * namespace: `error: error from server (NotFound): pods "x" not found in namespace "ns"`. */
async function inNamespace(found: Promise<KubeObject>, namespace: string): Promise<KubeObject> {
  try {
    return await found;
  } catch (e) {
    if (e instanceof KubeError && e.notFound && e.text.startsWith('Error from server (NotFound): ')) {
      throw plainError(`error from server (NotFound): ${e.text.slice('Error from server (NotFound): '.length)} in namespace "${namespace}"`);
    }
    throw e;
  }
}

/** Go's time.ParseDuration (`10s`, `5m`, `1h30m`, `1.5h`): the seconds, or the error in Go's words. */
function parseDuration(text: string): number | string {
  const unit: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, μs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
  const quoted = JSON.stringify(text);
  let rest = text.replace(/^[-+]/, '');
  if (rest === '0') return 0;
  if (rest === '') return `time: invalid duration ${quoted}`;
  let seconds = 0;
  while (rest !== '') {
    const number = /^(\d*)(\.\d*)?/.exec(rest)!;
    if (number[0] === '' || number[0] === '.') return `time: invalid duration ${quoted}`;
    rest = rest.slice(number[0].length);
    const u = /^[^\d.]*/.exec(rest)![0];
    if (u === '') return `time: missing unit in duration ${quoted}`;
    if (!(u in unit)) return `time: unknown unit ${JSON.stringify(u)} in duration ${quoted}`;
    seconds += Number(number[0]) * unit[u];
    rest = rest.slice(u.length);
  }
  return text.startsWith('-') ? -seconds : seconds;
}

/** podutils.ByLogging: scheduled first, Running before Unknown before Pending, ready first, ready
 * for longer first, more restarts first, older first. */
function byLogging(a: KubeObject, b: KubeObject): number {
  const node = (p: KubeObject) => (p.spec?.nodeName ? 0 : 1);
  const phases: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };
  const phase = (p: KubeObject) => phases[String(p.status?.phase)] ?? 3;
  const readyCondition = (p: KubeObject) => arr(p.status?.conditions).find((c) => field(c, 'type') === 'Ready');
  const ready = (p: KubeObject) => (field(readyCondition(p), 'status') === 'True' ? 0 : 1);
  const readySince = (p: KubeObject) => (ready(p) === 0 ? Date.parse(String(field(readyCondition(p), 'lastTransitionTime') ?? '')) || Infinity : Infinity);
  const restarts = (p: KubeObject) => Math.max(0, ...arr(p.status?.containerStatuses).map((c) => Number(field(c, 'restartCount') ?? 0)));
  const created = (p: KubeObject) => Date.parse(p.metadata.creationTimestamp ?? '') || Infinity;
  return node(a) - node(b) || phase(a) - phase(b) || ready(a) - ready(b) || readySince(a) - readySince(b) || restarts(b) - restarts(a) || created(a) - created(b);
}

/** The label selector a controller or service selects its pods with (SelectorsForObject). */
function selectorOf(o: KubeObject): string | undefined {
  const selector = o.spec?.selector;
  switch (o.kind) {
    case 'ReplicationController':
    case 'Service':
    case 'DeploymentConfig': {
      const labels = obj(selector);
      return Object.keys(labels).length ? Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${v}`).join(',') : undefined;
    }
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'Job': {
      const text = formatLabelSelector(selector);
      return text === '<none>' ? undefined : text;
    }
    default:
      return undefined;
  }
}

export function runLogs(cli: Cli, argv: string[]): Promise<number> {
  return runVerb(cli, 'logs', argv, logsFlags, (flags) => logs(cli, flags));
}

async function logs(cli: Cli, flags: ParsedFlags): Promise<number> {
  const { tool, ctx } = cli;
  const namespace = flagString(flags, 'namespace') || ctx.session.namespace;
  const selector = flagString(flags, 'selector');
  const args = flags.args;
  if (flagBool(flags, 'help')) {
    // oc's own logs command has other flags and words: its help is not the lab's to print.
    if (tool === 'oc') throw plainError('"oc logs --help" is not available in this lab terminal');
    cli.out(KUBECTL_LOGS_HELP);
    return 0;
  }
  if (args.length === 0 && !selector) {
    throw new KubeError(`error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee '${tool} logs -h' for help and examples`);
  }
  if (args.length > 0 && selector) throw plainError('only a selector (-l) or a POD name is allowed');
  if (args.length > 2) throw plainError(`expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee '${tool} logs -h' for help and examples`);
  if (flagBool(flags, 'follow')) throw plainError('--follow is not available in this lab terminal');
  const since = flagString(flags, 'since');
  const sinceTime = flagString(flags, 'since-time');
  if (since && sinceTime) throw plainError('at most one of `sinceTime` or `sinceSeconds` may be specified');
  let sinceSeconds: number | undefined;
  if (since) {
    const parsed = parseDuration(since);
    if (typeof parsed === 'string') throw new FlagError(`invalid argument "${since}" for "--since" flag: ${parsed}`);
    sinceSeconds = Math.ceil(parsed);
  }
  const tailFlag = flags.values.get('tail');
  // With a selector kubectl shows the last 10 lines of each pod unless --tail says otherwise.
  const tail = typeof tailFlag === 'number' ? tailFlag : selector ? 10 : -1;

  // The pods to read, and which container of each.
  let pods: KubeObject[];
  const served = await discoveredResources(ctx.world);
  const podsResource = resolveResource('pods', served);
  if (!podsResource.ok) throw plainError('the server doesn\'t have a resource type "pods"');
  if (selector) {
    const list = await listObjects(ctx.world, podsResource.resource, namespace, { labelSelector: selector });
    if (list.items.length === 0) {
      cli.err(`No resources found in ${namespace} namespace.\n`);
      return 0;
    }
    pods = list.items;
  } else {
    const target = args[0];
    const slash = target.indexOf('/');
    if (slash < 0) {
      pods = [await inNamespace(getObject(ctx.world, podsResource.resource, namespace, target), namespace)];
    } else {
      const typed = target.slice(0, slash);
      const name = target.slice(slash + 1);
      const resolved = resolveResource(typed, served);
      if (!resolved.ok) throw plainError(`the server doesn't have a resource type "${resolved.resourceName}"`);
      const object = await inNamespace(getObject(ctx.world, resolved.resource, namespace, name), namespace);
      if (object.kind === 'Pod') pods = [object];
      else if (object.kind === 'DeploymentConfig' && tool === 'kubectl') {
        // kubectl's scheme has no OpenShift types: it cannot pick a pod for a DeploymentConfig.
        throw plainError(`no kind "DeploymentConfig" is registered for version "${object.apiVersion}" in scheme "pkg/scheme/scheme.go:28"`);
      } else if (object.kind === 'DeploymentConfig') {
        // oc's deployment log: the deployer pod of the latest version.
        const version = Number(object.status?.latestVersion ?? 0);
        const deployer = `${name}-${version}-deploy`;
        try {
          pods = [await getObject(ctx.world, podsResource.resource, namespace, deployer)];
        } catch (e) {
          if (e instanceof KubeError && e.notFound) throw new KubeError(`Error from server (BadRequest): deployer pod for "${name}-${version}" cannot be found`);
          throw e;
        }
      } else {
        const labels = selectorOf(object);
        if (labels === undefined) throw plainError(`cannot get the logs from ${object.kind === 'DeploymentConfig' ? '*unstructured.Unstructured' : `*v1.${object.kind}`}`);
        const list = await listObjects(ctx.world, podsResource.resource, namespace, { labelSelector: labels });
        const sorted = [...list.items].sort(byLogging);
        if (sorted.length === 0) throw plainError(`timed out waiting for the condition`);
        // --all-pods (kubectl 1.32): every pod of the object, in the order the API lists them.
        if (flagBool(flags, 'all-pods')) pods = list.items;
        else {
          if (sorted.length > 1) cli.err(`Found ${sorted.length} pods, using pod/${sorted[0].metadata.name}\n`);
          pods = [sorted[0]];
        }
      }
    }
  }
  let container = flagString(flags, 'container') || (args.length === 2 ? args[1] : '');
  let out = '';
  for (const pod of pods) {
    const containers = arr(pod.spec?.containers).map((c) => String(field(c, 'name')));
    let chosen = container;
    if (chosen && !containers.includes(chosen) && !arr(pod.spec?.initContainers).some((c) => field(c, 'name') === chosen)) {
      throw plainError(`container ${chosen} is not valid for pod ${pod.metadata.name}`);
    }
    if (!chosen) {
      // logsForObject: the default-container annotation, else the first container, saying so when
      // there was a choice (AllContainerNames: containers, then ephemeral, then init ones).
      const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
      if (annotated && containers.includes(annotated)) chosen = annotated;
      else {
        if (annotated) cli.err(`Default container name "${annotated}" not found in pod ${pod.metadata.name}\n`);
        chosen = containers[0] ?? '';
        const ephemeral = arr(pod.spec?.ephemeralContainers).map((c) => `${String(field(c, 'name'))} (ephem)`);
        const init = arr(pod.spec?.initContainers).map((c) => `${String(field(c, 'name'))} (init)`);
        if (containers.length > 1 || init.length > 0 || ephemeral.length > 0) cli.err(`Defaulted container "${chosen}" out of: ${[...containers, ...ephemeral, ...init].join(', ')}\n`);
      }
    }
    const query = [`container=${encodeURIComponent(chosen)}`];
    if (flagBool(flags, 'previous')) query.push('previous=true');
    if (sinceSeconds !== undefined) query.push(`sinceSeconds=${sinceSeconds}`);
    if (sinceTime) query.push(`sinceTime=${encodeURIComponent(sinceTime)}`);
    if (tail >= 0) query.push(`tailLines=${tail}`);
    if (flagBool(flags, 'timestamps')) query.push('timestamps=true');
    const path = `/api/v1/namespaces/${encodeURIComponent(pod.metadata.namespace ?? namespace)}/pods/${encodeURIComponent(pod.metadata.name)}/log?${query.join('&')}`;
    const response = await ctx.world.kube(path);
    if (response.failure) throw new KubeError(`error: ${response.failure.detail}`);
    if (response.status !== 200) {
      cli.out(out);
      throw serverError(response.status, response.body, 'the server could not find the requested resource');
    }
    const text = typeof response.body === 'string' ? response.body : '';
    // --all-pods sets --prefix.
    out += flagBool(flags, 'prefix') || flagBool(flags, 'all-pods') ? text.split('\n').filter((l, i, all) => i < all.length - 1 || l !== '').map((l) => `[pod/${pod.metadata.name}/${chosen}] ${l}\n`).join('') : text;
    container = flagString(flags, 'container');
  }
  cli.out(out);
  return 0;
}
