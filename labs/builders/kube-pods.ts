// The cluster's pods: the DNS daemon set's (one per node), the router's, the ingress operator's
// and the spec's own app, each a Pod object as the kubelet reports it.
import { isJsonObject, optStr, type JsonObject } from '../../src/engine/world/json.ts';
import type { KubeObject } from '../../src/engine/world/types.ts';
import { guid, ipPlus, releaseImage } from './ids.ts';
import { ingressOperatorPod } from './ingress-operator.ts';
import type { KubeContext } from './kube-context.ts';
import { ingressCertificateSecret, routerWorkload } from './router.ts';
import { required, type PodSpec } from './spec.ts';

/** Every pod of the lab, the platform's first. */
export function allPods(ctx: KubeContext): PodSpec[] {
  const { spec } = ctx;
  const dnsPods = ctx.nodes.map(({ n }): PodSpec => ({
    name: `dns-default-${guid(`dns-pod:${n.name}`).replace(/[^a-z]/g, '').slice(0, 5).padEnd(5, 'x')}`,
    namespace: 'openshift-dns',
    node: n.name,
    ip: ipPlus(n.podCidr.split('/')[0], 3),
    ageMinutes: spec.clusterAgeMinutes - 20,
    image: releaseImage(spec.cluster.version, 'coredns'),
    labels: { 'dns.operator.openshift.io/daemonset-dns': 'default' },
    phase: 'Running',
    ports: [{ containerPort: 5353, protocol: 'UDP', name: 'dns' }, { containerPort: 5353, protocol: 'TCP', name: 'dns-tcp' }],
    owner: { kind: 'DaemonSet', name: 'dns-default', apiVersion: 'apps/v1' },
  }));
  // ARO sets the IngressController's default certificate to its own secret `<cluster document id>-ingress`.
  const router = routerWorkload(spec, ctx.appsDomain, ingressCertificateSecret(spec));
  const routerPods = spec.router.pods.map((r): PodSpec => ({
    name: r.name,
    namespace: 'openshift-ingress',
    node: r.node,
    ip: r.ip,
    ageMinutes: spec.clusterAgeMinutes - 30,
    image: releaseImage(spec.cluster.version, 'haproxy-router'),
    labels: { 'ingresscontroller.operator.openshift.io/deployment-ingresscontroller': 'default', 'pod-template-hash': spec.router.hash },
    phase: 'Running',
    owner: { kind: 'ReplicaSet', name: `router-default-${spec.router.hash}`, apiVersion: 'apps/v1' },
    ...router,
  }));
  return [...dnsPods, ...routerPods, ingressOperatorPod(spec), ...spec.pods];
}

/** The name of a pod's main container: the spec's, or what its controller calls it. */
export function containerName(p: PodSpec): string {
  return optStr(p.container?.name) ?? (p.name.endsWith('-deploy') ? 'deployment' : p.labels.deploymentconfig ?? p.labels.app ?? p.name.replace(/-[a-z0-9]+-[a-z0-9]+$|-[a-z0-9]{5}$/, ''));
}

/** A pod's main container as its template has it, then its sidecars. */
export function containersOf(p: PodSpec, name: string): JsonObject[] {
  return [{ name, image: p.image, ...(p.env ? { env: p.env } : {}), ...(p.ports ? { ports: p.ports } : {}), resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', imagePullPolicy: 'IfNotPresent', ...p.container }, ...(p.sidecars ?? [])];
}

export function podObject(ctx: KubeContext, p: PodSpec): KubeObject {
  const { spec, meta, at } = ctx;
  const running = p.phase === 'Running';
  const container = containerName(p);
  const started = at(p.ageMinutes - 1);
  const hostIP = required([...spec.masters, ...spec.workers].find((n) => n.name === p.node), spec, `a node ${p.node} for pod ${p.name}`).ip;
  const requests = (c: JsonObject | undefined) => isJsonObject(c?.resources) && Object.keys(c.resources).length > 0;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta(p.name, p.ageMinutes, { labels: p.labels, ...(p.owner ? { ownerReferences: [{ apiVersion: p.owner.apiVersion, kind: p.owner.kind, name: p.owner.name, uid: guid(`owner:${p.owner.name}`), controller: true, blockOwnerDeletion: true }] } : {}) }, p.namespace),
    spec: {
      containers: containersOf(p, container),
      restartPolicy: running ? 'Always' : 'Never',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      serviceAccountName: p.name.endsWith('-deploy') ? 'deployer' : 'default',
      nodeName: p.node,
      schedulerName: 'default-scheduler',
      ...p.podSpec,
    },
    status: {
      phase: p.phase,
      conditions: [
        { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: at(p.ageMinutes) },
        { type: 'Ready', status: running ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: started, ...(running ? {} : { reason: 'PodCompleted' }) },
        { type: 'ContainersReady', status: running ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: started, ...(running ? {} : { reason: 'PodCompleted' }) },
        { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: at(p.ageMinutes) },
      ],
      hostIP,
      podIP: p.ip,
      podIPs: [{ ip: p.ip }],
      startTime: at(p.ageMinutes),
      // The kubelet reports its containers' statuses sorted by name.
      containerStatuses: [{ name: container, image: p.image, seed: p.name }, ...(p.sidecars ?? []).map((c) => ({ name: c.name, image: c.image, seed: `${p.name}/${c.name}` }))]
        .sort((a, b) => (a.name < b.name ? -1 : 1))
        .map(({ name, image, seed }): JsonObject => ({
          name,
          ready: running,
          restartCount: 0,
          started: running,
          image,
          // CRI-O reports an image pulled by digest under that digest, any other under the repository's.
          imageID: image.includes('@sha256:') ? image : `${image.replace(/:[^/:]*$/, '')}@sha256:${guid(`image:${image}`).replace(/-/g, '')}${guid(`image2:${image}`).replace(/-/g, '')}`,
          containerID: `cri-o://${guid(`ctr:${seed}`).replace(/-/g, '')}${guid(`ctr2:${seed}`).replace(/-/g, '')}`,
          lastState: {},
          state: running ? { running: { startedAt: started } } : { terminated: { exitCode: 0, reason: 'Completed', startedAt: at(p.ageMinutes), finishedAt: started, containerID: `cri-o://${guid(`ctr:${seed}`).replace(/-/g, '')}` } },
        })),
      // Burstable once a container asks for resources (none of these sets limits equal to requests).
      qosClass: [p.container, ...(p.sidecars ?? [])].some(requests) ? 'Burstable' : 'BestEffort',
    },
  };
}
