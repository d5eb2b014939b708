// What every Kubernetes builder shares: the lab's clock, the metadata maker (its resourceVersion
// counter runs through the whole build, so the order objects are made in is part of the world),
// the cluster's Kubernetes minor version and apps domain.
import { guid } from './ids.ts';
import type { LabSpec, NodeSpec } from './spec.ts';

export type OwnerReference = { apiVersion: string; kind: string; name: string; uid: string; controller: boolean; blockOwnerDeletion?: boolean };

/** The metadata fields a builder adds to the ones every object has. */
export type MetaExtra = {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  generateName?: string;
};

export type ObjectMeta = MetaExtra & {
  name: string;
  namespace?: string;
  uid: string;
  resourceVersion: string;
  creationTimestamp: string;
};

/** An object's metadata: made `ageMinutes` before the lab's clock, the next resourceVersion, a uid
 * derived from its namespace, name and labels. */
export type Meta = (name: string, ageMinutes: number, extra?: MetaExtra, namespace?: string) => ObjectMeta;
/** The instant `minutes` before the lab's clock (17 s earlier, as an API server's stamps fall). */
export type At = (minutes: number) => string;

export type NodeRole = 'master' | 'worker';

export interface KubeContext {
  spec: LabSpec;
  clock: number;
  at: At;
  meta: Meta;
  /** The minor version of the cluster's Kubernetes (3 for 1.16 → 16). */
  kubeMinor: number;
  appsDomain: string;
  nodes: Array<{ n: NodeSpec; role: NodeRole }>;
}

export function kubeMinorOf(spec: LabSpec): number {
  const minor = /^v1\.(\d+)/.exec(spec.cluster.kubelet);
  if (!minor) throw new Error(`${spec.info.name}: kubelet version ${spec.cluster.kubelet} is not v1.<minor>`);
  return Number(minor[1]);
}

export function kubeContext(spec: LabSpec): KubeContext {
  const clock = Date.parse(spec.info.clock);
  let version = 10000;
  const at: At = (minutes) => new Date(clock - minutes * 60_000 - 17_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const meta: Meta = (name, ageMinutes, extra = {}, namespace) => ({
    name,
    ...(namespace ? { namespace } : {}),
    uid: guid(`k8s:${namespace ?? ''}/${name}:${JSON.stringify(extra.labels ?? {})}`),
    resourceVersion: String((version += 137)),
    creationTimestamp: at(ageMinutes),
    ...extra,
  });
  return {
    spec,
    clock,
    at,
    meta,
    kubeMinor: kubeMinorOf(spec),
    appsDomain: `apps.${spec.cluster.domain}.${spec.location}.aroapp.io`,
    nodes: [...spec.masters.map((n) => ({ n, role: 'master' as const })), ...spec.workers.map((n) => ({ n, role: 'worker' as const }))],
  };
}
