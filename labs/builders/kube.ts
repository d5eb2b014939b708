// Every Kubernetes object of a lab, from its spec. The order they are made in sets their
// resourceVersions, so it is part of the world: new kinds of objects go last.
import type { KubeObject } from '../../src/engine/world/types.ts';
import { aroClusterObject, networkConfig, openShiftSdnObjects } from './cluster-network.ts';
import { controllersOf } from './controllers.ts';
import { recentEvents } from './events.ts';
import { ingressSecrets } from './ingress-operator.ts';
import { kubeContext, type KubeContext } from './kube-context.ts';
import { nodeObjects } from './kube-nodes.ts';
import { allPods, podObject } from './kube-pods.ts';
import { allServices, routeObjects, serviceObjects } from './kube-services.ts';
import { clusterOperators, operatorObjects } from './operators.ts';
import { defaultIngressController } from './router.ts';
import { serviceAccounts } from './service-accounts.ts';
import type { LabSpec } from './spec.ts';

/** A namespace and its project, the app's made 20 minutes before its first pod. */
function namespaceObjects(ctx: KubeContext, namespaces: string[]): KubeObject[] {
  const { spec, meta, kubeMinor } = ctx;
  return namespaces.flatMap((ns): KubeObject[] => {
    const age = ns === spec.project ? Math.max(...spec.pods.filter((p) => p.namespace === ns).map((p) => p.ageMinutes)) + 20 : spec.clusterAgeMinutes;
    const annotations = (): Record<string, string> => (ns === spec.project ? { 'openshift.io/requester': 'kube:admin', 'openshift.io/display-name': '', 'openshift.io/description': '' } : {});
    return [
      { apiVersion: 'v1', kind: 'Namespace', metadata: meta(ns, age, { ...(kubeMinor >= 21 ? { labels: { 'kubernetes.io/metadata.name': ns } } : {}), annotations: annotations() }), spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } },
      { apiVersion: 'project.openshift.io/v1', kind: 'Project', metadata: meta(ns, age, { annotations: annotations() }), spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } },
    ];
  });
}

export function buildKube(spec: LabSpec): KubeObject[] {
  const ctx = kubeContext(spec);
  const namespaces = ['default', 'kube-system', 'openshift-dns', 'openshift-ingress', 'openshift-ingress-operator', 'openshift-machine-api', spec.project];
  const objects: KubeObject[] = [...namespaceObjects(ctx, namespaces), ...nodeObjects(ctx)];
  const pods = allPods(ctx);
  objects.push(...pods.map((p) => podObject(ctx, p)));
  const services = serviceObjects(ctx, allServices(ctx), pods);
  objects.push(...services.objects, ...routeObjects(ctx), ...services.slices.map((make) => make()));
  objects.push(networkConfig(ctx));
  if (spec.network === 'OpenShiftSDN') objects.push(...openShiftSdnObjects(ctx, objects));
  // Today's IngressController comes here; 2020's was made after the controllers.
  if (spec.info.layout === 'today') objects.push(defaultIngressController(ctx));
  if (spec.gateway) objects.push(aroClusterObject(ctx, spec.gateway));
  objects.push(...controllersOf(ctx, pods));
  objects.push(...clusterOperators(ctx));
  objects.push(...recentEvents(ctx, objects));
  objects.push(...ingressSecrets(spec, ctx.meta));
  // Made last, so that the objects above keep the resourceVersions they were first written with.
  objects.push(...operatorObjects(ctx, objects));
  objects.push(...serviceAccounts(ctx, [...namespaces, 'openshift-console']));
  return objects;
}
