// The wire-shape schemas hold for every world the site ships: each ARM resource of a modelled type
// and each Kubernetes object of a modelled kind passes its schema. A schema that failed on real data
// would refuse a lab that works.
import { describe, expect, it } from 'vitest';
import { listLabs, loadLab } from '../../src/node/labs.ts';
import { ARM_SCHEMAS, isArmResource, isLoadBalancer } from '../../src/engine/world/schema/arm.ts';
import { groupKind, isKubeObject, isPod, KUBE_SCHEMAS } from '../../src/engine/world/schema/kube.ts';
import { parseLabFile } from '../../src/engine/world/schema/lab-file.ts';

const names = (await listLabs()).map((l) => l.name);

describe.each(names)('the world of %s', async (name) => {
  const lab = await loadLab({ name });

  it('has ARM resources that pass the schema of their type', () => {
    const failing = lab.arm.filter((r) => !isArmResource(r) || ARM_SCHEMAS.get(r.type.toLowerCase())?.safeParse(r).success === false).map((r) => r.id);
    expect(failing).toEqual([]);
  });

  it('models most of its ARM resources by type', () => {
    const modelled = lab.arm.filter((r) => ARM_SCHEMAS.has(r.type.toLowerCase()));
    expect(modelled.length).toBeGreaterThan(lab.arm.length / 2);
  });

  it('has Kubernetes objects that pass the schema of their kind', () => {
    const failing = lab.kube.filter((o) => !isKubeObject(o) || KUBE_SCHEMAS.get(groupKind(o))?.safeParse(o).success === false).map((o) => `${groupKind(o)} ${o.metadata.namespace ?? ''}/${o.metadata.name}`);
    expect(failing).toEqual([]);
  });

  it('models every kind it holds', () => {
    const unmodelled = [...new Set(lab.kube.map(groupKind))].filter((k) => !KUBE_SCHEMAS.has(k));
    expect(unmodelled).toEqual([]);
  });
});

describe('the guards', async () => {
  const lab = await loadLab({ name: 'aro2' });
  const lb = lab.arm.find(isLoadBalancer);
  const pod = lab.kube.find(isPod);

  it('refuse a load balancer whose rule gives its port as text', () => {
    expect(lb).toBeDefined();
    const rules = (lb?.properties?.loadBalancingRules ?? []).map((r) => ({ ...r, properties: { ...r.properties, frontendPort: '443' } }));
    expect(isLoadBalancer({ ...lb, properties: { ...lb?.properties, loadBalancingRules: rules } })).toBe(false);
  });

  it('refuse a resource of another type, and compare types as ARM does', () => {
    expect(isLoadBalancer({ ...lb, type: 'Microsoft.Network/publicIPAddresses' })).toBe(false);
    expect(isLoadBalancer({ ...lb, type: 'microsoft.network/LOADBALANCERS' })).toBe(true);
  });

  it('refuse a pod whose containers are not a list, and an object of another kind', () => {
    expect(pod).toBeDefined();
    expect(isPod({ ...pod, spec: { ...pod?.spec, containers: {} } })).toBe(false);
    expect(isPod({ ...pod, kind: 'Service' })).toBe(false);
  });

  it('keep the object they check: its keys stay in their order', () => {
    const copy = { properties: lb?.properties, type: lb?.type, name: lb?.name, id: lb?.id };
    expect(isLoadBalancer(copy) && Object.keys(copy)).toEqual(['properties', 'type', 'name', 'id']);
  });
});

describe('a lab file', async () => {
  const lab = await loadLab({ name: 'aro2' });

  it('is refused with the path of a field of a modelled type that has the wrong shape', () => {
    const arm = lab.arm.map((r) => (isLoadBalancer(r) ? { ...r, properties: { ...r.properties, outboundRules: {} } } : r));
    const i = lab.arm.findIndex(isLoadBalancer);
    expect(() => parseLabFile({ ...lab, arm }, 'lab.json')).toThrow(`lab.json: arm[${i}].properties.outboundRules: Invalid input: expected array, received object`);
  });

  it('is refused with the path of a tag that is not text', () => {
    const arm = lab.arm.map((r, i) => (i === 1 ? { ...r, tags: { owner: 7 } } : r));
    expect(() => parseLabFile({ ...lab, arm }, 'lab.json')).toThrow('lab.json: arm[1].tags.owner: Invalid input: expected string, received number');
  });

  it('serves each resource with its id, name, type, location and properties first, as it always has', () => {
    // ARM sends name before id.
    const arm = lab.arm.map((r) => (isLoadBalancer(r) ? Object.fromEntries([['name', r.name], ...Object.entries(r)]) : r));
    const parsed = parseLabFile({ ...lab, arm }, 'lab.json');
    const lbKeys = Object.keys(parsed.arm.find(isLoadBalancer) ?? {});
    expect(lbKeys.slice(0, 5)).toEqual(['id', 'name', 'type', 'location', 'properties']);
  });
});
