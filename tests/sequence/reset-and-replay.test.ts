// After `changes.reset()` the world is the lab again: every answer of a fixed list of reading
// commands is the one a fresh world gives. And the journal of changes, replayed on a fresh world of
// the same lab (what a page does to restore the reader's changes), gives back every answer the
// changed world gave: the same writes on the same lab make the same world.
import { describe, expect, it } from 'vitest';
import { WorldModel } from '../../src/engine/model/world-model.ts';
import type { LabFile } from '../../src/engine/world/types.ts';
import { builtInLab } from '../helpers/built-in-labs.ts';
import { appHost, labSession, type LabSession } from './lab-session.ts';

/** The workers' subnet: its resource group, VNet and name. */
function workerSubnet(model: WorldModel): { group: string; vnet: string; subnet: string; nic: { group: string; name: string } } {
  const worker = model.kube('Node').find((n) => n.metadata.name.includes('-worker-'))!.metadata.name;
  const nic = model.nicOfNode(worker)!;
  const id = model.primaryIpConfiguration(nic)!.properties!.subnet!.id;
  const [, , , , group, , , , vnet, , subnet] = id.split('/');
  return { group, vnet, subnet, nic: { group: nic.id.split('/')[4], name: nic.name } };
}

/** Reading commands whose answers the changes below reach: pods, endpoints, events, policies,
 * route tables, subnets, effective routes, the app through its route, DNS. */
function readings(lab: LabFile): string[] {
  const model = new WorldModel(lab);
  const host = appHost(lab);
  const { group, vnet, nic } = workerSubnet(model);
  const namespace = model.routeForHost(host)!.metadata.namespace!;
  return [
    'kubectl get pods -A -o wide',
    'kubectl get endpoints -A',
    'kubectl get networkpolicies -A',
    `kubectl get events -n ${namespace}`,
    'kubectl get events -n openshift-ingress',
    'oc get routes -A',
    // Before the curls below: a fresh world's app has logged none of the reader's requests.
    `oc logs ${model.routeBackend(model.routeForHost(host)!)!.metadata.name} -n ${namespace} --tail=3`,
    `az network route-table list -g ${group} -o json`,
    `az network vnet subnet list -g ${group} --vnet-name ${vnet} -o json`,
    `az network nic show-effective-route-table -g ${nic.group} -n ${nic.name} -o table`,
    `curl -s -m 5 http://${host}/api/ip`,
    `curl -s -m 40 http://${host}/api/sqlversion`,
    `nslookup ${host}`,
  ];
}

async function answers(s: LabSession, lines: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const line of lines) {
    const r = await s.run(line);
    out.push(`$ ${line} [${r.status}]\n${r.stdout}${r.stderr}`);
  }
  return out;
}

/** The reader's changes: a router pod deleted, a policy that shuts SQL Server off, a route table
 * that sends the worker subnet's traffic to an appliance. */
async function change(s: LabSession): Promise<void> {
  const model = s.model();
  const router = model.routerPods()[0].metadata.name;
  await s.write({ method: 'DELETE', path: `/api/v1/namespaces/openshift-ingress/pods/${router}` });
  const namespace = model.routeForHost(appHost(s.lab))!.metadata.namespace!;
  const policy = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny-all' }, spec: { podSelector: {}, policyTypes: ['Ingress'] } };
  await s.write({ method: 'POST', path: `/apis/networking.k8s.io/v1/namespaces/${namespace}/networkpolicies`, body: policy });
  const { group, vnet, subnet } = workerSubnet(model);
  await s.out(`az network route-table create -g ${group} -n egress-rt -o none`);
  await s.out(`az network route-table route create -g ${group} --route-table-name egress-rt -n to-appliance --address-prefix 0.0.0.0/0 --next-hop-type VirtualAppliance --next-hop-ip-address 10.0.0.250 -o none`);
  await s.out(`az network vnet subnet update -g ${group} --vnet-name ${vnet} -n ${subnet} --route-table egress-rt -o none`);
}

describe.each(['aro2', 'aro-today'])('on %s', (name) => {
  const lab = builtInLab(name);
  const lines = readings(lab);

  it('reset gives back the lab and every answer of a fresh world', async () => {
    const fresh = await answers(labSession(lab), lines);
    const s = labSession(lab);
    await change(s);
    expect(s.world.changes!.count).toBe(5);
    const changed = await answers(s, lines);
    // The changes reach every answer but those of what they leave alone: routes, the app's
    // namespace's events (a policy makes none), the app's log before the readings' own curls, the
    // apps wildcard in DNS. After the reset the app's log has forgotten those curls too.
    const same = lines.filter((_, i) => changed[i] === fresh[i]);
    expect(same).toEqual([lines[3], lines[5], lines[6], lines[12]]);
    s.world.changes!.reset();
    expect(s.world.changes!.count).toBe(0);
    expect(s.world.changes!.current()).toBe(lab);
    expect(await answers(s, lines)).toEqual(fresh);
  });

  it("replaying the journal on a fresh world gives back the changed world's answers", async () => {
    const s = labSession(lab);
    await change(s);
    const changed = await answers(s, lines);
    const again = labSession(lab);
    expect(await again.world.changes!.replay(s.world.changes!.journal())).toBe(5);
    expect(again.world.changes!.current()).toEqual(s.world.changes!.current());
    expect(await answers(again, lines)).toEqual(changed);
  });
});
