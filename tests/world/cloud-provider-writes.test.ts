// The cloud provider after the API server's writes, as a reader makes them: a LoadBalancer service
// POSTed, patched back to ClusterIP or deleted through world.kubeWrite, and what kubectl, az and curl
// then say about it — one address everywhere while it stands, the lab's parts again once it goes.
import { describe, expect, it } from 'vitest';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { Session } from '../../src/engine/session.ts';
import { field, type Json } from '../../src/engine/world/json.ts';
import type { RestWrite, World } from '../../src/engine/world/types.ts';
import { builtInLab } from '../helpers/built-in-labs.ts';

const SERVICES = '/api/v1/namespaces/shop/services';
const post = (body: Json): RestWrite => ({ method: 'POST', path: SERVICES, body, contentType: 'application/json' });
const lbService = (extra: Record<string, Json> = {}): Json => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'sqlapi-lb' },
  spec: { type: 'LoadBalancer', selector: { deployment: 'sqlapi' }, ports: [{ port: 8080, targetPort: 8080 }], ...extra },
});

async function withService(extra: Record<string, Json> = {}) {
  const lab = builtInLab('aro-today');
  const world: World = createFixtureWorld(lab);
  const created = await world.kubeWrite!(post(lbService(extra)));
  expect(created.status).toBe(201);
  const session = new Session(world, { tty: false });
  const out = async (line: string) => (await session.run(line)).stdout;
  return { lab, world, session, out, uid: String(field(created.body, 'metadata', 'uid')) };
}

describe('a LoadBalancer service created through the API server', () => {
  it('gets an EXTERNAL-IP that is its frontend’s public IP, what az lists and what curl reaches', async () => {
    const { out, uid } = await withService();
    const ip = await out('kubectl get svc sqlapi-lb -n shop -o jsonpath={.status.loadBalancer.ingress[0].ip}');
    expect(ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const frontend = `a${uid.replace(/-/g, '')}`.slice(0, 32);
    expect((await out(`az network public-ip list -g aro-x7k2p9qa --query "[?ipConfiguration.id && ends_with(ipConfiguration.id, '/${frontend}')].ipAddress" -o tsv`)).trim()).toBe(ip);
    expect((await out(`az network lb frontend-ip list -g aro-x7k2p9qa --lb-name demo-4xt7q --query "[].name" -o tsv`)).split('\n')).toContain(frontend);
    expect((await out(`az network lb probe list -g aro-x7k2p9qa --lb-name demo-4xt7q --query "[?name=='${frontend}-TCP-8080'].protocol" -o tsv`)).trim()).toBe('Tcp');
    expect((await out(`az network nsg rule list -g aro-x7k2p9qa --nsg-name demo-4xt7q-nsg --query "[?name=='${frontend}-TCP-8080-Internet'].destinationAddressPrefix" -o tsv`)).trim()).toBe(ip);
    const answer = JSON.parse(await out(`curl -s http://${ip}:8080/api/ip`));
    expect(answer.path_accessed).toBe(`${ip}:8080/api/ip`);
    // kubectl's table: the EXTERNAL-IP column and the node port the API server gave it.
    const nodePort = await out('kubectl get svc sqlapi-lb -n shop -o jsonpath={.spec.ports[0].nodePort}');
    expect(await out('kubectl get svc sqlapi-lb -n shop --no-headers')).toMatch(new RegExp(`^sqlapi-lb +LoadBalancer +172\\.30\\.\\d+\\.\\d+ +${ip.replace(/\./g, '\\.')} +8080:${nodePort}/TCP +0s\\n$`));
  });

  it('shows the service controller’s events, 0s old', async () => {
    const { out } = await withService();
    const events = await out('oc get events -n shop --field-selector involvedObject.name=sqlapi-lb');
    expect(events).toContain('Normal   EnsuringLoadBalancer   service/sqlapi-lb   Ensuring load balancer');
    expect(events).toContain('Normal   EnsuredLoadBalancer    service/sqlapi-lb   Ensured load balancer');
  });

  it('with externalTrafficPolicy Local: the app sees the reader’s own address', async () => {
    const { out, lab } = await withService({ externalTrafficPolicy: 'Local' });
    const ip = await out('kubectl get svc sqlapi-lb -n shop -o jsonpath={.status.loadBalancer.ingress[0].ip}');
    const answer = JSON.parse(await out(`curl -s http://${ip}:8080/api/ip`));
    expect(answer.your_address).toBe(lab.info.client.publicIp);
  });

  it('patched back to ClusterIP: no EXTERNAL-IP, and the load balancer’s rules are the lab’s again', async () => {
    const { world, out } = await withService();
    const before = await new Session(createFixtureWorld(builtInLab('aro-today')), { tty: false }).run('az network lb rule list -g aro-x7k2p9qa --lb-name demo-4xt7q -o table');
    const patched = await world.kubeWrite!({ method: 'PATCH', path: `${SERVICES}/sqlapi-lb`, body: { spec: { type: 'ClusterIP' } }, contentType: 'application/merge-patch+json' });
    expect(patched.status).toBe(200);
    expect(await out('kubectl get svc sqlapi-lb -n shop -o jsonpath={.spec.type}/{.status.loadBalancer}')).toBe('ClusterIP/{}');
    expect(await out('az network lb rule list -g aro-x7k2p9qa --lb-name demo-4xt7q -o table')).toBe(before.stdout);
  });

  it('deleted: every part goes, and its address answers no more', async () => {
    const { world, out, lab } = await withService();
    const ip = await out('kubectl get svc sqlapi-lb -n shop -o jsonpath={.status.loadBalancer.ingress[0].ip}');
    const deleted = await world.kubeWrite!({ method: 'DELETE', path: `${SERVICES}/sqlapi-lb` });
    expect(deleted.status).toBe(200);
    const fresh = new Session(createFixtureWorld(lab), { tty: false });
    for (const line of ['az network lb rule list -g aro-x7k2p9qa --lb-name demo-4xt7q -o table', 'az network lb probe list -g aro-x7k2p9qa --lb-name demo-4xt7q -o table', 'az network public-ip list -g aro-x7k2p9qa -o table', 'az network nsg rule list -g aro-x7k2p9qa --nsg-name demo-4xt7q-nsg -o table']) {
      expect(await out(line), line).toBe((await fresh.run(line)).stdout);
    }
    expect(await out('oc get events -n shop --field-selector reason=DeletedLoadBalancer -o jsonpath={.items[*].message}')).toBe('Deleted load balancer');
    expect(await world.http({ method: 'GET', url: `http://${ip}:8080/api/ip`, headers: {} })).toMatchObject({ error: 'timeout' });
  });

  it('replayed from the journal (a page restoring the reader’s changes): the same world, address and all', async () => {
    const { world, lab } = await withService({ externalTrafficPolicy: 'Local' });
    const again = createFixtureWorld(lab);
    expect(await again.changes!.replay(world.changes!.journal())).toBe(1);
    expect(JSON.stringify(again.changes!.current())).toBe(JSON.stringify(world.changes!.current()));
  });

  it('after lab reset: the world is the lab again', async () => {
    const { world, lab } = await withService();
    world.changes!.reset();
    expect(JSON.stringify(world.changes!.current())).toBe(JSON.stringify(lab));
  });
});

describe('a LoadBalancer service changed through the API server', () => {
  const patch = (world: World, spec: Record<string, Json>) => world.kubeWrite!({ method: 'PATCH', path: `${SERVICES}/sqlapi-lb`, body: { spec }, contentType: 'application/merge-patch+json' });
  const reasons = (out: string) => out.trim().split('\n').slice(1);

  it('source ranges: the controller says what changed, syncs again, and the NSG follows', async () => {
    const { world, out, uid } = await withService();
    expect((await patch(world, { loadBalancerSourceRanges: ['192.0.2.0/24'] })).status).toBe(200);
    const events = await out('kubectl get events -n shop --field-selector involvedObject.name=sqlapi-lb -o custom-columns=REASON:.reason,MESSAGE:.message');
    expect(reasons(events).map((l) => l.replace(/ +/g, ' '))).toEqual(['EnsuringLoadBalancer Ensuring load balancer', 'EnsuredLoadBalancer Ensured load balancer', 'LoadBalancerSourceRanges [] -> [192.0.2.0/24]', 'EnsuringLoadBalancer Ensuring load balancer', 'EnsuredLoadBalancer Ensured load balancer']);
    const frontend = `a${uid.replace(/-/g, '')}`.slice(0, 32);
    expect((await out(`az network nsg rule list -g aro-x7k2p9qa --nsg-name demo-4xt7q-nsg --query "[?starts_with(name, '${frontend}')].name" -o tsv`)).trim()).toBe(`${frontend}-TCP-8080-192.0.2.0_24`);
  });

  it('external traffic policy: one event for the policy, and the probe moves to the health-check node port', async () => {
    const { world, out, uid } = await withService();
    expect((await patch(world, { externalTrafficPolicy: 'Local' })).status).toBe(200);
    const events = await out('kubectl get events -n shop --field-selector reason=ExternalTrafficPolicy -o jsonpath={.items[*].message}');
    expect(events).toBe('Cluster -> Local');
    const hc = await out('kubectl get svc sqlapi-lb -n shop -o jsonpath={.spec.healthCheckNodePort}');
    const frontend = `a${uid.replace(/-/g, '')}`.slice(0, 32);
    expect((await out(`az network lb probe show -g aro-x7k2p9qa --lb-name demo-4xt7q -n ${frontend}-TCP-8080 --query "[protocol, port, requestPath]" -o tsv`)).trim().split(/\s+/)).toEqual(['Http', hc, '/healthz']);
  });

  it('annotated internal: the frontend moves to the internal load balancer, and the public IP it made goes', async () => {
    const { world, out, uid } = await withService();
    const frontend = `a${uid.replace(/-/g, '')}`.slice(0, 32);
    const annotate = await world.kubeWrite!({ method: 'PATCH', path: `${SERVICES}/sqlapi-lb`, body: { metadata: { annotations: { 'service.beta.kubernetes.io/azure-load-balancer-internal': 'true' } } }, contentType: 'application/merge-patch+json' });
    expect(annotate.status).toBe(200);
    expect(await out('kubectl get svc sqlapi-lb -n shop -o jsonpath={.status.loadBalancer.ingress[0].ip}')).toBe('10.40.2.9');
    expect((await out(`az network lb frontend-ip list -g aro-x7k2p9qa --lb-name demo-4xt7q-internal --query "[?name=='${frontend}'].privateIPAddress" -o tsv`)).trim()).toBe('10.40.2.9');
    expect((await out(`az network lb frontend-ip list -g aro-x7k2p9qa --lb-name demo-4xt7q --query "[?name=='${frontend}'] | length(@)"`)).trim()).toBe('0');
    expect((await out(`az network public-ip list -g aro-x7k2p9qa --query "[?name=='demo-4xt7q-${frontend}'] | length(@)"`)).trim()).toBe('0');
  });

  it('a label alone: nothing for the cloud provider to do', async () => {
    const { world, out } = await withService();
    await world.kubeWrite!({ method: 'PATCH', path: `${SERVICES}/sqlapi-lb`, body: { metadata: { labels: { tier: 'web' } } }, contentType: 'application/merge-patch+json' });
    expect(reasons(await out('kubectl get events -n shop --field-selector involvedObject.name=sqlapi-lb -o custom-columns=REASON:.reason'))).toEqual(['EnsuringLoadBalancer', 'EnsuredLoadBalancer']);
  });
});
