// The ARO cluster resource as today's API (2025-07-25) returns it, in its order, and the resource
// groups around it: the customer's, the node resource group ARO manages, the hub's, and
// NetworkWatcherRG with the watcher Azure enables in a region with the subscription's first VNet.
import type { JsonObject } from '../../src/engine/world/json.ts';
import type { ArmResource } from '../../src/engine/world/types.ts';
import type { ArmNames } from './arm-names.ts';
import { etag, guid, ok } from './ids.ts';
import type { LabSpec } from './spec.ts';

export function clusterResource(spec: LabSpec, n: ArmNames): ArmResource {
  const c = spec.cluster;
  const location = spec.location;
  const appsDomain = `apps.${c.domain}.${location}.aroapp.io`;
  const nodeGroupId = `/subscriptions/${spec.subscription}/resourcegroups/${c.nodeGroup}`;
  const byZone = new Map<string, number>();
  for (const w of spec.workers) byZone.set(w.zone, (byZone.get(w.zone) ?? 0) + 1);
  const networkProfile: JsonObject = { podCidr: '10.128.0.0/14', serviceCidr: '172.30.0.0/16', outboundType: spec.outboundType };
  // ARO gives every Loadbalancer cluster a profile with one managed IP; it reconciles (and so
  // reports) the effective IPs only on today's layout, not on 2020's (ArchitectureVersionV1).
  if (spec.outboundType === 'Loadbalancer') {
    networkProfile.loadBalancerProfile = { managedOutboundIps: { count: 1 }, ...(spec.info.layout === 'today' ? { effectiveOutboundIps: [{ id: `${nodeGroupId}/providers/Microsoft.Network/publicIPAddresses/${n.infra}-pip-v4` }] } : {}) };
  }
  networkProfile.preconfiguredNSG = 'Disabled';
  return {
    id: n.clusterId,
    name: c.name,
    type: 'Microsoft.RedHatOpenShift/openShiftClusters',
    location,
    ...(spec.createdAt ? { systemData: { createdBy: 'reader@example.com', createdByType: 'User', createdAt: spec.createdAt, lastModifiedBy: 'reader@example.com', lastModifiedByType: 'User', lastModifiedAt: spec.createdAt } } : {}),
    tags: {},
    properties: {
      provisioningState: 'Succeeded',
      clusterProfile: { domain: c.domain, version: c.version, resourceGroupId: nodeGroupId, fipsValidatedModules: 'Disabled' },
      consoleProfile: { url: `https://console-openshift-console.${appsDomain}/` },
      servicePrincipalProfile: { clientId: guid(`sp:${c.name}`) },
      networkProfile,
      masterProfile: { vmSize: spec.vm.masterSize, subnetId: n.subnetId('master'), encryptionAtHost: 'Disabled' },
      workerProfiles: [{ name: 'worker', vmSize: spec.vm.workerSize, diskSizeGB: 128, subnetId: n.subnetId('worker'), count: spec.workers.length, encryptionAtHost: 'Disabled' }],
      workerProfilesStatus: [...byZone].sort(([a], [b]) => (a < b ? -1 : 1)).map(([zone, count]) => ({ name: `${n.infra}-worker-${location}${zone}`, vmSize: spec.vm.workerSize, diskSizeGB: 128, subnetId: n.subnetId('worker'), count, encryptionAtHost: 'Disabled' })),
      apiserverProfile: { visibility: spec.visibility, url: `https://api.${c.domain}.${location}.aroapp.io:6443/`, ip: spec.ips.api },
      ingressProfiles: [{ name: 'default', visibility: spec.visibility, ip: spec.ips.router }],
    },
  };
}

export function resourceGroups(spec: LabSpec, n: ArmNames): ArmResource[] {
  const c = spec.cluster;
  const location = spec.location;
  const group = (name: string, managedBy?: string): ArmResource => ({ id: n.rgId(name), name, type: 'Microsoft.Resources/resourceGroups', location, ...(managedBy ? { managedBy } : {}), tags: {}, properties: { ...ok } });
  return [
    group(c.group),
    group(c.nodeGroup, n.clusterId),
    ...(spec.hub ? [group(spec.hub.group)] : []),
    // Azure enables Network Watcher in a region when the subscription's first VNet there is made:
    // the watcher `NetworkWatcher_<region>` in the group `NetworkWatcherRG`, made in that region too.
    group('NetworkWatcherRG'),
  ];
}

export function networkWatcher(spec: LabSpec, n: ArmNames): ArmResource {
  const name = `NetworkWatcher_${spec.location}`;
  const id = n.nid('networkWatchers', name, 'NetworkWatcherRG');
  return { name, id, etag: etag(id), type: 'Microsoft.Network/networkWatchers', location: spec.location, tags: {}, properties: { ...ok } };
}
