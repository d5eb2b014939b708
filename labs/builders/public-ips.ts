// Public IP addresses: the load balancers' frontends' (the API server's, the router's, 2020's
// outbound one) and any other a builder asks for (the hub firewall's).
import type { ArmResource } from '../../src/engine/world/types.ts';
import type { ArmNames } from './arm-names.ts';
import { etag, guid, lastSegment, ref } from './ids.ts';
import type { LoadBalancerPlan } from './load-balancers.ts';
import { required, type LabSpec } from './spec.ts';

export function publicIp(location: string, id: string, address: string, configuration: string, tags: Record<string, string>, zones: boolean): ArmResource {
  return {
    name: lastSegment(id),
    id,
    etag: etag(id),
    location,
    ...(zones ? { zones: ['1', '2', '3'] } : {}),
    tags,
    properties: {
      provisioningState: 'Succeeded',
      resourceGuid: guid(`pip:${id}`),
      ipAddress: address,
      publicIPAddressVersion: 'IPv4',
      publicIPAllocationMethod: 'Static',
      idleTimeoutInMinutes: 4,
      ipTags: [],
      ipConfiguration: ref(configuration),
    },
    type: 'Microsoft.Network/publicIPAddresses',
    sku: { name: 'Standard', tier: 'Regional' },
  };
}

/** The public IP of every frontend that has one, with the address the spec gives it. */
export function frontendPublicIps(spec: LabSpec, n: ArmNames, plan: LoadBalancerPlan[]): ArmResource[] {
  const addresses = new Map<string, string>();
  const frontendOf = new Map<string, string>();
  for (const lb of plan) {
    for (const f of lb.frontends) {
      if (!('pip' in f)) continue;
      if (!addresses.has(f.pip)) addresses.set(f.pip, f.pip === n.routerPip ? spec.ips.router : f.pip.endsWith('-outbound-pip-v4') ? required(spec.ips.outbound, spec, 'ips.outbound') : spec.ips.api);
      frontendOf.set(f.pip, n.childId(lb.name, 'frontendIPConfigurations', f.name));
    }
  }
  return [...addresses].map(([name, address]) =>
    // Only the 2020 router IP was the cloud provider's, tagged with the service it was made for.
    publicIp(spec.location, n.nid('publicIPAddresses', name), address, frontendOf.get(name) ?? '', spec.info.layout === '2020' && name === n.routerPip ? { 'kubernetes-cluster-name': 'kubernetes', service: 'openshift-ingress/router-default' } : {}, spec.info.layout === 'today'),
  );
}
