// What distinguishes one lab from another: the data a spec (labs/<lab>/spec.ts) gives and every
// builder reads. A builder decides from these fields alone (the layout, the visibility, what the
// lab has), never from a lab's name.
import type { JsonObject } from '../../src/engine/world/json.ts';
import type { LabInfo } from '../../src/engine/world/types.ts';

export interface NodeSpec {
  name: string;
  ip: string;
  podCidr: string;
  zone: string;
}

export interface PodSpec {
  name: string;
  namespace: string;
  node: string;
  ip: string;
  ageMinutes: number;
  image: string;
  labels: Record<string, string>;
  phase: 'Running' | 'Succeeded';
  env?: Array<{ name: string; value: string }>;
  ports?: Array<{ containerPort: number; protocol: string; name?: string }>;
  owner?: { kind: string; name: string; apiVersion: string };
  /** Fields of the pod's one container that replace the defaults (its name included). */
  container?: JsonObject;
  /** Fields of the pod's spec that replace the defaults (service account, volumes, node selector…). */
  podSpec?: JsonObject;
  /** The pod's other containers, whole (name and image included). */
  sidecars?: Array<JsonObject & { name: string; image: string }>;
}

export interface ServiceSpec {
  name: string;
  namespace: string;
  clusterIP: string;
  ageMinutes: number;
  ports: Array<{ name?: string; port: number; protocol: string; targetPort: number | string; nodePort?: number }>;
  selector?: Record<string, string>;
  type?: 'ClusterIP' | 'LoadBalancer';
  loadBalancerIp?: string;
  annotations?: Record<string, string>;
  labels?: Record<string, string>;
  externalTrafficPolicy?: 'Local' | 'Cluster';
  healthCheckNodePort?: number;
  uid?: string;
}

/** The customer's hub network of a private cluster: a firewall every egress goes through and the
 * jump host the reader works on, in a VNet peered with the cluster's. */
export interface HubSpec {
  group: string;
  vnet: { name: string; prefix: string; firewallSubnet: string; jumpboxSubnet: string };
  firewall: { name: string; privateIp: string; pip: string; publicIp: string };
  jumpbox: { name: string; ip: string };
  /** The customer's route table on both cluster subnets (in the cluster's resource group). */
  routeTable: string;
}

/** Egress lockdown: the service's private endpoint in the node resource group, and the domains the
 * nodes' dnsmasq answers with its address. */
export interface GatewaySpec {
  privateEndpointIp: string;
  domains: string[];
  /** The ARO service's own subscription and the resource group of its gateway (the private link service). */
  rpSubscription: string;
  gatewayGroup: string;
  rpGroup: string;
  /** Ten lower-case letters and digits without vowels; the image registry's account is `imageregistry<suffix>`. */
  storageSuffix: string;
}

export interface LabSpec {
  /** The world file's own facts (title, clock, account, session…); `info.layout` ('2020' or 'today')
   * chooses between the two generations of ARO the builders know. */
  info: LabInfo;
  subscription: string;
  location: string;
  cluster: { name: string; group: string; nodeGroup: string; infraId: string; domain: string; version: string; kubelet: string; crio: string; osImage: string; kernel: string };
  /** When the cluster resource was created (ARM's systemData); absent for clusters older than systemData. */
  createdAt?: string;
  network: 'OpenShiftSDN' | 'OVNKubernetes';
  vm: { masterSize: string; workerSize: string; sku: string; version: string };
  /** API server and ingress visibility (the labs have both the same). */
  visibility: 'Public' | 'Private';
  outboundType: 'Loadbalancer' | 'UserDefinedRouting';
  vnet: { name: string; prefix: string; master: [string, string]; worker: [string, string] };
  /** api: the API server's address (public IP, or the internal frontend's on a private cluster). */
  ips: { api: string; outbound?: string; router: string; internalApi: string; internalService?: string; privateLinkService?: string };
  gateway?: GatewaySpec;
  hub?: HubSpec;
  guids: Record<string, string>;
  masters: NodeSpec[];
  workers: NodeSpec[];
  clusterAgeMinutes: number;
  project: string;
  pods: PodSpec[];
  services: ServiceSpec[];
  routes: Array<{ name: string; namespace: string; service: string; targetPort: string; ageMinutes: number }>;
  router: { uid: string; pods: Array<{ name: string; node: string; ip: string }>; hash: string; httpNodePort: number; httpsNodePort: number; healthCheckNodePort: number; clusterIP: string; internalClusterIP: string };
}

/** A field the lab's layout requires: its value, or an error naming what the spec lacks. */
export function required<T>(value: T | undefined, spec: LabSpec, what: string): T {
  if (value === undefined) throw new Error(`${spec.info.name}: the spec needs ${what}`);
  return value;
}
