// kubectl's PodDescriber (pkg/describe/describe.go: describePod, describeContainers,
// describeVolumes, DescribeEvents). Events are searched by name, namespace and uid, without a kind.
import type { KubeObject, World } from '../../../world/types.ts';
import { describeEvents, searchEvents } from './events.ts';
import { formatLabels } from '../../../format/kube/printers/helpers.ts';
import { parseQuantity, quantityString, rfc1123z, since } from './go.ts';
import type { PrefixWriter } from './tabwriter.ts';
import { printAnnotations, printLabels, printTolerations, type DescribeSettings, describeInWriter } from './shared.ts';
import { isKubeObject } from '../../../world/schema/kube.ts';
import { KubeError } from '../api.ts';
import { listEvents } from './events.ts';
import { fieldSet } from './go.ts';
import { arr, field, obj, str, type Json } from '../../../world/json.ts';

export async function describePodByName(world: World, namespace: string, name: string, settings: DescribeSettings): Promise<string> {
  const response = await world.kube(`/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(name)}`);
  if (response.failure || response.status !== 200) {
    const message = String(field(response.body, 'message') ?? `pods "${name}" not found`);
    const reason = field(response.body, 'reason');
    const error = new KubeError(reason ? `Error from server (${String(reason)}): ${message}` : `Error from server: ${message}`, response.status === 404);
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
  const pod = response.body;
  if (!isKubeObject(pod)) throw new KubeError(`error: the server's answer for pod "${name}" is not a Kubernetes object`);
  let events: readonly unknown[] | undefined;
  if (settings.showEvents) {
    const mirror = pod.metadata.annotations?.['kubernetes.io/config.mirror'];
    events = await searchEvents(world, { name: pod.metadata.name, namespace: pod.metadata.namespace ?? '', uid: mirror ?? pod.metadata.uid }, settings.chunkSize);
  }
  return describePod(pod, events, settings.now);
}

export function describePod(pod: KubeObject, events: readonly unknown[] | undefined, now: Date): string {
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  return describeInWriter((w) => {
    w.write(0, `Name:\t${pod.metadata.name}\n`);
    w.write(0, `Namespace:\t${pod.metadata.namespace ?? ''}\n`);
    if (spec.priority !== undefined && spec.priority !== null) w.write(0, `Priority:\t${String(spec.priority)}\n`);
    if (spec.priorityClassName) w.write(0, `Priority Class Name:\t${String(spec.priorityClassName)}\n`);
    if (spec.runtimeClassName) w.write(0, `Runtime Class Name:\t${String(spec.runtimeClassName)}\n`);
    if (spec.serviceAccountName) w.write(0, `Service Account:\t${String(spec.serviceAccountName)}\n`);
    if (!spec.nodeName) w.write(0, 'Node:\t<none>\n');
    else w.write(0, `Node:\t${String(spec.nodeName)}/${String(status.hostIP ?? '')}\n`);
    if (status.startTime) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
    printLabels(w, 'Labels', pod.metadata.labels);
    printAnnotations(w, 'Annotations', pod.metadata.annotations);
    const deletion = field(pod, 'metadata', 'deletionTimestamp');
    if (deletion && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
      w.write(0, `Status:\tTerminating (lasts ${since(deletion, now)})\n`);
      w.write(0, `Termination Grace Period:\t${String(field(pod, 'metadata', 'deletionGracePeriodSeconds') ?? 0)}s\n`);
    } else w.write(0, `Status:\t${String(status.phase ?? '')}\n`);
    if (status.reason) w.write(0, `Reason:\t${String(status.reason)}\n`);
    if (status.message) w.write(0, `Message:\t${String(status.message)}\n`);
    const seccomp = field(spec, 'securityContext', 'seccompProfile');
    if (seccomp) {
      w.write(0, `SeccompProfile:\t${text(seccomp, 'type')}\n`);
      if (field(seccomp, 'type') === 'Localhost') w.write(0, `LocalhostProfile:\t${text(seccomp, 'localhostProfile')}\n`);
    }
    w.write(0, `IP:\t${String(status.podIP ?? '')}\n`);
    const ips = arr(status.podIPs);
    if (ips.length === 0) w.write(0, 'IPs:\t<none>\n');
    else {
      w.write(0, 'IPs:\n');
      for (const ip of ips) w.write(1, `IP:\t${text(ip, 'ip')}\n`);
    }
    const controller = arr(field(pod, 'metadata', 'ownerReferences')).find((o) => field(o, 'controller') === true);
    if (controller) w.write(0, `Controlled By:\t${String(field(controller, 'kind'))}/${String(field(controller, 'name'))}\n`);
    if (status.nominatedNodeName) w.write(0, `NominatedNodeName:\t${String(status.nominatedNodeName)}\n`);
    if (spec.resources) {
      w.write(0, 'Resources:\n');
      describeResources(spec.resources, w, 1);
    }
    const initContainers = arr(spec.initContainers);
    if (initContainers.length > 0) describeContainers('Init Containers', initContainers, status.initContainerStatuses, pod, w);
    describeContainers('Containers', arr(spec.containers), status.containerStatuses, pod, w);
    const ephemeralContainers = arr(spec.ephemeralContainers);
    if (ephemeralContainers.length > 0) describeContainers('Ephemeral Containers', ephemeralContainers, status.ephemeralContainerStatuses, pod, w);
    const gates = arr(spec.readinessGates);
    const conditions = arr(status.conditions);
    if (gates.length > 0) {
      w.write(0, 'Readiness Gates:\n  Type\tStatus\n');
      for (const g of gates) {
        const c = conditions.find((x) => field(x, 'type') === field(g, 'conditionType'));
        w.write(1, `${String(field(g, 'conditionType'))} \t${c ? String(field(c, 'status')) : '<none>'} \n`);
      }
    }
    if (conditions.length > 0) {
      w.write(0, 'Conditions:\n  Type\tStatus\n');
      for (const c of conditions) w.write(1, `${String(field(c, 'type'))} \t${String(field(c, 'status'))} \n`);
    }
    describeVolumes(arr(spec.volumes), w);
    w.write(0, `QoS Class:\t${qosClass(pod)}\n`);
    printLabels(w, 'Node-Selectors', spec.nodeSelector);
    printTolerations(w, 'Tolerations', arr(spec.tolerations));
    describeTopologySpreadConstraints(arr(spec.topologySpreadConstraints), w);
    if (events) describeEvents(events, w, now);
  });
}

/** A field printed as Go prints a string field: empty when it is missing. */
function text(value: unknown, ...path: string[]): string {
  return String(field(value, ...path) ?? '');
}

/** qos.GetPodQOS (status.qosClass when the server set it). */
function qosClass(pod: KubeObject): string {
  const given = pod.status?.qosClass;
  if (given) return String(given);
  const containers = [...arr(pod.spec?.containers), ...arr(pod.spec?.initContainers)];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const req = obj(field(c, 'resources', 'requests'));
    const lim = obj(field(c, 'resources', 'limits'));
    for (const r of ['cpu', 'memory']) {
      if (req[r] !== undefined || lim[r] !== undefined) any = true;
      if (lim[r] === undefined || (req[r] !== undefined && req[r] !== lim[r])) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** describeContainers; `space` indents a pod template's (DescribePodTemplate), whose containers have no status. */
export function describeContainers(label: string, containers: readonly Json[], statuses0: Json | undefined, pod: KubeObject | undefined, w: PrefixWriter, space = ''): void {
  const statuses = new Map<Json | undefined, Json>();
  for (const s of arr(statuses0)) statuses.set(field(s, 'name'), s);
  w.write(0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  for (const c of containers) {
    const status = statuses.get(field(c, 'name'));
    w.write(1, `${space ? ' ' : ''}${String(field(c, 'name'))}:\n`);
    if (status) w.write(2, `Container ID:\t${text(status, 'containerID')}\n`);
    w.write(2, `Image:\t${text(c, 'image')}\n`);
    if (status) w.write(2, `Image ID:\t${text(status, 'imageID')}\n`);
    const ports = arr(field(c, 'ports'));
    const portString = ports.map((p) => `${String(field(p, 'containerPort') ?? 0)}/${text(p, 'protocol')}`).join(', ');
    if (portString.includes(',')) w.write(2, `Ports:\t${portString}\n`);
    else w.write(2, `Port:\t${portString || '<none>'}\n`);
    const hostPorts = ports.map((p) => `${String(field(p, 'hostPort') ?? 0)}/${text(p, 'protocol')}`).join(', ');
    if (hostPorts.includes(',')) w.write(2, `Host Ports:\t${hostPorts}\n`);
    else w.write(2, `Host Port:\t${hostPorts || '<none>'}\n`);
    const seccomp = field(c, 'securityContext', 'seccompProfile');
    if (seccomp) {
      w.write(2, `SeccompProfile:\t${text(seccomp, 'type')}\n`);
      if (field(seccomp, 'type') === 'Localhost') w.write(3, `LocalhostProfile:\t${text(seccomp, 'localhostProfile')}\n`);
    }
    const command = arr(field(c, 'command'));
    if (command.length > 0) {
      w.write(2, 'Command:\n');
      for (const part of command) for (const s of String(part).split('\n')) w.write(3, `${s}\n`);
    }
    const args = arr(field(c, 'args'));
    if (args.length > 0) {
      w.write(2, 'Args:\n');
      for (const part of args) for (const s of String(part).split('\n')) w.write(3, `${s}\n`);
    }
    if (status) {
      describeStatus('State', field(status, 'state') ?? {}, w);
      const lastState = field(status, 'lastState');
      if (field(lastState, 'terminated')) describeStatus('Last State', lastState, w);
      w.write(2, `Ready:\t${field(status, 'ready') ? 'True' : 'False'}\n`);
      w.write(2, `Restart Count:\t${String(field(status, 'restartCount') ?? 0)}\n`);
    }
    describeResources(field(c, 'resources') ?? {}, w, 2);
    for (const [key, title] of [['livenessProbe', 'Liveness'], ['readinessProbe', 'Readiness'], ['startupProbe', 'Startup']] as const) {
      const probe = field(c, key);
      if (probe) w.write(2, `${title}:\t${describeProbe(probe)}\n`);
    }
    const envFrom = arr(field(c, 'envFrom'));
    if (envFrom.length > 0) {
      w.write(2, 'Environment Variables from:\n');
      for (const e of envFrom) {
        const configMapRef = field(e, 'configMapRef');
        const secretRef = field(e, 'secretRef');
        const from = configMapRef ? 'ConfigMap' : secretRef ? 'Secret' : '';
        const ref = configMapRef ?? secretRef ?? {};
        const optional = field(ref, 'optional') === true;
        const prefix = field(e, 'prefix');
        if (!prefix) w.write(3, `${text(ref, 'name')}\t${from}\tOptional: ${String(optional)}\n`);
        else w.write(3, `${text(ref, 'name')}\t${from} with prefix '${String(prefix)}'\tOptional: ${String(optional)}\n`);
      }
    }
    const env = arr(field(c, 'env'));
    w.write(2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
    for (const e of env) {
      const name = String(field(e, 'name'));
      const vf = field(e, 'valueFrom');
      if (!vf) {
        text(e, 'value')
          .split('\n')
          .forEach((s, i) => w.write(3, i === 0 ? `${name}:\t${s}\n` : `\t${s}\n`));
        continue;
      }
      const fieldRef = field(vf, 'fieldRef');
      const resourceFieldRef = field(vf, 'resourceFieldRef');
      const secretKeyRef = field(vf, 'secretKeyRef');
      const configMapKeyRef = field(vf, 'configMapKeyRef');
      if (fieldRef) w.write(3, `${name}:\t${pod ? fieldPathValue(pod, field(fieldRef, 'fieldPath')) : ''} (${text(fieldRef, 'apiVersion')}:${text(fieldRef, 'fieldPath')})\n`);
      else if (resourceFieldRef) w.write(3, `${name}:\t${resourceFieldValue(c, resourceFieldRef)} (${text(resourceFieldRef, 'resource')})\n`);
      else if (secretKeyRef) w.write(3, `${name}:\t<set to the key '${text(secretKeyRef, 'key')}' in secret '${text(secretKeyRef, 'name')}'>\tOptional: ${String(field(secretKeyRef, 'optional') === true)}\n`);
      else if (configMapKeyRef) w.write(3, `${name}:\t<set to the key '${text(configMapKeyRef, 'key')}' of config map '${text(configMapKeyRef, 'name')}'>\tOptional: ${String(field(configMapKeyRef, 'optional') === true)}\n`);
    }
    const mountPath = (m: Json) => str(field(m, 'mountPath'));
    const mounts = [...arr(field(c, 'volumeMounts'))].sort((a, b) => (mountPath(a) < mountPath(b) ? -1 : mountPath(a) > mountPath(b) ? 1 : 0));
    w.write(2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`);
    for (const m of mounts) {
      const flags = [field(m, 'readOnly') ? 'ro' : 'rw'];
      const subPath = field(m, 'subPath');
      if (subPath) flags.push(`path=${JSON.stringify(subPath)}`);
      w.write(3, `${String(field(m, 'mountPath'))} from ${String(field(m, 'name'))} (${flags.join(',')})\n`);
    }
    const devices = arr(field(c, 'volumeDevices'));
    if (devices.length > 0) {
      const devicePath = (d: Json) => str(field(d, 'devicePath'));
      w.write(2, `Devices:${mounts.length === 0 ? '\t<none>' : ''}\n`);
      for (const d of [...devices].sort((a, b) => (devicePath(a) < devicePath(b) ? -1 : 1))) w.write(3, `${String(field(d, 'devicePath'))} from ${String(field(d, 'name'))}\n`);
    }
  }
}

/** EnvValueRetriever: kubectl's scheme converts only metadata.name and metadata.namespace as
 * field labels (DefaultMetaV1FieldSelectorConversion), so every other field path shows empty. */
function fieldPathValue(pod: KubeObject, path: Json | undefined): string {
  if (path === 'metadata.name') return pod.metadata.name;
  if (path === 'metadata.namespace') return pod.metadata.namespace ?? '';
  return '';
}

function resourceFieldValue(container: Json, ref: Json): string {
  const resource = field(ref, 'resource');
  const [kind, name] = String(resource ?? '').split('.');
  const raw = field(container, 'resources', kind, name);
  if (raw === undefined) return resource === 'limits.cpu' || resource === 'limits.memory' ? 'node allocatable' : '0';
  return String(raw);
}

function describeStatus(title: string, state: Json | undefined, w: PrefixWriter): void {
  const running = field(state, 'running');
  const waiting = field(state, 'waiting');
  const t = field(state, 'terminated');
  if (running) {
    w.write(2, `${title}:\tRunning\n`);
    w.write(3, `Started:\t${rfc1123z(field(running, 'startedAt'))}\n`);
  } else if (waiting) {
    w.write(2, `${title}:\tWaiting\n`);
    const reason = field(waiting, 'reason');
    if (reason) w.write(3, `Reason:\t${String(reason)}\n`);
  } else if (t) {
    w.write(2, `${title}:\tTerminated\n`);
    const reason = field(t, 'reason');
    const message = field(t, 'message');
    const signal = field(t, 'signal');
    if (reason) w.write(3, `Reason:\t${String(reason)}\n`);
    if (message) w.write(3, `Message:\t${String(message)}\n`);
    w.write(3, `Exit Code:\t${String(field(t, 'exitCode') ?? 0)}\n`);
    if (Number(signal ?? 0) > 0) w.write(3, `Signal:\t${String(signal)}\n`);
    w.write(3, `Started:\t${rfc1123z(field(t, 'startedAt'))}\n`);
    w.write(3, `Finished:\t${rfc1123z(field(t, 'finishedAt'))}\n`);
  } else w.write(2, `${title}:\tWaiting\n`);
}

/** Resource names sorted as SortedResourceNames does (by name). */
function describeResources(resources: Json, w: PrefixWriter, level: number): void {
  const limits = obj(field(resources, 'limits'));
  const requests = obj(field(resources, 'requests'));
  // Quantity.String: the canonical form of each amount (0.5 is 500m, 1024Mi is 1Gi).
  const amount = (v: unknown) => {
    const q = parseQuantity(v);
    return q ? quantityString(q) : String(v);
  };
  if (Object.keys(limits).length > 0) w.write(level, 'Limits:\n');
  for (const k of Object.keys(limits).sort()) w.write(level + 1, `${k}:\t${amount(limits[k])}\n`);
  if (Object.keys(requests).length > 0) w.write(level, 'Requests:\n');
  for (const k of Object.keys(requests).sort()) w.write(level + 1, `${k}:\t${amount(requests[k])}\n`);
}

/** DescribeProbe. */
function describeProbe(p: Json): string {
  const n = (key: string) => String(field(p, key) ?? 0);
  const attrs = `delay=${n('initialDelaySeconds')}s timeout=${n('timeoutSeconds')}s period=${n('periodSeconds')}s #success=${n('successThreshold')} #failure=${n('failureThreshold')}`;
  const exec = field(p, 'exec');
  const httpGet = field(p, 'httpGet');
  const tcpSocket = field(p, 'tcpSocket');
  const grpc = field(p, 'grpc');
  if (exec) return `exec [${arr(field(exec, 'command')).join(' ')}] ${attrs}`;
  if (httpGet) {
    const portValue = field(httpGet, 'port');
    const port = portValue === undefined ? '' : String(portValue);
    const host = text(httpGet, 'host');
    const hostPort = port !== '' ? (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`) : host;
    const scheme = text(httpGet, 'scheme').toLowerCase();
    const path = text(httpGet, 'path');
    const url = `${scheme ? `${scheme}:` : ''}${hostPort !== '' || scheme ? `//${hostPort}` : ''}${path && !path.startsWith('/') && hostPort ? `/${path}` : path}`;
    return `http-get ${url} ${attrs}`;
  }
  if (tcpSocket) return `tcp-socket ${text(tcpSocket, 'host')}:${text(tcpSocket, 'port')} ${attrs}`;
  if (grpc) return `grpc <pod>:${String(field(grpc, 'port') ?? 0)} ${text(grpc, 'service')} ${attrs}`;
  return `unknown ${attrs}`;
}

export function describeVolumes(volumes: readonly Json[], w: PrefixWriter, space = ''): void {
  if (volumes.length === 0) {
    w.write(0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(0, `${space}Volumes:\n`);
  /** An optional bool as Go's %v of a *bool prints it. */
  const optional = (v: Json | undefined) => (v === undefined ? '<nil>' : String(v));
  for (const v of volumes) {
    w.write(1, `${space ? ' ' : ''}${String(field(v, 'name'))}:\n`);
    const hostPath = field(v, 'hostPath');
    const emptyDir = field(v, 'emptyDir');
    const secret = field(v, 'secret');
    const configMap = field(v, 'configMap');
    const claim = field(v, 'persistentVolumeClaim');
    const downwardAPI = field(v, 'downwardAPI');
    const projected = field(v, 'projected');
    if (hostPath) w.write(2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${text(hostPath, 'path')}\n    HostPathType:\t${String(field(hostPath, 'type') ?? '<none>')}\n`);
    else if (emptyDir) {
      const sizeLimit = field(emptyDir, 'sizeLimit');
      w.write(2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${text(emptyDir, 'medium')}\n    SizeLimit:\t${sizeLimit && sizeLimit !== '0' ? String(sizeLimit) : '<unset>'}\n`);
    } else if (secret) w.write(2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${text(secret, 'secretName')}\n    Optional:\t${String(field(secret, 'optional') === true)}\n`);
    else if (configMap) w.write(2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${text(configMap, 'name')}\n    Optional:\t${String(field(configMap, 'optional') === true)}\n`);
    else if (claim) w.write(2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${text(claim, 'claimName')}\n    ReadOnly:\t${String(field(claim, 'readOnly') === true)}\n`);
    else if (downwardAPI) {
      w.write(2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
      for (const item of arr(field(downwardAPI, 'items'))) {
        const path = String(field(item, 'path'));
        if (field(item, 'fieldRef')) w.write(3, `${String(field(item, 'fieldRef', 'fieldPath'))} -> ${path}\n`);
        if (field(item, 'resourceFieldRef')) w.write(3, `${String(field(item, 'resourceFieldRef', 'resource'))} -> ${path}\n`);
      }
    } else if (projected) {
      w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
      for (const source of arr(field(projected, 'sources'))) {
        const sourceSecret = field(source, 'secret');
        const sourceConfigMap = field(source, 'configMap');
        const token = field(source, 'serviceAccountToken');
        if (sourceSecret) w.write(2, `SecretName:\t${text(sourceSecret, 'name')}\n    SecretOptionalName:\t${optional(field(sourceSecret, 'optional'))}\n`);
        else if (field(source, 'downwardAPI')) w.write(2, 'DownwardAPI:\ttrue\n');
        else if (sourceConfigMap) w.write(2, `ConfigMapName:\t${text(sourceConfigMap, 'name')}\n    ConfigMapOptional:\t${optional(field(sourceConfigMap, 'optional'))}\n`);
        else if (token) w.write(2, `TokenExpirationSeconds:\t${String(field(token, 'expirationSeconds') ?? 3607)}\n`);
      }
    } else w.write(1, '<unknown>\n');
  }
}

export function describeTopologySpreadConstraints(tscs: readonly Json[], w: PrefixWriter, space = ''): void {
  if (tscs.length === 0) return;
  const key = (t: Json) => str(field(t, 'topologyKey'));
  const sorted = [...tscs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  w.write(0, `${space}Topology Spread Constraints:\t`);
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(0, `${space}\t`);
    let line = `${String(field(t, 'topologyKey'))}:${text(t, 'whenUnsatisfiable')} when max skew ${String(field(t, 'maxSkew') ?? 0)} is exceeded`;
    const labelSelector = field(t, 'labelSelector');
    if (labelSelector) line += ` for selector ${formatLabels(field(labelSelector, 'matchLabels'))}`;
    w.write(0, `${line}\n`);
  });
}
