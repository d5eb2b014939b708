// Network interfaces and virtual machines: the cluster's masters and workers (RHCOS, ARO's image,
// in the node resource group) and the builders other resources' NICs and VMs use (the private
// endpoint's and private link service's NICs, the hub's jump host).
import type { JsonObject } from '../../src/engine/world/json.ts';
import type { ArmResource } from '../../src/engine/world/types.ts';
import type { ArmNames } from './arm-names.ts';
import { etag, guid, lastSegment, mac, ref } from './ids.ts';
import { poolsOf, type LoadBalancerPlan } from './load-balancers.ts';
import type { LabSpec } from './spec.ts';

export interface NicOptions {
  id: string;
  ipconfig: string;
  ip: string;
  subnet: string;
  pools?: Array<{ id: string }>;
  vm?: string;
  accelerated: boolean;
  /** The private endpoint the NIC belongs to (Azure makes it: no MAC address, not primary). */
  privateEndpoint?: string;
  /** The private link service the NIC belongs to (no MAC address, not primary). */
  privateLinkService?: string;
}

/** The DNS suffix Azure gives the NICs of the cluster's VNet. */
export function dnsSuffix(spec: LabSpec): string {
  return `${guid(`dns:${spec.cluster.name}`).replace(/-/g, '').slice(0, 26)}.${spec.info.layout === '2020' ? 'fx' : 'ax'}.internal.cloudapp.net`;
}

export function nic(spec: LabSpec, o: NicOptions): ArmResource {
  const managed = o.privateEndpoint !== undefined || o.privateLinkService !== undefined;
  return {
    name: lastSegment(o.id),
    id: o.id,
    etag: etag(o.id),
    location: spec.location,
    tags: {},
    properties: {
      provisioningState: 'Succeeded',
      resourceGuid: guid(`nic:${o.id}`),
      ipConfigurations: [
        {
          name: o.ipconfig,
          id: `${o.id}/ipConfigurations/${o.ipconfig}`,
          etag: etag(`${o.id}/ipConfigurations/${o.ipconfig}`),
          type: 'Microsoft.Network/networkInterfaces/ipConfigurations',
          properties: {
            provisioningState: 'Succeeded',
            privateIPAddress: o.ip,
            privateIPAllocationMethod: 'Dynamic',
            subnet: ref(o.subnet),
            primary: true,
            privateIPAddressVersion: 'IPv4',
            ...(o.pools ? { loadBalancerBackendAddressPools: o.pools } : {}),
            ...(o.privateEndpoint ? { privateLinkConnectionProperties: { groupId: '', requiredMemberName: '', fqdns: [] } } : {}),
          },
        },
      ],
      dnsSettings: { dnsServers: [], appliedDnsServers: [], internalDomainNameSuffix: dnsSuffix(spec) },
      macAddress: managed ? '' : mac(lastSegment(o.id)),
      enableAcceleratedNetworking: o.accelerated,
      vnetEncryptionSupported: false,
      enableIPForwarding: false,
      ...(managed ? {} : { primary: true }),
      ...(o.vm ? { virtualMachine: ref(o.vm) } : {}),
      ...(o.privateEndpoint ? { privateEndpoint: ref(o.privateEndpoint) } : {}),
      hostedWorkloads: [],
      tapConfigurations: [],
      nicType: 'Standard',
      allowPort25Out: true,
      auxiliaryMode: 'None',
      ...(o.privateLinkService ? { privateLinkService: ref(o.privateLinkService) } : {}),
    },
    type: 'Microsoft.Network/networkInterfaces',
    kind: 'Regular',
  };
}

export interface VmOptions {
  id: string;
  zone?: string;
  size: string;
  image: JsonObject;
  disk: number;
  storage: string;
  nicId: string;
  tags: Record<string, string>;
  admin: string;
}

export function vm(spec: LabSpec, o: VmOptions): ArmResource {
  const name = lastSegment(o.id);
  return {
    name,
    id: o.id,
    type: 'Microsoft.Compute/virtualMachines',
    location: spec.location,
    tags: o.tags,
    ...(o.zone ? { zones: [o.zone] } : {}),
    properties: {
      vmId: guid(`vm:${o.id}`),
      hardwareProfile: { vmSize: o.size },
      storageProfile: {
        imageReference: o.image,
        osDisk: {
          osType: 'Linux',
          name: `${name}_OSDisk`,
          createOption: 'FromImage',
          caching: 'ReadOnly',
          managedDisk: { storageAccountType: o.storage, id: `${o.id.split('/providers/')[0]}/providers/Microsoft.Compute/disks/${name}_OSDisk` },
          deleteOption: 'Detach',
          diskSizeGB: o.disk,
        },
        dataDisks: [],
      },
      osProfile: {
        computerName: name,
        adminUsername: o.admin,
        linuxConfiguration: { disablePasswordAuthentication: o.admin !== 'core', provisionVMAgent: true, patchSettings: { patchMode: 'ImageDefault', assessmentMode: 'ImageDefault' } },
        secrets: [],
        allowExtensionOperations: true,
        requireGuestProvisionSignal: true,
      },
      networkProfile: { networkInterfaces: [{ id: o.nicId }] },
      provisioningState: 'Succeeded',
    },
  };
}

/** The masters' and workers' NICs (in their load balancers' pools) and VMs. */
export function clusterMachines(spec: LabSpec, n: ArmNames, plan: LoadBalancerPlan[]): { nics: ArmResource[]; vms: ArmResource[] } {
  const nics: ArmResource[] = [];
  const vms: ArmResource[] = [];
  for (const m of n.machines) {
    const id = n.nid('networkInterfaces', m.nic);
    const vmId = `${n.rgId(spec.cluster.nodeGroup)}/providers/Microsoft.Compute/virtualMachines/${m.node.name}`;
    nics.push(nic(spec, { id, ipconfig: 'pipConfig', ip: m.node.ip, subnet: n.subnetId(m.role), pools: poolsOf(plan, n, m.nic), vm: vmId, accelerated: m.role === 'worker' && spec.info.layout === 'today' }));
    vms.push(
      vm(spec, {
        id: vmId,
        zone: m.node.zone,
        size: m.size,
        image: { publisher: 'azureopenshift', offer: 'aro4', sku: spec.vm.sku, version: spec.vm.version },
        disk: m.role === 'master' ? 1024 : 128,
        storage: 'Premium_LRS',
        nicId: id,
        tags: { [`kubernetes.io_cluster.${n.infra}`]: 'owned' },
        admin: 'core',
      }),
    );
  }
  return { nics, vms };
}
