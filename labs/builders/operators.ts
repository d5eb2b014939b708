// What the cluster's operators keep besides the pods: the DNS operator's objects and its daemon
// set, the cluster version, the console's namespace and route, and the cluster operators.
import { arr, field, isJsonObject, str } from '../../src/engine/world/json.ts';
import type { KubeObject } from '../../src/engine/world/types.ts';
import { guid, releaseImage, sha256Of } from './ids.ts';
import type { KubeContext } from './kube-context.ts';

/** What the cluster's operators keep besides the pods: the DaemonSet behind each DaemonSet-owned pod
 * (the DNS operator's `dns-default`, one pod per node, `kubernetes.io/os=linux`; 4.3's rolling
 * update replaces one pod at a time, 4.19's 10 % without surge — cluster-dns-operator
 * `pkg/operator/controller/controller_dns_daemonset.go` of each release), the DNS operator's own
 * `dns.operator/default`, the cluster version operator's `clusterversion/version` (the lab's
 * release, installed and never updated) and the console's route (reencrypt, plain http redirected
 * to https, as console-operator creates it). */
export function operatorObjects(ctx: KubeContext, objects: KubeObject[]): KubeObject[] {
  const { spec, meta, at, appsDomain } = ctx;
  const out: KubeObject[] = [];
  const v43 = spec.info.layout === '2020';
  const dnsUid = guid(`dns-operator:${spec.cluster.name}/default`);
  const dnsConditions = [
    { type: 'Degraded', status: 'False', reason: 'AsExpected', message: 'Enough DNS pods are available, and the DNS service has a cluster IP address.', lastTransitionTime: at(spec.clusterAgeMinutes - 25) },
    { type: 'Progressing', status: 'False', reason: 'AsExpected', message: 'All DNS and node-resolver pods are available, and the DNS service has a cluster IP address.', lastTransitionTime: at(spec.clusterAgeMinutes - 25) },
    { type: 'Available', status: 'True', reason: 'AsExpected', message: 'The DNS daemonset has available pods, and the DNS service has a cluster IP address.', lastTransitionTime: at(spec.clusterAgeMinutes - 24) },
    ...(v43 ? [] : [{ type: 'Upgradeable', status: 'True', reason: 'AsExpected', message: "DNS Operator can be upgraded", lastTransitionTime: at(spec.clusterAgeMinutes - 25) }]),
  ];
  const dnsService = objects.find((o) => o.kind === 'Service' && o.metadata.namespace === 'openshift-dns' && o.metadata.name === 'dns-default');
  out.push({
    apiVersion: 'operator.openshift.io/v1',
    kind: 'DNS',
    metadata: { ...meta('default', spec.clusterAgeMinutes - 18), uid: dnsUid, finalizers: ['dns.operator.openshift.io/dns-controller'], generation: 1 },
    spec: v43 ? {} : { cache: { negativeTTL: '0s', positiveTTL: '0s' }, logLevel: 'Normal', nodePlacement: {}, operatorLogLevel: 'Normal', upstreamResolvers: { policy: 'Sequential', transportConfig: {}, upstreams: [{ port: 53, type: 'SystemResolvConf' }] } },
    status: { clusterDomain: 'cluster.local', clusterIP: str(dnsService?.spec?.clusterIP), conditions: dnsConditions },
  });

  // One DaemonSet per owner the pods name, with the counts its controller reports for them.
  const owned = new Map<string, KubeObject[]>();
  for (const o of objects) {
    const owner = o.kind === 'Pod' ? arr(o.metadata.ownerReferences).find((r) => field(r, 'kind') === 'DaemonSet') : undefined;
    if (owner) owned.set(`${o.metadata.namespace}/${str(field(owner, 'name'))}`, [...(owned.get(`${o.metadata.namespace}/${str(field(owner, 'name'))}`) ?? []), o]);
  }
  for (const [key, pods] of owned) {
    const [namespace, name] = key.split('/');
    const first = pods[0];
    const { nodeName: _node, ...templateSpec } = first.spec ?? {};
    const selector = { ...first.metadata.labels };
    const ready = pods.filter((p) => arr(p.status?.conditions).some((c) => isJsonObject(c) && c.type === 'Ready' && c.status === 'True')).length;
    const age = Math.round((ctx.clock - Date.parse(first.metadata.creationTimestamp ?? '')) / 60_000) + 1;
    out.push({
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: {
        ...meta(name, age, { labels: { 'dns.operator.openshift.io/owning-dns': 'default' }, annotations: { 'deprecated.daemonset.template.generation': '1' }, ownerReferences: [{ apiVersion: 'operator.openshift.io/v1', kind: 'DNS', name: 'default', uid: dnsUid, controller: true }] }, namespace),
        uid: guid(`owner:${name}`),
        generation: 1,
      },
      spec: {
        selector: { matchLabels: selector },
        template: { metadata: { creationTimestamp: null, labels: selector }, spec: { ...templateSpec, nodeSelector: { 'kubernetes.io/os': 'linux' }, tolerations: [{ operator: 'Exists' }] } },
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: v43 ? { maxUnavailable: 1 } : { maxSurge: 0, maxUnavailable: '10%' } },
        revisionHistoryLimit: 10,
      },
      status: { currentNumberScheduled: pods.length, numberMisscheduled: 0, desiredNumberScheduled: pods.length, numberReady: ready, observedGeneration: 1, updatedNumberScheduled: pods.length, numberAvailable: ready },
    });
  }

  const version = spec.cluster.version;
  const installed = at(spec.clusterAgeMinutes + 10);
  const completed = at(spec.clusterAgeMinutes - 28);
  const image = `quay.io/openshift-release-dev/ocp-release@sha256:${sha256Of(`release:${version}`)}`;
  out.push({
    apiVersion: 'config.openshift.io/v1',
    kind: 'ClusterVersion',
    metadata: { ...meta('version', spec.clusterAgeMinutes + 10), generation: 1 },
    spec: { channel: `stable-${version.split('.').slice(0, 2).join('.')}`, clusterID: guid(`cluster-id:${spec.cluster.name}`) },
    status: {
      availableUpdates: null,
      conditions: [
        { type: 'Available', status: 'True', lastTransitionTime: completed, message: `Done applying ${version}` },
        { type: 'Failing', status: 'False', lastTransitionTime: completed },
        { type: 'Progressing', status: 'False', lastTransitionTime: completed, message: `Cluster version is ${version}` },
        { type: 'RetrievedUpdates', status: 'False', lastTransitionTime: installed, reason: 'RemoteFailed', message: 'Unable to retrieve available updates: currently installed version ' + version + ' not found in the "stable-' + version.split('.').slice(0, 2).join('.') + '" channel' },
      ],
      desired: { image, version },
      history: [{ completionTime: completed, image, startedTime: installed, state: 'Completed', verified: false, version }],
      observedGeneration: 1,
      versionHash: Buffer.from(sha256Of(`version-hash:${version}`).slice(0, 8), 'hex').toString('base64'),
    },
  });

  // The console's namespace, made by the cluster version operator at installation.
  const consoleMeta = () => meta('openshift-console', spec.clusterAgeMinutes, { ...(ctx.kubeMinor >= 21 ? { labels: { 'kubernetes.io/metadata.name': 'openshift-console' } } : {}), annotations: {} });
  out.push({ apiVersion: 'v1', kind: 'Namespace', metadata: consoleMeta(), spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
  out.push({ apiVersion: 'project.openshift.io/v1', kind: 'Project', metadata: consoleMeta(), spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
  const consoleHost = `console-openshift-console.${appsDomain}`;
  out.push({
    apiVersion: 'route.openshift.io/v1',
    kind: 'Route',
    metadata: meta('console', spec.clusterAgeMinutes - 20, { labels: { app: 'console' }, annotations: { 'openshift.io/host.generated': 'false' } }, 'openshift-console'),
    spec: { host: consoleHost, port: { targetPort: 'https' }, tls: { insecureEdgeTerminationPolicy: 'Redirect', termination: 'reencrypt' }, to: { kind: 'Service', name: 'console', weight: 100 }, wildcardPolicy: 'None' },
    status: { ingress: [{ host: consoleHost, routerName: 'default', routerCanonicalHostname: `router-default.${appsDomain}`, wildcardPolicy: 'None', conditions: [{ type: 'Admitted', status: 'True', lastTransitionTime: at(spec.clusterAgeMinutes - 20) }] }] },
  });
  return out;
}

/** The cluster operators of a release, as `oc get clusteroperators` lists them on a healthy cluster
 * of that version (the release payload's ClusterOperator manifests: OpenShift 4.3 still had the
 * service catalog's two and no etcd operator; 4.19 adds the ones of later releases and ARO's own
 * `aro`, which the ARO operator reports where it runs). All Available, none Progressing or
 * Degraded; the Available condition changed when the operator first became available, a little
 * after the cluster was installed. */
export function clusterOperators(ctx: KubeContext): KubeObject[] {
  const { spec, meta, at } = ctx;
  const v43 = ['authentication', 'cloud-credential', 'cluster-autoscaler', 'console', 'dns', 'image-registry', 'ingress', 'insights', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'machine-api', 'machine-config', 'marketplace', 'monitoring', 'network', 'node-tuning', 'openshift-apiserver', 'openshift-controller-manager', 'openshift-samples', 'operator-lifecycle-manager', 'operator-lifecycle-manager-catalog', 'operator-lifecycle-manager-packageserver', 'service-ca', 'service-catalog-apiserver', 'service-catalog-controller-manager', 'storage'];
  const v419 = ['aro', 'authentication', 'baremetal', 'cloud-controller-manager', 'cloud-credential', 'cluster-autoscaler', 'config-operator', 'console', 'control-plane-machine-set', 'csi-snapshot-controller', 'dns', 'etcd', 'image-registry', 'ingress', 'insights', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kube-storage-version-migrator', 'machine-api', 'machine-approver', 'machine-config', 'marketplace', 'monitoring', 'network', 'node-tuning', 'olm', 'openshift-apiserver', 'openshift-controller-manager', 'openshift-samples', 'operator-lifecycle-manager', 'operator-lifecycle-manager-catalog', 'operator-lifecycle-manager-packageserver', 'service-ca', 'storage'];
  const names = spec.info.layout === '2020' ? v43 : v419.filter((n) => n !== 'aro' || spec.gateway);
  const version = spec.cluster.version;
  return names.map((name, i): KubeObject => {
    // Operators became available one after another during the installation's last half hour.
    const since = spec.clusterAgeMinutes - 30 + ((i * 7) % 29);
    const ingress = name === 'ingress';
    const conditions = spec.info.layout === '2020'
      ? [
          { type: 'Degraded', status: 'False', lastTransitionTime: at(since + 2), ...(ingress ? { reason: 'NoIngressControllersDegraded' } : { reason: 'AsExpected' }) },
          { type: 'Progressing', status: 'False', lastTransitionTime: at(since), ...(ingress ? { message: 'desired and current number of IngressControllers are equal' } : { reason: 'AsExpected' }) },
          { type: 'Available', status: 'True', lastTransitionTime: at(since), ...(ingress ? { message: 'desired and current number of IngressControllers are equal' } : { reason: 'AsExpected' }) },
          { type: 'Upgradeable', status: 'True', lastTransitionTime: at(since + 2), reason: 'AsExpected' },
        ]
      : [
          { type: 'Degraded', status: 'False', lastTransitionTime: at(since + 2), ...(ingress ? { reason: 'IngressNotDegraded', message: 'The "default" ingress controller reports Degraded=False.' } : { reason: 'AsExpected' }) },
          { type: 'Progressing', status: 'False', lastTransitionTime: at(since), reason: 'AsExpected', ...(ingress ? { message: 'desired and current number of IngressControllers are equal' } : {}) },
          { type: 'Available', status: 'True', lastTransitionTime: at(since), ...(ingress ? { reason: 'IngressAvailable', message: 'The "default" ingress controller reports Available=True.' } : { reason: 'AsExpected' }) },
          { type: 'Upgradeable', status: 'True', lastTransitionTime: at(since + 2), reason: ingress ? 'IngressControllersUpgradeable' : 'AsExpected', ...(ingress ? { message: 'All ingresscontrollers are upgradeable.' } : {}) },
          ...(ingress ? [{ type: 'EvaluationConditionsDetected', status: 'False', lastTransitionTime: at(since + 2), reason: 'AsExpected' }] : []),
        ];
    return {
      apiVersion: 'config.openshift.io/v1',
      kind: 'ClusterOperator',
      metadata: { ...meta(name, spec.clusterAgeMinutes + 8), uid: guid(`co:${spec.cluster.name}/${name}`), generation: 1 },
      spec: {},
      status: {
        conditions,
        extension: null,
        ...(ingress ? { relatedObjects: [{ group: '', name: 'openshift-ingress-operator', resource: 'namespaces' }, { group: 'operator.openshift.io', name: '', namespace: 'openshift-ingress-operator', resource: 'ingresscontrollers' }, { group: '', name: 'openshift-ingress', resource: 'namespaces' }] } : {}),
        // The ARO operator reports no version of itself (`oc get co aro` prints an empty VERSION).
        ...(name === 'aro' ? {} : { versions: [{ name: 'operator', version }, ...(ingress ? [{ name: 'ingress-controller', version: releaseImage(version, 'haproxy-router') }] : [])] }),
      },
    };
  });
}

