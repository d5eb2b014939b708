// az puts each typed name into its own path segment, quoted as az quotes it (urllib's
// quote(value, safe='') in aaz's serialize_url_param and the SDKs' Serializer.url), so that `/`,
// `#`, `?` and `%` stay inside the name. The expected spellings were recorded from Python 3.11's
// urllib.parse.quote(name, safe='').
import { beforeAll, describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import type { World } from '../../src/engine/world/types.ts';
import { loadLab } from '../../src/node/labs.ts';
import { quote } from '../../src/engine/commands/az/paths.ts';

const QUOTED: Array<[string, string]> = [
  ['a/b#?c d', 'a%2Fb%23%3Fc%20d'],
  ["é~*!'()", '%C3%A9~%2A%21%27%28%29'],
  ['..', '..'],
  ['rg_(1).x-y', 'rg_%281%29.x-y'],
  ['%2F', '%252F'],
  ['😀', '%F0%9F%98%80'],
];

let session: Session;
let sent: string[];
let sub: string;

beforeAll(async () => {
  const lab = await loadLab({ name: 'aro2' });
  sub = `/subscriptions/${String(lab.info.account.id)}`;
  const fixture = createFixtureWorld(lab);
  sent = [];
  const world: World = { ...fixture, arm: (path) => (sent.push(path), fixture.arm(path)) };
  session = new Session(world, { tty: false });
});

/** The ARM paths one line sends. */
async function paths(line: string): Promise<string[]> {
  sent.length = 0;
  await session.run(line);
  return [...sent];
}

describe('az quotes typed names into their path segment', () => {
  it.each(QUOTED)('quote(%j) is %j, as Python quotes it', (name, quoted) => {
    expect(quote(name)).toBe(quoted);
  });

  it('each command puts the group and every name in a segment of its own', async () => {
    const [name, q] = QUOTED[0];
    const group = `${sub}/resourceGroups/${q}`;
    expect(await paths(`az network lb show -g '${name}' -n '${name}'`)).toEqual([`${group}/providers/Microsoft.Network/loadBalancers/${q}`]);
    expect(await paths(`az network nsg rule show -g '${name}' --nsg-name '${name}' -n '${name}'`)).toEqual([`${group}/providers/Microsoft.Network/networkSecurityGroups/${q}/securityRules/${q}`]);
    expect(await paths(`az network vnet subnet list -g '${name}' --vnet-name '${name}'`)).toEqual([`${group}/providers/Microsoft.Network/virtualNetworks/${q}/subnets`]);
    // Today's az reads a load balancer's rules from the load balancer itself, its address pools on their own path.
    expect(await paths(`az network lb rule list -g '${name}' --lb-name '${name}'`)).toEqual([`${group}/providers/Microsoft.Network/loadBalancers/${q}`]);
    expect(await paths(`az network lb address-pool list -g '${name}' --lb-name '${name}'`)).toEqual([`${group}/providers/Microsoft.Network/loadBalancers/${q}/backendAddressPools`]);
    expect(await paths(`az network lb address-pool show -g '${name}' --lb-name '${name}' -n '${name}'`)).toEqual([`${group}/providers/Microsoft.Network/loadBalancers/${q}/backendAddressPools/${q}`]);
    expect(await paths(`az vm show -g '${name}' -n '${name}'`)).toEqual([`${group}/providers/Microsoft.Compute/virtualMachines/${q}`]);
    expect(await paths(`az aro list -g '${name}'`)).toEqual([`${group}/providers/Microsoft.RedHatOpenShift/openShiftClusters`]);
    expect(await paths(`az resource list -g '${name}'`)).toEqual([`${group}/resources`]);
    expect(await paths(`az group show -n '${name}'`)).toEqual([`${sub}/resourcegroups/${q}`]);
  });

  it('a name with slashes is one segment, not a path to a child resource', async () => {
    expect(await paths("az network lb show -g aro2-resources -n 'aro2-p8bjm-public-lb/frontendIPConfigurations/public-lb-ip-v4'")).toEqual([
      `${sub}/resourceGroups/aro2-resources/providers/Microsoft.Network/loadBalancers/aro2-p8bjm-public-lb%2FfrontendIPConfigurations%2Fpublic-lb-ip-v4`,
    ]);
  });

  it('tab completion quotes the group and parent it reads names from', async () => {
    sent.length = 0;
    const line = 'az network lb rule show -g a/../b#x --lb-name c?d -n ';
    await session.complete(line, line.length);
    expect(sent).toEqual([`${sub}/resourceGroups/a%2F..%2Fb%23x/providers/Microsoft.Network/loadBalancers/c%3Fd/loadBalancingRules`]);
  });
});
