// The az commands of a routing diagnosis: a NIC's effective routes and Network Watcher's next hop
// (POST actions the lab's ARM answers from the world), NAT gateways, and live mode's refusal to
// send a POST to a reader's subscription.
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import type { ArmResource, LabFile, World } from '../../src/engine/world/types.ts';
import { builtInLab, builtInLabs } from '../helpers/built-in-labs.ts';

type Obj = Record<string, any>;

const run = async (lab: LabFile | World, line: string) => {
  const world = 'arm' in lab && typeof lab.arm === 'function' ? (lab as World) : createFixtureWorld(lab as LabFile);
  const { status, stdout, stderr } = await new Session(world).run(line);
  return { status, stdout, stderr };
};
const ofType = (lab: LabFile, type: string): Obj[] => lab.arm.filter((r) => r.type.toLowerCase() === type.toLowerCase()) as Obj[];
const groupOf = (r: Obj): string => String(r.id).split('/')[4];
const byId = (lab: LabFile, id: string): Obj | undefined => {
  for (const r of lab.arm as Obj[]) {
    if (r.id.toLowerCase() === id.toLowerCase()) return r;
    if (r.type !== 'Microsoft.Network/virtualNetworks') continue;
    for (const s of (r.properties?.subnets ?? []) as Obj[]) if (s.id.toLowerCase() === id.toLowerCase()) return s;
  }
  return undefined;
};
/** NICs of virtual machines: what show-effective-route-table and show-next-hop are about. */
const vmNics = (lab: LabFile) => ofType(lab, 'Microsoft.Network/networkInterfaces').filter((n) => n.properties.virtualMachine?.id);

/** A copy of a lab with the region's network watcher Azure creates with the first VNet. */
// Every built-in lab has its region's Network Watcher, as Azure enables it with the first VNet.
function withWatcher(lab: LabFile): LabFile {
  if (ofType(lab, 'Microsoft.Network/networkWatchers').length !== 1) throw new Error('the lab has no Network Watcher');
  return lab;
}

/** The lab without Network Watcher (its group and watcher removed), as a subscription that turned it off. */
function withoutWatcher(lab: LabFile): LabFile {
  const copy = structuredClone(lab);
  copy.arm = copy.arm.filter((r) => r.id.split('/')[4] !== 'NetworkWatcherRG');
  return copy;
}

describe.each(builtInLabs())('az network nic show-effective-route-table on %s', (name) => {
  const lab = builtInLab(name);

  it("lists each VM NIC's VNet prefixes as VnetLocal, peered prefixes as VNetPeering and its subnet's route table as user routes", async () => {
    for (const nic of vmNics(lab)) {
      const r = await run(lab, `az network nic show-effective-route-table -g ${groupOf(nic)} -n ${nic.name}`);
      expect(r.status).toBe(0);
      const routes = JSON.parse(r.stdout).value as Obj[];
      const subnet = byId(lab, nic.properties.ipConfigurations[0].properties.subnet.id)!;
      const vnet = byId(lab, subnet.id.replace(/\/subnets\/[^/]+$/, ''))!;
      const table = subnet.properties.routeTable ? byId(lab, subnet.properties.routeTable.id) : undefined;
      const userRoutes = (table?.properties.routes ?? []) as Obj[];
      const of = (type: string, source = 'Default') => routes.filter((x) => x.nextHopType === type && x.source === source).map((x) => x.addressPrefix[0]);
      expect(of('VnetLocal')).toEqual(vnet.properties.addressSpace.addressPrefixes);
      expect(of('VNetPeering')).toEqual(((vnet.properties.virtualNetworkPeerings ?? []) as Obj[]).flatMap((p) => byId(lab, p.properties.remoteVirtualNetwork.id)!.properties.addressSpace.addressPrefixes));
      expect(routes.filter((x) => x.source === 'User').map((x) => [x.name, x.addressPrefix[0], x.nextHopType, x.nextHopIpAddress[0]])).toEqual(
        userRoutes.map((u) => [u.name, u.properties.addressPrefix, u.properties.nextHopType, u.properties.nextHopIpAddress]),
      );
      const forced = userRoutes.some((u) => u.properties.addressPrefix === '0.0.0.0/0');
      expect(routes.find((x) => x.source === 'Default' && x.addressPrefix[0] === '0.0.0.0/0')!.state).toBe(forced ? 'Invalid' : 'Active');
      // aaz prints neither ARM's hasBgpOverride nor a null name.
      for (const route of routes) {
        expect(route).not.toHaveProperty('hasBgpOverride');
        expect(route.name ?? 'absent').not.toBeNull();
      }
    }
  });

  it('prints the table of az\'s effective route table transformer, one row per route', async () => {
    const nic = vmNics(lab)[0];
    const json = JSON.parse((await run(lab, `az network nic show-effective-route-table -g ${groupOf(nic)} -n ${nic.name}`)).stdout).value as Obj[];
    const table = (await run(lab, `az network nic show-effective-route-table -g ${groupOf(nic)} -n ${nic.name} -o table`)).stdout.trimEnd().split('\n');
    expect(table[0]).toMatch(/^Source +State +Address Prefix +Next Hop Type +Next Hop IP$/);
    expect(table.slice(2).map((row) => row.split(/ +/).slice(0, 4))).toEqual(json.map((x) => [x.source, x.state, x.addressPrefix[0], x.nextHopType]));
  });

  it("answers ARM's ResourceNotFound for a NIC that is not there", async () => {
    const nic = vmNics(lab)[0];
    const r = await run(lab, `az network nic show-effective-route-table -g ${groupOf(nic)} -n no-such-nic`);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain(`(ResourceNotFound) The Resource 'Microsoft.Network/networkInterfaces/no-such-nic' under resource group '${groupOf(nic)}' was not found.`);
  });

  it('lists the NAT gateways the lab holds (none: the clusters leave through outbound rules or a firewall)', async () => {
    const r = await run(lab, "az network nat gateway list --query '[].name' -o tsv");
    expect(r).toEqual({ status: 0, stdout: ofType(lab, 'Microsoft.Network/natGateways').map((g) => `${g.name}\n`).join(''), stderr: '' });
  });
});

describe('az network watcher show-next-hop', () => {
  it("says the region has no network watcher when the subscription holds none in the VM's region", async () => {
    const lab = withoutWatcher(builtInLab('aro2'));
    const vm = ofType(lab, 'Microsoft.Compute/virtualMachines').find((v) => /worker/.test(v.name))!;
    const nic = vmNics(lab).find((n) => n.properties.virtualMachine.id === vm.id)!;
    const r = await run(lab, `az network watcher show-next-hop -g ${groupOf(vm)} --vm ${vm.name} --source-ip ${nic.properties.ipConfigurations[0].properties.privateIPAddress} --dest-ip 8.8.8.8`);
    expect(r).toEqual({ status: 1, stdout: '', stderr: `ERROR: network watcher is not enabled for region ${vm.location}.\n` });
  });

  const lab = withWatcher(builtInLab('aro-private'));
  const worker = vmNics(lab).find((n) => /worker/.test(n.name))!;
  const vm = byId(lab, worker.properties.virtualMachine.id)!;
  const source = worker.properties.ipConfigurations[0].properties.privateIPAddress as string;
  const subnet = byId(lab, worker.properties.ipConfigurations[0].properties.subnet.id)!;
  const table = byId(lab, subnet.properties.routeTable.id)!;
  const defaultRoute = (table.properties.routes as Obj[]).find((r) => r.properties.addressPrefix === '0.0.0.0/0')!;
  const jump = vmNics(lab).find((n) => !/worker|master/.test(n.name))!.properties.ipConfigurations[0].properties.privateIPAddress as string;
  const nextHop = (dest: string, extra = '') => run(lab, `az network watcher show-next-hop -g ${groupOf(vm)} --vm ${vm.name} --source-ip ${source} --dest-ip ${dest}${extra}`);

  it("answers a worker's packet to the Internet with the route table's virtual appliance and the table's id", async () => {
    const r = await nextHop(lab.info.client.publicIp);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ nextHopIpAddress: defaultRoute.properties.nextHopIpAddress, nextHopType: 'VirtualAppliance', routeTableId: table.id });
  });

  it("answers a packet to the hub through the peering, with System Route as the table", async () => {
    const r = await nextHop(jump, ' -o tsv');
    expect(r).toEqual({ status: 0, stdout: 'VnetPeering\tSystem Route\n', stderr: '' });
  });

  it('prints the default table of the result (no transformer): the columns it has', async () => {
    const r = await nextHop(subnet.properties.addressPrefix.replace(/0\/\d+$/, '9'), ' -o table');
    expect(r.stdout).toBe('NextHopType    RouteTableId\n-------------  --------------\nVnetLocal      System Route\n');
  });

  it('needs -g when the VM is given by name, in aaz\'s words', async () => {
    const r = await run(lab, `az network watcher show-next-hop --vm ${vm.name} --source-ip ${source} --dest-ip 8.8.8.8`);
    expect(r).toEqual({ status: 1, stdout: '', stderr: "ERROR: InvalidArgumentValue: --vm: Invalid format: Failed to construct resource id: argument 'resource_group_name' is not defined\n" });
  });
});

describe('live mode', () => {
  /** A live world: reads pass, and it has no POST (the bridge only reads). */
  function live(lab: LabFile): World {
    const { armAction: _none, ...fixture } = createFixtureWorld(lab);
    return { ...fixture, source: 'live' };
  }

  it('refuses the POST actions in az\'s voice and sends nothing', async () => {
    const lab = withWatcher(builtInLab('aro2'));
    const nic = vmNics(lab)[0];
    const vm = byId(lab, nic.properties.virtualMachine.id)!;
    for (const line of [
      `az network nic show-effective-route-table -g ${groupOf(nic)} -n ${nic.name}`,
      `az network watcher show-next-hop -g ${groupOf(vm)} --vm ${vm.name} --source-ip ${nic.properties.ipConfigurations[0].properties.privateIPAddress} --dest-ip 8.8.8.8`,
    ]) {
      const r = await run(live(lab), line);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^ERROR: 'az network (nic show-effective-route-table|watcher show-next-hop)' asks Azure to compute an answer with a POST action, and live mode only reads/);
    }
  });
});

describe('az network nat gateway', () => {
  it('shows a NAT gateway a lab holds, and ARM\'s ResourceNotFound for one it does not', async () => {
    const lab = structuredClone(builtInLab('aro-today'));
    const group = ofType(lab, 'Microsoft.Network/virtualNetworks')[0].id.replace(/\/providers\/.*$/, '');
    const pip = ofType(lab, 'Microsoft.Network/publicIPAddresses')[0];
    lab.arm.push({ id: `${group}/providers/Microsoft.Network/natGateways/egress-nat`, name: 'egress-nat', type: 'Microsoft.Network/natGateways', location: pip.location, sku: { name: 'Standard', tier: 'Regional' }, properties: { provisioningState: 'Succeeded', idleTimeoutInMinutes: 4, publicIpAddresses: [{ id: pip.id }], publicIpAddressesV6: [], sourceVirtualNetwork: null } } as unknown as ArmResource);
    const g = group.split('/')[4];
    const shown = await run(lab, `az network nat gateway show -g ${g} -n egress-nat --query '[name, publicIpAddresses[0].id, resourceGroup]' -o tsv`);
    expect(shown).toEqual({ status: 0, stdout: `egress-nat\n${pip.id}\n${g}\n`, stderr: '' });
    // aaz's 2022-01-01 schema: ARM's newer fields (IPv6 addresses, sourceVirtualNetwork, the SKU's tier) never reach today's az.
    const whole = JSON.parse((await run(lab, `az network nat gateway show -g ${g} -n egress-nat`)).stdout);
    expect(Object.keys(whole).sort()).toEqual(['id', 'idleTimeoutInMinutes', 'location', 'name', 'provisioningState', 'publicIpAddresses', 'resourceGroup', 'sku', 'type']);
    expect(whole.sku).toEqual({ name: 'Standard' });
    const missing = await run(lab, `az network nat gateway show -g ${g} -n nope`);
    expect(missing.status).toBe(3);
    expect(missing.stderr).toContain(`(ResourceNotFound) The Resource 'Microsoft.Network/natGateways/nope' under resource group '${g}' was not found.`);
  });
});

describe('tab completion of the routing commands', () => {
  it("offers the group's VMs after --vm and its NICs after -n of show-effective-route-table", async () => {
    const lab = builtInLab('aro2');
    const vm = ofType(lab, 'Microsoft.Compute/virtualMachines')[0];
    const session = new Session(createFixtureWorld(lab));
    const vmLine = `az network watcher show-next-hop -g ${groupOf(vm)} --vm `;
    expect((await session.complete(vmLine, vmLine.length)).candidates).toEqual(ofType(lab, 'Microsoft.Compute/virtualMachines').filter((v) => groupOf(v) === groupOf(vm)).map((v) => v.name));
    const nicLine = `az network nic show-effective-route-table -g ${groupOf(vm)} -n `;
    expect((await session.complete(nicLine, nicLine.length)).candidates).toEqual(ofType(lab, 'Microsoft.Network/networkInterfaces').filter((n) => groupOf(n) === groupOf(vm)).map((n) => n.name));
  });
});
