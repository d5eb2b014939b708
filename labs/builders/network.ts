// The network around the VMs: NSGs (2020: one for the control plane, one for the nodes; today one
// for both), route tables, VNets with their subnets and peerings.
import type { JsonObject } from '../../src/engine/world/json.ts';
import type { ArmResource } from '../../src/engine/world/types.ts';
import type { ArmNames, SubnetRole } from './arm-names.ts';
import { etag, guid, lastSegment, ref } from './ids.ts';
import type { LoadBalancerPlan } from './load-balancers.ts';
import type { LabSpec } from './spec.ts';

const DEFAULT_RULES: Array<[name: string, description: string, source: string, destination: string, access: string, priority: number, direction: string]> = [
  ['AllowVnetInBound', 'Allow inbound traffic from all VMs in VNET', 'VirtualNetwork', 'VirtualNetwork', 'Allow', 65000, 'Inbound'],
  ['AllowAzureLoadBalancerInBound', 'Allow inbound traffic from azure load balancer', 'AzureLoadBalancer', '*', 'Allow', 65001, 'Inbound'],
  ['DenyAllInBound', 'Deny all inbound traffic', '*', '*', 'Deny', 65500, 'Inbound'],
  ['AllowVnetOutBound', 'Allow outbound traffic from all VMs to all VMs in VNET', 'VirtualNetwork', 'VirtualNetwork', 'Allow', 65000, 'Outbound'],
  ['AllowInternetOutBound', 'Allow outbound traffic from all VMs to Internet', '*', 'Internet', 'Allow', 65001, 'Outbound'],
  ['DenyAllOutBound', 'Deny all outbound traffic', '*', '*', 'Deny', 65500, 'Outbound'],
];

function defaultRules(nsgId: string): JsonObject[] {
  return DEFAULT_RULES.map(([name, description, src, dst, access, priority, direction]) => {
    const id = `${nsgId}/defaultSecurityRules/${name}`;
    return {
      name,
      id,
      etag: etag(id),
      type: 'Microsoft.Network/networkSecurityGroups/defaultSecurityRules',
      properties: { provisioningState: 'Succeeded', description, protocol: '*', sourcePortRange: '*', destinationPortRange: '*', sourceAddressPrefix: src, destinationAddressPrefix: dst, access, priority, direction, sourcePortRanges: [], destinationPortRanges: [], sourceAddressPrefixes: [], destinationAddressPrefixes: [] },
    };
  });
}

function securityRule(nsgId: string, name: string, port: string, priority: number, source: string, destination: string): JsonObject {
  const id = `${nsgId}/securityRules/${name}`;
  return {
    name,
    id,
    etag: etag(id),
    type: 'Microsoft.Network/networkSecurityGroups/securityRules',
    properties: { provisioningState: 'Succeeded', protocol: 'Tcp', sourcePortRange: '*', destinationPortRange: port, sourceAddressPrefix: source, destinationAddressPrefix: destination, access: 'Allow', priority, direction: 'Inbound', sourcePortRanges: [], destinationPortRanges: [], sourceAddressPrefixes: [], destinationAddressPrefixes: [] },
  };
}

export function networkSecurityGroups(spec: LabSpec, n: ArmNames): ArmResource[] {
  const { masterNsg, nodeNsg, isPublic, frontendName } = n;
  return [...new Set([masterNsg, nodeNsg])].map((name) => {
    const id = n.nid('networkSecurityGroups', name);
    const rules: JsonObject[] = [];
    // ARO opens 6443 only when the API is public; the cloud provider opens the router's ports to the
    // Internet only for a public service (an internal one relies on the default AllowVnetInBound).
    if (name === masterNsg && isPublic) rules.push(securityRule(id, 'apiserver_in', '6443', spec.info.layout === '2020' ? 101 : 120, '*', '*'));
    if (name === nodeNsg && isPublic) rules.push(securityRule(id, `${frontendName}-TCP-80-Internet`, '80', 500, 'Internet', spec.ips.router), securityRule(id, `${frontendName}-TCP-443-Internet`, '443', 501, 'Internet', spec.ips.router));
    const roles: SubnetRole[] = ['master', 'worker'];
    const subnets = roles.filter((w) => (w === 'master' ? masterNsg : nodeNsg) === name).map((w) => ref(n.subnetId(w)));
    return {
      name,
      id,
      etag: etag(id),
      type: 'Microsoft.Network/networkSecurityGroups',
      location: spec.location,
      tags: {},
      properties: { provisioningState: 'Succeeded', resourceGuid: guid(`nsg:${id}`), securityRules: rules, defaultSecurityRules: defaultRules(id), subnets },
    };
  });
}

/** A route table whose one route sends 0.0.0.0/0 to a virtual appliance (a firewall). */
export function routeTable(location: string, id: string, routeName: string, applianceIp: string, subnets: string[]): ArmResource {
  const routeId = `${id}/routes/${routeName}`;
  return {
    name: lastSegment(id),
    id,
    etag: etag(id),
    type: 'Microsoft.Network/routeTables',
    location,
    tags: {},
    properties: {
      provisioningState: 'Succeeded',
      resourceGuid: guid(`rt:${id}`),
      disableBgpRoutePropagation: false,
      routes: [{ name: routeName, id: routeId, etag: etag(routeId), type: 'Microsoft.Network/routeTables/routes', properties: { provisioningState: 'Succeeded', addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: applianceIp, hasBgpOverride: false } }],
      subnets: subnets.map(ref),
    },
  };
}

/** One side of a VNet peering. */
export function peering(id: string, remoteVnet: string, remotePrefix: string, remoteGateways: boolean): JsonObject {
  return {
    name: lastSegment(id),
    id,
    etag: etag(id),
    type: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
    properties: {
      provisioningState: 'Succeeded',
      resourceGuid: guid(`peering:${id}`),
      peeringState: 'Connected',
      peeringSyncLevel: 'FullyInSync',
      remoteVirtualNetwork: ref(remoteVnet),
      allowVirtualNetworkAccess: true,
      allowForwardedTraffic: true,
      allowGatewayTransit: false,
      useRemoteGateways: remoteGateways,
      doNotVerifyRemoteGateways: false,
      remoteAddressSpace: { addressPrefixes: [remotePrefix] },
      remoteVirtualNetworkAddressSpace: { addressPrefixes: [remotePrefix] },
      routeServiceVips: {},
    },
  };
}

/** The cluster's VNet: its master and worker subnets with every IP configuration in them, and the
 * peering to the customer's hub when there is one. */
export function clusterVnet(spec: LabSpec, n: ArmNames, plan: LoadBalancerPlan[]): ArmResource {
  const subnet = (which: SubnetRole): JsonObject => {
    const id = n.subnetId(which);
    const inSubnet = n.machines.filter((m) => m.role === which).map((m) => ref(n.ipconfigId(m.nic)));
    const frontends = plan.flatMap((lb) => lb.frontends.filter((f) => 'subnet' in f && f.subnet === which).map((f) => ref(n.childId(lb.name, 'frontendIPConfigurations', f.name))));
    const endpoints = which === 'master' ? [...(n.apiPrivateLink ? [ref(n.plsConfig)] : []), ...(spec.gateway ? [ref(n.peIpconfig)] : [])] : [];
    return {
      name: spec.vnet[which][0],
      id,
      etag: etag(id),
      type: 'Microsoft.Network/virtualNetworks/subnets',
      properties: {
        provisioningState: 'Succeeded',
        addressPrefix: spec.vnet[which][1],
        networkSecurityGroup: ref(n.nid('networkSecurityGroups', which === 'master' ? n.masterNsg : n.nodeNsg)),
        ...(n.udrId ? { routeTable: ref(n.udrId) } : {}),
        serviceEndpoints: [{ provisioningState: 'Succeeded', service: 'Microsoft.ContainerRegistry', locations: ['*'] }, ...(spec.info.layout === 'today' ? [{ provisioningState: 'Succeeded', service: 'Microsoft.Storage', locations: [spec.location] }] : [])],
        ipConfigurations: [...inSubnet, ...frontends, ...endpoints],
        ...(spec.gateway && which === 'master' ? { privateEndpoints: [ref(n.peId)] } : {}),
        delegations: [],
        // 2020: the customer turned these off on the master subnet before creating the cluster; today ARO does it.
        privateEndpointNetworkPolicies: 'Disabled',
        privateLinkServiceNetworkPolicies: which === 'master' ? 'Disabled' : 'Enabled',
      },
    };
  };
  const hub = spec.hub;
  return {
    name: spec.vnet.name,
    id: n.vnetId,
    etag: etag(n.vnetId),
    type: 'Microsoft.Network/virtualNetworks',
    location: spec.location,
    tags: {},
    properties: {
      provisioningState: 'Succeeded',
      resourceGuid: guid(`vnet:${n.vnetId}`),
      addressSpace: { addressPrefixes: [spec.vnet.prefix] },
      dhcpOptions: { dnsServers: [] },
      subnets: [subnet('master'), subnet('worker')],
      virtualNetworkPeerings: hub && n.hubVnetId ? [peering(`${n.vnetId}/virtualNetworkPeerings/${spec.vnet.name}-to-${hub.vnet.name}`, n.hubVnetId, hub.vnet.prefix, false)] : [],
      enableDdosProtection: false,
      enableVmProtection: false,
    },
  };
}
