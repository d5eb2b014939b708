// `oc describe dc`: oc's DeploymentConfigDescriber (openshift/oc pkg/helpers/describe/deployments.go,
// with library-go's appsutil for the rollouts' annotations). No oc binary runs here, so its tests
// are goldens written from that source. kubectl has no describer of DeploymentConfigs: `kubectl
// describe dc` is the generic describer.
import type { KubeObject, World } from '../../../world/types.ts';
import { describeEvents, getTyped, listEvents } from './events.ts';
import { fieldSet } from './go.ts';
import { describePodTemplate } from './replicationcontroller.ts';
import { describeInWriter, listItems, podPhaseCounts, podsStatus, type DescribeSettings } from './shared.ts';
import { OC_DESCRIBE, type PrefixWriter } from './tabwriter.ts';
import { formatMeta, formatString, unitsHumanDuration } from './route-oc.ts';
import { arr, field, obj, str, type Json } from '../../../world/json.ts';

const CONFIG_NAME = 'openshift.io/deployment-config.name';
const VERSION = 'openshift.io/deployment-config.latest-version';
const PHASE = 'openshift.io/deployment.phase';

/** labels.Set's String: sorted `k=v` joined by commas, "" when empty. */
const setString = (m: unknown) => {
  const map = obj(m);
  return Object.keys(map)
    .sort()
    .map((k) => `${k}=${String(map[k])}`)
    .join(',');
};

const nameOf = (rc: unknown) => str(field(rc, 'metadata', 'name'));
const annotation = (rc: unknown, key: string) => field(rc, 'metadata', 'annotations', key);

/** appsutil.DeploymentVersionFor: the rollout's version annotation, -1 when it is not a number. */
function versionOf(rc: unknown): number {
  const v = annotation(rc, VERSION);
  return typeof v === 'string' && /^[+-]?\d+$/.test(v) ? Number(v) : -1;
}

const phaseOf = (rc: unknown) => String(annotation(rc, PHASE) ?? '');

export async function describeDeploymentConfigOc(world: World, namespace: string, name: string, settings: DescribeSettings): Promise<string> {
  const ns = encodeURIComponent(namespace);
  const dc = await getTyped(world, `/apis/apps.openshift.io/v1/namespaces/${ns}/deploymentconfigs/${encodeURIComponent(name)}`, `deploymentconfigs.apps.openshift.io "${name}" not found`);
  const history = await listItems(world, `/api/v1/namespaces/${ns}/replicationcontrollers?labelSelector=${encodeURIComponent(`${CONFIG_NAME}=${dc.metadata.name}`)}`);
  // The pods of each rollout shown in full: listed by the controller's selector.
  const pods = new Map<string, Json[]>();
  for (const rc of history) {
    const selector = setString(field(rc, 'spec', 'selector'));
    pods.set(nameOf(rc), await listItems(world, `/api/v1/namespaces/${ns}/pods${selector ? `?labelSelector=${encodeURIComponent(selector)}` : ''}`));
  }
  let events: readonly unknown[] | undefined;
  if (settings.showEvents) {
    const m = dc.metadata;
    events = await listEvents(world, m.namespace ?? '', fieldSet({ 'involvedObject.kind': 'DeploymentConfig', 'involvedObject.name': m.name, 'involvedObject.namespace': m.namespace ?? '', ...(m.uid ? { 'involvedObject.uid': m.uid } : {}) }), 0);
  }
  return describeDeploymentConfig(dc, history, pods, events, settings.now);
}

export function describeDeploymentConfig(dc: KubeObject, history: readonly unknown[], pods: Map<string, readonly unknown[]>, events: readonly unknown[] | undefined, now: Date): string {
  return describeInWriter((w) => {
    formatMeta(w, dc, now);
    const latestVersion = dc.status?.latestVersion ?? 0;
    formatString(w, 'Latest Version', latestVersion === 0 ? 'Not deployed' : String(latestVersion));
    printSpec(dc, w);
    w.write(0, '\n');
    const latestName = `${dc.metadata.name}-${String(latestVersion)}`;
    // ActiveDeployment: the complete rollout of the highest version.
    let active: unknown;
    let activeVersion = 0;
    for (const rc of history) {
      if (phaseOf(rc) === 'Complete' && versionOf(rc) > activeVersion) {
        active = rc;
        activeVersion = versionOf(rc);
      }
    }
    const latest = history.find((rc) => nameOf(rc) === latestName);
    if (!latest) formatString(w, 'Latest Deployment', '<none>');
    else printRc(latest, pods, w, `Deployment #${versionOf(latest)} (latest)`, nameOf(latest) === (active === undefined ? undefined : nameOf(active)) || history.length === 1, now);
    if (latest) {
      // Newest first (creation time, then name, reversed), two older rollouts at most.
      const time = (rc: unknown) => new Date(str(field(rc, 'metadata', 'creationTimestamp')) || 0).getTime();
      const sorted = [...history].sort((a, b) => time(b) - time(a) || (nameOf(a) < nameOf(b) ? 1 : nameOf(a) > nameOf(b) ? -1 : 0));
      let counter = 1;
      for (const rc of sorted) {
        if (nameOf(rc) !== latestName && annotation(rc, CONFIG_NAME) === dc.metadata.name) {
          printRc(rc, pods, w, `Deployment #${versionOf(rc)}`, nameOf(rc) === (active === undefined ? undefined : nameOf(active)), now);
          counter++;
        }
        if (counter === 3) break;
      }
    }
    if (events) {
      // The last eight events the server lists, then kubectl's DescribeEvents.
      const last = events.slice(-8).reverse();
      w.write(0, '\n');
      describeEvents(last, w, now);
    }
  }, OC_DESCRIBE);
}

function printSpec(dc: KubeObject, w: PrefixWriter): void {
  const spec = dc.spec ?? {};
  formatString(w, 'Selector', setString(spec.selector));
  formatString(w, 'Replicas', `${String(spec.replicas ?? 0)}${spec.test ? ' (test, will be scaled down between deployments)' : ''}`);
  if (spec.paused) formatString(w, 'Paused', 'yes');
  const triggers = arr(spec.triggers);
  if (triggers.length === 0) formatString(w, 'Triggers', '<none>');
  else {
    const labels: string[] = [];
    for (const t of triggers) {
      const type = field(t, 'type');
      const from = field(t, 'imageChangeParams', 'from', 'name');
      if (type === 'ConfigChange') labels.push('Config');
      else if (type === 'ImageChange' && from) {
        const [stream, tag = ''] = String(from).split(':');
        labels.push(`Image(${stream}@${tag}, auto=${String(field(t, 'imageChangeParams', 'automatic') === true)})`);
      }
    }
    formatString(w, 'Triggers', labels.join(', '));
  }
  formatString(w, 'Strategy', String(field(spec, 'strategy', 'type') ?? ''));
  printStrategy(spec.strategy ?? {}, '  ', w);
  if (Number(spec.minReadySeconds ?? 0) > 0) formatString(w, 'MinReadySeconds', String(spec.minReadySeconds));
  w.write(0, 'Template:\n');
  describePodTemplate(spec.template, w);
}

/** A list of environment variables as labels.Set prints them. */
const envString = (env: readonly Json[]) => setString(Object.fromEntries(env.map((e) => [String(field(e, 'name')), field(e, 'value') ?? ''])));

function printStrategy(strategy: Json, indent: string, w: PrefixWriter): void {
  const hooks: Array<[string, Json | undefined]> = [];
  const customParams = field(strategy, 'customParams');
  const recreateParams = field(strategy, 'recreateParams');
  const rollingParams = field(strategy, 'rollingParams');
  if (customParams) {
    w.write(0, `${indent}Image:\t${String(field(customParams, 'image') || '<default>')}\n`);
    const env = arr(field(customParams, 'environment'));
    if (env.length > 0) w.write(0, `${indent}Environment:\t${envString(env)}\n`);
    const command = arr(field(customParams, 'command'));
    if (command.length > 0) w.write(0, `${indent}Command:\t${command.join(' ')}\n`);
  }
  if (recreateParams) hooks.push(['Pre-deployment', field(recreateParams, 'pre')], ['Mid-deployment', field(recreateParams, 'mid')], ['Post-deployment', field(recreateParams, 'post')]);
  if (rollingParams) hooks.push(['Pre-deployment', field(rollingParams, 'pre')], ['Post-deployment', field(rollingParams, 'post')]);
  for (const [prefix, hook] of hooks) {
    if (!hook) continue;
    const policy = String(field(hook, 'failurePolicy') ?? '');
    const execNewPod = field(hook, 'execNewPod');
    if (execNewPod) {
      w.write(0, `${indent}${prefix} hook (pod type, failure policy: ${policy}):\n`);
      w.write(0, `${indent}  Container:\t${String(field(execNewPod, 'containerName') ?? '')}\n`);
      w.write(0, `${indent}  Command:\t${arr(field(execNewPod, 'command')).join(' ')}\n`);
      const env = arr(field(execNewPod, 'env'));
      if (env.length > 0) w.write(0, `${indent}  Env:\t${envString(env)}\n`);
    }
    const tagImages = arr(field(hook, 'tagImages'));
    if (tagImages.length > 0) {
      w.write(0, `${indent}${prefix} hook (tag images, failure policy: ${policy}):\n`);
      const to = (image: Json, key: string) => String(field(image, 'to', key) ?? '');
      for (const image of tagImages) w.write(0, `${indent}  Tag:\tcontainer ${String(field(image, 'containerName') ?? '')} to ${to(image, 'kind')} ${to(image, 'name')} ${to(image, 'namespace')}\n`);
    }
  }
}

/** printDeploymentRc. */
function printRc(rc: unknown, pods: Map<string, readonly unknown[]>, w: PrefixWriter, header: string, verbose: boolean, now: Date): void {
  const replicas = field(rc, 'spec', 'replicas');
  w.write(0, `${header}:\n`);
  if (verbose) w.write(0, `\tName:\t${nameOf(rc)}\n`);
  w.write(0, `\tCreated:\t${unitsHumanDuration(now.getTime() - new Date(str(field(rc, 'metadata', 'creationTimestamp')) || 0).getTime()).toLowerCase()} ago\n`);
  w.write(0, `\tStatus:\t${phaseOf(rc)}\n`);
  if (replicas !== undefined && replicas !== null) w.write(0, `\tReplicas:\t${String(field(rc, 'status', 'replicas') ?? 0)} current / ${String(replicas)} desired\n`);
  if (verbose) {
    w.write(0, `\tSelector:\t${setString(field(rc, 'spec', 'selector'))}\n`);
    w.write(0, `\tLabels:\t${setString(field(rc, 'metadata', 'labels'))}\n`);
    w.write(0, `\tPods Status:\t${podsStatus(podPhaseCounts(pods.get(nameOf(rc)) ?? []))}\n`);
  }
}
