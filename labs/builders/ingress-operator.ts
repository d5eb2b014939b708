// The ingress operator's pod and the secrets of openshift-ingress.
import type { JsonObject } from '../../src/engine/world/json.ts';
import type { KubeObject } from '../../src/engine/world/types.ts';
import { guid, ipPlus, placeholderBase64, randomSuffix, releaseImage } from './ids.ts';
import type { Meta, MetaExtra } from './kube-context.ts';
import { ingressCertificateSecret } from './router.ts';
import type { LabSpec, PodSpec } from './spec.ts';

/** The ingress operator's one pod, on a master, as its deployment (cluster-ingress-operator's
 * `manifests/02-deployment.yaml`, release-4.3 and release-4.19) makes it: the operator and its
 * metrics proxy, the release's images and version substituted by the release payload. */
export function ingressOperatorPod(spec: LabSpec): PodSpec {
  const version = spec.cluster.version;
  const today = spec.info.layout !== '2020';
  const hash = randomSuffix(`ingress-operator-rs:${spec.cluster.name}`, 10);
  const suffix = randomSuffix(`ingress-operator-pod:${spec.cluster.name}`, 5);
  const master = spec.masters[0];
  const dropAll: JsonObject = today ? { securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } } : {};
  const rbacArgs = ['--logtostderr', '--secure-listen-address=:9393', '--tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_AES_128_CBC_SHA256,TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256', '--upstream=http://127.0.0.1:60000/', '--tls-cert-file=/etc/tls/private/tls.crt', '--tls-private-key-file=/etc/tls/private/tls.key'];
  return {
    name: `ingress-operator-${hash}-${suffix}`,
    namespace: 'openshift-ingress-operator',
    node: master.name,
    ip: ipPlus(master.podCidr.split('/')[0], 14),
    ageMinutes: spec.clusterAgeMinutes - 15,
    image: releaseImage(version, 'cluster-ingress-operator'),
    labels: { name: 'ingress-operator', 'pod-template-hash': hash },
    phase: 'Running',
    owner: { kind: 'ReplicaSet', name: `ingress-operator-${hash}`, apiVersion: 'apps/v1' },
    container: {
      name: 'ingress-operator',
      ...dropAll,
      command: today
        ? ['ingress-operator', 'start', '--namespace', '$(WATCH_NAMESPACE)', '--image', '$(IMAGE)', '--canary-image', '$(CANARY_IMAGE)', '--release-version', '$(RELEASE_VERSION)']
        : ['ingress-operator', 'start'],
      env: [
        { name: 'RELEASE_VERSION', value: version },
        { name: 'WATCH_NAMESPACE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } } },
        { name: 'IMAGE', value: releaseImage(version, 'haproxy-router') },
        ...(today ? [{ name: 'CANARY_IMAGE', value: releaseImage(version, 'cluster-ingress-operator') }] : []),
      ],
      resources: { requests: today ? { cpu: '10m', memory: '56Mi' } : { cpu: '10m' } },
      terminationMessagePolicy: 'FallbackToLogsOnError',
      volumeMounts: [{ name: 'trusted-ca', readOnly: true, mountPath: '/etc/pki/ca-trust/extracted/pem' }],
    },
    sidecars: [
      {
        name: 'kube-rbac-proxy',
        image: releaseImage(version, 'kube-rbac-proxy'),
        ...dropAll,
        args: rbacArgs,
        ports: [{ name: 'metrics', containerPort: 9393, protocol: 'TCP' }],
        resources: { requests: { cpu: '10m', memory: '40Mi' } },
        volumeMounts: [{ name: 'metrics-tls', readOnly: true, mountPath: '/etc/tls/private' }],
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
        imagePullPolicy: 'IfNotPresent',
      },
    ],
    podSpec: {
      volumes: [
        { name: 'metrics-tls', secret: { secretName: 'metrics-tls', defaultMode: 420 } },
        { name: 'trusted-ca', configMap: { name: 'trusted-ca', items: [{ key: 'ca-bundle.crt', path: 'tls-ca-bundle.pem' }], defaultMode: 420 } },
      ],
      nodeSelector: { 'kubernetes.io/os': 'linux', 'node-role.kubernetes.io/master': '' },
      serviceAccountName: 'ingress-operator',
      serviceAccount: 'ingress-operator',
      priorityClassName: 'system-cluster-critical',
      tolerations: [
        { key: 'node-role.kubernetes.io/master', operator: 'Exists', effect: 'NoSchedule' },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 120 },
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 120 },
      ],
    },
  };
}

/** The secrets of openshift-ingress: ARO's certificate for *.apps (`<cluster document id>-ingress`,
 * the IngressController's `spec.defaultCertificate`, so the operator generates no
 * `router-certs-default`), the stats credentials the operator generates (`router-stats-default`),
 * the metrics certificate the service CA signs for `router-internal-default`
 * (`router-metrics-certs-default`), and each service account's image pull secret (and, before
 * OpenShift 4.16, its token secret). The data are placeholders of a plausible length. */
export function ingressSecrets(spec: LabSpec, meta: Meta): KubeObject[] {
  const ns = 'openshift-ingress';
  const age = spec.clusterAgeMinutes - 30;
  const b64 = placeholderBase64;
  const suffix = (seed: string) => randomSuffix(seed, 5);
  // PEM blocks of placeholder base64 (64 characters a line), a certificate and an RSA key in tls.key.
  const pem = (label: string, seed: string, bytes: number) => {
    const body = b64(seed, bytes).replace(/.{64}(?=.)/g, '$&\n');
    return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
  };
  const tls = (seed: string) => ({ 'tls.crt': Buffer.from(pem('CERTIFICATE', `${seed}:crt`, 1400) + pem('CERTIFICATE', `${seed}:ca`, 1100)).toString('base64'), 'tls.key': Buffer.from(pem('RSA PRIVATE KEY', `${seed}:key`, 1190)).toString('base64') });
  const secret = (name: string, type: string, data: Record<string, string>, extra: MetaExtra = {}): KubeObject => ({ apiVersion: 'v1', kind: 'Secret', metadata: meta(name, age, extra, ns), data, type });
  const out = [
    secret(ingressCertificateSecret(spec), 'kubernetes.io/tls', tls('aro-ingress')),
    secret('router-metrics-certs-default', 'kubernetes.io/tls', tls('router-metrics'), { annotations: { 'service.alpha.openshift.io/originating-service-name': 'router-internal-default', 'service.alpha.openshift.io/originating-service-uid': guid(`k8s:${ns}/router-internal-default:${JSON.stringify({ 'ingresscontroller.operator.openshift.io/owning-ingresscontroller': 'default' })}`) } }),
    secret('router-stats-default', 'Opaque', { statsPassword: b64('stats-password', 32), statsUsername: b64('stats-username', 32) }),
  ];
  const legacyTokens = spec.info.layout === '2020';
  for (const sa of ['builder', 'default', 'deployer', 'router']) {
    out.push(secret(`${sa}-dockercfg-${suffix(`dockercfg:${spec.cluster.name}/${sa}`)}`, 'kubernetes.io/dockercfg', { '.dockercfg': b64(`dockercfg:${sa}`, 5400) }, { annotations: { 'kubernetes.io/service-account.name': sa } }));
    if (legacyTokens) out.push(secret(`${sa}-token-${suffix(`token:${spec.cluster.name}/${sa}`)}`, 'kubernetes.io/service-account-token', { 'ca.crt': b64(`ca:${sa}`, 3590), namespace: b64(ns, ns.length), 'service-ca.crt': b64(`sca:${sa}`, 4724), token: b64(`token:${sa}`, 912) }, { annotations: { 'kubernetes.io/service-account.name': sa } }));
  }
  return out.sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
}

