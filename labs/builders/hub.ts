// The customer's hub network of a private cluster: the firewall every egress goes through (its
// public IP, its application rules), the jump host the reader works on with its route table, the
// hub VNet peered back to the cluster's, and the customer's route table on the cluster's subnets.
import type { JsonObject } from '../../src/engine/world/json.ts';
import type { ArmResource } from '../../src/engine/world/types.ts';
import type { ArmNames } from './arm-names.ts';
import { etag, guid, ref } from './ids.ts';
import { nic, vm } from './machines.ts';
import { peering, routeTable } from './network.ts';
import { publicIp } from './public-ips.ts';
import { required, type HubSpec, type LabSpec } from './spec.ts';

type AppRule = [name: string, fqdns: string[], protocols: Array<[protocol: string, port: number]>];

function appRules(fwId: string, name: string, priority: number, source: string, rules: AppRule[]): JsonObject {
  const id = `${fwId}/applicationRuleCollections/${name}`;
  return {
    name,
    id,
    etag: etag(id),
    properties: {
      provisioningState: 'Succeeded',
      priority,
      action: { type: 'Allow' },
      rules: rules.map(([rule, fqdns, protocols]) => ({ name: rule, sourceAddresses: [source], protocols: protocols.map(([protocolType, port]) => ({ protocolType, port })), targetFqdns: fqdns, fqdnTags: [], sourceIpGroups: [] })),
    },
  };
}

export function hubResources(spec: LabSpec, n: ArmNames, hub: HubSpec): ArmResource[] {
  const location = spec.location;
  const hubVnetId = required(n.hubVnetId, spec, 'the hub VNet');
  const fwId = n.nid('azureFirewalls', hub.firewall.name, hub.group);
  const fwConfig = `${fwId}/azureFirewallIpConfigurations/${hub.firewall.name}-config`;
  const fwSubnet = `${hubVnetId}/subnets/AzureFirewallSubnet`;
  const jumpSubnet = `${hubVnetId}/subnets/jumpbox`;
  const jumpNicId = n.nid('networkInterfaces', `${hub.jumpbox.name}VMNic`, hub.group);
  const jumpVmId = `${n.rgId(hub.group)}/providers/Microsoft.Compute/virtualMachines/${hub.jumpbox.name}`;
  const jumpRt = n.nid('routeTables', `${hub.jumpbox.name}-udr`, hub.group);
  return [
    publicIp(location, n.nid('publicIPAddresses', hub.firewall.pip, hub.group), hub.firewall.publicIp, fwConfig, {}, false),
    {
      name: hub.firewall.name,
      id: fwId,
      etag: etag(fwId),
      type: 'Microsoft.Network/azureFirewalls',
      location,
      tags: {},
      properties: {
        provisioningState: 'Succeeded',
        sku: { name: 'AZFW_VNet', tier: 'Standard' },
        threatIntelMode: 'Alert',
        additionalProperties: {},
        ipConfigurations: [
          {
            name: `${hub.firewall.name}-config`,
            id: fwConfig,
            etag: etag(fwConfig),
            type: 'Microsoft.Network/azureFirewalls/azureFirewallIpConfigurations',
            properties: { provisioningState: 'Succeeded', privateIPAddress: hub.firewall.privateIp, subnet: ref(fwSubnet), publicIPAddress: ref(n.nid('publicIPAddresses', hub.firewall.pip, hub.group)) },
          },
        ],
        networkRuleCollections: [],
        // A firewall denies what no rule allows. With egress lockdown the cluster needs no rule for
        // itself; these allow Microsoft's optional destinations (OperatorHub, telemetry, updates),
        // what the sample app calls, and the Azure endpoints the reader's az uses from the jump host.
        applicationRuleCollections: [
          appRules(fwId, 'aro-optional', 200, spec.vnet.prefix, [
            ['operatorhub', ['registry.redhat.io', 'quay.io', 'cdn.quay.io', 'cdn01.quay.io', 'cdn02.quay.io', 'cdn03.quay.io', 'access.redhat.com', 'registry.access.redhat.com', 'registry.connect.redhat.com'], [['Https', 443]]],
            ['telemetry', ['cert-api.access.redhat.com', 'api.access.redhat.com', 'infogw.api.openshift.com', 'console.redhat.com'], [['Https', 443]]],
            ['updates', ['api.openshift.com', 'mirror.openshift.com', 'sso.redhat.com'], [['Https', 443]]],
            ['sqlapi', ['jsonip.com'], [['Http', 80], ['Https', 443]]],
          ]),
          appRules(fwId, 'jumpbox', 300, hub.vnet.jumpboxSubnet, [['azure', ['management.azure.com', 'login.microsoftonline.com'], [['Https', 443]]]]),
        ],
        natRuleCollections: [],
      },
    },
    routeTable(location, jumpRt, `${hub.jumpbox.name}-to-firewall`, hub.firewall.privateIp, [jumpSubnet]),
    nic(spec, { id: jumpNicId, ipconfig: `ipconfig${hub.jumpbox.name}`, ip: hub.jumpbox.ip, subnet: jumpSubnet, vm: jumpVmId, accelerated: false }),
    vm(spec, {
      id: jumpVmId,
      size: 'Standard_B2s',
      image: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: 'latest', exactVersion: '24.04.202510010' },
      disk: 30,
      storage: 'Premium_LRS',
      nicId: jumpNicId,
      tags: {},
      admin: 'azureuser',
    }),
    {
      name: hub.vnet.name,
      id: hubVnetId,
      etag: etag(hubVnetId),
      type: 'Microsoft.Network/virtualNetworks',
      location,
      tags: {},
      properties: {
        provisioningState: 'Succeeded',
        resourceGuid: guid(`vnet:${hubVnetId}`),
        addressSpace: { addressPrefixes: [hub.vnet.prefix] },
        dhcpOptions: { dnsServers: [] },
        subnets: [
          { name: 'AzureFirewallSubnet', id: fwSubnet, etag: etag(fwSubnet), type: 'Microsoft.Network/virtualNetworks/subnets', properties: { provisioningState: 'Succeeded', addressPrefix: hub.vnet.firewallSubnet, ipConfigurations: [ref(fwConfig)], delegations: [], privateEndpointNetworkPolicies: 'Disabled', privateLinkServiceNetworkPolicies: 'Enabled' } },
          { name: 'jumpbox', id: jumpSubnet, etag: etag(jumpSubnet), type: 'Microsoft.Network/virtualNetworks/subnets', properties: { provisioningState: 'Succeeded', addressPrefix: hub.vnet.jumpboxSubnet, routeTable: ref(jumpRt), ipConfigurations: [ref(`${jumpNicId}/ipConfigurations/ipconfig${hub.jumpbox.name}`)], delegations: [], privateEndpointNetworkPolicies: 'Disabled', privateLinkServiceNetworkPolicies: 'Enabled' } },
        ],
        virtualNetworkPeerings: [peering(`${hubVnetId}/virtualNetworkPeerings/${hub.vnet.name}-to-${spec.vnet.name}`, n.vnetId, spec.vnet.prefix, false)],
        enableDdosProtection: false,
        enableVmProtection: false,
      },
    },
    routeTable(location, required(n.udrId, spec, "the hub's route table"), hub.routeTable, hub.firewall.privateIp, [n.subnetId('master'), n.subnetId('worker')]),
  ];
}
