// Chapter 8's change, done with az: a route table with a default route to an appliance, put on the
// cluster's worker subnet. Every reading command and the packet walks then see it (the answer to an
// Internet client leaves through the appliance instead of the load balancer), and taking it off the
// subnet puts the world back as it was; a NAT gateway there becomes the pods' way out. Expected
// values come from the lab (its VNet, subnets, NICs)
// and from the walks of the lab as loaded, never from the engine's own write output.
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { WorldModel } from '../../src/engine/model/world-model.ts';
import { walk } from '../../src/engine/walk/walk.ts';
import type { LabFile, World } from '../../src/engine/world/types.ts';
import { builtInLab } from '../helpers/built-in-labs.ts';

const APPLIANCE = '10.0.3.250';

/** The lab's customer VNet, its worker subnet and a worker NIC, read through the model. */
function facts(lab: LabFile) {
  const model = new WorldModel(lab);
  const workerSubnetId = String(model.cluster()?.properties?.workerProfiles?.[0]?.subnetId ?? '');
  const subnet = model.subnet(workerSubnetId);
  const vnet = model.vnetOfSubnet(subnet);
  const nic = model.networkInterfaces().find((n) => n.properties?.ipConfigurations?.[0]?.properties?.subnet?.id?.toLowerCase() === workerSubnetId.toLowerCase());
  if (!subnet || !vnet || !nic) throw new Error('the lab has no worker subnet with a NIC');
  const group = vnet.id.split('/')[4];
  return { group, vnet: vnet.name, subnet: subnet.name, subnetId: subnet.id, nic: nic.name, nicGroup: nic.id.split('/')[4] };
}

async function session(world: World) {
  const s = new Session(world, { tty: false });
  return async (line: string) => {
    const r = await s.run(line);
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
}

describe('route tables, NAT gateways and subnets written with az', () => {
  it('shows in the table, the subnet, the NIC effective routes and both walks, and --remove routeTable undoes it', async () => {
    const lab = builtInLab('aro2');
    const f = facts(lab);
    const world = createFixtureWorld(lab);
    const az = await session(world);
    const tableId = `/subscriptions/${lab.info.account.id}/resourceGroups/${f.group}/providers/Microsoft.Network/routeTables/rt1`;

    expect(await az(`az network route-table create -g ${f.group} -n rt1 -o none`)).toEqual({ status: 0, stdout: '', stderr: '' });
    const route = await az(`az network route-table route create -g ${f.group} --route-table-name rt1 -n to-firewall --address-prefix 0.0.0.0/0 --next-hop-type VirtualAppliance --next-hop-ip-address ${APPLIANCE} --query '[addressPrefix, nextHopType, nextHopIpAddress]' -o tsv`);
    expect(route).toEqual({ status: 0, stdout: `0.0.0.0/0\nVirtualAppliance\n${APPLIANCE}\n`, stderr: '' });
    const attached = await az(`az network vnet subnet update -g ${f.group} --vnet-name ${f.vnet} -n ${f.subnet} --route-table rt1 --query routeTable.id -o tsv`);
    expect(attached).toEqual({ status: 0, stdout: `${tableId}\n`, stderr: '' });

    // The reading commands see the change on their next GET.
    expect((await az(`az network route-table show -g ${f.group} -n rt1 --query 'subnets[].id' -o tsv`)).stdout).toBe(`${f.subnetId}\n`);
    expect((await az(`az network vnet subnet show -g ${f.group} --vnet-name ${f.vnet} -n ${f.subnet} --query routeTable.id -o tsv`)).stdout).toBe(`${tableId}\n`);
    const effective = await az(`az network nic show-effective-route-table -g ${f.nicGroup} -n ${f.nic} --query "value[?source=='User'].[addressPrefix[0], nextHopType, nextHopIpAddress[0]]" -o tsv`);
    expect(effective.stdout).toBe(`0.0.0.0/0\tVirtualAppliance\t${APPLIANCE}\n`);
    expect(world.changes?.count).toBe(3);

    // The walks of the changed world: the answer to the client and the pods' traffic take the route.
    const changed = world.changes!.current();
    const ingress = walk(changed, 'ingress');
    expect(walk(lab, 'ingress').stopped).toBeUndefined();
    expect(ingress.stopped?.why).toContain(`route to-firewall of route table rt1 to the virtual appliance ${APPLIANCE}`);
    expect(ingress.hops.at(-1)?.at).toContain(`route table rt1 (${f.subnet})`);
    const egress = walk(changed, 'egress');
    expect(walk(lab, 'egress').stopped).toBeUndefined();
    expect(egress.hops.some((h) => h.at === `route table rt1 (${f.subnet})` && h.change === `next hop ${APPLIANCE} (route to-firewall)`)).toBe(true);

    // A table in use cannot go; off the subnet, it can, and the walks are the lab's again.
    const refused = await az(`az network route-table delete -g ${f.group} -n rt1`);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('(InUseRouteTableCannotBeDeleted)');
    expect((await az(`az network vnet subnet update -g ${f.group} --vnet-name ${f.vnet} -n ${f.subnet} --remove routeTable --query routeTable`)).stdout).toBe('');
    expect((await az(`az network route-table show -g ${f.group} -n rt1 --query subnets`)).stdout).toBe('');
    expect(await az(`az network route-table delete -g ${f.group} -n rt1`)).toEqual({ status: 0, stdout: '', stderr: '' });
    for (const flow of ['ingress', 'egress'] as const) expect(walk(world.changes!.current(), flow)).toEqual(walk(lab, flow));
    const subnets = (l: LabFile) => new WorldModel(l).vnet(new WorldModel(l).subnet(f.subnetId)?.id.split('/subnets/')[0])?.properties?.subnets?.map((s) => ({ name: s.name, properties: s.properties }));
    expect(subnets(world.changes!.current())).toEqual(subnets(lab));
  });

  it('is refused by the deny assignment in the node resource group, and by live mode before anything is read', async () => {
    const lab = builtInLab('aro-today');
    const managed = String(new WorldModel(lab).cluster()?.properties?.clusterProfile?.resourceGroupId ?? '').split('/')[4];
    const az = await session(createFixtureWorld(lab));
    const denied = await az(`az network route-table create -g ${managed} -n rt1`);
    expect(denied.status).toBe(1);
    expect(denied.stderr).toMatch(/^ERROR: \(DenyAssignmentAuthorizationFailed\) The client '.*' has permission to perform action 'Microsoft\.Network\/routeTables\/write' on scope '.*\/resourceGroups\/aro-x7k2p9qa\/providers\/Microsoft\.Network\/routeTables\/rt1'; however, the access is denied because of the deny assignment/);

    const live: World = { ...createFixtureWorld(lab), source: 'live', armWrite: undefined, changes: undefined };
    const refused = await (await session(live))('az network route-table create -g demo-rg');
    expect(refused).toEqual({ status: 1, stdout: '', stderr: "ERROR: 'az network route-table create' would change Azure, and live mode only reads: ARO Packet Labs runs no command that changes your subscription.\n" });
  });

  it('gives the same world when its journal is replayed on the lab, etags and guids included', async () => {
    const lab = builtInLab('aro-today');
    const f = facts(lab);
    const world = createFixtureWorld(lab);
    const az = await session(world);
    for (const line of [
      `az network route-table create -g ${f.group} -n rt1 -o none`,
      `az network route-table route create -g ${f.group} --route-table-name rt1 -n to-firewall --address-prefix 0.0.0.0/0 --next-hop-type VirtualAppliance --next-hop-ip-address 10.40.3.250 -o none`,
      `az network nat gateway create -g ${f.group} -n natgw -o none`,
      `az network vnet subnet update -g ${f.group} --vnet-name ${f.vnet} -n ${f.subnet} --route-table rt1 --nat-gateway natgw -o none`,
    ]) expect((await az(line)).status, line).toBe(0);
    expect(world.changes?.count).toBe(4);
    const again = createFixtureWorld(lab);
    expect(await again.changes!.replay(world.changes!.journal())).toBe(4);
    expect(again.changes!.current()).toEqual(world.changes!.current());
    const gateway = await (await session(again))(`az network nat gateway show -g ${f.group} -n natgw --query 'subnets[].id' -o tsv`);
    expect(gateway.stdout).toBe(`${f.subnetId}\n`);
  });

  it('a NAT gateway on the worker subnet becomes the way out of the pods: my_public_ip and the egress walk leave from its address', async () => {
    const lab = builtInLab('aro2');
    const f = facts(lab);
    const world = createFixtureWorld(lab);
    const az = await session(world);
    const before = await az('curl -s http://sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io/api/ip');
    for (const line of [
      `az network public-ip create -g ${f.group} -n natip --sku Standard -o none`,
      `az network nat gateway create -g ${f.group} -n natgw --public-ip-addresses natip -o none`,
      `az network vnet subnet update -g ${f.group} --vnet-name ${f.vnet} -n ${f.subnet} --nat-gateway natgw -o none`,
    ]) expect((await az(line)).status, line).toBe(0);
    const address = (await az(`az network public-ip show -g ${f.group} -n natip --query ipAddress -o tsv`)).stdout.trim();
    expect(address).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const myPublicIp = (r: { stdout: string }) => /"my_public_ip": "([^"]*)"/.exec(r.stdout)?.[1];
    expect(myPublicIp(before)).not.toBe(address);
    expect(myPublicIp(await az('curl -s http://sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io/api/ip'))).toBe(address);
    const egress = walk(world.changes!.current(), 'egress');
    expect(egress.hops.find((h) => h.at === `NAT gateway natgw (${f.subnet})`)?.change).toMatch(new RegExp(`→ ${address.replaceAll('.', '\\.')}:`));
  });
});
