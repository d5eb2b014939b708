// The default IngressController's router: the container and pod spec its pods get, and the
// IngressController object itself (its scope is what makes the router's load balancer public or
// internal).
import type { JsonObject } from '../../src/engine/world/json.ts';
import type { KubeObject } from '../../src/engine/world/types.ts';
import { guid, releaseImage } from './ids.ts';
import type { KubeContext } from './kube-context.ts';
import type { LabSpec } from './spec.ts';

/** ARO's certificate for *.apps of its own domain: the secret `<cluster document id>-ingress`. */
export function ingressCertificateSecret(spec: LabSpec): string {
  return `${guid(`doc:${spec.cluster.name}`)}-ingress`;
}

/** The router container and pod spec the ingress operator's deployment gives an IngressController's
 * pods (cluster-ingress-operator's `assets/router/deployment.yaml` and `desiredRouterDeployment` in
 * `pkg/operator/controller/ingress/deployment.go`, release-4.3 for the 2020 layout, release-4.19 for
 * today's), with the probe and volume defaults the API server fills in. `certificateSecret` is the
 * effective default certificate: the IngressController's `spec.defaultCertificate`, else
 * `router-certs-<name>`. */
export function routerWorkload(spec: LabSpec, appsDomain: string, certificateSecret: string): { container: JsonObject; podSpec: JsonObject } {
  const probe = (path: string, extra: Record<string, number> = {}) => ({ httpGet: { path, port: 1936, scheme: 'HTTP' }, ...extra, timeoutSeconds: 1, periodSeconds: extra.periodSeconds ?? 10, successThreshold: 1, failureThreshold: extra.failureThreshold ?? 3 });
  const secretVolume = (name: string, secretName: string) => ({ name, secret: { secretName, defaultMode: 420 } });
  const ciphers2020 = ['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256', 'ECDHE-ECDSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-AES256-GCM-SHA384', 'ECDHE-RSA-AES256-GCM-SHA384', 'ECDHE-ECDSA-CHACHA20-POLY1305', 'ECDHE-RSA-CHACHA20-POLY1305', 'DHE-RSA-AES128-GCM-SHA256', 'DHE-RSA-AES256-GCM-SHA384'];
  const nodeSelector = { 'kubernetes.io/os': 'linux', 'node-role.kubernetes.io/worker': '' };
  const common = {
    name: 'router',
    image: releaseImage(spec.cluster.version, 'haproxy-router'),
    imagePullPolicy: 'IfNotPresent',
    ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }, { name: 'https', containerPort: 443, protocol: 'TCP' }, { name: 'metrics', containerPort: 1936, protocol: 'TCP' }],
    resources: { requests: { cpu: '100m', memory: '256Mi' } },
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'FallbackToLogsOnError',
  };
  if (spec.info.layout === '2020') {
    return {
      container: {
        ...common,
        env: [
          { name: 'STATS_PORT', value: '1936' },
          { name: 'ROUTER_SERVICE_NAMESPACE', value: 'openshift-ingress' },
          { name: 'DEFAULT_CERTIFICATE_DIR', value: '/etc/pki/tls/private' },
          { name: 'ROUTER_SERVICE_NAME', value: 'default' },
          { name: 'STATS_USERNAME', valueFrom: { secretKeyRef: { name: 'router-stats-default', key: 'statsUsername' } } },
          { name: 'STATS_PASSWORD', valueFrom: { secretKeyRef: { name: 'router-stats-default', key: 'statsPassword' } } },
          { name: 'ROUTER_METRICS_TYPE', value: 'haproxy' },
          { name: 'ROUTER_METRICS_TLS_CERT_FILE', value: '/etc/pki/tls/metrics-certs/tls.crt' },
          { name: 'ROUTER_METRICS_TLS_KEY_FILE', value: '/etc/pki/tls/metrics-certs/tls.key' },
          { name: 'ROUTER_CANONICAL_HOSTNAME', value: appsDomain },
          { name: 'ROUTER_THREADS', value: '4' },
          { name: 'ROUTER_CIPHERS', value: ciphers2020.join(':') },
          { name: 'SSL_MIN_VERSION', value: 'TLSv1.2' },
        ],
        livenessProbe: probe('/healthz', { initialDelaySeconds: 10 }),
        readinessProbe: probe('/healthz/ready', { initialDelaySeconds: 10 }),
        volumeMounts: [
          { name: 'default-certificate', readOnly: true, mountPath: '/etc/pki/tls/private' },
          { name: 'metrics-certs', readOnly: true, mountPath: '/etc/pki/tls/metrics-certs' },
        ],
      },
      podSpec: {
        volumes: [secretVolume('default-certificate', certificateSecret), secretVolume('metrics-certs', 'router-metrics-certs-default')],
        nodeSelector,
        serviceAccountName: 'router',
        serviceAccount: 'router',
        priorityClassName: 'system-cluster-critical',
      },
    };
  }
  return {
    container: {
      ...common,
      env: [
        { name: 'ROUTER_SERVICE_NAMESPACE', value: 'openshift-ingress' },
        { name: 'DEFAULT_CERTIFICATE_DIR', value: '/etc/pki/tls/private' },
        { name: 'DEFAULT_DESTINATION_CA_PATH', value: '/var/run/configmaps/service-ca/service-ca.crt' },
        { name: 'STATS_PORT', value: '1936' },
        { name: 'ROUTER_SERVICE_NAME', value: 'default' },
        { name: 'STATS_USERNAME_FILE', value: '/var/lib/haproxy/conf/metrics-auth/statsUsername' },
        { name: 'STATS_PASSWORD_FILE', value: '/var/lib/haproxy/conf/metrics-auth/statsPassword' },
        { name: 'ROUTER_METRICS_TYPE', value: 'haproxy' },
        { name: 'ROUTER_METRICS_TLS_CERT_FILE', value: '/etc/pki/tls/metrics-certs/tls.crt' },
        { name: 'ROUTER_METRICS_TLS_KEY_FILE', value: '/etc/pki/tls/metrics-certs/tls.key' },
        { name: 'ROUTER_DOMAIN', value: appsDomain },
        { name: 'ROUTER_CANONICAL_HOSTNAME', value: `router-default.${appsDomain}` },
        { name: 'ROUTER_THREADS', value: '4' },
        { name: 'SSL_MIN_VERSION', value: 'TLSv1.2' },
        { name: 'ROUTER_ALLOW_WILDCARD_ROUTES', value: 'false' },
        { name: 'ROUTER_SET_FORWARDED_HEADERS', value: 'append' },
      ],
      livenessProbe: probe('/healthz', { terminationGracePeriodSeconds: 10 }),
      readinessProbe: probe('/healthz/ready'),
      startupProbe: probe('/healthz/ready', { periodSeconds: 1, failureThreshold: 120 }),
      securityContext: { allowPrivilegeEscalation: true, readOnlyRootFilesystem: false },
      volumeMounts: [
        { name: 'default-certificate', readOnly: true, mountPath: '/etc/pki/tls/private' },
        { name: 'service-ca-bundle', readOnly: true, mountPath: '/var/run/configmaps/service-ca' },
        { name: 'stats-auth', readOnly: true, mountPath: '/var/lib/haproxy/conf/metrics-auth' },
        { name: 'metrics-certs', readOnly: true, mountPath: '/etc/pki/tls/metrics-certs' },
      ],
    },
    podSpec: {
      // The router's long default grace period (an hour), so that connections drain.
      terminationGracePeriodSeconds: 3600,
      volumes: [
        secretVolume('default-certificate', certificateSecret),
        { name: 'service-ca-bundle', configMap: { name: 'service-ca-bundle', items: [{ key: 'service-ca.crt', path: 'service-ca.crt' }], defaultMode: 420, optional: false } },
        secretVolume('stats-auth', 'router-stats-default'),
        secretVolume('metrics-certs', 'router-metrics-certs-default'),
      ],
      nodeSelector,
      serviceAccountName: 'router',
      serviceAccount: 'router',
      priorityClassName: 'system-cluster-critical',
    },
  };
}

/** The IngressController `default` with the fields of the cluster's release (4.3's few, 4.19's
 * defaults filled in), pointing at ARO's certificate. */
export function defaultIngressController(ctx: KubeContext): KubeObject {
  const { spec, meta, appsDomain } = ctx;
  const scope = spec.visibility === 'Private' ? 'Internal' : 'External';
  if (spec.info.layout === '2020') {
    return {
      apiVersion: 'operator.openshift.io/v1',
      kind: 'IngressController',
      metadata: { ...meta('default', spec.clusterAgeMinutes - 5, {}, 'openshift-ingress-operator'), finalizers: ['ingresscontroller.operator.openshift.io/finalizer-ingresscontroller'], generation: 1 },
      spec: { defaultCertificate: { name: ingressCertificateSecret(spec) }, endpointPublishingStrategy: { loadBalancer: { scope }, type: 'LoadBalancerService' }, replicas: 2 },
      status: {
        availableReplicas: 2,
        domain: appsDomain,
        endpointPublishingStrategy: { loadBalancer: { scope }, type: 'LoadBalancerService' },
        selector: 'ingresscontroller.operator.openshift.io/deployment-ingresscontroller=default',
        tlsProfile: { ciphers: ['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256', 'ECDHE-ECDSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-AES256-GCM-SHA384', 'ECDHE-RSA-AES256-GCM-SHA384', 'ECDHE-ECDSA-CHACHA20-POLY1305', 'ECDHE-RSA-CHACHA20-POLY1305', 'DHE-RSA-AES128-GCM-SHA256', 'DHE-RSA-AES256-GCM-SHA384'], minTLSVersion: 'VersionTLS12' },
      },
    };
  }
  return {
    apiVersion: 'operator.openshift.io/v1',
    kind: 'IngressController',
    metadata: { ...meta('default', spec.clusterAgeMinutes - 5, {}, 'openshift-ingress-operator'), finalizers: ['ingresscontroller.operator.openshift.io/finalizer-ingresscontroller'], generation: 2 },
    spec: {
      clientTLS: { clientCA: { name: '' }, clientCertificatePolicy: '' },
      defaultCertificate: { name: ingressCertificateSecret(spec) },
      endpointPublishingStrategy: { loadBalancer: { dnsManagementPolicy: 'Managed', scope }, type: 'LoadBalancerService' },
      httpCompression: {},
      httpEmptyRequestsPolicy: 'Respond',
      httpErrorCodePages: { name: '' },
      replicas: 2,
      tuningOptions: { reloadInterval: '0s' },
      unsupportedConfigOverrides: null,
    },
    status: {
      availableReplicas: 2,
      domain: appsDomain,
      endpointPublishingStrategy: { loadBalancer: { dnsManagementPolicy: 'Managed', scope }, type: 'LoadBalancerService' },
      selector: 'ingresscontroller.operator.openshift.io/deployment-ingresscontroller=default',
      tlsProfile: { ciphers: [], minTLSVersion: 'VersionTLS12' },
    },
  };
}
