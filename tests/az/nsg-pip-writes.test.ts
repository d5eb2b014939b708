// ARM's rules for NSGs, their security rules and public IPs, through World.armWrite as az sends
// them: what ARM adds to a new NSG, what it refuses (priority, conflicts, prefixes, ports, a delete
// in use, the deny assignment on the node resource group), the address a new public IP gets, and
// that the same writes on the same lab give the same world. Expected values come from the lab
// (its groups, NSG, subnets and addresses) and from ARM's documented defaults.
import { describe, expect, it } from 'vitest';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { WorldModel } from '../../src/engine/model/world-model.ts';
import type { Json, LabFile, RestWrite, World } from '../../src/engine/world/types.ts';
import { Session } from '../../src/engine/session.ts';
import { builtInLab } from '../helpers/built-in-labs.ts';

function facts(lab: LabFile) {
  const model = new WorldModel(lab);
  const cluster = model.cluster()!;
  const customer = cluster.id.split('/')[4];
  const managedId = String(cluster.properties?.clusterProfile?.resourceGroupId ?? '');
  const managed = managedId.split('/').pop()!;
  const nsg = model.armOfType('Microsoft.Network/networkSecurityGroups').find((n) => n.id.toLowerCase().startsWith(`${managedId.toLowerCase()}/`))!;
  const base = `/subscriptions/${lab.info.account.id}/resourceGroups`;
  return { model, customer, managed, nsg, base };
}

const errorOf = (body: Json) => (body && typeof body === 'object' && !Array.isArray(body) && body.error && typeof body.error === 'object' && !Array.isArray(body.error) ? body.error : {});

describe('ARM rules for network security groups', () => {
  const lab = builtInLab('aro-today');
  const f = facts(lab);
  const nsgPath = `${f.base}/${f.customer}/providers/Microsoft.Network/networkSecurityGroups/web-nsg`;
  const rule = (name: string, priority: number, extra: Record<string, Json> = {}): RestWrite => ({
    method: 'PUT',
    path: `${nsgPath}/securityRules/${name}`,
    body: { name, properties: { access: 'Allow', direction: 'Inbound', priority, protocol: 'Tcp', sourceAddressPrefix: '*', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '443', ...extra } },
  });

  it('a new NSG gets the six default rules ARM gives every NSG, with the NSG\'s etag', async () => {
    const world = createFixtureWorld(lab);
    const r = await world.armWrite!({ method: 'PUT', path: nsgPath, body: { location: 'westeurope' } });
    expect(r.status).toBe(201);
    const nsg = new WorldModel(world.changes!.current()).armOfType('Microsoft.Network/networkSecurityGroups').find((n) => n.name === 'web-nsg')!;
    // The lab's own NSG holds the defaults ARM gave it: the new one has the same, in the same order.
    const shape = (rules: typeof nsg.properties) => (rules?.defaultSecurityRules ?? []).map((d) => [d.name, d.properties?.priority, d.properties?.direction, d.properties?.access, d.properties?.sourceAddressPrefix, d.properties?.destinationAddressPrefix]);
    expect(shape(nsg.properties)).toEqual(shape(f.nsg.properties));
    expect(nsg.properties?.securityRules).toEqual([]);
    expect(new Set((nsg.properties?.defaultSecurityRules ?? []).map((d) => d.etag))).toEqual(new Set([nsg.etag]));
  });

  it('refuses a priority outside 100-4096, a second rule of one direction and priority, and prefixes or ports that are none', async () => {
    const world = createFixtureWorld(lab);
    await world.armWrite!({ method: 'PUT', path: nsgPath, body: { location: 'westeurope' } });
    expect(errorOf((await world.armWrite!(rule('low', 99))).body).code).toBe('SecurityRuleInvalidPriority');
    expect(errorOf((await world.armWrite!(rule('high', 4097))).body).code).toBe('SecurityRuleInvalidPriority');
    expect((await world.armWrite!(rule('r1', 200))).status).toBe(201);
    const conflict = await world.armWrite!(rule('r2', 200));
    expect(conflict.status).toBe(400);
    expect(errorOf(conflict.body).message).toBe('Security rule r1 conflicts with rule r2. Rules cannot have the same Priority and Direction. To learn more, see aka.ms/nsgrules.');
    expect((await world.armWrite!(rule('r3', 200, { direction: 'Outbound' }))).status).toBe(201);
    expect(errorOf((await world.armWrite!(rule('r4', 300, { sourceAddressPrefix: '10.0.0.0/33' }))).body).code).toBe('SecurityRuleInvalidAddressPrefix');
    expect(errorOf((await world.armWrite!(rule('r5', 300, { destinationPortRange: '70000' }))).body).code).toBe('SecurityRuleInvalidPortRange');
    // Replacing a rule with its own priority is no conflict.
    expect((await world.armWrite!(rule('r1', 200, { destinationPortRange: '8443' }))).status).toBe(200);
    expect(world.changes?.count).toBe(4);
  });

  it('refuses to delete an NSG a subnet uses, and deletes it once the subnet lets go', async () => {
    const world = createFixtureWorld(lab);
    await world.armWrite!({ method: 'PUT', path: nsgPath, body: { location: 'westeurope' } });
    const model = new WorldModel(world.changes!.current());
    const subnetId = String(model.cluster()?.properties?.workerProfiles?.[0]?.subnetId);
    const vnet = model.vnetOfSubnet(model.subnet(subnetId))!;
    const subnet = model.subnet(subnetId)!;
    const subnetPath = `${vnet.id}/subnets/${subnet.name}`;
    const attached = await world.armWrite!({ method: 'PUT', path: subnetPath, body: { ...subnet, properties: { ...subnet.properties, networkSecurityGroup: { id: nsgPath } } } });
    expect(attached.status).toBe(200);
    const refused = await world.armWrite!({ method: 'DELETE', path: nsgPath });
    expect(refused.status).toBe(400);
    expect(errorOf(refused.body).code).toBe('InUseNetworkSecurityGroupCannotBeDeleted');
    expect(String(errorOf(refused.body).message).toLowerCase()).toContain(subnet.id.toLowerCase());
    const { networkSecurityGroup: _dropped, ...without } = subnet.properties ?? {};
    expect((await world.armWrite!({ method: 'PUT', path: subnetPath, body: { ...subnet, properties: without } })).status).toBe(200);
    expect((await world.armWrite!({ method: 'DELETE', path: nsgPath })).status).toBe(200);
    expect((await world.arm(nsgPath)).status).toBe(404);
  });

  it('refuses every write to the managed NSG with the deny assignment', async () => {
    const world = createFixtureWorld(lab);
    const managedRule: RestWrite = { ...rule('allow-8080', 300), path: `${f.nsg.id}/securityRules/allow-8080` };
    for (const write of [managedRule, { method: 'DELETE', path: f.nsg.id } satisfies RestWrite]) {
      const r = await world.armWrite!(write);
      expect(r.status).toBe(403);
      expect(errorOf(r.body).code).toBe('DenyAssignmentAuthorizationFailed');
    }
    expect(world.changes?.count).toBe(0);
  });
});

describe('ARM rules for public IPs', () => {
  const lab = builtInLab('aro-today');
  const f = facts(lab);
  const pipPath = (name: string) => `${f.base}/${f.customer}/providers/Microsoft.Network/publicIPAddresses/${name}`;
  const create = (name: string): RestWrite => ({ method: 'PUT', path: pipPath(name), body: { location: 'westeurope', sku: { name: 'Standard' }, properties: { publicIPAllocationMethod: 'Static', idleTimeoutInMinutes: 4 } } });
  const labAddresses = JSON.stringify(lab);

  it('gives a new static address one of the documentation ranges that the lab does not use, the same one on a replay', async () => {
    const world = createFixtureWorld(lab);
    const r = await world.armWrite!(create('my-ip'));
    expect(r.status).toBe(201);
    const address = new WorldModel(world.changes!.current()).publicIps().find((p) => p.name === 'my-ip')?.properties?.ipAddress ?? '';
    expect(address).toMatch(/^(203\.0\.113|198\.51\.100|192\.0\.2)\.\d+$/);
    expect(labAddresses).not.toContain(`"${address}"`);
    const second = await world.armWrite!(create('my-ip-2'));
    expect(second.status).toBe(201);
    const addresses = new WorldModel(world.changes!.current()).publicIps().map((p) => p.properties?.ipAddress);
    expect(new Set(addresses).size).toBe(addresses.length);

    const replayed = createFixtureWorld(lab);
    expect(await replayed.changes!.replay(world.changes!.journal())).toBe(2);
    expect(replayed.changes!.current()).toEqual(world.changes!.current());
  });

  it('refuses to delete an address a NAT gateway uses, naming the gateway, and deletes one nothing uses', async () => {
    const world = createFixtureWorld(lab);
    await world.armWrite!(create('my-ip'));
    const gateway = `${f.base}/${f.customer}/providers/Microsoft.Network/natGateways/my-nat`;
    const nat = await world.armWrite!({ method: 'PUT', path: gateway, body: { location: 'westeurope', sku: { name: 'Standard' }, properties: { publicIpAddresses: [{ id: pipPath('my-ip') }] } } });
    expect(nat.status).toBe(201);
    const refused = await world.armWrite!({ method: 'DELETE', path: pipPath('my-ip') });
    expect(refused.status).toBe(400);
    expect(errorOf(refused.body).code).toBe('PublicIPAddressCannotBeDeleted');
    expect(String(errorOf(refused.body).message).toLowerCase()).toContain(`since it is still allocated to resource ${gateway.toLowerCase()}`);
    expect((await world.armWrite!({ method: 'DELETE', path: gateway })).status).toBeLessThan(300);
    expect((await world.armWrite!({ method: 'DELETE', path: pipPath('my-ip') })).status).toBe(200);
    expect((await world.armWrite!({ method: 'DELETE', path: pipPath('my-ip') })).status).toBe(204);
  });
});

describe('live mode', () => {
  it('refuses every NSG, public IP and ARO write before reading anything', async () => {
    const lab = builtInLab('aro-today');
    const live: World = { ...createFixtureWorld(lab), source: 'live', armWrite: undefined, changes: undefined };
    const session = new Session(live, { tty: false });
    const lines: Array<[string, string]> = [
      ['az network nsg create -g demo-rg -n x', 'network nsg create'],
      ['az network nsg delete', 'network nsg delete'],
      ['az network nsg rule create', 'network nsg rule create'],
      ['az network nsg rule update -g demo-rg', 'network nsg rule update'],
      ['az network nsg rule delete', 'network nsg rule delete'],
      ['az network public-ip create', 'network public-ip create'],
      ['az network public-ip delete -n x', 'network public-ip delete'],
      ['az aro update -g demo-rg -n demo --lb-ip-count 2', 'aro update'],
    ];
    for (const [line, command] of lines) {
      const r = await session.run(line);
      expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }, line).toEqual({
        status: 1,
        stdout: '',
        stderr: `ERROR: 'az ${command}' would change Azure, and live mode only reads: ARO Packet Labs runs no command that changes your subscription.\n`,
      });
    }
  });
});
