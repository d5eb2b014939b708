// Names a pod resolves through the node: on a cluster with the ARO operator's Cluster object, the
// operator's dnsmasq answers api/api-int, *.apps and the egress-lockdown gateway domains (ARO-RP
// dnsmasq.conf.gotmpl); on a cluster without it, the private DNS zone linked to its VNet answers
// (the 2020 layout). The reader's own machine never sees api-int. Expected addresses are read
// from the lab's objects.
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { WorldModel } from '../../src/engine/model/world-model.ts';
import type { KubeObject, LabFile } from '../../src/engine/world/types.ts';
import { builtInLab, builtInLabs } from '../helpers/built-in-labs.ts';

const appDns = async (lab: LabFile, session: Session, fqdn: string) => {
  const route = lab.kube.find((o) => o.kind === 'Route') as KubeObject;
  const r = await session.run(`curl -s -k 'https://${(route.spec as { host: string }).host}/api/dns?fqdn=${fqdn}'`);
  return JSON.parse(r.stdout).ip as string | false;
};

const hasAroCluster = (lab: LabFile) => lab.kube.some((o) => o.kind === 'Cluster' && o.apiVersion.startsWith('aro.openshift.io/'));
const hasPrivateZoneRecords = (lab: LabFile) => lab.arm.some((r) => r.type === 'Microsoft.Network/privateDnsZones/A');

// Each lab runs one of the two tests below by what it holds: these say which, so that neither
// stops running unseen when a lab changes.
describe('the labs whose cluster DNS answers through each path', () => {
  it("are today's clusters for the operator's dnsmasq and the 2020 cluster for the private DNS zone", () => {
    expect(builtInLabs().filter((name) => hasAroCluster(builtInLab(name)))).toEqual(['aro-private', 'aro-today']);
    expect(builtInLabs().filter((name) => !hasAroCluster(builtInLab(name)) && hasPrivateZoneRecords(builtInLab(name)))).toEqual(['aro2']);
  });
});

describe.each(builtInLabs())('cluster DNS on %s', (name) => {
  const lab = builtInLab(name);
  const model = new WorldModel(lab);
  const aro = lab.kube.find((o) => o.kind === 'Cluster' && o.apiVersion.startsWith('aro.openshift.io/'));
  const zoned = !aro && hasPrivateZoneRecords(lab);
  const domain = model.apiHost()!.replace(/^api\./, '');

  it.runIf(aro)("answers api-int, api, *.apps and the gateway domains from the operator's dnsmasq", async () => {
    const spec = aro!.spec as { apiIntIP: string; ingressIP: string; gatewayDomains: string[]; gatewayPrivateEndpointIP: string; domain: string };
    expect(spec.domain).toBe(domain);
    const s = new Session(createFixtureWorld(lab));
    expect(await appDns(lab, s, `api-int.${domain}`)).toBe(spec.apiIntIP);
    expect(await appDns(lab, s, `api.${domain}`)).toBe(spec.apiIntIP);
    expect(await appDns(lab, s, `anything.apps.${domain}`)).toBe(spec.ingressIP);
    for (const gateway of spec.gatewayDomains) expect(model.clusterResolve(gateway, 'default')).toEqual([spec.gatewayPrivateEndpointIP]);
    // dnsmasq's address=/name/ also answers the names below one.
    expect(model.clusterResolve(`westeurope.${spec.gatewayDomains.find((g) => g === 'management.azure.com')}`, 'default')).toEqual([spec.gatewayPrivateEndpointIP]);
  });

  it.runIf(zoned)('answers api-int from the private DNS zone linked to the VNet', async () => {
    const record = lab.arm.find((r) => r.type === 'Microsoft.Network/privateDnsZones/A' && r.name === 'api-int')!;
    const ip = (record.properties as { aRecords: Array<{ ipv4Address: string }> }).aRecords[0].ipv4Address;
    expect(await appDns(lab, new Session(createFixtureWorld(lab)), `api-int.${domain}`)).toBe(ip);
  });

  it("leaves api-int unknown to the reader's machine", async () => {
    const r = await new Session(createFixtureWorld(lab)).run(`nslookup api-int.${domain}`);
    expect(r.stdout).toContain(`** server can't find api-int.${domain}: NXDOMAIN`);
  });
});
