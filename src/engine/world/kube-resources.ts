// The API resources `kubectl`/`oc` can name, as discovery on an ARO (OpenShift 4) cluster lists
// them: plural, singular and short names, kind, group/version, scope and categories. Both
// commands talk to the same API server, so `kubectl get routes` and `kubectl get projects` work
// exactly like `oc get ...` (OpenShift serves those resources to every client).
//
// This is the only place that knows the table: the fixture API server serves these resources and
// the bridge lets their paths through, kubectl and oc name them.

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
  r('daemonsets', 'daemonset', 'DaemonSet', 'apps/v1', true, ['ds'], ['all']),
  r('deployments', 'deployment', 'Deployment', 'apps/v1', true, ['deploy'], ['all']),
  r('replicasets', 'replicaset', 'ReplicaSet', 'apps/v1', true, ['rs'], ['all']),
  r('statefulsets', 'statefulset', 'StatefulSet', 'apps/v1', true, ['sts'], ['all']),
  r('horizontalpodautoscalers', 'horizontalpodautoscaler', 'HorizontalPodAutoscaler', 'autoscaling/v2', true, ['hpa'], ['all']),
  r('cronjobs', 'cronjob', 'CronJob', 'batch/v1', true, ['cj'], ['all']),
  r('jobs', 'job', 'Job', 'batch/v1', true, [], ['all']),
  r('endpointslices', 'endpointslice', 'EndpointSlice', 'discovery.k8s.io/v1', true),
  r('ingresses', 'ingress', 'Ingress', 'networking.k8s.io/v1', true, ['ing']),
  r('networkpolicies', 'networkpolicy', 'NetworkPolicy', 'networking.k8s.io/v1', true, ['netpol']),
  r('storageclasses', 'storageclass', 'StorageClass', 'storage.k8s.io/v1', false, ['sc']),
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
  r('clusters', 'cluster', 'Cluster', 'aro.openshift.io/v1alpha1', false),
];

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
