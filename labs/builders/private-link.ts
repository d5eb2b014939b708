// Private Link: egress lockdown's private endpoint `<infraID>-pe` in the master subnet, connected by
// hand (ARO approves it) to the private link service of the ARO gateway in the service's
// subscription; and the private link service ARO reaches the API server through (its SREs' path),
// on the internal API frontend, with its NAT address in the master subnet, which only the
// service's subscription may connect to and whose connection is approved automatically.
import type { ArmResource } from '../../src/engine/world/types.ts';
import type { ArmNames } from './arm-names.ts';
import { etag, guid, hash, lastSegment, ref } from './ids.ts';
import { nic } from './machines.ts';
import { RP_SUBSCRIPTION } from './presets.ts';
import { required, type GatewaySpec, type LabSpec } from './spec.ts';

/** The private endpoint of egress lockdown and its NIC. */
export function gatewayPrivateEndpoint(spec: LabSpec, n: ArmNames, gw: GatewaySpec): { endpoint: ArmResource; nic: ArmResource } {
  const pls = `/subscriptions/${gw.rpSubscription}/resourceGroups/${gw.gatewayGroup}/providers/Microsoft.Network/privateLinkServices/gateway-pls-001`;
  const connection = `${n.peId}/manualPrivateLinkServiceConnections/gateway-plsconnection`;
  const endpoint: ArmResource = {
    name: `${n.infra}-pe`,
    id: n.peId,
    etag: etag(n.peId),
    type: 'Microsoft.Network/privateEndpoints',
    location: spec.location,
    tags: {},
    properties: {
      provisioningState: 'Succeeded',
      resourceGuid: guid(`pe:${n.peId}`),
      privateLinkServiceConnections: [],
      manualPrivateLinkServiceConnections: [
        {
          name: 'gateway-plsconnection',
          id: connection,
          etag: etag(connection),
          type: 'Microsoft.Network/privateEndpoints/manualPrivateLinkServiceConnections',
          properties: {
            provisioningState: 'Succeeded',
            privateLinkServiceId: pls,
            privateLinkServiceConnectionState: { status: 'Approved', description: 'Approved', actionsRequired: 'None' },
          },
        },
      ],
      customNetworkInterfaceName: '',
      subnet: ref(n.subnetId('master')),
      ipConfigurations: [],
      networkInterfaces: [ref(n.peNicId)],
      customDnsConfigs: [],
    },
  };
  return { endpoint, nic: nic(spec, { id: n.peNicId, ipconfig: lastSegment(n.peIpconfig), ip: gw.privateEndpointIp, subnet: n.subnetId('master'), accelerated: false, privateEndpoint: n.peId }) };
}

/** The private link service on the internal API frontend and its NIC. */
export function apiPrivateLinkService(spec: LabSpec, n: ArmNames): { service: ArmResource; nic: ArmResource } {
  const { infra, plsName, plsId } = n;
  const location = spec.location;
  const internalApiLb = spec.info.layout === '2020' ? `${infra}-internal-lb` : `${infra}-internal`;
  const plsConnection = `${plsId}/privateEndpointConnections/${plsName}.${guid(`pls-conn:${plsId}`)}`;
  const address = required(spec.ips.privateLinkService, spec, 'ips.privateLinkService');
  const service: ArmResource = {
    name: plsName,
    id: plsId,
    etag: etag(plsId),
    type: 'Microsoft.Network/privateLinkServices',
    location,
    tags: {},
    properties: {
      provisioningState: 'Succeeded',
      fqdns: [],
      alias: `${plsName}.${guid(`pls-alias:${plsId}`)}.${location}.azure.privatelinkservice`,
      visibility: { subscriptions: [RP_SUBSCRIPTION] },
      autoApproval: { subscriptions: [RP_SUBSCRIPTION] },
      enableProxyProtocol: false,
      loadBalancerFrontendIpConfigurations: [ref(n.childId(internalApiLb, 'frontendIPConfigurations', 'internal-lb-ip-v4'))],
      ipConfigurations: [
        {
          name: `${infra}-pls-nic`,
          id: `${plsId}/ipConfigurations/${infra}-pls-nic`,
          etag: etag(`${plsId}/ipConfigurations/${infra}-pls-nic`),
          type: 'Microsoft.Network/privateLinkServices/ipConfigurations',
          properties: { provisioningState: 'Succeeded', privateIPAddress: address, privateIPAllocationMethod: 'Dynamic', subnet: ref(n.subnetId('master')), primary: true, privateIPAddressVersion: 'IPv4' },
        },
      ],
      privateEndpointConnections: [
        {
          name: lastSegment(plsConnection),
          id: plsConnection,
          etag: etag(plsConnection),
          type: 'Microsoft.Network/privateLinkServices/privateEndpointConnections',
          properties: {
            provisioningState: 'Succeeded',
            privateEndpoint: { id: `/subscriptions/${RP_SUBSCRIPTION}/resourceGroups/rp-${location}/providers/Microsoft.Network/privateEndpoints/rp-pe-${guid(`rp-pe:${plsId}`).slice(0, 8)}` },
            privateLinkServiceConnectionState: { status: 'Approved', description: 'Auto Approved', actionsRequired: 'None' },
            linkIdentifier: String(hash(plsId, 11)),
          },
        },
      ],
      networkInterfaces: [ref(n.plsNicId)],
    },
  };
  return { service, nic: nic(spec, { id: n.plsNicId, ipconfig: `${infra}-pls-nic`, ip: address, subnet: n.subnetId('master'), accelerated: false, privateLinkService: plsId }) };
}
