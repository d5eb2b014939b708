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

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const CONFIG_NAME = 'openshift.io/deployment-config.name';
const VERSION = 'openshift.io/deployment-config.latest-version';
const PHASE = 'openshift.io/deployment.phase';

/** labels.Set's String: sorted `k=v` joined by commas, "" when empty. */
const setString = (m: Record<string, string> | undefined) =>
  Object.keys(m ?? {})
    .sort()
    .map((k) => `${k}=${m![k]}`)
    .join(',');

/** appsutil.DeploymentVersionFor: the rollout's version annotation, -1 when it is not a number. */
function versionOf(rc: KubeObject): number {
  const v = rc.metadata.annotations?.[VERSION];
  return v !== undefined && /^[+-]?\d+$/.test(v) ? Number(v) : -1;
}

const phaseOf = (rc: KubeObject) => rc.metadata.annotations?.[PHASE] ?? '';

export async function describeDeploymentConfigOc(world: World, namespace: string, name: string, settings: DescribeSettings): Promise<string> {
  const ns = encodeURIComponent(namespace);
  const dc = await getTyped(world, `/apis/apps.openshift.io/v1/namespaces/${ns}/deploymentconfigs/${encodeURIComponent(name)}`, `deploymentconfigs.apps.openshift.io "${name}" not found`);
  const history = (await listItems(world, `/api/v1/namespaces/${ns}/replicationcontrollers?labelSelector=${encodeURIComponent(`${CONFIG_NAME}=${dc.metadata.name}`)}`)) as KubeObject[];
  // The pods of each rollout shown in full: listed by the controller's selector.
  const pods = new Map<string, Json[]>();
  for (const rc of history) {
    const selector = setString((rc.spec as Json)?.selector);
    pods.set(rc.metadata.name, await listItems(world, `/api/v1/namespaces/${ns}/pods${selector ? `?labelSelector=${encodeURIComponent(selector)}` : ''}`));
  }
  let events: readonly unknown[] | undefined;
  if (settings.showEvents) {
    const m = dc.metadata;
    events = await listEvents(world, m.namespace ?? '', fieldSet({ 'involvedObject.kind': 'DeploymentConfig', 'involvedObject.name': m.name, 'involvedObject.namespace': m.namespace ?? '', ...(m.uid ? { 'involvedObject.uid': m.uid } : {}) }), 0);
  }
  return describeDeploymentConfig(dc, history, pods, events, settings.now);
}

export function describeDeploymentConfig(dc: KubeObject, history: KubeObject[], pods: Map<string, Json[]>, events: readonly unknown[] | undefined, now: Date): string {
  const spec: Json = dc.spec ?? {};
  const status: Json = dc.status ?? {};
  return describeInWriter((w) => {
    formatMeta(w, dc, now);
    const latestVersion = status.latestVersion ?? 0;
    formatString(w, 'Latest Version', latestVersion === 0 ? 'Not deployed' : String(latestVersion));
    printSpec(dc, w);
    w.write(0, '\n');
    const latestName = `${dc.metadata.name}-${latestVersion}`;
    // ActiveDeployment: the complete rollout of the highest version.
    let active: KubeObject | undefined;
    let activeVersion = 0;
    for (const rc of history) {
      if (phaseOf(rc) === 'Complete' && versionOf(rc) > activeVersion) {
        active = rc;
        activeVersion = versionOf(rc);
      }
    }
    const latest = history.find((rc) => rc.metadata.name === latestName);
    if (!latest) formatString(w, 'Latest Deployment', '<none>');
    else printRc(latest, pods, w, `Deployment #${versionOf(latest)} (latest)`, latest.metadata.name === active?.metadata.name || history.length === 1, now);
    if (latest) {
      // Newest first (creation time, then name, reversed), two older rollouts at most.
      const time = (rc: KubeObject) => new Date(rc.metadata.creationTimestamp ?? 0).getTime();
      const sorted = [...history].sort((a, b) => time(b) - time(a) || (a.metadata.name < b.metadata.name ? 1 : a.metadata.name > b.metadata.name ? -1 : 0));
      let counter = 1;
      for (const rc of sorted) {
        if (rc.metadata.name !== latestName && rc.metadata.annotations?.[CONFIG_NAME] === dc.metadata.name) {
          printRc(rc, pods, w, `Deployment #${versionOf(rc)}`, rc.metadata.name === active?.metadata.name, now);
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
  const spec: Json = dc.spec ?? {};
  formatString(w, 'Selector', setString(spec.selector));
  formatString(w, 'Replicas', `${spec.replicas ?? 0}${spec.test ? ' (test, will be scaled down between deployments)' : ''}`);
  if (spec.paused) formatString(w, 'Paused', 'yes');
  const triggers: Json[] = spec.triggers ?? [];
  if (triggers.length === 0) formatString(w, 'Triggers', '<none>');
  else {
    const labels: string[] = [];
    for (const t of triggers) {
      if (t.type === 'ConfigChange') labels.push('Config');
      else if (t.type === 'ImageChange' && t.imageChangeParams?.from?.name) {
        const [stream, tag = ''] = String(t.imageChangeParams.from.name).split(':');
        labels.push(`Image(${stream}@${tag}, auto=${t.imageChangeParams.automatic === true})`);
      }
    }
    formatString(w, 'Triggers', labels.join(', '));
  }
  formatString(w, 'Strategy', spec.strategy?.type ?? '');
  printStrategy(spec.strategy ?? {}, '  ', w);
  if ((spec.minReadySeconds ?? 0) > 0) formatString(w, 'MinReadySeconds', String(spec.minReadySeconds));
  w.write(0, 'Template:\n');
  describePodTemplate(spec.template, w);
}

function printStrategy(strategy: Json, indent: string, w: PrefixWriter): void {
  const hooks: Array<[string, Json]> = [];
  if (strategy.customParams) {
    w.write(0, `${indent}Image:\t${strategy.customParams.image || '<default>'}\n`);
    const env: Json[] = strategy.customParams.environment ?? [];
    if (env.length > 0) w.write(0, `${indent}Environment:\t${setString(Object.fromEntries(env.map((e) => [e.name, e.value ?? ''])))}\n`);
    if ((strategy.customParams.command ?? []).length > 0) w.write(0, `${indent}Command:\t${strategy.customParams.command.join(' ')}\n`);
  }
  if (strategy.recreateParams) hooks.push(['Pre-deployment', strategy.recreateParams.pre], ['Mid-deployment', strategy.recreateParams.mid], ['Post-deployment', strategy.recreateParams.post]);
  if (strategy.rollingParams) hooks.push(['Pre-deployment', strategy.rollingParams.pre], ['Post-deployment', strategy.rollingParams.post]);
  for (const [prefix, hook] of hooks) {
    if (!hook) continue;
    if (hook.execNewPod) {
      w.write(0, `${indent}${prefix} hook (pod type, failure policy: ${hook.failurePolicy ?? ''}):\n`);
      w.write(0, `${indent}  Container:\t${hook.execNewPod.containerName ?? ''}\n`);
      w.write(0, `${indent}  Command:\t${(hook.execNewPod.command ?? []).join(' ')}\n`);
      const env: Json[] = hook.execNewPod.env ?? [];
      if (env.length > 0) w.write(0, `${indent}  Env:\t${setString(Object.fromEntries(env.map((e) => [e.name, e.value ?? ''])))}\n`);
    }
    if ((hook.tagImages ?? []).length > 0) {
      w.write(0, `${indent}${prefix} hook (tag images, failure policy: ${hook.failurePolicy ?? ''}):\n`);
      for (const image of hook.tagImages) w.write(0, `${indent}  Tag:\tcontainer ${image.containerName ?? ''} to ${image.to?.kind ?? ''} ${image.to?.name ?? ''} ${image.to?.namespace ?? ''}\n`);
    }
  }
}

/** printDeploymentRc. */
function printRc(rc: KubeObject, pods: Map<string, Json[]>, w: PrefixWriter, header: string, verbose: boolean, now: Date): void {
  const spec: Json = rc.spec ?? {};
  w.write(0, `${header}:\n`);
  if (verbose) w.write(0, `\tName:\t${rc.metadata.name}\n`);
  w.write(0, `\tCreated:\t${unitsHumanDuration(now.getTime() - new Date(rc.metadata.creationTimestamp ?? 0).getTime()).toLowerCase()} ago\n`);
  w.write(0, `\tStatus:\t${phaseOf(rc)}\n`);
  if (spec.replicas !== undefined && spec.replicas !== null) w.write(0, `\tReplicas:\t${(rc.status as Json)?.replicas ?? 0} current / ${spec.replicas} desired\n`);
  if (verbose) {
    w.write(0, `\tSelector:\t${setString(spec.selector)}\n`);
    w.write(0, `\tLabels:\t${setString(rc.metadata.labels)}\n`);
    w.write(0, `\tPods Status:\t${podsStatus(podPhaseCounts(pods.get(rc.metadata.name) ?? []))}\n`);
  }
}
