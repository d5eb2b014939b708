// Packet walks are computed from the world: on every built-in lab every flow reaches its end, every hop's
// proof command runs in the lab terminal and shows that hop, and the addresses agree with what the
// commands print. A world that stops the packet says where and why.
import { describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { Session } from '../../src/engine/session.ts';
import { FLOWS, walk, type FlowName } from '../../src/engine/walk/walk.ts';
import type { LabFile } from '../../src/engine/world/types.ts';
import { builtInLabs } from '../helpers/built-in-labs.ts';
import { WorldModel } from '../../src/engine/model/world-model.ts';
import { field, isJsonArray, optStr } from '../../src/engine/world/json.ts';

const ADDRESS = /^\d{1,3}(\.\d{1,3}){3}:\d+$/;
/** Where each flow's first hop is and where its last hop delivers the packet. */
const ENDS: Record<FlowName, { from: RegExp; to: RegExp }> = {
  ingress: { from: /^(Internet client|your machine \S+)/, to: /^app pod \S+$/ },
  egress: { from: /^app pod \S+$/, to: /^Internet server [\d.]+$/ },
  sql: { from: /^app pod \S+$/, to: /^SQL Server pod \S+$/ },
  api: { from: /^(client|your machine \S+)/, to: /^master \S+$/ },
};
const ips = (text: string) => text.match(/\d{1,3}(?:\.\d{1,3}){3}/g) ?? [];

async function run(lab: LabFile, line: string) {
  const session = new Session(createFixtureWorld(lab), { tty: false });
  return session.run(line);
}

for (const name of builtInLabs()) {
  describe(`packet walks on ${name}`, async () => {
    const lab = await loadLab({ name });

    for (const { name: flow } of FLOWS) {
      it(`${flow}: reaches its end, with ip:port addresses and runnable proofs that show each hop`, async () => {
        const result = walk(lab, flow);
        expect(result.stopped).toBeUndefined();
        // From where the flow starts to where it ends.
        expect([result.hops[0].at, result.hops.at(-1)?.at]).toEqual([expect.stringMatching(ENDS[flow].from), expect.stringMatching(ENDS[flow].to)]);
        result.hops.forEach((hop, i) => {
          expect(hop.step).toBe(i + 1);
          expect(hop.src).toMatch(ADDRESS);
          expect(hop.dst).toMatch(ADDRESS);
        });
        for (const hop of result.hops) {
          const proof = await run(lab, hop.proof);
          expect({ proof: hop.proof, status: proof.status }).toEqual({ proof: hop.proof, status: 0 });
          const shown = [...ips(`${hop.src} ${hop.dst} ${hop.change}`), ...hop.at.split(/[\s,()]+/).filter((w) => w.length > 6)];
          expect(shown.some((thing) => proof.stdout.includes(thing)), `${hop.proof} shows nothing of step ${hop.step}`).toBe(true);
        }
      });
    }

    it('agrees with the commands: router IP, egress IP, and the address SQL Server sees', async () => {
      const ingress = walk(lab, 'ingress');
      const host = ingress.hops[0].change.split(' ')[1];
      const resolved = (await run(lab, `nslookup ${host} | tail -2 | head -1`)).stdout.replace('Address: ', '').trim();
      expect(ingress.hops[0].dst).toBe(`${resolved}:80`);
      const app = await run(lab, `curl -s http://${host}/api/ip`);
      const answer = JSON.parse(app.stdout);
      expect(walk(lab, 'egress').hops.at(-1)!.src.split(':')[0]).toBe(answer.my_public_ip);
      expect(ingress.hops.at(-1)!.src.split(':')[0]).toBe(answer.your_address);
      const sqlSeen = JSON.parse((await run(lab, `curl -s http://${host}/api/sqlsrcip`)).stdout).sql_output;
      expect(walk(lab, 'sql').hops.at(-1)!.src.split(':')[0]).toBe(sqlSeen);
    });
  });
}

describe('walks in a broken world', async () => {
  const lab = await loadLab({ name: 'aro2' });

  it('ingress stops at the load balancer when no router pod is ready', () => {
    const broken = structuredClone(lab);
    for (const pod of broken.kube.filter((o) => o.kind === 'Pod' && o.metadata.namespace === 'openshift-ingress')) {
      (pod.status as { conditions: Array<{ type: string; status: string }> }).conditions = [{ type: 'Ready', status: 'False' }];
    }
    const result = walk(broken, 'ingress');
    expect(result.stopped?.step).toBe(2);
    expect(result.hops[1].change).toBe('none: no healthy backend');
    expect(result.hops[1].why).toMatch(/answers only on nodes that run a ready router pod, and none does, so the rule for port 80 has no healthy node to send the packet to\.$/);
    expect(result.stopped?.why).toMatch(/^No healthy backend: every node fails the load balancer's health probe \(Http \/healthz on port \d+\): no ready router-default pod on the node\. With every probe down the load balancer sends no new connection anywhere, and the client waits until it gives up\.$/);
  });

  it('sql stops at the node when SQL Server has no ready pod', () => {
    const broken = structuredClone(lab);
    broken.kube = broken.kube.filter((o) => !(o.kind === 'Pod' && o.metadata.name.startsWith('server-1-') && !o.metadata.name.endsWith('deploy')));
    const result = walk(broken, 'sql');
    expect(result.stopped?.step).toBe(2);
    expect(result.stopped?.why).toMatch(/has no ready pod: the connection is refused\.$/);
  });

  it('egress goes through a firewall when a route table sends 0.0.0.0/0 to it', () => {
    const changed = structuredClone(lab);
    const sub = String(changed.info.account.id);
    const rtId = `/subscriptions/${sub}/resourceGroups/aro2/providers/Microsoft.Network/routeTables/egress-rt`;
    const fwId = `/subscriptions/${sub}/resourceGroups/aro2/providers/Microsoft.Network/azureFirewalls/egress-fw`;
    const pipId = `/subscriptions/${sub}/resourceGroups/aro2/providers/Microsoft.Network/publicIPAddresses/egress-fw-pip`;
    changed.arm.push(
      { id: rtId, name: 'egress-rt', type: 'Microsoft.Network/routeTables', location: 'northeurope', properties: { routes: [{ id: `${rtId}/routes/to-firewall`, name: 'to-firewall', properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.3.4' } }] } },
      { id: pipId, name: 'egress-fw-pip', type: 'Microsoft.Network/publicIPAddresses', location: 'northeurope', properties: { ipAddress: '203.0.113.99' } },
      { id: fwId, name: 'egress-fw', type: 'Microsoft.Network/azureFirewalls', location: 'northeurope', properties: { ipConfigurations: [{ id: `${fwId}/azureFirewallIpConfigurations/ip`, name: 'ip', properties: { privateIPAddress: '10.0.3.4', publicIPAddress: { id: pipId } } }] } },
    );
    const vnet = changed.arm.find((r) => r.type === 'Microsoft.Network/virtualNetworks')!;
    const worker = (vnet.properties!.subnets as Array<{ name: string; properties: Record<string, unknown> }>).find((s) => s.name === 'worker-subnet')!;
    worker.properties.routeTable = { id: rtId };
    const result = walk(changed, 'egress');
    expect(result.hops.map((h) => h.at)).toEqual([expect.stringMatching(/^app pod /), expect.stringMatching(/^node /), 'route table egress-rt (worker-subnet)', 'firewall 10.0.3.4', expect.stringMatching(/^Internet server /)]);
    expect(result.hops.at(-2)!.src).toBe('203.0.113.99:1024');
    expect(result.hops.at(-1)!.src).toBe('203.0.113.99:1024');
    expect(result.title).toBe('App pod → Internet through the firewall a route table sends it to');
    expect(result.stopped).toBeUndefined();
  });
});

describe('the API walk and the NSGs', async () => {
  const lab = await loadLab({ name: 'aro-today' });

  it('stops at the masters\' NSG when a rule denies port 6443 from the client, and goes through when none does', () => {
    expect(walk(lab, 'api').stopped).toBeUndefined();
    const broken = structuredClone(lab);
    const model = new WorldModel(broken);
    const master = model.kube('Node').find((n) => n.metadata.labels?.['node-role.kubernetes.io/master'] !== undefined)!;
    const subnet = model.arm(optStr(field(model.nicOfNode(master.metadata.name), 'properties', 'ipConfigurations', 0, 'properties', 'subnet', 'id')));
    const nsg = model.arm(optStr(field(subnet, 'properties', 'networkSecurityGroup', 'id')));
    const rules = field(nsg, 'properties', 'securityRules');
    if (!nsg || !isJsonArray(rules)) throw new Error("the masters' subnet has no NSG");
    rules.push({ name: 'deny-api', id: `${nsg.id}/securityRules/deny-api`, properties: { protocol: 'Tcp', sourcePortRange: '*', destinationPortRange: '6443', sourceAddressPrefix: `${broken.info.client.publicIp}/32`, destinationAddressPrefix: '*', access: 'Deny', priority: 100, direction: 'Inbound' } });
    const result = walk(broken, 'api');
    expect(result.hops.at(-1)!.at).toBe(`NSG ${nsg.name} (subnet of ${master.metadata.name})`);
    expect(result.stopped?.why).toBe(`The network security group ${nsg.name} drops the connection to the API server: rule deny-api denies ${broken.info.client.publicIp} to port 6443.`);
  });
});
