// ARM resources the engine reads, in their REST wire shape (what an ARM GET returns): the one
// source of their types. Only the fields the engine reads are named; every other key is kept as
// JSON. Fields are optional unless ARM always sends them (id, name, type; a child's id and name).
// Children (a load balancer's frontends and pools, a VNet's subnets, a NIC's IP configurations…)
// have their own types and guards: ids point at them too.
import { z } from 'zod';
import { isJsonObject } from '../json.ts';
import { guard, json, jsonObject, stringMap, wire } from './wire.ts';

/** A reference to another resource or child: `{ "id": "/subscriptions/…" }`. */
export const refSchema = wire({ id: z.string() });
export type Ref = z.infer<typeof refSchema>;

const refs = z.array(refSchema).optional();
const str = z.string().optional();
const num = z.number().optional();
const bool = z.boolean().optional();

/** A child resource nested in its parent's properties: id and name always, type and etag usually. */
function child<Props extends z.ZodRawShape>(properties: Props) {
  return wire({ id: z.string(), name: z.string(), type: str, etag: str, properties: wire(properties).optional() });
}

/** Anything ARM gives an id and a name: a resource, or a child nested in a resource's properties
 * (a frontend, a pool, a subnet…). */
export const armNodeSchema = wire({ id: z.string(), name: z.string() });
export type ArmNode = z.infer<typeof armNodeSchema>;
/** Checked by hand: the model runs it on every object of a world when it loads. */
export function isArmNode(value: unknown): value is ArmNode {
  return isJsonObject(value) && typeof value.id === 'string' && typeof value.name === 'string';
}

/** Any ARM resource. */
export const armResourceSchema = wire({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  location: str,
  etag: str,
  sku: jsonObject.optional(),
  zones: z.array(z.string()).optional(),
  tags: stringMap.optional(),
  properties: jsonObject.optional(),
});
export type ArmResource = z.infer<typeof armResourceSchema>;
export const isArmResource = guard(armResourceSchema);

/** A resource of one type, its properties typed. */
function resource<Props extends z.ZodRawShape>(properties: Props) {
  return armResourceSchema.extend({ properties: wire(properties).optional() });
}

/** A guard for a resource type: the type compared as ARM does (case-insensitively), then the shape. */
function typeGuard<T>(type: string, schema: z.ZodType<T>): (value: unknown) => value is T {
  const lower = type.toLowerCase();
  const shaped = guard(schema);
  // The type first: a world's model runs every guard over every resource it holds.
  return (value: unknown): value is T => isJsonObject(value) && typeof value.type === 'string' && value.type.toLowerCase() === lower && shaped(value);
}

export const ARM_TYPES = {
  resourceGroup: 'Microsoft.Resources/resourceGroups',
  virtualNetwork: 'Microsoft.Network/virtualNetworks',
  loadBalancer: 'Microsoft.Network/loadBalancers',
  publicIpAddress: 'Microsoft.Network/publicIPAddresses',
  networkInterface: 'Microsoft.Network/networkInterfaces',
  virtualMachine: 'Microsoft.Compute/virtualMachines',
  networkSecurityGroup: 'Microsoft.Network/networkSecurityGroups',
  routeTable: 'Microsoft.Network/routeTables',
  privateEndpoint: 'Microsoft.Network/privateEndpoints',
  privateLinkService: 'Microsoft.Network/privateLinkServices',
  natGateway: 'Microsoft.Network/natGateways',
  azureFirewall: 'Microsoft.Network/azureFirewalls',
  privateDnsZone: 'Microsoft.Network/privateDnsZones',
  privateDnsARecordSet: 'Microsoft.Network/privateDnsZones/A',
  privateDnsZoneLink: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
  networkWatcher: 'Microsoft.Network/networkWatchers',
  openShiftCluster: 'Microsoft.RedHatOpenShift/openShiftClusters',
} as const;

// Resource groups.

export const resourceGroupSchema = resource({ provisioningState: str });
export type ResourceGroup = z.infer<typeof resourceGroupSchema>;
export const isResourceGroup = typeGuard(ARM_TYPES.resourceGroup, resourceGroupSchema);

// Virtual networks, subnets and peerings.

const addressSpaceSchema = wire({ addressPrefixes: z.array(z.string()).optional() });
export type AddressSpace = z.infer<typeof addressSpaceSchema>;

export const subnetSchema = child({
  addressPrefix: str,
  addressPrefixes: z.array(z.string()).optional(),
  networkSecurityGroup: refSchema.optional(),
  routeTable: refSchema.optional(),
  natGateway: refSchema.optional(),
  privateEndpoints: refs,
  ipConfigurations: refs,
  serviceEndpoints: z.array(json).optional(),
  privateEndpointNetworkPolicies: str,
  privateLinkServiceNetworkPolicies: str,
  provisioningState: str,
});
export type Subnet = z.infer<typeof subnetSchema>;
export const isSubnet = guard(subnetSchema);

export const peeringSchema = child({
  peeringState: str,
  remoteVirtualNetwork: refSchema.optional(),
  remoteAddressSpace: addressSpaceSchema.optional(),
  remoteVirtualNetworkAddressSpace: addressSpaceSchema.optional(),
  allowVirtualNetworkAccess: bool,
  allowForwardedTraffic: bool,
  allowGatewayTransit: bool,
  useRemoteGateways: bool,
});
export type VirtualNetworkPeering = z.infer<typeof peeringSchema>;
export const isVirtualNetworkPeering = guard(peeringSchema);

export const virtualNetworkSchema = resource({
  addressSpace: addressSpaceSchema.optional(),
  subnets: z.array(subnetSchema).optional(),
  virtualNetworkPeerings: z.array(peeringSchema).optional(),
  provisioningState: str,
});
export type VirtualNetwork = z.infer<typeof virtualNetworkSchema>;
export const isVirtualNetwork = typeGuard(ARM_TYPES.virtualNetwork, virtualNetworkSchema);

// Load balancers and their children.

export const lbFrontendSchema = child({
  privateIPAddress: str,
  privateIPAllocationMethod: str,
  privateIPAddressVersion: str,
  publicIPAddress: refSchema.optional(),
  subnet: refSchema.optional(),
  loadBalancingRules: refs,
  outboundRules: refs,
  inboundNatRules: refs,
});
export type LbFrontend = z.infer<typeof lbFrontendSchema>;
export const isLbFrontend = guard(lbFrontendSchema);

export const lbBackendPoolSchema = child({
  backendIPConfigurations: refs,
  loadBalancingRules: refs,
  outboundRules: refs,
  outboundRule: refSchema.optional(),
});
export type LbBackendPool = z.infer<typeof lbBackendPoolSchema>;
export const isLbBackendPool = guard(lbBackendPoolSchema);

export const lbRuleSchema = child({
  frontendIPConfiguration: refSchema.optional(),
  backendAddressPool: refSchema.optional(),
  backendAddressPools: refs,
  probe: refSchema.optional(),
  protocol: str,
  frontendPort: num,
  backendPort: num,
  enableFloatingIP: bool,
  idleTimeoutInMinutes: num,
  loadDistribution: str,
  disableOutboundSnat: bool,
  enableTcpReset: bool,
});
export type LbRule = z.infer<typeof lbRuleSchema>;
export const isLbRule = guard(lbRuleSchema);

export const lbProbeSchema = child({
  protocol: str,
  port: num,
  requestPath: str,
  intervalInSeconds: num,
  numberOfProbes: num,
  probeThreshold: num,
  loadBalancingRules: refs,
});
export type LbProbe = z.infer<typeof lbProbeSchema>;
export const isLbProbe = guard(lbProbeSchema);

export const outboundRuleSchema = child({
  frontendIPConfigurations: refs,
  backendAddressPool: refSchema.optional(),
  allocatedOutboundPorts: num,
  protocol: str,
  idleTimeoutInMinutes: num,
  enableTcpReset: bool,
});
export type OutboundRule = z.infer<typeof outboundRuleSchema>;
export const isOutboundRule = guard(outboundRuleSchema);

export const inboundNatRuleSchema = child({
  frontendIPConfiguration: refSchema.optional(),
  backendIPConfiguration: refSchema.optional(),
  protocol: str,
  frontendPort: num,
  backendPort: num,
  enableFloatingIP: bool,
  idleTimeoutInMinutes: num,
});
export type InboundNatRule = z.infer<typeof inboundNatRuleSchema>;
export const isInboundNatRule = guard(inboundNatRuleSchema);

export const loadBalancerSchema = resource({
  frontendIPConfigurations: z.array(lbFrontendSchema).optional(),
  backendAddressPools: z.array(lbBackendPoolSchema).optional(),
  loadBalancingRules: z.array(lbRuleSchema).optional(),
  probes: z.array(lbProbeSchema).optional(),
  outboundRules: z.array(outboundRuleSchema).optional(),
  inboundNatRules: z.array(inboundNatRuleSchema).optional(),
  provisioningState: str,
});
export type LoadBalancer = z.infer<typeof loadBalancerSchema>;
export const isLoadBalancer = typeGuard(ARM_TYPES.loadBalancer, loadBalancerSchema);

// Public IP addresses.

export const publicIpAddressSchema = resource({
  ipAddress: str,
  publicIPAllocationMethod: str,
  publicIPAddressVersion: str,
  ipConfiguration: refSchema.optional(),
  natGateway: refSchema.optional(),
  dnsSettings: wire({ domainNameLabel: str, fqdn: str }).optional(),
  idleTimeoutInMinutes: num,
  ipTags: z.array(json).optional(),
});
export type PublicIpAddress = z.infer<typeof publicIpAddressSchema>;
export const isPublicIpAddress = typeGuard(ARM_TYPES.publicIpAddress, publicIpAddressSchema);

// Network interfaces and their IP configurations.

export const ipConfigurationSchema = child({
  privateIPAddress: str,
  privateIPAllocationMethod: str,
  privateIPAddressVersion: str,
  subnet: refSchema.optional(),
  primary: bool,
  publicIPAddress: refSchema.optional(),
  loadBalancerBackendAddressPools: refs,
  loadBalancerInboundNatRules: refs,
  applicationSecurityGroups: refs,
});
export type IpConfiguration = z.infer<typeof ipConfigurationSchema>;
export const isIpConfiguration = guard(ipConfigurationSchema);

export const networkInterfaceSchema = resource({
  ipConfigurations: z.array(ipConfigurationSchema).optional(),
  virtualMachine: refSchema.optional(),
  networkSecurityGroup: refSchema.optional(),
  privateEndpoint: refSchema.optional(),
  macAddress: str,
  primary: bool,
  enableAcceleratedNetworking: bool,
  enableIPForwarding: bool,
  provisioningState: str,
});
export type NetworkInterface = z.infer<typeof networkInterfaceSchema>;
export const isNetworkInterface = typeGuard(ARM_TYPES.networkInterface, networkInterfaceSchema);

// Virtual machines.

export const virtualMachineSchema = resource({
  vmId: str,
  hardwareProfile: wire({ vmSize: str }).optional(),
  storageProfile: jsonObject.optional(),
  osProfile: jsonObject.optional(),
  networkProfile: wire({ networkInterfaces: z.array(wire({ id: z.string(), properties: wire({ primary: bool, deleteOption: str }).optional() })).optional() }).optional(),
  diagnosticsProfile: jsonObject.optional(),
  timeCreated: str,
  provisioningState: str,
});
export type VirtualMachine = z.infer<typeof virtualMachineSchema>;
export const isVirtualMachine = typeGuard(ARM_TYPES.virtualMachine, virtualMachineSchema);

// Network security groups and their rules.

export const securityRuleSchema = child({
  protocol: str,
  sourcePortRange: str,
  sourcePortRanges: z.array(z.string()).optional(),
  destinationPortRange: str,
  destinationPortRanges: z.array(z.string()).optional(),
  sourceAddressPrefix: str,
  sourceAddressPrefixes: z.array(z.string()).optional(),
  destinationAddressPrefix: str,
  destinationAddressPrefixes: z.array(z.string()).optional(),
  access: z.enum(['Allow', 'Deny']).optional(),
  priority: num,
  direction: z.enum(['Inbound', 'Outbound']).optional(),
  description: str,
});
export type SecurityRule = z.infer<typeof securityRuleSchema>;
export const isSecurityRule = guard(securityRuleSchema);

export const networkSecurityGroupSchema = resource({
  securityRules: z.array(securityRuleSchema).optional(),
  defaultSecurityRules: z.array(securityRuleSchema).optional(),
  subnets: refs,
  networkInterfaces: refs,
  provisioningState: str,
});
export type NetworkSecurityGroup = z.infer<typeof networkSecurityGroupSchema>;
export const isNetworkSecurityGroup = typeGuard(ARM_TYPES.networkSecurityGroup, networkSecurityGroupSchema);

// Route tables and their routes.

export const routeEntrySchema = child({
  addressPrefix: str,
  nextHopType: str,
  nextHopIpAddress: str,
  hasBgpOverride: bool,
});
export type RouteEntry = z.infer<typeof routeEntrySchema>;
export const isRouteEntry = guard(routeEntrySchema);

export const routeTableSchema = resource({
  routes: z.array(routeEntrySchema).optional(),
  subnets: refs,
  disableBgpRoutePropagation: bool,
  provisioningState: str,
});
export type RouteTable = z.infer<typeof routeTableSchema>;
export const isRouteTable = typeGuard(ARM_TYPES.routeTable, routeTableSchema);

// Private endpoints and private link services.

export const privateEndpointSchema = resource({
  subnet: refSchema.optional(),
  networkInterfaces: refs,
  privateLinkServiceConnections: z.array(json).optional(),
  manualPrivateLinkServiceConnections: z.array(json).optional(),
  customDnsConfigs: z.array(json).optional(),
});
export type PrivateEndpoint = z.infer<typeof privateEndpointSchema>;
export const isPrivateEndpoint = typeGuard(ARM_TYPES.privateEndpoint, privateEndpointSchema);

export const privateLinkServiceSchema = resource({
  loadBalancerFrontendIpConfigurations: refs,
  ipConfigurations: z.array(jsonObject).optional(),
  networkInterfaces: refs,
  privateEndpointConnections: z.array(jsonObject).optional(),
  alias: str,
});
export type PrivateLinkService = z.infer<typeof privateLinkServiceSchema>;
export const isPrivateLinkService = typeGuard(ARM_TYPES.privateLinkService, privateLinkServiceSchema);

// NAT gateways and Azure firewalls.

export const natGatewaySchema = resource({
  publicIpAddresses: refs,
  publicIpPrefixes: refs,
  subnets: refs,
  idleTimeoutInMinutes: num,
});
export type NatGateway = z.infer<typeof natGatewaySchema>;
export const isNatGateway = typeGuard(ARM_TYPES.natGateway, natGatewaySchema);

export const firewallIpConfigurationSchema = child({
  privateIPAddress: str,
  publicIPAddress: refSchema.optional(),
  subnet: refSchema.optional(),
});
export type FirewallIpConfiguration = z.infer<typeof firewallIpConfigurationSchema>;

export const azureFirewallSchema = resource({
  ipConfigurations: z.array(firewallIpConfigurationSchema).optional(),
  firewallPolicy: refSchema.optional(),
  threatIntelMode: str,
});
export type AzureFirewall = z.infer<typeof azureFirewallSchema>;
export const isAzureFirewall = typeGuard(ARM_TYPES.azureFirewall, azureFirewallSchema);

// Private DNS: zones, A record sets, links to VNets.

export const privateDnsZoneSchema = resource({ numberOfRecordSets: num });
export type PrivateDnsZone = z.infer<typeof privateDnsZoneSchema>;
export const isPrivateDnsZone = typeGuard(ARM_TYPES.privateDnsZone, privateDnsZoneSchema);

export const privateDnsARecordSetSchema = resource({
  fqdn: str,
  ttl: num,
  aRecords: z.array(wire({ ipv4Address: z.string() })).optional(),
});
export type PrivateDnsARecordSet = z.infer<typeof privateDnsARecordSetSchema>;
export const isPrivateDnsARecordSet = typeGuard(ARM_TYPES.privateDnsARecordSet, privateDnsARecordSetSchema);

export const privateDnsZoneLinkSchema = resource({
  virtualNetwork: refSchema.optional(),
  registrationEnabled: bool,
  virtualNetworkLinkState: str,
});
export type PrivateDnsZoneLink = z.infer<typeof privateDnsZoneLinkSchema>;
export const isPrivateDnsZoneLink = typeGuard(ARM_TYPES.privateDnsZoneLink, privateDnsZoneLinkSchema);

// Network watchers.

export const networkWatcherSchema = resource({ provisioningState: str });
export type NetworkWatcher = z.infer<typeof networkWatcherSchema>;
export const isNetworkWatcher = typeGuard(ARM_TYPES.networkWatcher, networkWatcherSchema);

// The ARO cluster.

const subnetProfile = { vmSize: str, subnetId: str, encryptionAtHost: str };

export const openShiftClusterSchema = resource({
  provisioningState: str,
  clusterProfile: wire({ domain: str, version: str, resourceGroupId: str, fipsValidatedModules: str }).optional(),
  consoleProfile: wire({ url: str }).optional(),
  servicePrincipalProfile: wire({ clientId: str }).optional(),
  networkProfile: wire({ podCidr: str, serviceCidr: str, outboundType: str, preconfiguredNSG: str }).optional(),
  masterProfile: wire(subnetProfile).optional(),
  workerProfiles: z.array(wire({ ...subnetProfile, name: str, diskSizeGB: num, count: num })).optional(),
  workerProfilesStatus: z.array(wire({ ...subnetProfile, name: str, diskSizeGB: num, count: num })).optional(),
  apiserverProfile: wire({ visibility: str, url: str, ip: str }).optional(),
  ingressProfiles: z.array(wire({ name: str, visibility: str, ip: str })).optional(),
});
export type OpenShiftCluster = z.infer<typeof openShiftClusterSchema>;
export const isOpenShiftCluster = typeGuard(ARM_TYPES.openShiftCluster, openShiftClusterSchema);

/** The schema of every resource type the engine models, by type in lower case: a lab's resources
 * of these types are checked against them when it loads, so the model's typed lists hold them all. */
export const ARM_SCHEMAS: ReadonlyMap<string, z.ZodType> = new Map(
  Object.entries({
    [ARM_TYPES.resourceGroup]: resourceGroupSchema,
    [ARM_TYPES.virtualNetwork]: virtualNetworkSchema,
    [ARM_TYPES.loadBalancer]: loadBalancerSchema,
    [ARM_TYPES.publicIpAddress]: publicIpAddressSchema,
    [ARM_TYPES.networkInterface]: networkInterfaceSchema,
    [ARM_TYPES.virtualMachine]: virtualMachineSchema,
    [ARM_TYPES.networkSecurityGroup]: networkSecurityGroupSchema,
    [ARM_TYPES.routeTable]: routeTableSchema,
    [ARM_TYPES.privateEndpoint]: privateEndpointSchema,
    [ARM_TYPES.privateLinkService]: privateLinkServiceSchema,
    [ARM_TYPES.natGateway]: natGatewaySchema,
    [ARM_TYPES.azureFirewall]: azureFirewallSchema,
    [ARM_TYPES.privateDnsZone]: privateDnsZoneSchema,
    [ARM_TYPES.privateDnsARecordSet]: privateDnsARecordSetSchema,
    [ARM_TYPES.privateDnsZoneLink]: privateDnsZoneLinkSchema,
    [ARM_TYPES.networkWatcher]: networkWatcherSchema,
    [ARM_TYPES.openShiftCluster]: openShiftClusterSchema,
  }).map(([type, schema]) => [type.toLowerCase(), schema]),
);
