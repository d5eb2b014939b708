// `aro-labs snapshot`: what the chapters read from the reader's cluster, captured through the live
// world (so already redacted: secrets replaced by <redacted>, see redact.ts) into a lab file of
// the same format as labs/, then made anonymous: subscription, tenant and service principal ids
// replaced everywhere, public IPs optionally remapped, consistently, to the documentation ranges.
import { randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import { field, parseLabFile, type ArmResource, type Json, type JsonObject, type KubeObject, type LabFile, type World } from '../../engine/index.ts';
import { isPrivate } from './network.ts';
import { REDACTED, REDACTION_RULES } from './redact.ts';

export class SnapshotError extends Error {}

export interface SnapshotOptions {
  cluster: string;
  group: string;
  /** The lab's name in the file (default "snapshot"). */
  name?: string;
  redactIps?: boolean;
  /** Namespaces to keep besides the app's, openshift-ingress, openshift-dns and default. */
  namespaces?: string[];
  now?: Date;
}

export interface Snapshot {
  lab: LabFile;
  /** Original value → its replacement, for every id and address that was replaced. */
  replacements: Map<string, string>;
  /** How many values in the file are <redacted> (the live world replaced them before capture). */
  redacted: number;
}

/** The snapshot command's account of the secrets: how many values were replaced, which kinds and how. */
export function redactionNote(redacted: number): string {
  return `Secrets: ${redacted} ${redacted === 1 ? 'value' : 'values'} replaced by ${REDACTED}. ${REDACTION_RULES}`;
}

// ARM resource types the chapters' commands read.
const KEPT_TYPES = /^microsoft\.network\/[a-z]+$|^microsoft\.compute\/virtualmachines$|^microsoft\.redhatopenshift\/openshiftclusters$/i;

// Kubernetes collections the chapters' commands read; namespaced ones are kept for chosen namespaces only.
const CLUSTER_SCOPED = ['/api/v1/namespaces', '/apis/project.openshift.io/v1/projects', '/api/v1/nodes', '/apis/config.openshift.io/v1/infrastructures'];
const NAMESPACED = [
  '/api/v1/pods',
  '/api/v1/services',
  '/api/v1/endpoints',
  '/api/v1/replicationcontrollers',
  '/apis/route.openshift.io/v1/routes',
  '/apis/apps/v1/deployments',
  '/apis/apps/v1/replicasets',
  '/apis/apps/v1/daemonsets',
  '/apis/apps/v1/statefulsets',
  '/apis/apps.openshift.io/v1/deploymentconfigs',
  '/apis/networking.k8s.io/v1/networkpolicies',
];
const ALWAYS_KEPT_NAMESPACES = ['default', 'openshift-ingress', 'openshift-dns'];

const DOC_RANGES = ['192.0.2.', '198.51.100.', '203.0.113.'];
const IPV4_IN_TEXT = /\b(?:\d{1,3}\.){3}\d{1,3}\b/g;


async function armGet(world: World, path: string): Promise<Json> {
  const response = await world.arm(path);
  if (response.failure) throw new SnapshotError(`Azure Resource Manager: ${response.failure.detail}`);
  if (response.status !== 200) {
    const message = field(response.body, 'error', 'message');
    throw new SnapshotError(`ARM GET ${path}: ${typeof message === 'string' ? message : `HTTP ${response.status}`}`);
  }
  return response.body;
}

/** The resource id a reference points into (children such as subnets belong to their parent). */
const topLevel = (id: string) => id.split('/').slice(0, 9).join('/');
const groupOf = (id: string) => id.split('/').slice(0, 5).join('/');

function referencedIds(value: Json | undefined, out: Set<string>): Set<string> {
  if (typeof value === 'string') {
    if (/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/[^/]+\/[^/]+\/[^/]+/i.test(value)) out.add(topLevel(value));
  } else if (Array.isArray(value)) value.forEach((v) => referencedIds(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => referencedIds(v, out));
  return out;
}

async function captureArm(world: World, options: SnapshotOptions): Promise<ArmResource[]> {
  const subscription = String(world.info.account.id);
  const clusterId = `/subscriptions/${subscription}/resourceGroups/${options.group}/providers/Microsoft.RedHatOpenShift/openShiftClusters/${options.cluster}`;
  const aro = (await armGet(world, clusterId)) as unknown as ArmResource;
  const nodeGroup = field(aro as unknown as Json, 'properties', 'clusterProfile', 'resourceGroupId');
  if (typeof nodeGroup !== 'string') throw new SnapshotError(`the cluster ${options.cluster} does not name its node resource group`);
  const byId = new Map<string, ArmResource>();
  const groups = new Set<string>();
  const addGroup = async (groupId: string) => {
    if (groups.has(groupId.toLowerCase())) return;
    groups.add(groupId.toLowerCase());
    const group = (await armGet(world, groupId)) as unknown as ArmResource;
    byId.set(group.id.toLowerCase(), group);
  };
  const addResource = async (id: string) => {
    if (byId.has(id.toLowerCase()) || !KEPT_TYPES.test(id.split('/').slice(6, 8).join('/'))) return;
    await addGroup(groupOf(id));
    const resource = (await armGet(world, id)) as unknown as ArmResource;
    byId.set(resource.id.toLowerCase(), resource);
  };
  for (const groupId of [groupOf(clusterId), nodeGroup]) {
    await addGroup(groupId);
    const listed = field(await armGet(world, `${groupId}/resources`), 'value');
    const ids = (Array.isArray(listed) ? listed : []).map((r) => field(r, 'id')).filter((id): id is string => typeof id === 'string');
    await Promise.all(ids.map(addResource));
  }
  // What the kept resources point at (the cluster's virtual network and its route tables, in
  // whichever group they live), until nothing new is referenced.
  for (let round = 0; round < 4; round++) {
    const missing = [...referencedIds([...byId.values()] as unknown as Json, new Set())].filter((id) => !byId.has(id.toLowerCase()) && KEPT_TYPES.test(id.split('/').slice(6, 8).join('/')));
    if (missing.length === 0) break;
    for (const id of missing) await addResource(id);
  }
  return [...byId.values()];
}

/** An API server list's items, each with the kind and apiVersion a GET of one object has. */
async function listItems(world: World, path: string): Promise<KubeObject[]> {
  const response = await world.kube(path);
  if (response.failure) throw new SnapshotError(`Kubernetes API server: ${response.failure.detail}`);
  if (response.status === 404) return [];
  if (response.status !== 200) throw new SnapshotError(`GET ${path}: ${String(field(response.body, 'message') ?? `HTTP ${response.status}`)}`);
  const kind = String(field(response.body, 'kind') ?? '').replace(/List$/, '');
  const apiVersion = String(field(response.body, 'apiVersion') ?? 'v1');
  const items = field(response.body, 'items');
  return (Array.isArray(items) ? items : []).map((item) => {
    const object = { apiVersion, kind, ...(item as JsonObject) } as unknown as KubeObject;
    delete object.metadata.managedFields;
    const annotations = object.metadata.annotations;
    if (annotations) delete annotations['kubectl.kubernetes.io/last-applied-configuration'];
    return object;
  });
}

async function captureKube(world: World, options: SnapshotOptions): Promise<KubeObject[]> {
  const namespaced = (await Promise.all(NAMESPACED.map((path) => listItems(world, path)))).flat();
  const keep = new Set([...ALWAYS_KEPT_NAMESPACES, world.info.session.namespace, ...(options.namespaces ?? [])]);
  for (const o of namespaced) {
    const ns = o.metadata.namespace ?? '';
    if (o.kind === 'Route' && !/^(openshift|kube)-/.test(ns)) keep.add(ns);
  }
  const clusterScoped = (await Promise.all(CLUSTER_SCOPED.map((path) => listItems(world, path)))).flat().filter((o) => {
    if (o.kind === 'Namespace' || o.kind === 'Project') return keep.has(o.metadata.name);
    if (o.kind === 'Infrastructure') return o.metadata.name === 'cluster';
    return true;
  });
  const present = new Set(clusterScoped.filter((o) => o.kind === 'Namespace').map((o) => o.metadata.name));
  return [...clusterScoped, ...namespaced.filter((o) => present.has(o.metadata.namespace ?? ''))];
}

/** The sample app's SQL Server banner, when the cluster runs the sample app; '' otherwise. */
async function sqlVersion(world: World, kube: KubeObject[]): Promise<string> {
  for (const route of kube.filter((o) => o.kind === 'Route')) {
    const host = field(route.spec, 'host');
    if (typeof host !== 'string') continue;
    const answer = await world.http({ method: 'GET', url: `http://${host}/api/sqlversion`, headers: {} });
    if ('error' in answer || answer.status !== 200) continue;
    try {
      const output = field(JSON.parse(answer.body) as Json, 'sql_output');
      if (typeof output === 'string' && output.startsWith('Microsoft SQL Server')) return output;
    } catch {
      // not the sample app
    }
  }
  return '';
}

/** Replaces every occurrence of each key, in every string of the value (keys and values alike). */
function replaceAll(value: Json, replacements: Map<string, string>): Json {
  const patterns = [...replacements.keys()].sort((a, b) => b.length - a.length);
  if (patterns.length === 0) return value;
  const escaped = patterns.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(escaped.join('|'), 'gi');
  const lookup = new Map([...replacements].map(([k, v]) => [k.toLowerCase(), v]));
  const text = JSON.stringify(value).replace(pattern, (m) => lookup.get(m.toLowerCase()) ?? m);
  return JSON.parse(text) as Json;
}

/** Every public address of the file (documentation ones too, so that no address of the cluster
 * survives), each mapped to a documentation address that the file does not use, of the same
 * length where one is free, so that tables keep their column widths. */
function ipRemapping(value: Json): Map<string, string> {
  const found = new Set(JSON.stringify(value).match(IPV4_IN_TEXT) ?? []);
  const free = DOC_RANGES.flatMap((p) => Array.from({ length: 253 }, (_, i) => `${p}${i + 1}`)).filter((ip) => !found.has(ip));
  const map = new Map<string, string>();
  for (const ip of [...found].sort()) {
    if (isIP(ip) !== 4 || isPrivate(ip)) continue;
    if (free.length === 0) throw new SnapshotError('too many public addresses to remap into the documentation ranges');
    const distance = (candidate: string) => Math.abs(candidate.length - ip.length);
    const best = free.reduce((a, b, i) => (distance(b) < distance(free[a]) ? i : a), 0);
    map.set(ip, free.splice(best, 1)[0]);
  }
  return map;
}

export async function takeSnapshot(world: World, options: SnapshotOptions): Promise<Snapshot> {
  if (world.source !== 'live') throw new SnapshotError('a snapshot is taken of a live cluster');
  const [arm, kube] = await Promise.all([captureArm(world, options), captureKube(world, options)]);
  const account = world.info.account;
  const aro = arm.find((r) => r.type.toLowerCase() === 'microsoft.redhatopenshift/openshiftclusters');
  const nodeGroupName = String(field(aro as unknown as Json, 'properties', 'clusterProfile', 'resourceGroupId') ?? '').split('/')[4] ?? '';
  const replacements = new Map<string, string>();
  const replace = (original: unknown) => {
    if (typeof original === 'string' && original.length >= 8 && !replacements.has(original)) replacements.set(original, randomUUID());
  };
  replace(account.id);
  replace(account.tenantId);
  replace(account.homeTenantId);
  replace(field(aro as unknown as Json, 'properties', 'servicePrincipalProfile', 'clientId'));
  const clock = (options.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const lab: LabFile = {
    formatVersion: 1,
    info: {
      name: options.name ?? 'snapshot',
      title: `Snapshot of ${options.cluster}`,
      summary: `Captured ${clock} from cluster ${options.cluster} (resource group ${options.group}, nodes in ${nodeGroupName}) by aro-labs snapshot, without secrets.`,
      layout: arm.filter((r) => r.type.toLowerCase() === 'microsoft.network/loadbalancers').length >= 4 ? '2020' : 'today',
      clock,
      account: {
        environmentName: typeof account.environmentName === 'string' ? account.environmentName : 'AzureCloud',
        homeTenantId: String(account.homeTenantId ?? account.tenantId ?? ''),
        id: String(account.id),
        isDefault: true,
        managedByTenants: [],
        name: 'Snapshot subscription',
        state: 'Enabled',
        tenantDefaultDomain: 'example.onmicrosoft.com',
        tenantDisplayName: 'Snapshot',
        tenantId: String(account.tenantId ?? ''),
        user: { name: 'reader@example.com', type: 'user' },
      },
      client: { publicIp: '198.51.100.7' },
      resolver: world.info.resolver,
      session: { env: { cluster_name: options.cluster, rg: options.group }, namespace: world.info.session.namespace },
      tools: world.info.tools,
      app: { sqlVersion: await sqlVersion(world, kube) },
    },
    arm,
    kube,
  };
  let anonymous = replaceAll(lab as unknown as Json, replacements);
  if (options.redactIps) {
    const ips = ipRemapping(anonymous);
    // Whole addresses only: 10.0.0.1 must not match inside 110.0.0.12.
    const text = JSON.stringify(anonymous).replace(IPV4_IN_TEXT, (ip) => ips.get(ip) ?? ip);
    anonymous = JSON.parse(text) as Json;
    for (const [k, v] of ips) replacements.set(k, v);
  }
  const redacted = JSON.stringify(anonymous).split(REDACTED).length - 1;
  return { lab: parseLabFile(anonymous, 'the snapshot'), replacements, redacted };
}
