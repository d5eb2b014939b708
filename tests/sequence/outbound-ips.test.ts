// A second outbound IP, asked of ARO with `az aro update --lb-ip-count 2`, on today's layout: ARO's
// resource provider adds a public IP in the node resource group, a frontend for it on the public
// load balancer and puts both IPs on outbound-rule-v4; the app's my_public_ip is one of the rule's
// IPs; `--lb-ip-count 1` takes the new IP away again. Expected values come from the lab as loaded
// (its cluster, load balancer, rule and default IP) and from the commands' reading of the world.
import { describe, expect, it } from 'vitest';
import { WorldModel } from '../../src/engine/model/world-model.ts';
import { walk } from '../../src/engine/walk/walk.ts';
import { apiIp, appHost, labSession } from './lab-session.ts';

function outboundFacts(model: WorldModel) {
  const cluster = model.cluster();
  const group = String(cluster?.properties?.clusterProfile?.resourceGroupId ?? '').split('/').pop() ?? '';
  const lb = model.loadBalancers().find((l) => (l.properties?.outboundRules ?? []).some((r) => r.name === 'outbound-rule-v4'));
  if (!cluster || !lb) throw new Error('the lab has no cluster with outbound-rule-v4');
  const clusterGroup = cluster.id.split('/')[4];
  return { cluster: cluster.name, clusterGroup, group, lb: lb.name };
}

/** The public IP addresses outbound-rule-v4 leaves from, read through its frontends. */
function ruleAddresses(model: WorldModel, lbName: string): string[] {
  const lb = model.loadBalancers().find((l) => l.name === lbName);
  const rule = (lb?.properties?.outboundRules ?? []).find((r) => r.name === 'outbound-rule-v4');
  return (rule?.properties?.frontendIPConfigurations ?? []).map((ref) => model.publicIp(model.frontend(ref.id)?.properties?.publicIPAddress?.id)?.properties?.ipAddress ?? '');
}

describe('az aro update --lb-ip-count on today\'s layout', () => {
  it('adds an outbound IP, its frontend and its place on the outbound rule, my_public_ip stays one of them, and count 1 takes it away', async () => {
    const s = labSession('aro-today');
    const f = outboundFacts(new WorldModel(s.lab));
    const before = ruleAddresses(new WorldModel(s.lab), f.lb);
    expect(before).toHaveLength(1);
    const ipsBefore = (await s.out(`az network public-ip list -g ${f.group} --query '[].ipAddress' -o tsv`)).split('\n').filter(Boolean);

    const profile = JSON.parse(await s.out(`az aro update -g ${f.clusterGroup} -n ${f.cluster} --lb-ip-count 2 --query networkProfile.loadBalancerProfile`));
    expect(profile.managedOutboundIps).toEqual({ count: 2 });
    expect(profile.effectiveOutboundIps).toHaveLength(2);

    // The load balancer: two frontends on the rule, the first the lab's own.
    const frontends = (await s.out(`az network lb outbound-rule show -g ${f.group} --lb-name ${f.lb} -n outbound-rule-v4 --query 'frontendIPConfigurations[].id' -o tsv`)).split('\n').filter(Boolean);
    expect(frontends).toHaveLength(2);
    const after = ruleAddresses(s.model(), f.lb);
    expect(after[0]).toBe(before[0]);
    const added = after[1];
    expect(ipsBefore).not.toContain(added);
    const ipsAfter = (await s.out(`az network public-ip list -g ${f.group} --query '[].ipAddress' -o tsv`)).split('\n').filter(Boolean);
    expect(ipsAfter.sort()).toEqual([...ipsBefore, added].sort());
    // The new frontend names the rule, and its IP names the frontend.
    const newFrontend = JSON.parse(await s.out(`az network lb frontend-ip show -g ${f.group} --lb-name ${f.lb} -n ${frontends[1].split('/').pop()} --query '{rules:outboundRules[].id, ip:publicIPAddress.id}'`));
    expect(newFrontend.rules.map((id: string) => id.split('/').pop())).toEqual(['outbound-rule-v4']);
    const pip = JSON.parse(await s.out(`az network public-ip show --ids ${newFrontend.ip} --query '{address:ipAddress, config:ipConfiguration.id}'`));
    expect(pip).toEqual({ address: added, config: frontends[1] });

    // The app's pods leave through one of the rule's IPs.
    const answer = await apiIp(s, appHost(s.lab));
    expect(after).toContain(answer.my_public_ip);
    // The egress walk of the changed world leaves from that address too.
    expect(walk(s.world.changes!.current(), 'egress').hops.at(-1)!.src.split(':')[0]).toBe(answer.my_public_ip);

    // Count 1: the added IP and its frontend go, the rule keeps the lab's own.
    await s.out(`az aro update -g ${f.clusterGroup} -n ${f.cluster} --lb-ip-count 1 -o none`);
    expect(ruleAddresses(s.model(), f.lb)).toEqual(before);
    const ipsBack = (await s.out(`az network public-ip list -g ${f.group} --query '[].ipAddress' -o tsv`)).split('\n').filter(Boolean);
    expect(ipsBack.sort()).toEqual([...ipsBefore].sort());
    expect((await s.out(`az network lb frontend-ip list -g ${f.group} --lb-name ${f.lb} --query '[].name' -o tsv`)).split('\n').filter(Boolean)).not.toContain(frontends[1].split('/').pop());
    expect((await apiIp(s, appHost(s.lab))).my_public_ip).toBe(before[0]);
  });

  it('is refused on the 2020 layout beyond one IP, and changes nothing there', async () => {
    const s = labSession('aro2');
    const cluster = new WorldModel(s.lab).cluster()!;
    const r = await s.run(`az aro update -g ${cluster.id.split('/')[4]} -n ${cluster.name} --lb-ip-count 2`);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("multiple IPs are not supported for this cluster's network architecture.");
    expect(r.stderr).toContain('Target: properties.networkProfile.loadBalancerProfile.managedOutboundIps.count\n');
    expect(s.world.changes?.count).toBe(0);
  });
});
