// Azure's next hop for a packet leaving a NIC: the longest prefix among the subnet's system routes
// (its VNet, peered VNets, 0.0.0.0/0 to the Internet, the drop routes) and its route table's user
// routes, a user route winning over a system route of the same prefix.
import { describe, expect, it } from 'vitest';
import { effectiveRoutes, nextHop } from '../../src/engine/model/next-hop.ts';
import { WorldModel } from '../../src/engine/model/world-model.ts';
import type { ArmResource, LabFile } from '../../src/engine/world/types.ts';
import { builtInLab } from '../helpers/built-in-labs.ts';

type Obj = Record<string, any>;

const nics = (lab: LabFile) => lab.arm.filter((r) => r.type === 'Microsoft.Network/networkInterfaces') as Obj[];
const ipOf = (nic: Obj) => nic.properties.ipConfigurations[0].properties.privateIPAddress as string;
const subnetIdOf = (nic: Obj) => nic.properties.ipConfigurations[0].properties.subnet.id as string;
/** The private address of the first NIC whose subnet's name matches. */
function nicIn(lab: LabFile, subnet: RegExp): string {
  return ipOf(nics(lab).find((n) => subnet.test(subnetIdOf(n).split('/').pop()!))!);
}
const vnets = (lab: LabFile) => lab.arm.filter((r) => r.type === 'Microsoft.Network/virtualNetworks') as Obj[];

describe('next hop on the 2020 cluster (no route table)', () => {
  const lab = builtInLab('aro2');
  const model = new WorldModel(lab);
  const worker = nicIn(lab, /worker/);
  const master = nicIn(lab, /master/);

  it('sends a worker\'s packet to an Internet address out through the system route to the Internet', () => {
    expect(nextHop(model, worker, lab.info.client.publicIp)).toEqual({ nextHopType: 'Internet', addressPrefix: '0.0.0.0/0', source: 'Default' });
  });

  it("keeps a worker's packet to the masters' subnet inside the VNet (VnetLocal)", () => {
    const vnetPrefix = vnets(lab)[0].properties.addressSpace.addressPrefixes[0];
    expect(nextHop(model, worker, master)).toEqual({ nextHopType: 'VnetLocal', addressPrefix: vnetPrefix, source: 'Default' });
  });

  it('drops a packet to a private address outside every VNet (the default None routes)', () => {
    expect(nextHop(model, worker, '192.168.7.7').nextHopType).toBe('None');
    expect(nextHop(model, worker, '100.64.1.1').nextHopType).toBe('None');
    // 172.16.0.0/12 has no drop route in a NIC's effective routes: it goes to the Internet route.
    expect(nextHop(model, worker, '172.16.5.5').nextHopType).toBe('Internet');
  });
});

describe('next hop on the private cluster (UDR to the hub firewall, peered hub)', () => {
  const lab = builtInLab('aro-private');
  const model = new WorldModel(lab);
  const worker = nicIn(lab, /^worker$/);
  const workerSubnet = model.subnet(subnetIdOf(nics(lab).find((n) => ipOf(n) === worker)!))!;
  const table = model.routeTable(workerSubnet.properties?.routeTable?.id)!;
  const defaultRoute = (table.properties!.routes as Obj[]).find((r) => r.properties.addressPrefix === '0.0.0.0/0')!;
  const spoke = vnets(lab).find((v) => workerSubnet.id.toLowerCase().startsWith(v.id.toLowerCase()))!;
  const hub = vnets(lab).find((v) => v !== spoke)!;

  it("sends a worker's packet to the Internet to the virtual appliance of the subnet's route table", () => {
    expect(nextHop(model, worker, lab.info.client.publicIp)).toEqual({
      nextHopType: 'VirtualAppliance',
      nextHopIpAddress: defaultRoute.properties.nextHopIpAddress,
      routeTableId: table.id,
      route: defaultRoute.name,
      addressPrefix: '0.0.0.0/0',
      source: 'User',
    });
  });

  it('sends a packet to a hub address through the peering, whose prefix is longer than the UDR\'s 0.0.0.0/0', () => {
    const hubAddress = nicIn(lab, /jumpbox/);
    expect(nextHop(model, worker, hubAddress)).toEqual({ nextHopType: 'VNetPeering', addressPrefix: hub.properties.addressSpace.addressPrefixes[0], source: 'Default' });
    // The firewall itself, the UDR's next hop, is reached through the peering too.
    expect(nextHop(model, worker, defaultRoute.properties.nextHopIpAddress).nextHopType).toBe('VNetPeering');
  });

  it('sends a private address outside both VNets to the appliance: a 0.0.0.0/0 user route removes the drop routes', () => {
    expect(nextHop(model, worker, '192.168.7.7').nextHopType).toBe('VirtualAppliance');
    const routes = effectiveRoutes(model, worker)!;
    expect(routes.filter((r) => r.nextHopType === 'None')).toEqual([]);
    expect(routes.find((r) => r.source === 'Default' && r.addressPrefix[0] === '0.0.0.0/0')!.state).toBe('Invalid');
  });

  it("sends the hub jump host's packet to the Internet to its own route table's appliance", () => {
    const jump = nicIn(lab, /jumpbox/);
    const hop = nextHop(model, jump, lab.info.client.publicIp);
    expect(hop.nextHopType).toBe('VirtualAppliance');
    expect(hop.routeTableId).not.toBe(table.id);
    expect((model.routeTable(hop.routeTableId)!.properties!.subnets as Obj[]).map((s: Obj) => s.id.toLowerCase())).toContain(subnetIdOf(nics(lab).find((n) => ipOf(n) === jump)!).toLowerCase());
  });
});

/** aro2 with a route table on the workers' subnet holding the given routes. */
function withRoutes(routes: Array<{ name: string; addressPrefix: string; nextHopType: string; nextHopIpAddress?: string }>): { model: WorldModel; worker: string; master: string; tableId: string } {
  const lab = structuredClone(builtInLab('aro2'));
  const vnet = vnets(lab)[0];
  const subnet = (vnet.properties.subnets as Obj[]).find((s) => /worker/.test(s.name))!;
  const group = vnet.id.replace(/\/providers\/.*$/, '');
  const tableId = `${group}/providers/Microsoft.Network/routeTables/test-rt`;
  const table: ArmResource = {
    id: tableId,
    name: 'test-rt',
    type: 'Microsoft.Network/routeTables',
    location: vnet.location,
    properties: {
      disableBgpRoutePropagation: false,
      routes: routes.map((r) => ({ name: r.name, id: `${tableId}/routes/${r.name}`, type: 'Microsoft.Network/routeTables/routes', properties: { addressPrefix: r.addressPrefix, nextHopType: r.nextHopType, ...(r.nextHopIpAddress ? { nextHopIpAddress: r.nextHopIpAddress } : {}) } })),
      subnets: [{ id: subnet.id }],
    },
  } as ArmResource;
  subnet.properties.routeTable = { id: tableId };
  lab.arm.push(table);
  return { model: new WorldModel(lab), worker: nicIn(lab, /worker/), master: nicIn(lab, /master/), tableId };
}

describe('next hop with hand-made user routes', () => {
  it('picks a /32 user route over the system route to the Internet, and only for that address', () => {
    const { model, worker, tableId } = withRoutes([{ name: 'one-host', addressPrefix: '203.0.113.9/32', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.2.200' }]);
    expect(nextHop(model, worker, '203.0.113.9')).toEqual({ nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.2.200', routeTableId: tableId, route: 'one-host', addressPrefix: '203.0.113.9/32', source: 'User' });
    expect(nextHop(model, worker, '203.0.113.10').nextHopType).toBe('Internet');
  });

  it('lets a /32 user route to None drop one address of the VNet, the longest prefix winning', () => {
    const plain = new WorldModel(builtInLab('aro2'));
    const built = withRoutes([]);
    const dropped = withRoutes([{ name: 'drop-master', addressPrefix: `${built.master}/32`, nextHopType: 'None' }]);
    expect(nextHop(plain, built.worker, built.master).nextHopType).toBe('VnetLocal');
    expect(nextHop(dropped.model, dropped.worker, dropped.master)).toMatchObject({ nextHopType: 'None', route: 'drop-master', source: 'User' });
  });

  it('prefers a user route to a system route of the same prefix and marks the system route Invalid', () => {
    const lab = builtInLab('aro2');
    const vnetPrefix = vnets(lab)[0].properties.addressSpace.addressPrefixes[0];
    const { model, worker, master } = withRoutes([{ name: 'inspect-vnet', addressPrefix: vnetPrefix, nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.2.200' }]);
    expect(nextHop(model, worker, master)).toMatchObject({ nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.2.200', route: 'inspect-vnet' });
    const system = effectiveRoutes(model, worker)!.find((r) => r.source === 'Default' && r.addressPrefix[0] === vnetPrefix)!;
    expect(system.state).toBe('Invalid');
    // The masters' subnet has no route table: its packets to the workers stay in the VNet.
    expect(nextHop(model, master, worker).nextHopType).toBe('VnetLocal');
  });

  it('keeps the drop routes when the user 0.0.0.0/0 route drops too', () => {
    const { model, worker } = withRoutes([{ name: 'drop-all', addressPrefix: '0.0.0.0/0', nextHopType: 'None' }]);
    expect(effectiveRoutes(model, worker)!.filter((r) => r.source === 'Default' && r.nextHopType === 'None').map((r) => r.state)).not.toEqual([]);
    expect(nextHop(model, worker, '8.8.8.8')).toMatchObject({ nextHopType: 'None', route: 'drop-all', source: 'User' });
  });

  it('answers None for an address that no subnet holds', () => {
    expect(nextHop(new WorldModel(builtInLab('aro2')), '198.18.0.1', '8.8.8.8')).toEqual({ nextHopType: 'None' });
  });
});

describe('next hop on the firewall-egress scenario (a UDR on the workers\' subnet only)', async () => {
  const { loadLab } = await import('../../src/node/labs.ts');
  const lab = await loadLab({ name: 'firewall-egress' });
  const model = new WorldModel(lab);
  const routed = nics(lab).filter((n) => model.subnet(subnetIdOf(n))?.properties?.routeTable);
  const direct = nics(lab).filter((n) => !model.subnet(subnetIdOf(n))?.properties?.routeTable && !/pe\.nic|pls\.nic/.test(n.name));

  it("sends the answers of the nodes under the route table to the reader's address to the appliance, the others' to the Internet", () => {
    expect(routed.length).toBeGreaterThan(0);
    expect(direct.length).toBeGreaterThan(0);
    for (const nic of routed) {
      const table = model.routeTable(model.subnet(subnetIdOf(nic))!.properties?.routeTable?.id)!;
      const route = (table.properties!.routes as Obj[]).find((r) => r.properties.addressPrefix === '0.0.0.0/0')!;
      expect(nextHop(model, ipOf(nic), lab.info.client.publicIp)).toMatchObject({ nextHopType: route.properties.nextHopType, nextHopIpAddress: route.properties.nextHopIpAddress, routeTableId: table.id });
    }
    for (const nic of direct) expect(nextHop(model, ipOf(nic), lab.info.client.publicIp).nextHopType).toBe('Internet');
  });

  it('keeps the appliance inside the VNet: the nodes reach it through VnetLocal', () => {
    const table = model.routeTable(model.subnet(subnetIdOf(routed[0]))!.properties?.routeTable?.id)!;
    const appliance = (table.properties!.routes as Obj[]).find((r) => r.properties.addressPrefix === '0.0.0.0/0')!.properties.nextHopIpAddress;
    expect(nextHop(model, ipOf(routed[0]), appliance).nextHopType).toBe('VnetLocal');
  });
});
