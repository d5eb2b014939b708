// A LoadBalancer service other than the router's, reached straight through its frontend: the
// address kubectl shows as its EXTERNAL-IP is the load balancer frontend's, and curl to it reaches
// the service's own pod, which sees the client's address (Local) or the node's (Cluster), with no
// router in between. (The 2020 lab's sqlapilb is an internal load balancer: the reader's machine is put in
// the cluster's VNet to reach it.)
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { WorldModel } from '../../src/engine/model/world-model.ts';
import { isService } from '../../src/engine/world/schema/kube.ts';
import type { LabFile } from '../../src/engine/world/types.ts';
import { builtInLab } from '../helpers/built-in-labs.ts';

/** aro2 with the reader's machine inside the cluster's VNet, at an address no NIC uses. */
function insideVnet(): LabFile {
  const lab = structuredClone(builtInLab('aro2'));
  lab.info.client = { ...lab.info.client, privateIp: '10.0.3.250' };
  return lab;
}

const sqlapilb = (lab: LabFile) => lab.kube.filter(isService).find((s) => s.metadata.name === 'sqlapilb')!;

describe("a LoadBalancer service's own frontend", () => {
  it('is what kubectl shows as EXTERNAL-IP, and curl to it reaches the pod behind the service', async () => {
    const lab = insideVnet();
    const model = new WorldModel(lab);
    const service = sqlapilb(lab);
    const ip = service.status!.loadBalancer!.ingress![0].ip!;
    const port = service.spec!.ports![0].port;
    // The frontend of the load balancer rule for that port holds the same address.
    const rule = model.loadBalancers().flatMap((lb) => lb.properties?.loadBalancingRules ?? []).find((r) => model.frontendAddress(model.frontend(r.properties?.frontendIPConfiguration?.id)) === ip);
    expect(rule?.properties?.frontendPort).toBe(port);
    const session = new Session(createFixtureWorld(lab));
    const svc = await session.run(`kubectl get svc sqlapilb -o jsonpath='{.status.loadBalancer.ingress[0].ip}'`);
    expect(svc.stdout).toBe(ip);
    const r = await session.run(`curl -s http://${ip}:${port}/api/ip`);
    expect(r.status).toBe(0);
    const answer = JSON.parse(r.stdout);
    const backend = model.serviceEndpoints(service)[0];
    expect(answer.my_private_ip).toBe(backend.status!.podIP);
    // Flask's HTTP_HOST: the Host header as curl sent it, with the port.
    expect(answer.path_accessed).toBe(`${ip}:${port}/api/ip`);
    // No router: no X-Forwarded-For. externalTrafficPolicy Cluster: the node that took the
    // connection translated the source to its own address.
    expect(service.spec!.externalTrafficPolicy).toBe('Cluster');
    expect(answer['x-forwarded-for']).toBeNull();
    const nodeIps = model.kube('Node').flatMap((n) => n.status?.addresses?.filter((a) => a.type === 'InternalIP').map((a) => a.address) ?? []);
    expect(nodeIps).toContain(answer.your_address);
    const headers = await session.run(`curl -sI http://${ip}:${port}/api/healthcheck`);
    expect(headers.stdout).toMatch(/^Server: Werkzeug\//m);
    expect(headers.stdout).not.toMatch(/^Set-Cookie:/im);
  });

  it('with externalTrafficPolicy Local, shows the app the client\'s own address', async () => {
    const lab = insideVnet();
    const service = sqlapilb(lab);
    service.spec!.externalTrafficPolicy = 'Local';
    const ip = service.status!.loadBalancer!.ingress![0].ip!;
    const r = await new Session(createFixtureWorld(lab)).run(`curl -s http://${ip}:8080/api/ip | jq -r .your_address`);
    expect(r.stdout).toBe('10.0.3.250\n');
  });

  it('does not answer a port the app does not listen on, nor the Internet', async () => {
    const lab = insideVnet();
    const ip = sqlapilb(lab).status!.loadBalancer!.ingress![0].ip!;
    const session = new Session(createFixtureWorld(lab));
    expect((await session.run(`curl -s -m 2 http://${ip}:80/`)).status).toBe(28);
    const outside = new Session(createFixtureWorld(builtInLab('aro2')));
    expect((await outside.run(`curl -s -m 2 http://${ip}:8080/api/ip`)).status).toBe(28);
  });
});
