// Kubernetes and OpenShift objects the engine reads, as the API server returns them: the one
// source of their types. Only the fields the engine reads are named; every other key is kept as
// JSON. A kind's guard checks the kind (and the API group where two groups share a kind), then the
// shape.
import { z } from 'zod';
import { isJsonObject } from '../json.ts';
import { guard, json, jsonObject, stringMap, wire } from './wire.ts';

const str = z.string().optional();
const num = z.number().optional();
const bool = z.boolean().optional();
/** A timestamp Kubernetes may send as null (an event's firstTimestamp, a history entry's completionTime). */
const time = z.string().nullable().optional();
const strings = z.array(z.string()).optional();
/** A port given by number or by name (targetPort, a NetworkPolicy's port). */
const intOrString = z.union([z.number(), z.string()]).optional();

export const ownerReferenceSchema = z.looseObject({ apiVersion: z.string(), kind: z.string(), name: z.string(), uid: str, controller: bool, blockOwnerDeletion: bool });
export type OwnerReference = z.infer<typeof ownerReferenceSchema>;

export const objectMetaSchema = z.looseObject({
  name: z.string(),
  namespace: str,
  uid: str,
  resourceVersion: str,
  generation: num,
  creationTimestamp: str,
  deletionTimestamp: str,
  deletionGracePeriodSeconds: num,
  generateName: str,
  labels: stringMap.optional(),
  annotations: stringMap.optional(),
  ownerReferences: z.array(ownerReferenceSchema).optional(),
  managedFields: z.array(json).optional(),
});
export type ObjectMeta = z.infer<typeof objectMetaSchema>;

/** Any Kubernetes/OpenShift object. Its top level and metadata stay open (other keys unknown), as
 * the API's own object types are: code that makes objects may leave a field undefined there. */
export const kubeObjectSchema = z.looseObject({
  apiVersion: z.string(),
  kind: z.string(),
  metadata: objectMetaSchema,
  spec: jsonObject.optional(),
  status: jsonObject.optional(),
});
export type KubeObject = z.infer<typeof kubeObjectSchema>;
export const isKubeObject = guard(kubeObjectSchema);

/** An object of one kind, its spec and status typed (and any other top-level fields it has). */
function kind<Spec extends z.ZodRawShape, Status extends z.ZodRawShape, Top extends z.ZodRawShape>(spec: Spec, status: Status, top: Top) {
  return kubeObjectSchema.extend({ spec: wire(spec).optional(), status: wire(status).optional(), ...top });
}

/** A guard for a kind, optionally of one API group (`aro.openshift.io`). */
function kindGuard<T>(kindName: string, schema: z.ZodType<T>, group?: string): (value: unknown) => value is T {
  const shaped = guard(schema);
  // The kind first: a world's model runs every guard over every object it holds.
  return (value: unknown): value is T =>
    isJsonObject(value) && value.kind === kindName && (group === undefined || (typeof value.apiVersion === 'string' && value.apiVersion.startsWith(`${group}/`))) && shaped(value);
}

export const conditionSchema = wire({ type: z.string(), status: z.string(), reason: str, message: str, lastTransitionTime: time, lastUpdateTime: time, lastProbeTime: time });
export type Condition = z.infer<typeof conditionSchema>;
const conditions = z.array(conditionSchema).optional();

export const labelSelectorSchema = wire({ matchLabels: stringMap.optional(), matchExpressions: z.array(json).optional() });
export type LabelSelector = z.infer<typeof labelSelectorSchema>;

// Pods.

export const containerSchema = wire({
  name: z.string(),
  image: str,
  command: strings,
  args: strings,
  ports: z.array(wire({ containerPort: z.number(), protocol: str, name: str })).optional(),
  env: z.array(json).optional(),
  resources: jsonObject.optional(),
});
export type Container = z.infer<typeof containerSchema>;

export const containerStatusSchema = wire({
  name: z.string(),
  ready: bool,
  started: bool,
  restartCount: num,
  image: str,
  imageID: str,
  containerID: str,
  state: jsonObject.optional(),
  lastState: jsonObject.optional(),
});
export type ContainerStatus = z.infer<typeof containerStatusSchema>;

const podSpecShape = {
  nodeName: str,
  containers: z.array(containerSchema).optional(),
  initContainers: z.array(containerSchema).optional(),
  hostNetwork: bool,
  serviceAccountName: str,
  restartPolicy: str,
  schedulerName: str,
  priority: num,
  priorityClassName: str,
  nodeSelector: stringMap.optional(),
  tolerations: z.array(json).optional(),
  volumes: z.array(json).optional(),
};
export const podSpecSchema = wire(podSpecShape);
export type PodSpec = z.infer<typeof podSpecSchema>;

export const podSchema = kind(
  podSpecShape,
  {
    phase: str,
    podIP: str,
    podIPs: z.array(wire({ ip: z.string() })).optional(),
    hostIP: str,
    startTime: str,
    qosClass: str,
    reason: str,
    message: str,
    nominatedNodeName: str,
    conditions,
    containerStatuses: z.array(containerStatusSchema).optional(),
    initContainerStatuses: z.array(containerStatusSchema).optional(),
  },
  {},
);
export type Pod = z.infer<typeof podSchema>;
export const isPod = kindGuard('Pod', podSchema);

// Services, endpoints, endpoint slices.

export const servicePortSchema = wire({ name: str, protocol: str, port: z.number(), targetPort: intOrString, nodePort: num, appProtocol: str });
export type ServicePort = z.infer<typeof servicePortSchema>;

export const serviceSchema = kind(
  {
    type: str,
    clusterIP: str,
    clusterIPs: strings,
    ports: z.array(servicePortSchema).optional(),
    selector: stringMap.optional(),
    externalTrafficPolicy: str,
    internalTrafficPolicy: str,
    healthCheckNodePort: num,
    sessionAffinity: str,
    loadBalancerIP: str,
    loadBalancerSourceRanges: strings,
    externalIPs: strings,
    externalName: str,
    ipFamilies: strings,
    ipFamilyPolicy: str,
  },
  { loadBalancer: wire({ ingress: z.array(wire({ ip: str, hostname: str })).optional() }).optional() },
  {},
);
export type Service = z.infer<typeof serviceSchema>;
export const isService = kindGuard('Service', serviceSchema);

export const objectReferenceSchema = wire({ kind: str, name: str, namespace: str, uid: str, fieldPath: str, apiVersion: str });
export type ObjectReference = z.infer<typeof objectReferenceSchema>;

export const endpointAddressSchema = wire({ ip: z.string(), nodeName: str, hostname: str, targetRef: objectReferenceSchema.optional() });
export type EndpointAddress = z.infer<typeof endpointAddressSchema>;

export const endpointPortSchema = wire({ name: str, port: z.number(), protocol: str, appProtocol: str });
export type EndpointPort = z.infer<typeof endpointPortSchema>;

export const endpointsSchema = kind(
  {},
  {},
  {
    subsets: z
      .array(wire({ addresses: z.array(endpointAddressSchema).optional(), notReadyAddresses: z.array(endpointAddressSchema).optional(), ports: z.array(endpointPortSchema).optional() }))
      .optional(),
  },
);
export type Endpoints = z.infer<typeof endpointsSchema>;
export const isEndpoints = kindGuard('Endpoints', endpointsSchema);

export const endpointSliceSchema = kind(
  {},
  {},
  {
    addressType: str,
    endpoints: z
      .array(wire({ addresses: z.array(z.string()), conditions: wire({ ready: bool, serving: bool, terminating: bool }).optional(), nodeName: str, targetRef: objectReferenceSchema.optional() }))
      .nullable()
      .optional(),
    ports: z.array(wire({ name: str, port: num, protocol: str })).nullable().optional(),
  },
);
export type EndpointSlice = z.infer<typeof endpointSliceSchema>;
export const isEndpointSlice = kindGuard('EndpointSlice', endpointSliceSchema);

// Routes.

export const routeTargetSchema = wire({ kind: str, name: z.string(), weight: num });
export type RouteTarget = z.infer<typeof routeTargetSchema>;

export const routeSchema = kind(
  {
    host: str,
    path: str,
    to: routeTargetSchema.optional(),
    alternateBackends: z.array(routeTargetSchema).optional(),
    port: wire({ targetPort: intOrString }).optional(),
    tls: wire({ termination: str, insecureEdgeTerminationPolicy: str }).optional(),
    wildcardPolicy: str,
  },
  { ingress: z.array(wire({ host: str, routerName: str, routerCanonicalHostname: str, wildcardPolicy: str, conditions })).optional() },
  {},
);
export type Route = z.infer<typeof routeSchema>;
export const isRoute = kindGuard('Route', routeSchema);

// Nodes.

export const nodeSchema = kind(
  {
    podCIDR: str,
    podCIDRs: strings,
    providerID: str,
    unschedulable: bool,
    taints: z.array(wire({ key: z.string(), value: str, effect: z.string() })).optional(),
  },
  {
    addresses: z.array(wire({ type: z.string(), address: z.string() })).optional(),
    conditions,
    capacity: stringMap.optional(),
    allocatable: stringMap.optional(),
    nodeInfo: jsonObject.optional(),
  },
  {},
);
export type Node = z.infer<typeof nodeSchema>;
export const isNode = kindGuard('Node', nodeSchema);

// Network policies.

export const networkPolicyPeerSchema = wire({
  podSelector: labelSelectorSchema.optional(),
  namespaceSelector: labelSelectorSchema.optional(),
  ipBlock: wire({ cidr: z.string(), except: strings }).optional(),
});
export type NetworkPolicyPeer = z.infer<typeof networkPolicyPeerSchema>;

export const networkPolicyPortSchema = wire({ port: intOrString, endPort: num, protocol: str });
export type NetworkPolicyPort = z.infer<typeof networkPolicyPortSchema>;

export const networkPolicySchema = kind(
  {
    podSelector: labelSelectorSchema.optional(),
    policyTypes: strings,
    ingress: z.array(wire({ from: z.array(networkPolicyPeerSchema).optional(), ports: z.array(networkPolicyPortSchema).optional() })).optional(),
    egress: z.array(wire({ to: z.array(networkPolicyPeerSchema).optional(), ports: z.array(networkPolicyPortSchema).optional() })).optional(),
  },
  {},
  {},
);
export type NetworkPolicy = z.infer<typeof networkPolicySchema>;
export const isNetworkPolicy = kindGuard('NetworkPolicy', networkPolicySchema);

// Workloads: what runs pods, and the pod template they stamp them from.

export const podTemplateSchema = wire({
  metadata: wire({ name: str, labels: stringMap.optional(), annotations: stringMap.optional() }).optional(),
  spec: podSpecSchema.optional(),
});
export type PodTemplate = z.infer<typeof podTemplateSchema>;

const workloadStatus = {
  replicas: num,
  readyReplicas: num,
  availableReplicas: num,
  updatedReplicas: num,
  unavailableReplicas: num,
  fullyLabeledReplicas: num,
  observedGeneration: num,
  conditions,
};

/** Deployments, replica sets, daemon sets, stateful sets: a label selector. */
function appsWorkload<Status extends z.ZodRawShape>(status: Status) {
  return kind({ replicas: num, selector: labelSelectorSchema.optional(), template: podTemplateSchema.optional(), strategy: jsonObject.optional(), minReadySeconds: num, paused: bool }, status, {});
}

/** Replication controllers and deployment configs: a plain map selector. */
function mapSelectorWorkload<Status extends z.ZodRawShape>(status: Status) {
  return kind({ replicas: num, selector: stringMap.optional(), template: podTemplateSchema.optional(), strategy: jsonObject.optional(), minReadySeconds: num, paused: bool, triggers: z.array(json).optional() }, status, {});
}

export const deploymentSchema = appsWorkload(workloadStatus);
export type Deployment = z.infer<typeof deploymentSchema>;
export const isDeployment = kindGuard('Deployment', deploymentSchema);

export const replicaSetSchema = appsWorkload(workloadStatus);
export type ReplicaSet = z.infer<typeof replicaSetSchema>;
export const isReplicaSet = kindGuard('ReplicaSet', replicaSetSchema);

export const daemonSetSchema = appsWorkload({
  currentNumberScheduled: num,
  desiredNumberScheduled: num,
  numberAvailable: num,
  numberMisscheduled: num,
  numberReady: num,
  numberUnavailable: num,
  updatedNumberScheduled: num,
  observedGeneration: num,
  conditions,
});
export type DaemonSet = z.infer<typeof daemonSetSchema>;
export const isDaemonSet = kindGuard('DaemonSet', daemonSetSchema);

export const statefulSetSchema = appsWorkload({ ...workloadStatus, currentReplicas: num });
export type StatefulSet = z.infer<typeof statefulSetSchema>;
export const isStatefulSet = kindGuard('StatefulSet', statefulSetSchema);

export const replicationControllerSchema = mapSelectorWorkload(workloadStatus);
export type ReplicationController = z.infer<typeof replicationControllerSchema>;
export const isReplicationController = kindGuard('ReplicationController', replicationControllerSchema);

export const deploymentConfigSchema = mapSelectorWorkload({ ...workloadStatus, latestVersion: num });
export type DeploymentConfig = z.infer<typeof deploymentConfigSchema>;
export const isDeploymentConfig = kindGuard('DeploymentConfig', deploymentConfigSchema);

// Events.

export const eventSchema = kind(
  {},
  {},
  {
    involvedObject: objectReferenceSchema.optional(),
    reason: str,
    message: str,
    type: str,
    count: num,
    firstTimestamp: time,
    lastTimestamp: time,
    eventTime: time,
    source: jsonObject.optional(),
    reportingComponent: str,
    reportingInstance: str,
  },
);
export type Event = z.infer<typeof eventSchema>;
export const isEvent = kindGuard('Event', eventSchema);

// Namespaces and projects, secrets, service accounts, config maps.

export const namespaceSchema = kind({ finalizers: strings }, { phase: str }, {});
export type Namespace = z.infer<typeof namespaceSchema>;
export const isNamespace = kindGuard('Namespace', namespaceSchema);

export const projectSchema = namespaceSchema;
export type Project = Namespace;
export const isProject = kindGuard('Project', projectSchema);

export const secretSchema = kind({}, {}, { type: str, data: stringMap.optional(), stringData: stringMap.optional() });
export type Secret = z.infer<typeof secretSchema>;
export const isSecret = kindGuard('Secret', secretSchema);

export const serviceAccountSchema = kind({}, {}, { secrets: z.array(wire({ name: str })).optional(), imagePullSecrets: z.array(wire({ name: str })).optional() });
export type ServiceAccount = z.infer<typeof serviceAccountSchema>;
export const isServiceAccount = kindGuard('ServiceAccount', serviceAccountSchema);

export const configMapSchema = kind({}, {}, { data: stringMap.optional() });
export type ConfigMap = z.infer<typeof configMapSchema>;
export const isConfigMap = kindGuard('ConfigMap', configMapSchema);

// The cluster's configuration and operators.

export const clusterOperatorSchema = kind({}, { conditions, versions: z.array(wire({ name: z.string(), version: z.string() })).optional(), relatedObjects: z.array(json).optional() }, {});
export type ClusterOperator = z.infer<typeof clusterOperatorSchema>;
export const isClusterOperator = kindGuard('ClusterOperator', clusterOperatorSchema);

export const clusterVersionSchema = kind(
  { channel: str, clusterID: str, desiredUpdate: jsonObject.optional() },
  {
    desired: wire({ version: str, image: str }).optional(),
    history: z.array(wire({ state: str, version: str, image: str, startedTime: time, completionTime: time })).optional(),
    conditions,
    availableUpdates: json.optional(),
  },
  {},
);
export type ClusterVersion = z.infer<typeof clusterVersionSchema>;
export const isClusterVersion = kindGuard('ClusterVersion', clusterVersionSchema);

export const ingressControllerSchema = kind(
  { domain: str, replicas: num, endpointPublishingStrategy: jsonObject.optional(), defaultCertificate: jsonObject.optional() },
  { domain: str, availableReplicas: num, conditions, endpointPublishingStrategy: jsonObject.optional() },
  {},
);
export type IngressController = z.infer<typeof ingressControllerSchema>;
export const isIngressController = kindGuard('IngressController', ingressControllerSchema, 'operator.openshift.io');

/** The cluster DNS operator's object (dnses.operator.openshift.io "default"). */
export const dnsOperatorSchema = kind({ servers: z.array(json).optional() }, { clusterIP: str, clusterDomain: str, conditions }, {});
export type DnsOperator = z.infer<typeof dnsOperatorSchema>;
export const isDnsOperator = kindGuard('DNS', dnsOperatorSchema, 'operator.openshift.io');

/** The cluster network's configuration (networks.config.openshift.io "cluster"). */
const clusterNetworkEntries = z.array(wire({ cidr: z.string(), hostPrefix: num })).optional();
export const networkConfigSchema = kind(
  { clusterNetwork: clusterNetworkEntries, serviceNetwork: strings, networkType: str },
  { clusterNetwork: clusterNetworkEntries, serviceNetwork: strings, networkType: str, clusterNetworkMTU: num },
  {},
);
export type NetworkConfig = z.infer<typeof networkConfigSchema>;
export const isNetworkConfig = kindGuard('Network', networkConfigSchema, 'config.openshift.io');

/** OpenShift SDN's pod network of one node. */
export const hostSubnetSchema = kind({}, {}, { host: str, hostIP: str, subnet: str });
export type HostSubnet = z.infer<typeof hostSubnetSchema>;
export const isHostSubnet = kindGuard('HostSubnet', hostSubnetSchema, 'network.openshift.io');

/** OpenShift SDN's cluster network. */
export const clusterNetworkSchema = kind({}, {}, { network: str, hostsubnetlength: num, serviceNetwork: str, clusterNetworks: z.array(wire({ CIDR: str, hostSubnetLength: num })).optional() });
export type ClusterNetwork = z.infer<typeof clusterNetworkSchema>;
export const isClusterNetwork = kindGuard('ClusterNetwork', clusterNetworkSchema, 'network.openshift.io');

/** The ARO operator's `Cluster` object (clusters.aro.openshift.io "cluster"): what its dnsmasq answers. */
export const aroClusterSchema = kind(
  { domain: str, apiIntIP: str, ingressIP: str, gatewayDomains: strings, gatewayPrivateEndpointIP: str, location: str, resourceId: str },
  { conditions },
  {},
);
export type AroCluster = z.infer<typeof aroClusterSchema>;
export const isAroCluster = kindGuard('Cluster', aroClusterSchema, 'aro.openshift.io');

/** The schema of every kind the engine models, by `group/kind` (`/Pod` for the core group): a lab's
 * objects of these kinds are checked against them when it loads, so the model's typed lists hold them all. */
export const KUBE_SCHEMAS: ReadonlyMap<string, z.ZodType> = new Map<string, z.ZodType>([
  ['/Pod', podSchema],
  ['/Service', serviceSchema],
  ['/Endpoints', endpointsSchema],
  ['discovery.k8s.io/EndpointSlice', endpointSliceSchema],
  ['route.openshift.io/Route', routeSchema],
  ['/Node', nodeSchema],
  ['networking.k8s.io/NetworkPolicy', networkPolicySchema],
  ['apps/Deployment', deploymentSchema],
  ['apps/ReplicaSet', replicaSetSchema],
  ['apps/DaemonSet', daemonSetSchema],
  ['apps/StatefulSet', statefulSetSchema],
  ['/ReplicationController', replicationControllerSchema],
  ['apps.openshift.io/DeploymentConfig', deploymentConfigSchema],
  ['/Event', eventSchema],
  ['/Namespace', namespaceSchema],
  ['project.openshift.io/Project', projectSchema],
  ['/Secret', secretSchema],
  ['/ServiceAccount', serviceAccountSchema],
  ['/ConfigMap', configMapSchema],
  ['config.openshift.io/ClusterOperator', clusterOperatorSchema],
  ['config.openshift.io/ClusterVersion', clusterVersionSchema],
  ['operator.openshift.io/IngressController', ingressControllerSchema],
  ['operator.openshift.io/DNS', dnsOperatorSchema],
  ['config.openshift.io/Network', networkConfigSchema],
  ['network.openshift.io/HostSubnet', hostSubnetSchema],
  ['network.openshift.io/ClusterNetwork', clusterNetworkSchema],
  ['aro.openshift.io/Cluster', aroClusterSchema],
]);

/** The API group of an `apiVersion` ("" for the core group's `v1`). */
export const groupOf = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '');

/** `group/kind` of an object, the key of KUBE_GUARDS. */
export function groupKind(object: KubeObject): string {
  return `${groupOf(object.apiVersion)}/${object.kind}`;
}
