// After each change the reader makes to the cluster's network in Azure, the facts different
// commands show still agree: the address the app's calls leave from (my_public_ip) is the outbound
// rule's frontend IP, or the NAT gateway's once the worker subnet has one, or the firewall's where a
// route table sends 0.0.0.0/0 to it; the packet walk shows the same; and a route table on the worker
// subnet that sends 0.0.0.0/0 to an appliance breaks ingress on the answer's way back (chapter 8),
// as curl, the NIC's effective routes and the walk all show, until it is removed.
import { describe, expect, it } from 'vitest';
import { walk } from '../../src/engine/walk/walk.ts';
import type { LabFile } from '../../src/engine/world/types.ts';
import { loadLab } from '../../src/node/labs.ts';
import { apiIp, appHost, labSession, words, type LabSession } from './lab-session.ts';

/** The public IPs az lists whose IP configuration is one of `ids` (frontends, a firewall's configurations). */
async function publicIpsOf(s: LabSession, group: string, ids: string[]): Promise<string[]> {
  const list = JSON.parse(await s.out(`az network public-ip list -g ${group} -o json`)) as Array<{ ipAddress: string; ipConfiguration?: { id: string } }>;
  const wanted = new Set(ids.map((id) => id.toLowerCase()));
  return list.filter((p) => p.ipConfiguration && wanted.has(p.ipConfiguration.id.toLowerCase())).map((p) => p.ipAddress);
}

/** The frontend ids of the outbound rules whose backend pool holds the app's node's NIC, as az lists them. */
async function outboundFrontends(s: LabSession, group: string): Promise<string[]> {
  const node = s.model().routeBackend(s.model().routeForHost(appHost(s.lab))!)!.spec!.nodeName!;
  const nic = s.model().nicOfNode(node)!;
  const pools = new Set(words(await s.out(`az network nic show -g ${nic.id.split('/')[4]} -n ${nic.name} --query "ipConfigurations[0].loadBalancerBackendAddressPools[].id" -o tsv`)).map((id) => id.toLowerCase()));
  const lbs = JSON.parse(await s.out(`az network lb list -g ${group} -o json`)) as Array<{ outboundRules?: Array<{ frontendIPConfigurations: Array<{ id: string }>; backendAddressPool: { id: string } }> }>;
  return lbs.flatMap((lb) => (lb.outboundRules ?? []).filter((r) => pools.has(r.backendAddressPool.id.toLowerCase())).flatMap((r) => r.frontendIPConfigurations.map((f) => f.id)));
}

/** Whether a walk translates the source to `ip` at some hop. */
const snatTo = (lab: LabFile, ip: string | null) => walk(lab, 'egress').hops.some((h) => h.change.includes(`→ ${ip}`));

describe('the address the app leaves from', () => {
  it.each([['aro2', 'aro2-resources'], ['aro-today', 'aro-x7k2p9qa']])("on %s is the outbound rule's frontend IP, as az and the walk show", async (name, nodeGroup) => {
    const s = labSession(name);
    const { my_public_ip } = await apiIp(s, appHost(s.lab));
    expect(await publicIpsOf(s, nodeGroup, await outboundFrontends(s, nodeGroup))).toEqual([my_public_ip]);
    expect(snatTo(s.lab, my_public_ip)).toBe(true);
  });

  it("on aro-private is the firewall's public IP, where the worker subnet's route table sends 0.0.0.0/0", async () => {
    const s = labSession('aro-private');
    const firewall = s.model().azureFirewalls()[0];
    const group = firewall.id.split('/')[4];
    const configs = (firewall.properties?.ipConfigurations ?? []).map((c) => c.id);
    const { my_public_ip } = await apiIp(s, appHost(s.lab));
    expect(await publicIpsOf(s, group, configs)).toEqual([my_public_ip]);
    expect(snatTo(s.lab, my_public_ip)).toBe(true);
  });

  it("on aro2 is the NAT gateway's public IP once the worker subnet has one, and the outbound rule's again without", async () => {
    const s = labSession('aro2');
    const host = appHost(s.lab);
    const before = (await apiIp(s, host)).my_public_ip;
    // The public IP as `az network public-ip create --sku Standard` sends it; the gateway and the subnet as az does.
    const vnet = s.model().virtualNetworks()[0];
    await s.write({ method: 'PUT', path: `${vnet.id.replace(/virtualNetworks\/.*$/, 'publicIPAddresses/natgw-pip')}?api-version=2024-07-01`, body: { location: vnet.location ?? '', sku: { name: 'Standard' }, properties: { publicIPAllocationMethod: 'Static', publicIPAddressVersion: 'IPv4', idleTimeoutInMinutes: 4 } } });
    await s.out('az network nat gateway create -g aro2 -n natgw --public-ip-addresses natgw-pip -o none');
    await s.out('az network vnet subnet update -g aro2 --vnet-name aro2-vnet -n worker-subnet --nat-gateway natgw -o none');
    const natIp = (await s.out('az network public-ip show -g aro2 -n natgw-pip --query ipAddress -o tsv')).trim();
    expect(natIp).not.toBe(before);
    expect((await apiIp(s, host)).my_public_ip).toBe(natIp);
    const changed = s.world.changes!.current();
    expect(snatTo(changed, natIp)).toBe(true);
    // Answers to connections that came in through the load balancer still leave through it: the route answers.
    expect(walk(changed, 'ingress').stopped).toBeUndefined();
    await s.out('az network vnet subnet update -g aro2 --vnet-name aro2-vnet -n worker-subnet --remove natGateway -o none');
    expect((await apiIp(s, host)).my_public_ip).toBe(before);
  });

  it("on aro-today with a second managed outbound IP is one of the outbound rule's frontend IPs, as az and the walk show", async () => {
    // What `az aro update --load-balancer-managed-outbound-ip-count 2` sends: a PATCH of the cluster.
    const s = labSession('aro-today');
    const cluster = s.model().cluster()!;
    await s.write({ method: 'PATCH', path: `${cluster.id}?api-version=2023-11-22`, body: { properties: { networkProfile: { loadBalancerProfile: { managedOutboundIps: { count: 2 } } } } } });
    const frontendIps = await publicIpsOf(s, 'aro-x7k2p9qa', await outboundFrontends(s, 'aro-x7k2p9qa'));
    expect(frontendIps).toHaveLength(2);
    const { my_public_ip } = await apiIp(s, appHost(s.lab));
    expect(frontendIps).toContain(my_public_ip);
    expect(snatTo(s.world.changes!.current(), my_public_ip)).toBe(true);
  });
});

describe('a route table on the worker subnet that sends 0.0.0.0/0 to an appliance (chapter 8, aro2)', () => {
  const group = 'aro2';
  const host = 'sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io';

  it('breaks ingress on the way back, as curl, the effective routes and the walk show, and removing it mends it', async () => {
    const s = labSession('aro2');
    await s.out(`az network route-table create -g ${group} -n egress-rt -o none`);
    await s.out(`az network route-table route create -g ${group} --route-table-name egress-rt -n to-appliance --address-prefix 0.0.0.0/0 --next-hop-type VirtualAppliance --next-hop-ip-address 10.0.0.250 -o none`);
    await s.out(`az network vnet subnet update -g ${group} --vnet-name aro2-vnet -n worker-subnet --route-table egress-rt -o none`);
    // curl: the SYN comes in through the load balancer, the SYN-ACK never comes back.
    expect(await s.run(`curl -sS -m 5 http://${host}/api/ip`)).toEqual({ status: 28, stdout: '', stderr: 'curl: (28) Connection timed out after 5001 milliseconds\n' });
    // The walk stops on the answer's way back, at the route the NIC's effective routes show.
    const changed = s.world.changes!.current();
    const ingress = walk(changed, 'ingress');
    expect(ingress.stopped?.why).toContain('asymmetric routing');
    const back = ingress.hops.find((h) => h.at.startsWith('answer from node'))!;
    expect(back.at).toContain('route table egress-rt');
    expect(back.change).toBe('next hop 10.0.0.250 (route to-appliance)');
    const node = back.at.replace(/^answer from node (\S+),.*$/, '$1');
    const routes = await s.out(`az network nic show-effective-route-table -g aro2-resources -n ${node}-nic --query "value[?source=='User'].[addressPrefix[0], nextHopType, nextHopIpAddress[0]]" -o tsv`);
    expect(routes).toBe('0.0.0.0/0\tVirtualAppliance\t10.0.0.250\n');
    // Egress goes to the appliance too.
    expect(walk(changed, 'egress').hops.some((h) => h.dst.startsWith('10.0.0.250:') || h.at.includes('10.0.0.250'))).toBe(true);
    await s.out(`az network vnet subnet update -g ${group} --vnet-name aro2-vnet -n worker-subnet --remove routeTable -o none`);
    expect(walk(s.world.changes!.current(), 'ingress').stopped).toBeUndefined();
    expect((await apiIp(s, host)).my_public_ip).toBe('198.51.100.24');
  });
});

describe('a NAT gateway on the worker subnet in snat-exhaustion (its fix)', () => {
  it("ends the app's wait for a SNAT port: /api/ip answers with the gateway's address, the walk goes through, and the load balancer's metrics show no more failures from the change on", async () => {
    const s = labSession(await loadLab({ name: 'snat-exhaustion' }));
    const host = appHost(s.lab);
    const metrics = `az monitor metrics list --resource aro2-p8bjm -g aro2-resources --resource-type Microsoft.Network/loadBalancers --metrics SnatConnectionCount --filter "ConnectionState eq 'failed'" --offset 10m --interval PT1M --query "value[0].timeseries[0].data[].total" -o tsv`;
    const failedBefore = await s.out(metrics);
    expect(await s.out(`curl -s -o /dev/null -w '%{http_code}' http://${host}/api/ip`)).toBe('504');
    expect(walk(s.lab, 'egress').stopped?.why).toContain('No SNAT port left');
    await s.write({ method: 'PUT', path: `${s.model().virtualNetworks()[0].id.replace(/virtualNetworks\/.*$/, 'publicIPAddresses/egress-natgw-pip')}?api-version=2024-07-01`, body: { location: 'northeurope', sku: { name: 'Standard' }, properties: { publicIPAllocationMethod: 'Static', publicIPAddressVersion: 'IPv4', idleTimeoutInMinutes: 4 } } });
    await s.out('az network nat gateway create -g aro2 -n egress-natgw --public-ip-addresses egress-natgw-pip -o none');
    await s.out('az network vnet subnet update -g aro2 --vnet-name aro2-vnet -n worker-subnet --nat-gateway egress-natgw -o none');
    const natIp = (await s.out('az network public-ip show -g aro2 -n egress-natgw-pip --query ipAddress -o tsv')).trim();
    expect((await apiIp(s, host)).my_public_ip).toBe(natIp);
    const changed = walk(s.world.changes!.current(), 'egress');
    expect(changed.stopped).toBeUndefined();
    expect(changed.hops.some((h) => h.change.includes(`→ ${natIp}`))).toBe(true);
    // The load balancer's metrics keep the failures of the minutes before; from the minute the lab
    // shows the change in, the node's connections leave through the gateway, none fails on the rule.
    const failed = (text: string) => text.split('\n').filter(Boolean).map(Number);
    expect(failed(failedBefore)).toHaveLength(10);
    expect(failed(failedBefore).every((n) => n > 0)).toBe(true);
    expect(failed(await s.out(metrics))).toEqual([...failed(failedBefore).slice(0, 9), 0]);
  });
});

describe("an NSG of the reader's on the worker subnet (aro2)", () => {
  const host = 'sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io';
  const stop = (s: LabSession) => walk(s.world.changes!.current(), 'ingress').stopped?.why ?? '';

  it('decides ingress by its rules and default rules, as curl, az and the walk show', async () => {
    const s = labSession('aro2');
    await s.out('az network nsg create -g aro2 -n worker-nsg -o none');
    await s.out('az network vnet subnet update -g aro2 --vnet-name aro2-vnet -n worker-subnet --network-security-group worker-nsg -o none');
    // Its default rules let the load balancer's probes in and nothing from the Internet.
    expect(await s.out('az network nsg rule list -g aro2 --nsg-name worker-nsg --include-default --query "[?access==\'Deny\' && direction==\'Inbound\'].name" -o tsv')).toBe('DenyAllInBound\n');
    expect((await s.run(`curl -sS -m 3 http://${host}/api/healthcheck`)).status).toBe(28);
    expect(stop(s)).toContain('default rule DenyAllInBound (priority 65500)');
    await s.out('az network nsg rule create -g aro2 --nsg-name worker-nsg -n allow-web --priority 200 --source-address-prefixes Internet --destination-port-ranges 80 443 --access Allow --protocol Tcp -o none');
    expect(JSON.parse(await s.out(`curl -s http://${host}/api/healthcheck`))).toEqual({ health: 'OK' });
    expect(stop(s)).toBe('');
    const client = s.lab.info.client.publicIp;
    await s.out(`az network nsg rule create -g aro2 --nsg-name worker-nsg -n deny-reader --priority 100 --source-address-prefixes ${client} --destination-port-ranges 80 --access Deny --protocol Tcp -o none`);
    expect((await s.run(`curl -sS -m 3 http://${host}/api/healthcheck`)).status).toBe(28);
    expect(stop(s)).toContain(`rule deny-reader (priority 100) of worker-nsg denies ${client} to port 80`);
    await s.out('az network nsg rule delete -g aro2 --nsg-name worker-nsg -n deny-reader');
    expect(JSON.parse(await s.out(`curl -s http://${host}/api/healthcheck`))).toEqual({ health: 'OK' });
  });
});

describe("a route to an appliance no firewall has (aro-private's UDR pointed elsewhere)", () => {
  it("leaves the app's calls to the Internet hanging: /api/ip ends in the router's 504, the walk stops at the appliance, the rest answers", async () => {
    const s = labSession('aro-private');
    const host = appHost(s.lab);
    expect((await apiIp(s, host)).my_public_ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    await s.out('az network route-table route create -g private-rg --route-table-name aro-udr -n aro-udr --address-prefix 0.0.0.0/0 --next-hop-type VirtualAppliance --next-hop-ip-address 10.70.0.200 -o none');
    // The reader's machine in the peered hub still reaches the route: the answers to it follow the peering.
    expect(JSON.parse(await s.out(`curl -s http://${host}/api/healthcheck`))).toEqual({ health: 'OK' });
    expect(await s.out(`curl -s -o /dev/null -w '%{http_code} %{time_total}' http://${host}/api/ip`)).toMatch(/^504 30\.\d+$/);
    const egress = walk(s.world.changes!.current(), 'egress');
    expect(egress.stopped?.why).toBe('No firewall in the world owns 10.70.0.200: the packet is dropped.');
    expect(egress.hops.at(-1)).toMatchObject({ at: 'virtual appliance 10.70.0.200', change: 'dropped: nothing has the address' });
  });
});

describe('a public IP with a DNS label (aro2)', () => {
  it("resolves in public DNS as <label>.<region>.cloudapp.azure.com to its address while it exists, and not after", async () => {
    const s = labSession('aro2');
    const name = 'sqlapi-demo.northeurope.cloudapp.azure.com';
    expect((await s.run(`nslookup ${name}`)).status).toBe(1);
    const id = `${s.model().virtualNetworks()[0].id.replace(/virtualNetworks\/.*$/, 'publicIPAddresses/demo-pip')}`;
    // The body `az network public-ip create -n demo-pip --sku Standard --dns-name sqlapi-demo` sends.
    await s.write({ method: 'PUT', path: `${id}?api-version=2024-07-01`, body: { location: 'northeurope', sku: { name: 'Standard' }, properties: { publicIPAllocationMethod: 'Static', publicIPAddressVersion: 'IPv4', idleTimeoutInMinutes: 4, dnsSettings: { domainNameLabel: 'sqlapi-demo' } } } });
    const ip = (await s.out('az network public-ip show -g aro2 -n demo-pip --query ipAddress -o tsv')).trim();
    expect(words(await s.out(`dig +short ${name}`))).toEqual([ip]);
    await s.write({ method: 'DELETE', path: `${id}?api-version=2024-07-01` });
    expect(await s.out(`dig +short ${name}`)).toBe('');
  });
});
