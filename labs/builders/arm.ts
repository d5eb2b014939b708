// Every ARM resource of a lab, from its spec, in id order (ARM lists a group's resources ordered
// by name; keeping the file in id order gives the same lists).
import type { ArmResource } from '../../src/engine/world/types.ts';
import { armNames } from './arm-names.ts';
import { clusterResource, networkWatcher, resourceGroups } from './cluster.ts';
import { privateDnsZone } from './dns.ts';
import { hubResources } from './hub.ts';
import { loadBalancerPlan, loadBalancers } from './load-balancers.ts';
import { clusterMachines } from './machines.ts';
import { clusterVnet, networkSecurityGroups } from './network.ts';
import { apiPrivateLinkService, gatewayPrivateEndpoint } from './private-link.ts';
import { frontendPublicIps } from './public-ips.ts';
import type { LabSpec } from './spec.ts';

export function buildArm(spec: LabSpec): ArmResource[] {
  const n = armNames(spec);
  const plan = loadBalancerPlan(spec, n);
  const { nics, vms } = clusterMachines(spec, n, plan);
  const privateEndpoints: ArmResource[] = [];
  if (spec.gateway) {
    const pe = gatewayPrivateEndpoint(spec, n, spec.gateway);
    privateEndpoints.push(pe.endpoint);
    nics.push(pe.nic);
  }
  const privateLinkServices: ArmResource[] = [];
  if (n.apiPrivateLink) {
    const pls = apiPrivateLinkService(spec, n);
    privateLinkServices.push(pls.service);
    nics.push(pls.nic);
  }
  const resources = [
    ...resourceGroups(spec, n),
    networkWatcher(spec, n),
    clusterResource(spec, n),
    clusterVnet(spec, n, plan),
    ...networkSecurityGroups(spec, n),
    ...frontendPublicIps(spec, n, plan),
    ...loadBalancers(spec, n, plan),
    ...nics,
    ...vms,
    ...privateEndpoints,
    ...privateLinkServices,
    ...(spec.info.layout === '2020' ? privateDnsZone(spec, n) : []),
    ...(spec.hub ? hubResources(spec, n, spec.hub) : []),
  ];
  return resources.sort((a, b) => (a.id.toLowerCase() < b.id.toLowerCase() ? -1 : 1));
}
