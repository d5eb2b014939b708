// Services with their Endpoints and EndpointSlices (the controllers' view of the pods they
// select), and the routes that expose them under the apps domain.
import type { KubeObject } from '../../src/engine/world/types.ts';
import { guid, randomSuffix } from './ids.ts';
import type { KubeContext } from './kube-context.ts';
import { required, type PodSpec, type ServiceSpec } from './spec.ts';

/** The platform's services (the API server's, DNS, the router's two), then the spec's. */
export function allServices(ctx: KubeContext): ServiceSpec[] {
  const { spec } = ctx;
  return [
    { name: 'kubernetes', namespace: 'default', clusterIP: '172.30.0.1', ageMinutes: spec.clusterAgeMinutes + 10, ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }], labels: { component: 'apiserver', provider: 'kubernetes' } },
    { name: 'dns-default', namespace: 'openshift-dns', clusterIP: '172.30.0.10', ageMinutes: spec.clusterAgeMinutes, ports: [{ name: 'dns', port: 53, protocol: 'UDP', targetPort: 'dns' }, { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 'dns-tcp' }, { name: 'metrics', port: 9154, protocol: 'TCP', targetPort: 'metrics' }], selector: { 'dns.operator.openshift.io/daemonset-dns': 'default' }, labels: { 'dns.operator.openshift.io/owning-dns': 'default' } },
    {
      name: 'router-default',
      namespace: 'openshift-ingress',
      clusterIP: spec.router.clusterIP,
      ageMinutes: spec.clusterAgeMinutes - 30,
      type: 'LoadBalancer',
      uid: spec.router.uid,
      loadBalancerIp: spec.ips.router,
      // Since 2021 ARO's installer creates this service asking for the address ARO reserved (the
      // router's public IP, or on a private cluster the highest free address of the worker subnet).
      ...(spec.info.layout === '2020'
        ? {}
        : {
            annotations: {
              ...(spec.visibility === 'Private' ? { 'service.beta.kubernetes.io/azure-load-balancer-internal': 'true' } : {}),
              'service.beta.kubernetes.io/azure-load-balancer-ipv4': spec.ips.router,
              'traffic-policy.network.alpha.openshift.io/local-with-fallback': '',
            },
          }),
      externalTrafficPolicy: 'Local',
      healthCheckNodePort: spec.router.healthCheckNodePort,
      ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 'http', nodePort: spec.router.httpNodePort }, { name: 'https', port: 443, protocol: 'TCP', targetPort: 'https', nodePort: spec.router.httpsNodePort }],
      selector: { 'ingresscontroller.operator.openshift.io/deployment-ingresscontroller': 'default' },
      labels: { app: 'router', 'ingresscontroller.operator.openshift.io/owning-ingresscontroller': 'default', router: 'router-default' },
    },
    {
      name: 'router-internal-default',
      namespace: 'openshift-ingress',
      clusterIP: spec.router.internalClusterIP,
      ageMinutes: spec.clusterAgeMinutes - 30,
      ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' }, { name: 'https', port: 443, protocol: 'TCP', targetPort: 'https' }, { name: 'metrics', port: 1936, protocol: 'TCP', targetPort: 1936 }],
      selector: { 'ingresscontroller.operator.openshift.io/deployment-ingresscontroller': 'default' },
      labels: { 'ingresscontroller.operator.openshift.io/owning-ingresscontroller': 'default' },
      annotations: { 'service.alpha.openshift.io/serving-cert-secret-name': 'router-metrics-certs-default' },
    },
    ...spec.services,
  ];
}

/** Each service, then its Endpoints; the EndpointSlices (Kubernetes 1.21+) come back apart, to be
 * made after the routes, so that adding them left the other objects' resourceVersions as they were. */
export function serviceObjects(ctx: KubeContext, services: ServiceSpec[], pods: PodSpec[]): { objects: KubeObject[]; slices: Array<() => KubeObject> } {
  const { spec, meta, at, kubeMinor } = ctx;
  const objects: KubeObject[] = [];
  const slices: Array<() => KubeObject> = [];
  const podUid = (p: PodSpec) => guid(`k8s:${p.namespace}/${p.name}:${JSON.stringify(p.labels)}`);
  const podsOf = (s: ServiceSpec) => {
    const selector = s.selector;
    return selector ? pods.filter((p) => p.namespace === s.namespace && p.phase === 'Running' && Object.entries(selector).every(([k, v]) => p.labels[k] === v)) : [];
  };
  const zoneOf = (node: string) => `${spec.location}-${required([...spec.masters, ...spec.workers].find((x) => x.name === node), spec, `a node ${node}`).zone}`;
  for (const s of services) {
    const type = s.type ?? 'ClusterIP';
    objects.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { ...meta(s.name, s.ageMinutes, { ...(s.labels ? { labels: s.labels } : {}), ...(s.annotations ? { annotations: s.annotations } : {}) }, s.namespace), ...(s.uid ? { uid: s.uid } : {}) },
      // The API server of each release fills in the fields it knows: dual-stack's clusterIPs,
      // ipFamilies and ipFamilyPolicy and allocateLoadBalancerNodePorts from Kubernetes 1.20,
      // internalTrafficPolicy from 1.22 (on by default); 1.16's Services have none of them.
      spec: {
        clusterIP: s.clusterIP,
        ...(kubeMinor >= 20 ? { clusterIPs: [s.clusterIP], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' } : {}),
        ports: s.ports.map(servicePort),
        ...(s.selector ? { selector: s.selector } : {}),
        sessionAffinity: 'None',
        type,
        ...(type === 'LoadBalancer' ? { externalTrafficPolicy: s.externalTrafficPolicy ?? 'Cluster', ...(kubeMinor >= 20 ? { allocateLoadBalancerNodePorts: true } : {}) } : {}),
        ...(s.healthCheckNodePort ? { healthCheckNodePort: s.healthCheckNodePort } : {}),
        ...(kubeMinor >= 22 ? { internalTrafficPolicy: 'Cluster' } : {}),
      },
      status: { loadBalancer: s.loadBalancerIp ? { ingress: [{ ip: s.loadBalancerIp }] } : {} },
    });
    const endpointPods = podsOf(s);
    const addresses =
      s.name === 'kubernetes'
        ? spec.masters.map((m) => ({ ip: m.ip }))
        : endpointPods
            .map((p) => ({ ip: p.ip, nodeName: p.node, targetRef: { kind: 'Pod', name: p.name, namespace: p.namespace, uid: podUid(p) } }))
            // Sorted as the endpoints controller's RepackSubsets leaves them (LessEndpointAddress:
            // the IPs' bytes as text, then the pods' uids).
            .sort((a, b) => (a.ip !== b.ip ? (a.ip < b.ip ? -1 : 1) : a.targetRef.uid < b.targetRef.uid ? -1 : 1));
    const targetPortOf = (port: ServiceSpec['ports'][number]) => {
      if (typeof port.targetPort === 'number') return port.targetPort;
      const named = endpointPods[0]?.ports?.find((cp) => cp.name === port.targetPort);
      return named?.containerPort ?? port.port;
    };
    objects.push({
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: meta(s.name, s.ageMinutes, s.labels ? { labels: s.labels } : {}, s.namespace),
      ...(addresses.length ? { subsets: [{ addresses, ports: s.ports.map((p) => ({ ...(p.name ? { name: p.name } : {}), port: targetPortOf(p), protocol: p.protocol })) }] } : {}),
    });
    // discovery.k8s.io/v1 EndpointSlices (Kubernetes 1.21+): the controller's `<service>-<5 chars>`
    // for a service with a selector, the API server's own `kubernetes` slice for the API service.
    if (kubeMinor >= 21) {
      const svcUid = s.uid ?? guid(`k8s:${s.namespace}/${s.name}:${JSON.stringify(s.labels ?? {})}`);
      const own = s.name === 'kubernetes';
      const name = own ? 'kubernetes' : `${s.name}-${randomSuffix(`slice:${s.namespace}/${s.name}`, 5)}`;
      slices.push(() => ({
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: meta(
          name,
          s.ageMinutes,
          {
            labels: own ? { 'kubernetes.io/service-name': 'kubernetes' } : { ...(s.labels ?? {}), 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': s.name },
            ...(own ? {} : { annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': at(Math.min(s.ageMinutes, ...endpointPods.map((p) => p.ageMinutes - 1))) } }),
            ...(own ? {} : { generateName: `${s.name}-`, ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: s.name, uid: svcUid, controller: true, blockOwnerDeletion: true }] }),
          },
          s.namespace,
        ),
        addressType: 'IPv4',
        endpoints: own
          ? spec.masters.map((m) => ({ addresses: [m.ip], conditions: { ready: true } }))
          : endpointPods.map((p) => ({ addresses: [p.ip], conditions: { ready: true, serving: true, terminating: false }, nodeName: p.node, targetRef: { kind: 'Pod', name: p.name, namespace: p.namespace, uid: podUid(p) }, zone: zoneOf(p.node) })),
        ports: s.ports.map((p) => ({ name: p.name ?? '', port: targetPortOf(p), protocol: p.protocol })),
      }));
    }
  }
  return { objects, slices };
}

/** A service port as the spec gives it, with only the fields it has. */
function servicePort(p: ServiceSpec['ports'][number]): { [key: string]: string | number } {
  return Object.fromEntries(Object.entries(p).filter((e): e is [string, string | number] => e[1] !== undefined));
}

export function routeObjects(ctx: KubeContext): KubeObject[] {
  const { spec, meta, at, appsDomain } = ctx;
  return spec.routes.map((r) => {
    const host = `${r.name}-${r.namespace}.${appsDomain}`;
    return {
      apiVersion: 'route.openshift.io/v1',
      kind: 'Route',
      metadata: meta(r.name, r.ageMinutes, { labels: { app: r.service }, annotations: { 'openshift.io/host.generated': 'true' } }, r.namespace),
      spec: { host, port: { targetPort: r.targetPort }, to: { kind: 'Service', name: r.service, weight: 100 }, wildcardPolicy: 'None' },
      status: { ingress: [{ host, routerName: 'default', routerCanonicalHostname: `router-default.${appsDomain}`, wildcardPolicy: 'None', conditions: [{ type: 'Admitted', status: 'True', lastTransitionTime: at(r.ageMinutes) }] }] },
    };
  });
}
