// A customer's NSG on the workers' subnet, written with az on today's layout: a new NSG has only
// ARM's default rules, whose DenyAllInBound drops the Internet's web traffic to the router on the
// workers; an Allow rule for 80 and 443 from the Internet lets it through again; the NSG cannot be
// deleted while the subnet uses it, and can once the subnet lets go. What reaches the app is read
// with curl and the ingress walk of the changed world, against the lab as loaded.
import { describe, expect, it } from 'vitest';
import { WorldModel } from '../../src/engine/model/world-model.ts';
import { walk } from '../../src/engine/walk/walk.ts';
import { appHost, labSession } from './lab-session.ts';

describe("a customer's NSG on the worker subnet", () => {
  it('blocks the web until an allow rule lets it in, and cannot be deleted while the subnet uses it', async () => {
    const s = labSession('aro-today');
    const model = new WorldModel(s.lab);
    const subnet = model.subnet(String(model.cluster()?.properties?.workerProfiles?.[0]?.subnetId))!;
    const vnet = model.vnetOfSubnet(subnet)!;
    const group = vnet.id.split('/')[4];
    const host = appHost(s.lab);
    const status = async () => s.run(`curl -s -o /dev/null -w '%{http_code}' -m 5 http://${host}/`);

    const open = await status();
    expect(open.status).toBe(0);
    expect(walk(s.lab, 'ingress').stopped).toBeUndefined();

    await s.out(`az network nsg create -g ${group} -n web-nsg -o none`);
    await s.out(`az network vnet subnet update -g ${group} --vnet-name ${vnet.name} -n ${subnet.name} --network-security-group web-nsg -o none`);
    const blocked = await status();
    expect(blocked).toEqual({ status: 28, stdout: '000', stderr: '' });
    expect(walk(s.world.changes!.current(), 'ingress').stopped).toBeDefined();

    await s.out(`az network nsg rule create -g ${group} --nsg-name web-nsg -n allow-web --priority 200 --destination-port-ranges 80 443 --protocol Tcp --source-address-prefixes Internet -o none`);
    expect(await status()).toEqual(open);
    expect(walk(s.world.changes!.current(), 'ingress').stopped).toBeUndefined();

    const refused = await s.run(`az network nsg delete -g ${group} -n web-nsg`);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('(InUseNetworkSecurityGroupCannotBeDeleted)');
    expect(refused.stderr).toContain(subnet.id);
    await s.out(`az network vnet subnet update -g ${group} --vnet-name ${vnet.name} -n ${subnet.name} --remove networkSecurityGroup -o none`);
    expect(await s.run(`az network nsg delete -g ${group} -n web-nsg`)).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(await status()).toEqual(open);
  });
});
