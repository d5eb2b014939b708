// kubectl's PodDescriber (pkg/describe/describe.go: describePod, describeContainers,
// describeVolumes, DescribeEvents). Events are searched by name, namespace and uid, without a kind.
import type { KubeObject, World } from '../../../world/types.ts';
import { describeEvents, searchEvents } from './events.ts';
import { formatLabels } from '../../../format/kube/printers/helpers.ts';
import { parseQuantity, quantityString, rfc1123z, since } from './go.ts';
import type { PrefixWriter } from './tabwriter.ts';
import { printAnnotations, printLabels, printTolerations, type DescribeSettings, describeInWriter } from './shared.ts';
import { KubeError } from '../api.ts';
import { listEvents } from './events.ts';
import { fieldSet } from './go.ts';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function describePodByName(world: World, namespace: string, name: string, settings: DescribeSettings): Promise<string> {
  const response = await world.kube(`/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(name)}`);
  if (response.failure || response.status !== 200) {
    const body = (response.body ?? {}) as { message?: string; reason?: string };
    const message = body.message ?? `pods "${name}" not found`;
    const error = new KubeError(body.reason ? `Error from server (${body.reason}): ${message}` : `Error from server: ${message}`, response.status === 404);
    // A pod that is gone may still have events: kubectl shows them instead of the error.
    if (settings.showEvents && !response.failure) {
      const events = await listEvents(world, namespace, fieldSet({ 'involvedObject.name': name, 'involvedObject.namespace': namespace }), settings.chunkSize);
      if (events.length > 0) {
        return describeInWriter((w) => {
          w.write(0, `Pod '${name}': error '${message}', but found events.\n`);
          describeEvents(events, w, settings.now);
        });
      }
    }
    throw error;
  }
  const pod = response.body as unknown as KubeObject;
  let events: readonly unknown[] | undefined;
  if (settings.showEvents) {
    const mirror = pod.metadata.annotations?.['kubernetes.io/config.mirror'];
    events = await searchEvents(world, { name: pod.metadata.name, namespace: pod.metadata.namespace ?? '', uid: mirror ?? pod.metadata.uid }, settings.chunkSize);
  }
  return describePod(pod, events, settings.now);
}

export function describePod(pod: KubeObject, events: readonly unknown[] | undefined, now: Date): string {
  const spec: Json = pod.spec ?? {};
  const status: Json = pod.status ?? {};
  return describeInWriter((w) => {
    w.write(0, `Name:\t${pod.metadata.name}\n`);
    w.write(0, `Namespace:\t${pod.metadata.namespace ?? ''}\n`);
    if (spec.priority !== undefined && spec.priority !== null) w.write(0, `Priority:\t${spec.priority}\n`);
    if (spec.priorityClassName) w.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`);
    if (spec.runtimeClassName) w.write(0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
    if (spec.serviceAccountName) w.write(0, `Service Account:\t${spec.serviceAccountName}\n`);
    if (!spec.nodeName) w.write(0, 'Node:\t<none>\n');
    else w.write(0, `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n`);
    if (status.startTime) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
    printLabels(w, 'Labels', pod.metadata.labels);
    printAnnotations(w, 'Annotations', pod.metadata.annotations);
    const deletion = pod.metadata.deletionTimestamp as string | undefined;
    if (deletion && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
      w.write(0, `Status:\tTerminating (lasts ${since(deletion, now)})\n`);
      w.write(0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
    } else w.write(0, `Status:\t${status.phase ?? ''}\n`);
    if (status.reason) w.write(0, `Reason:\t${status.reason}\n`);
    if (status.message) w.write(0, `Message:\t${status.message}\n`);
    const seccomp = spec.securityContext?.seccompProfile;
    if (seccomp) {
      w.write(0, `SeccompProfile:\t${seccomp.type ?? ''}\n`);
      if (seccomp.type === 'Localhost') w.write(0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
    }
    w.write(0, `IP:\t${status.podIP ?? ''}\n`);
    const ips: Json[] = status.podIPs ?? [];
    if (ips.length === 0) w.write(0, 'IPs:\t<none>\n');
    else {
      w.write(0, 'IPs:\n');
      for (const ip of ips) w.write(1, `IP:\t${ip.ip ?? ''}\n`);
    }
    const controller = (pod.metadata.ownerReferences as Json[] | undefined)?.find((o) => o.controller === true);
    if (controller) w.write(0, `Controlled By:\t${controller.kind}/${controller.name}\n`);
    if (status.nominatedNodeName) w.write(0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
    if (spec.resources) {
      w.write(0, 'Resources:\n');
      describeResources(spec.resources, w, 1);
    }
    if ((spec.initContainers ?? []).length > 0) describeContainers('Init Containers', spec.initContainers, status.initContainerStatuses, pod, w);
    describeContainers('Containers', spec.containers ?? [], status.containerStatuses, pod, w);
    if ((spec.ephemeralContainers ?? []).length > 0) describeContainers('Ephemeral Containers', spec.ephemeralContainers, status.ephemeralContainerStatuses, pod, w);
    const gates: Json[] = spec.readinessGates ?? [];
    const conditions: Json[] = status.conditions ?? [];
    if (gates.length > 0) {
      w.write(0, 'Readiness Gates:\n  Type\tStatus\n');
      for (const g of gates) {
        const c = conditions.find((x) => x.type === g.conditionType);
        w.write(1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`);
      }
    }
    if (conditions.length > 0) {
      w.write(0, 'Conditions:\n  Type\tStatus\n');
      for (const c of conditions) w.write(1, `${c.type} \t${c.status} \n`);
    }
    describeVolumes(spec.volumes ?? [], w);
    w.write(0, `QoS Class:\t${qosClass(pod)}\n`);
    printLabels(w, 'Node-Selectors', spec.nodeSelector);
    printTolerations(w, 'Tolerations', spec.tolerations ?? []);
    describeTopologySpreadConstraints(spec.topologySpreadConstraints ?? [], w);
    if (events) describeEvents(events, w, now);
  });
}

/** qos.GetPodQOS (status.qosClass when the server set it). */
function qosClass(pod: KubeObject): string {
  const status = (pod.status ?? {}) as Json;
  if (status.qosClass) return status.qosClass;
  const containers: Json[] = [...(((pod.spec ?? {}) as Json).containers ?? []), ...(((pod.spec ?? {}) as Json).initContainers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    for (const r of ['cpu', 'memory']) {
      if (req[r] !== undefined || lim[r] !== undefined) any = true;
      if (lim[r] === undefined || (req[r] !== undefined && req[r] !== lim[r])) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** describeContainers; `space` indents a pod template's (DescribePodTemplate), whose containers have no status. */
export function describeContainers(label: string, containers: Json[], statuses0: Json[] | undefined, pod: KubeObject | undefined, w: PrefixWriter, space = ''): void {
  const statuses = new Map<string, Json>();
  for (const s of statuses0 ?? []) statuses.set(s.name, s);
  w.write(0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  for (const c of containers) {
    const status = statuses.get(c.name);
    w.write(1, `${space ? ' ' : ''}${c.name}:\n`);
    if (status) w.write(2, `Container ID:\t${status.containerID ?? ''}\n`);
    w.write(2, `Image:\t${c.image ?? ''}\n`);
    if (status) w.write(2, `Image ID:\t${status.imageID ?? ''}\n`);
    const ports: Json[] = c.ports ?? [];
    const portString = ports.map((p) => `${p.containerPort ?? 0}/${p.protocol ?? ''}`).join(', ');
    if (portString.includes(',')) w.write(2, `Ports:\t${portString}\n`);
    else w.write(2, `Port:\t${portString || '<none>'}\n`);
    const hostPorts = ports.map((p) => `${p.hostPort ?? 0}/${p.protocol ?? ''}`).join(', ');
    if (hostPorts.includes(',')) w.write(2, `Host Ports:\t${hostPorts}\n`);
    else w.write(2, `Host Port:\t${hostPorts || '<none>'}\n`);
    const seccomp = c.securityContext?.seccompProfile;
    if (seccomp) {
      w.write(2, `SeccompProfile:\t${seccomp.type ?? ''}\n`);
      if (seccomp.type === 'Localhost') w.write(3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
    }
    if ((c.command ?? []).length > 0) {
      w.write(2, 'Command:\n');
      for (const part of c.command) for (const s of String(part).split('\n')) w.write(3, `${s}\n`);
    }
    if ((c.args ?? []).length > 0) {
      w.write(2, 'Args:\n');
      for (const part of c.args) for (const s of String(part).split('\n')) w.write(3, `${s}\n`);
    }
    if (status) {
      describeStatus('State', status.state ?? {}, w);
      if (status.lastState?.terminated) describeStatus('Last State', status.lastState, w);
      w.write(2, `Ready:\t${status.ready ? 'True' : 'False'}\n`);
      w.write(2, `Restart Count:\t${status.restartCount ?? 0}\n`);
    }
    describeResources(c.resources ?? {}, w, 2);
    for (const [key, title] of [['livenessProbe', 'Liveness'], ['readinessProbe', 'Readiness'], ['startupProbe', 'Startup']] as const) {
      if (c[key]) w.write(2, `${title}:\t${describeProbe(c[key])}\n`);
    }
    const envFrom: Json[] = c.envFrom ?? [];
    if (envFrom.length > 0) {
      w.write(2, 'Environment Variables from:\n');
      for (const e of envFrom) {
        const from = e.configMapRef ? 'ConfigMap' : e.secretRef ? 'Secret' : '';
        const ref = e.configMapRef ?? e.secretRef ?? {};
        const optional = ref.optional === true;
        if (!e.prefix) w.write(3, `${ref.name ?? ''}\t${from}\tOptional: ${optional}\n`);
        else w.write(3, `${ref.name ?? ''}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n`);
      }
    }
    const env: Json[] = c.env ?? [];
    w.write(2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
    for (const e of env) {
      if (!e.valueFrom) {
        String(e.value ?? '')
          .split('\n')
          .forEach((s, i) => w.write(3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
        continue;
      }
      const vf = e.valueFrom;
      if (vf.fieldRef) w.write(3, `${e.name}:\t${pod ? fieldPathValue(pod, vf.fieldRef.fieldPath) : ''} (${vf.fieldRef.apiVersion ?? ''}:${vf.fieldRef.fieldPath ?? ''})\n`);
      else if (vf.resourceFieldRef) w.write(3, `${e.name}:\t${resourceFieldValue(c, vf.resourceFieldRef)} (${vf.resourceFieldRef.resource ?? ''})\n`);
      else if (vf.secretKeyRef) w.write(3, `${e.name}:\t<set to the key '${vf.secretKeyRef.key ?? ''}' in secret '${vf.secretKeyRef.name ?? ''}'>\tOptional: ${vf.secretKeyRef.optional === true}\n`);
      else if (vf.configMapKeyRef) w.write(3, `${e.name}:\t<set to the key '${vf.configMapKeyRef.key ?? ''}' of config map '${vf.configMapKeyRef.name ?? ''}'>\tOptional: ${vf.configMapKeyRef.optional === true}\n`);
    }
    const mounts: Json[] = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0));
    w.write(2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`);
    for (const m of mounts) {
      const flags = [m.readOnly ? 'ro' : 'rw'];
      if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
      w.write(3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
    }
    const devices: Json[] = c.volumeDevices ?? [];
    if (devices.length > 0) {
      w.write(2, `Devices:${mounts.length === 0 ? '\t<none>' : ''}\n`);
      for (const d of [...devices].sort((a, b) => (a.devicePath < b.devicePath ? -1 : 1))) w.write(3, `${d.devicePath} from ${d.name}\n`);
    }
  }
}

/** EnvValueRetriever: kubectl's scheme converts only metadata.name and metadata.namespace as
 * field labels (DefaultMetaV1FieldSelectorConversion), so every other field path shows empty. */
function fieldPathValue(pod: KubeObject, path: string | undefined): string {
  if (path === 'metadata.name') return pod.metadata.name;
  if (path === 'metadata.namespace') return pod.metadata.namespace ?? '';
  return '';
}

function resourceFieldValue(container: Json, ref: Json): string {
  const [kind, name] = String(ref.resource ?? '').split('.');
  const raw = container.resources?.[kind]?.[name];
  if (raw === undefined) return (ref.resource === 'limits.cpu' || ref.resource === 'limits.memory') ? 'node allocatable' : '0';
  return String(raw);
}

function describeStatus(title: string, state: Json, w: PrefixWriter): void {
  if (state.running) {
    w.write(2, `${title}:\tRunning\n`);
    w.write(3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state.waiting) {
    w.write(2, `${title}:\tWaiting\n`);
    if (state.waiting.reason) w.write(3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state.terminated) {
    const t = state.terminated;
    w.write(2, `${title}:\tTerminated\n`);
    if (t.reason) w.write(3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(3, `Message:\t${t.message}\n`);
    w.write(3, `Exit Code:\t${t.exitCode ?? 0}\n`);
    if ((t.signal ?? 0) > 0) w.write(3, `Signal:\t${t.signal}\n`);
    w.write(3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else w.write(2, `${title}:\tWaiting\n`);
}

/** Resource names sorted as SortedResourceNames does (by name). */
function describeResources(resources: Json, w: PrefixWriter, level: number): void {
  const limits = resources.limits ?? {};
  const requests = resources.requests ?? {};
  // Quantity.String: the canonical form of each amount (0.5 is 500m, 1024Mi is 1Gi).
  const text = (v: unknown) => {
    const q = parseQuantity(v);
    return q ? quantityString(q) : String(v);
  };
  if (Object.keys(limits).length > 0) w.write(level, 'Limits:\n');
  for (const k of Object.keys(limits).sort()) w.write(level + 1, `${k}:\t${text(limits[k])}\n`);
  if (Object.keys(requests).length > 0) w.write(level, 'Requests:\n');
  for (const k of Object.keys(requests).sort()) w.write(level + 1, `${k}:\t${text(requests[k])}\n`);
}

/** DescribeProbe. */
function describeProbe(p: Json): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s #success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const port = p.httpGet.port === undefined ? '' : String(p.httpGet.port);
    const host = p.httpGet.host ?? '';
    const hostPort = port !== '' ? (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`) : host;
    const scheme = String(p.httpGet.scheme ?? '').toLowerCase();
    const path = p.httpGet.path ?? '';
    const url = `${scheme ? `${scheme}:` : ''}${hostPort !== '' || scheme ? `//${hostPort}` : ''}${path && !path.startsWith('/') && hostPort ? `/${path}` : path}`;
    return `http-get ${url} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${p.tcpSocket.port ?? ''} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port ?? 0} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

export function describeVolumes(volumes: Json[], w: PrefixWriter, space = ''): void {
  if (volumes.length === 0) {
    w.write(0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(1, `${space ? ' ' : ''}${v.name}:\n`);
    if (v.hostPath) w.write(2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path ?? ''}\n    HostPathType:\t${v.hostPath.type ?? '<none>'}\n`);
    else if (v.emptyDir) w.write(2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${v.emptyDir.sizeLimit && v.emptyDir.sizeLimit !== '0' ? v.emptyDir.sizeLimit : '<unset>'}\n`);
    else if (v.secret) w.write(2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName ?? ''}\n    Optional:\t${v.secret.optional === true}\n`);
    else if (v.configMap) w.write(2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name ?? ''}\n    Optional:\t${v.configMap.optional === true}\n`);
    else if (v.persistentVolumeClaim) w.write(2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${v.persistentVolumeClaim.claimName ?? ''}\n    ReadOnly:\t${v.persistentVolumeClaim.readOnly === true}\n`);
    else if (v.downwardAPI) {
      w.write(2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
      for (const item of v.downwardAPI.items ?? []) {
        if (item.fieldRef) w.write(3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
        if (item.resourceFieldRef) w.write(3, `${item.resourceFieldRef.resource} -> ${item.path}\n`);
      }
    } else if (v.projected) {
      w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
      for (const s of v.projected.sources ?? []) {
        if (s.secret) w.write(2, `SecretName:\t${s.secret.name ?? ''}\n    SecretOptionalName:\t${s.secret.optional === undefined ? '<nil>' : String(s.secret.optional)}\n`);
        else if (s.downwardAPI) w.write(2, 'DownwardAPI:\ttrue\n');
        else if (s.configMap) w.write(2, `ConfigMapName:\t${s.configMap.name ?? ''}\n    ConfigMapOptional:\t${s.configMap.optional === undefined ? '<nil>' : String(s.configMap.optional)}\n`);
        else if (s.serviceAccountToken) w.write(2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 3607}\n`);
      }
    } else w.write(1, '<unknown>\n');
  }
}

export function describeTopologySpreadConstraints(tscs: Json[], w: PrefixWriter, space = ''): void {
  if (tscs.length === 0) return;
  const sorted = [...tscs].sort((a, b) => (a.topologyKey < b.topologyKey ? -1 : a.topologyKey > b.topologyKey ? 1 : 0));
  w.write(0, `${space}Topology Spread Constraints:\t`);
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(0, `${space}\t`);
    let text = `${t.topologyKey}:${t.whenUnsatisfiable ?? ''} when max skew ${t.maxSkew ?? 0} is exceeded`;
    if (t.labelSelector) text += ` for selector ${formatLabels(t.labelSelector.matchLabels)}`;
    w.write(0, `${text}\n`);
  });
}

