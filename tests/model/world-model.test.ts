// The model's typed queries follow the relations ARM ids and Kubernetes selectors make: a child to
// its resource, a node to its NIC and the public IP its traffic leaves from, a route to its pods.
import { describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { WorldModel } from '../../src/engine/model/world-model.ts';

const lab = await loadLab({ name: 'aro2' });
const model = new WorldModel(lab);

describe('the world model', () => {
  it('finds a load balancer child by id in any case, and the load balancer it belongs to', () => {
    const lb = model.loadBalancers()[0];
    const frontend = lb.properties?.frontendIPConfigurations?.[0];
    expect(frontend).toBeDefined();
    expect(model.frontend(frontend?.id.toUpperCase())).toBe(frontend);
    expect(model.loadBalancerOf(frontend?.id)).toBe(lb);
    expect(model.loadBalancerOf(lb.id)).toBeUndefined();
  });

  it('lists resources of a type whatever its case', () => {
    expect(model.armOfType('microsoft.network/LOADBALANCERS')).toEqual(model.loadBalancers());
    expect(model.loadBalancers().length).toBeGreaterThan(0);
  });

  it("leads from a node to its NIC, its pool's outbound rule and the rule's public IP", () => {
    const node = model.kube('Node').find((n) => n.metadata.name.includes('worker'))?.metadata.name ?? '';
    const nic = model.nicOfNode(node);
    expect(model.nodeOfNic(nic)).toBe(node);
    const config = model.primaryIpConfiguration(nic);
    expect(model.nicOfIpConfiguration(config?.id)).toBe(nic);
    const egress = model.nodeEgress(node);
    expect(egress?.via).toBe('outbound-rule');
    if (egress?.via !== 'outbound-rule') return;
    const pools = (config?.properties?.loadBalancerBackendAddressPools ?? []).map((p) => p.id.toLowerCase());
    expect(pools).toContain(egress.rule.properties?.backendAddressPool?.id.toLowerCase());
    const frontend = model.frontend(egress.rule.properties?.frontendIPConfigurations?.[0]?.id);
    expect(egress.publicIp).toBe(model.publicIp(frontend?.properties?.publicIPAddress?.id)?.properties?.ipAddress);
    expect(egress.publicIp).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it("puts a node's NICs in the pools of the rules that carry traffic to it", () => {
    const rule = model.loadBalancers().flatMap((lb) => lb.properties?.loadBalancingRules ?? [])[0];
    const nics = model.poolNics(model.backendPool(rule?.properties?.backendAddressPool?.id));
    expect(nics.length).toBeGreaterThan(0);
    for (const nic of nics) expect(model.nicOfNode(model.nodeOfNic(nic))).toBe(nic);
  });

  it('leads from a route to its service and the ready pods it selects', () => {
    const route = model.routes()[0];
    const service = model.routeService(route);
    expect(service?.metadata.name).toBe(route.spec?.to?.name);
    const backend = model.routeBackend(route);
    expect(backend && Object.entries(service?.spec?.selector ?? {}).every(([k, v]) => backend.metadata.labels?.[k] === v)).toBe(true);
    expect(backend?.status?.phase).toBe('Running');
  });

  it('finds the VNet of a subnet', () => {
    const vnet = model.virtualNetworks()[0];
    const subnet = vnet.properties?.subnets?.[0];
    expect(model.subnet(subnet?.id)).toBe(subnet);
    expect(model.vnetOfSubnet(subnet)).toBe(vnet);
  });
});
