// The API resources `kubectl`/`oc` can name, as discovery on an ARO (OpenShift 4) cluster lists
// them: plural, singular and short names, kind, group/version, scope and categories. Both
// commands talk to the same API server, so `kubectl get routes` and `kubectl get projects` work
// exactly like `oc get ...` (OpenShift serves those resources to every client).
//
// This is the only place that knows the table: the fixture API server serves these resources and
// the bridge lets their paths through, kubectl and oc name them.
import { groupOf, type KubeObject } from './schema/kube.ts';
import { field, optStr } from './json.ts';

export interface ApiResource {
  plural: string;
  singular: string;
  shortNames: string[];
  kind: string;
  /** "" for the core group. */
  group: string;
  version: string;
  namespaced: boolean;
  categories: string[];
  /** The Kubernetes minor version from which a server serves this group/version by default
   * (absent: every server the labs imitate), and the first that no longer serves it. */
  since?: number;
  until?: number;
  /** Served by a custom resource definition an operator installs (the ARO operator's
   * aro.openshift.io), which a cluster has only where the operator made its object. */
  crd?: boolean;
}

function r(
  plural: string,
  singular: string,
  kind: string,
  groupVersion: string,
  namespaced: boolean,
  shortNames: string[] = [],
  categories: string[] = [],
): ApiResource {
  const slash = groupVersion.lastIndexOf('/');
  const group = slash < 0 ? '' : groupVersion.slice(0, slash);
  const version = slash < 0 ? groupVersion : groupVersion.slice(slash + 1);
  return { plural, singular, shortNames, kind, group, version, namespaced, categories };
}

const served = (res: ApiResource, since?: number, until?: number, crd?: boolean): ApiResource => ({ ...res, ...(since !== undefined ? { since } : {}), ...(until !== undefined ? { until } : {}), ...(crd ? { crd } : {}) });

/** In discovery order: the order `get all` prints its sections in. */
export const apiResources: readonly ApiResource[] = [
  r('pods', 'pod', 'Pod', 'v1', true, ['po'], ['all']),
  r('replicationcontrollers', 'replicationcontroller', 'ReplicationController', 'v1', true, ['rc'], ['all']),
  r('services', 'service', 'Service', 'v1', true, ['svc'], ['all']),
  r('endpoints', 'endpoints', 'Endpoints', 'v1', true, ['ep']),
  r('namespaces', 'namespace', 'Namespace', 'v1', false, ['ns']),
  r('nodes', 'node', 'Node', 'v1', false, ['no']),
  r('configmaps', 'configmap', 'ConfigMap', 'v1', true, ['cm']),
  r('secrets', 'secret', 'Secret', 'v1', true),
  r('serviceaccounts', 'serviceaccount', 'ServiceAccount', 'v1', true, ['sa']),
  r('events', 'event', 'Event', 'v1', true, ['ev']),
  r('persistentvolumeclaims', 'persistentvolumeclaim', 'PersistentVolumeClaim', 'v1', true, ['pvc']),
  r('persistentvolumes', 'persistentvolume', 'PersistentVolume', 'v1', false, ['pv']),
  // Served by every server; the labs hold none (`describe namespace`: "No resource quota.").
  r('resourcequotas', 'resourcequota', 'ResourceQuota', 'v1', true, ['quota']),
  r('limitranges', 'limitrange', 'LimitRange', 'v1', true, ['limits']),
  r('daemonsets', 'daemonset', 'DaemonSet', 'apps/v1', true, ['ds'], ['all']),
  r('deployments', 'deployment', 'Deployment', 'apps/v1', true, ['deploy'], ['all']),
  r('replicasets', 'replicaset', 'ReplicaSet', 'apps/v1', true, ['rs'], ['all']),
  r('statefulsets', 'statefulset', 'StatefulSet', 'apps/v1', true, ['sts'], ['all']),
  served(r('horizontalpodautoscalers', 'horizontalpodautoscaler', 'HorizontalPodAutoscaler', 'autoscaling/v2', true, ['hpa'], ['all']), 23),
  served(r('cronjobs', 'cronjob', 'CronJob', 'batch/v1', true, ['cj'], ['all']), 21),
  r('jobs', 'job', 'Job', 'batch/v1', true, [], ['all']),
  served(r('endpointslices', 'endpointslice', 'EndpointSlice', 'discovery.k8s.io/v1', true), 21),
  served(r('ingresses', 'ingress', 'Ingress', 'networking.k8s.io/v1', true, ['ing']), 19),
  r('networkpolicies', 'networkpolicy', 'NetworkPolicy', 'networking.k8s.io/v1', true, ['netpol']),
  r('storageclasses', 'storageclass', 'StorageClass', 'storage.k8s.io/v1', false, ['sc']),
  // coordination.k8s.io/v1 from Kubernetes 1.14: every lab's server (the 2020 cluster's is 1.16).
  r('leases', 'lease', 'Lease', 'coordination.k8s.io/v1', true),
  r('deploymentconfigs', 'deploymentconfig', 'DeploymentConfig', 'apps.openshift.io/v1', true, ['dc'], ['all']),
  r('buildconfigs', 'buildconfig', 'BuildConfig', 'build.openshift.io/v1', true, ['bc'], ['all']),
  r('builds', 'build', 'Build', 'build.openshift.io/v1', true, [], ['all']),
  r('imagestreams', 'imagestream', 'ImageStream', 'image.openshift.io/v1', true, ['is'], ['all']),
  r('projects', 'project', 'Project', 'project.openshift.io/v1', false),
  r('routes', 'route', 'Route', 'route.openshift.io/v1', true, [], ['all']),
  r('clusteroperators', 'clusteroperator', 'ClusterOperator', 'config.openshift.io/v1', false, ['co']),
  r('clusterversions', 'clusterversion', 'ClusterVersion', 'config.openshift.io/v1', false),
  r('infrastructures', 'infrastructure', 'Infrastructure', 'config.openshift.io/v1', false),
  r('networks', 'network', 'Network', 'config.openshift.io/v1', false),
  r('ingresscontrollers', 'ingresscontroller', 'IngressController', 'operator.openshift.io/v1', true),
  r('dnses', 'dns', 'DNS', 'operator.openshift.io/v1', false),
  served(r('clusters', 'cluster', 'Cluster', 'aro.openshift.io/v1alpha1', false), undefined, undefined, true),
];

/** The versions an older server serves instead of one of the table's (each resource's preferred
 * version is the newest it serves): Kubernetes 1.16 (OpenShift 4.3, the 2020 cluster) has
 * autoscaling/v1, batch/v1beta1 and networking.k8s.io/v1beta1, and no EndpointSlice, whose
 * discovery.k8s.io was alpha and off by default until 1.17 made v1beta1 beta (removed in 1.25). */
const olderVersions: readonly ApiResource[] = [
  r('horizontalpodautoscalers', 'horizontalpodautoscaler', 'HorizontalPodAutoscaler', 'autoscaling/v1', true, ['hpa'], ['all']),
  served(r('cronjobs', 'cronjob', 'CronJob', 'batch/v1beta1', true, ['cj'], ['all']), 8, 25),
  served(r('endpointslices', 'endpointslice', 'EndpointSlice', 'discovery.k8s.io/v1beta1', true), 17, 25),
  served(r('ingresses', 'ingress', 'Ingress', 'networking.k8s.io/v1beta1', true, ['ing']), 14, 22),
];

/** `v1.33.2+abc` -> 33; undefined when the version is unknown. */
export function minorOf(version: string | undefined): number | undefined {
  const m = /^v?1\.(\d+)/.exec(version ?? '');
  return m ? Number(m[1]) : undefined;
}

/** The table's resources a server of this version serves, each at its preferred version, in
 * discovery order. `heldGroups`: the API groups the cluster holds objects of (the custom resources'
 * operators make theirs). An unknown version serves the table as it is. */
export function servedResources(version: string | undefined, heldGroups: ReadonlySet<string>): ApiResource[] {
  const minor = minorOf(version);
  const serves = (res: ApiResource) => (minor === undefined || ((res.since ?? 0) <= minor && (res.until === undefined || minor < res.until))) && (!res.crd || heldGroups.has(res.group));
  const out: ApiResource[] = [];
  for (const res of apiResources) {
    const chosen = [res, ...olderVersions.filter((o) => o.group === res.group && o.plural === res.plural)].find(serves);
    if (chosen) out.push(chosen);
  }
  return out;
}


/** The API server's version as the nodes report it: the control plane's kubelet (a master's), else
 * the first node's. undefined when the lab has no nodes. */
export function serverVersion(objects: readonly KubeObject[]): string | undefined {
  const nodes = objects.filter((o) => o.kind === 'Node' && o.apiVersion === 'v1');
  const master = nodes.find((n) => Object.keys(n.metadata.labels ?? {}).some((l) => l === 'node-role.kubernetes.io/master' || l === 'node-role.kubernetes.io/control-plane'));
  return optStr(field((master ?? nodes[0])?.status, 'nodeInfo', 'kubeletVersion'));
}

/** What the API server over these objects serves: the table at its version, and the custom
 * resources whose objects it holds. */
export function servedBy(objects: readonly KubeObject[], version = serverVersion(objects)): ApiResource[] {
  return servedResources(version, new Set(objects.map((o) => groupOf(o.apiVersion))));
}

/** Every group/version a server may serve, the older ones included: what discovery may name. */
export const everyApiResource: readonly ApiResource[] = [...apiResources, ...olderVersions];

const groupVersionOf = (res: ApiResource) => (res.group ? `${res.group}/${res.version}` : res.version);

/** Legacy discovery as the API server answers it (`/api`, `/api/v1`, `/apis`, `/apis/GROUP/VERSION`)
 * for the resources it serves; undefined for any other path. */
export function discoveryDocument(path: string, resources: readonly ApiResource[]): Record<string, unknown> | undefined {
  if (path === '/api') return { kind: 'APIVersions', versions: ['v1'] };
  if (path === '/apis') {
    const versions = new Map<string, string[]>();
    for (const res of resources) {
      if (!res.group) continue;
      const list = versions.get(res.group) ?? [];
      if (!list.includes(res.version)) list.push(res.version);
      versions.set(res.group, list);
    }
    return {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: [...versions].map(([name, list]) => {
        const ordered = [...list].sort(byVersionPriority);
        return { name, versions: ordered.map((version) => ({ groupVersion: `${name}/${version}`, version })), preferredVersion: { groupVersion: `${name}/${ordered[0]}`, version: ordered[0] } };
      }),
    };
  }
  const m = /^\/api\/(v1)$|^\/apis\/([^/]+)\/([^/]+)$/.exec(path);
  if (!m) return undefined;
  const [group, version] = m[1] ? ['', m[1]] : [m[2], m[3]];
  const listed = resources.filter((res) => res.group === group && res.version === version);
  if (!listed.length) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: groupVersionOf(listed[0]),
    resources: listed.flatMap((res) => [
      {
        name: res.plural,
        singularName: res.singular,
        namespaced: res.namespaced,
        kind: res.kind,
        verbs: ['get', 'list', 'watch'],
        ...(res.shortNames.length ? { shortNames: res.shortNames } : {}),
        ...(res.categories.length ? { categories: res.categories } : {}),
      },
      ...(SUBRESOURCES[`${res.group}/${res.plural}`] ?? []).map((sub) => ({ name: `${res.plural}/${sub.name}`, singularName: '', namespaced: res.namespaced, group: sub.group, version: sub.version, kind: sub.kind, verbs: sub.verbs })),
    ]),
  };
}

/** The subresources the lab's API server writes, as discovery lists them after their resource:
 * kubectl scale finds a resource's Scale kind there (scale.NewDiscoveryScaleKindResolver). */
const SCALE = { name: 'scale', group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] };
const SUBRESOURCES: Record<string, { name: string; group: string; version: string; kind: string; verbs: string[] }[]> = {
  'apps/deployments': [SCALE],
  'apps/replicasets': [SCALE],
  'apps/statefulsets': [SCALE],
  '/replicationcontrollers': [SCALE],
  'apps.openshift.io/deploymentconfigs': [
    { name: 'instantiate', group: 'apps.openshift.io', version: 'v1', kind: 'DeploymentRequest', verbs: ['create'] },
    { ...SCALE, group: 'extensions', version: 'v1beta1' },
  ],
};

/** Kubernetes' version priority (GA before beta before alpha, higher numbers first): v2, v1, v1beta1… */
function byVersionPriority(a: string, b: string): number {
  const rank = (v: string) => {
    const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
    if (!m) return [0, 0, 0];
    return [m[2] === undefined ? 2 : m[2] === 'beta' ? 1 : 0, Number(m[1]), Number(m[3] ?? 0)];
  };
  const [x, y] = [rank(a), rank(b)];
  return y[0] - x[0] || y[1] - x[1] || y[2] - x[2];
}

/** The table's resources a server serves, as its discovery's resource lists name them (group/version
 * → plurals): each at the first version of the table that lists it. */
export function resourcesOfDiscovery(lists: ReadonlyMap<string, readonly string[]>): ApiResource[] {
  const out: ApiResource[] = [];
  for (const res of apiResources) {
    const chosen = [res, ...olderVersions.filter((o) => o.group === res.group && o.plural === res.plural)].find((c) => lists.get(groupVersionOf(c))?.includes(c.plural));
    if (chosen) out.push(chosen);
  }
  return out;
}

/** Result of resolving what the user typed (`po`, `Services`, `routes.route.openshift.io`). */
export type Resolved = { ok: true; resource: ApiResource } | { ok: false; resourceName: string };

function matchesName(res: ApiResource, name: string): boolean {
  return res.plural === name || res.singular === name || res.kind.toLowerCase() === name;
}

/**
 * The RESTMapper's view: short names first, then plural/singular/kind (case-insensitive), then
 * the fully qualified forms `resource.group` and `resource.version.group`.
 */
export function resolveResource(typed: string, resources: readonly ApiResource[] = apiResources): Resolved {
  const lower = typed.toLowerCase();
  const short = resources.find((res) => res.shortNames.includes(lower));
  if (short) return { ok: true, resource: short };
  const plain = resources.find((res) => matchesName(res, lower));
  if (plain) return { ok: true, resource: plain };
  const dot = lower.indexOf('.');
  if (dot > 0) {
    const name = lower.slice(0, dot);
    const rest = lower.slice(dot + 1);
    const dot2 = rest.indexOf('.');
    if (dot2 > 0) {
      const version = rest.slice(0, dot2);
      const group = rest.slice(dot2 + 1);
      const r3 = resources.find((res) => matchesName(res, name) && res.version === version && res.group === group);
      if (r3) return { ok: true, resource: r3 };
    }
    const r2 = resources.find((res) => matchesName(res, name) && res.group === rest);
    if (r2) return { ok: true, resource: r2 };
    // A group may be abbreviated to a prefix: `network.config` is networks.config.openshift.io.
    const prefixed = resources.find((res) => matchesName(res, name) && res.group.startsWith(rest));
    if (prefixed) return { ok: true, resource: prefixed };
    return { ok: false, resourceName: typed.slice(0, dot) };
  }
  return { ok: false, resourceName: typed };
}

/** Resources of a category alias (`all`), in discovery order. */
export function categoryResources(category: string, resources: readonly ApiResource[] = apiResources): ApiResource[] {
  return resources.filter((res) => res.categories.includes(category));
}

/** `pod`, `service`, `route.route.openshift.io`: how -o name and kind/NAME cells spell a type. */
export function kindPrefix(res: ApiResource): string {
  return res.group === '' ? res.kind.toLowerCase() : `${res.kind.toLowerCase()}.${res.group}`;
}

/** `pods`, `routes.route.openshift.io`: how NotFound messages name a resource. */
export function qualifiedPlural(res: ApiResource): string {
  return res.group === '' ? res.plural : `${res.plural}.${res.group}`;
}

/** API server path of a collection or of one object. */
export function resourcePath(res: ApiResource, namespace: string | undefined, name?: string): string {
  const base = res.group === '' ? `/api/${res.version}` : `/apis/${res.group}/${res.version}`;
  const ns = res.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${base}${ns}/${res.plural}${name !== undefined ? `/${encodeURIComponent(name)}` : ''}`;
}

export { groupOf };
