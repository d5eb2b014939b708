// The 2020 cluster's private DNS zone `<domain>.<region>.aroapp.io`, linked to its VNet: api,
// api-int, the etcd members and their SRV record. ARO stopped making these zones in 2021; today
// the nodes' dnsmasq answers these names.
import type { JsonObject } from '../../src/engine/world/json.ts';
import type { ArmResource } from '../../src/engine/world/types.ts';
import type { ArmNames } from './arm-names.ts';
import { guid, ref } from './ids.ts';
import type { LabSpec } from './spec.ts';

export function privateDnsZone(spec: LabSpec, n: ArmNames): ArmResource[] {
  const c = spec.cluster;
  const zoneName = `${c.domain}.${spec.location}.aroapp.io`;
  const zoneId = n.nid('privateDnsZones', zoneName);
  const records: Array<[type: string, name: string, props: JsonObject]> = [
    ['A', 'api', { ttl: 300, aRecords: [{ ipv4Address: spec.ips.internalApi }] }],
    ['A', 'api-int', { ttl: 300, aRecords: [{ ipv4Address: spec.ips.internalApi }] }],
    ...spec.masters.map((m, i): [string, string, JsonObject] => ['A', `etcd-${i}`, { ttl: 60, aRecords: [{ ipv4Address: m.ip }] }]),
    ['SRV', '_etcd-server-ssl._tcp', { ttl: 60, srvRecords: spec.masters.map((_, i) => ({ port: 2380, priority: 10, target: `etcd-${i}.${zoneName}`, weight: 10 })) }],
  ];
  const linkId = `${zoneId}/virtualNetworkLinks/${c.domain}-network-link`;
  return [
    {
      name: zoneName,
      id: zoneId,
      etag: guid(`etag:${zoneId}`),
      type: 'Microsoft.Network/privateDnsZones',
      location: 'global',
      tags: {},
      properties: { maxNumberOfRecordSets: 25000, maxNumberOfVirtualNetworkLinks: 1000, maxNumberOfVirtualNetworkLinksWithRegistration: 100, numberOfRecordSets: records.length + 1, numberOfVirtualNetworkLinks: 1, numberOfVirtualNetworkLinksWithRegistration: 0, provisioningState: 'Succeeded' },
    },
    {
      name: `${c.domain}-network-link`,
      id: linkId,
      etag: `"${guid(`etag:${linkId}`)}"`,
      type: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
      location: 'global',
      tags: {},
      properties: { provisioningState: 'Succeeded', registrationEnabled: false, virtualNetwork: ref(n.vnetId), virtualNetworkLinkState: 'Completed' },
    },
    ...records.map(([type, name, props]): ArmResource => {
      const id = `${zoneId}/${type}/${name}`;
      return { name, id, etag: guid(`etag:${id}`), type: `Microsoft.Network/privateDnsZones/${type}`, properties: { ...props, fqdn: `${name}.${zoneName}.`, isAutoRegistered: false } };
    }),
  ];
}
