// az aro, vm, group and account: SDK-based commands with their own table transformers.
import type { AzCommandDef, AzContext } from './types.ts';
import { argDef, azCommand, nameArg, rgArg } from './types.ts';
import { isPyDict } from '../../format/knack/python.ts';
import { arr, field, num, obj, str, type Json, type JsonObject } from '../../world/json.ts';
import { isNetworkInterface, isPublicIpAddress } from '../../world/schema/arm.ts';
import { collectionPath, groupPath, quote, resourcePath, subscriptionPath } from './paths.ts';
import { sdkValue } from './sdk-model.ts';
import { COMPUTE_2024_11_01, type SdkModels } from './sdk-models.ts';

const ARO = ['Microsoft.RedHatOpenShift', 'openShiftClusters'] as const;
const VM = ['Microsoft.Compute', 'virtualMachines'] as const;

function aroRow(r: unknown) {
  const parts = String(field(r, 'id') ?? '').split('/');
  return {
    Name: field(r, 'name'),
    ResourceGroup: parts[4],
    Location: field(r, 'location'),
    ProvisioningState: field(r, 'provisioningState'),
    WorkerCount: arr(field(r, 'workerProfiles')).reduce((n: number, w) => n + num(field(w, 'count')), 0),
    URL: field(r, 'consoleProfile', 'url'),
  };
}

// compute's transform_vm: None values are dropped, Zones only when the key exists.
function vmRow(r: unknown) {
  const row: Record<string, unknown> = { Name: field(r, 'name'), ResourceGroup: field(r, 'resourceGroup') };
  const setIfAny = (column: string, key: string) => {
    const value = field(r, key);
    if (value !== null && value !== undefined) row[column] = value;
  };
  setIfAny('PowerState', 'powerState');
  setIfAny('PublicIps', 'publicIps');
  setIfAny('Fqdns', 'fqdns');
  row.Location = field(r, 'location');
  if (isPyDict(r) && 'zones' in r) row.Zones = arr(r.zones).join(',');
  return row;
}

// The ARO SDK's models (azure-mgmt-redhatopenshift 2.0.0, API 2023-11-22, as azure-cli 2.74 ships
// them): each model's attributes in order, the REST key each is read from and its type. az prints
// what the SDK deserialized: every attribute (null when ARM left it out), named after the
// attribute in camelCase (disk_size_gb prints as diskSizeGb, preconfigured_nsg as
// preconfiguredNsg), `properties` flattened, fields the model lacks dropped, times as Python's
// isoformat of what was parsed.
const ARO_MODELS: SdkModels = {
  OpenShiftCluster: [
    ['id', 'id', 'str'], ['name', 'name', 'str'], ['type', 'type', 'str'], ['system_data', 'systemData', 'SystemData'], ['tags', 'tags', '{str}'], ['location', 'location', 'str'],
    ['provisioning_state', 'properties.provisioningState', 'str'], ['cluster_profile', 'properties.clusterProfile', 'ClusterProfile'], ['console_profile', 'properties.consoleProfile', 'ConsoleProfile'],
    ['service_principal_profile', 'properties.servicePrincipalProfile', 'ServicePrincipalProfile'], ['network_profile', 'properties.networkProfile', 'NetworkProfile'], ['master_profile', 'properties.masterProfile', 'MasterProfile'],
    ['worker_profiles', 'properties.workerProfiles', '[WorkerProfile]'], ['worker_profiles_status', 'properties.workerProfilesStatus', '[WorkerProfile]'], ['apiserver_profile', 'properties.apiserverProfile', 'APIServerProfile'], ['ingress_profiles', 'properties.ingressProfiles', '[IngressProfile]'],
  ],
  SystemData: [['created_by', 'createdBy', 'str'], ['created_by_type', 'createdByType', 'str'], ['created_at', 'createdAt', 'iso-8601'], ['last_modified_by', 'lastModifiedBy', 'str'], ['last_modified_by_type', 'lastModifiedByType', 'str'], ['last_modified_at', 'lastModifiedAt', 'iso-8601']],
  ClusterProfile: [['pull_secret', 'pullSecret', 'str'], ['domain', 'domain', 'str'], ['version', 'version', 'str'], ['resource_group_id', 'resourceGroupId', 'str'], ['fips_validated_modules', 'fipsValidatedModules', 'str']],
  ConsoleProfile: [['url', 'url', 'str']],
  ServicePrincipalProfile: [['client_id', 'clientId', 'str'], ['client_secret', 'clientSecret', 'str']],
  NetworkProfile: [['pod_cidr', 'podCidr', 'str'], ['service_cidr', 'serviceCidr', 'str'], ['outbound_type', 'outboundType', 'str'], ['load_balancer_profile', 'loadBalancerProfile', 'LoadBalancerProfile'], ['preconfigured_nsg', 'preconfiguredNSG', 'str']],
  LoadBalancerProfile: [['managed_outbound_ips', 'managedOutboundIps', 'ManagedOutboundIPs'], ['effective_outbound_ips', 'effectiveOutboundIps', '[EffectiveOutboundIP]']],
  ManagedOutboundIPs: [['count', 'count', 'int']],
  EffectiveOutboundIP: [['id', 'id', 'str']],
  MasterProfile: [['vm_size', 'vmSize', 'str'], ['subnet_id', 'subnetId', 'str'], ['encryption_at_host', 'encryptionAtHost', 'str'], ['disk_encryption_set_id', 'diskEncryptionSetId', 'str']],
  WorkerProfile: [['name', 'name', 'str'], ['vm_size', 'vmSize', 'str'], ['disk_size_gb', 'diskSizeGB', 'int'], ['subnet_id', 'subnetId', 'str'], ['count', 'count', 'int'], ['encryption_at_host', 'encryptionAtHost', 'str'], ['disk_encryption_set_id', 'diskEncryptionSetId', 'str']],
  APIServerProfile: [['visibility', 'visibility', 'str'], ['url', 'url', 'str'], ['ip', 'ip', 'str']],
  IngressProfile: [['name', 'name', 'str'], ['visibility', 'visibility', 'str'], ['ip', 'ip', 'str']],
};

/** What the ARO SDK model makes of a cluster, as az prints it. */
export function aroModel(cluster: Json): unknown {
  return sdkValue(ARO_MODELS, 'OpenShiftCluster', cluster);
}

/** What the compute SDK model (API 2024-11-01, azure-cli 2.74) makes of a virtual machine. */
const vmModel = (vm: Json): unknown => sdkValue(COMPUTE_2024_11_01, 'VirtualMachine', vm);

/** The resources SDK's GenericResourceExpanded: the attributes `az resource list` prints, null when absent. */
function genericResource(r: Json) {
  return {
    changedTime: null,
    createdTime: null,
    extendedLocation: null,
    identity: null,
    kind: null,
    managedBy: null,
    plan: null,
    properties: null,
    provisioningState: null,
    sku: null,
    tags: null,
    ...obj(r),
  };
}

const showDetailsArg = argDef({ options: ['--show-details', '-d'], dest: 'show_details', help: 'Show public ip address, FQDN, and power states. command will run slow.', flag: true });

/** `vm list/show -d`: what az adds from the instance view and the VM's NICs. */
async function withDetails(vms: unknown[], az: AzContext): Promise<unknown[]> {
  return Promise.all(
    vms.map(async (vm) => {
      // The model's NIC references (the SDK's shape), each read from ARM as a NIC.
      const answers = await Promise.all(arr(field(vm, 'networkProfile', 'networkInterfaces')).map((n) => az.get(str(field(n, 'id')))));
      const nics = answers.map((n) => (isNetworkInterface(n) ? n.properties : undefined));
      const configs = nics.flatMap((n) => n?.ipConfigurations ?? []);
      return {
        ...obj(vm),
        fqdns: '',
        macAddresses: nics.map((n) => n?.macAddress).join(','),
        powerState: 'VM running',
        privateIps: configs.map((c) => c.properties?.privateIPAddress).join(','),
        publicIps: '',
      };
    }),
  );
}

/** list_vm_ip_addresses: every NIC of the subscription attached to a VM (of the group and name,
 * when given, compared case aside), in the NIC list's order, with its addresses and those of the
 * public IPs its configurations name. */
async function vmIpAddresses(az: AzContext, group: string | undefined, name: string | undefined): Promise<unknown[]> {
  const nics = (await az.list(`${subscriptionPath(az)}/providers/Microsoft.Network/networkInterfaces`)).filter(isNetworkInterface);
  const pips = new Map((await az.list(`${subscriptionPath(az)}/providers/Microsoft.Network/publicIPAddresses`)).filter(isPublicIpAddress).map((p) => [p.id, p]));
  const out: unknown[] = [];
  for (const nic of nics) {
    const vmId = nic.properties?.virtualMachine?.id;
    if (vmId === undefined) continue;
    const parts = vmId.split('/');
    const [vmGroup, vmName] = [parts[4] ?? '', parts[8] ?? ''];
    if ((group !== undefined && group.toLowerCase() !== vmGroup.toLowerCase()) || (name !== undefined && name.toLowerCase() !== vmName.toLowerCase())) continue;
    const network: { privateIpAddresses: Json[]; publicIpAddresses: JsonObject[] } = { privateIpAddresses: [], publicIpAddresses: [] };
    for (const config of nic.properties?.ipConfigurations ?? []) {
      network.privateIpAddresses.push(config.properties?.privateIPAddress ?? null);
      const pipId = config.properties?.publicIPAddress?.id;
      const pip = pipId === undefined ? undefined : pips.get(pipId);
      if (!pip) continue;
      const info: JsonObject = { id: pip.id, name: pip.name, ipAddress: pip.properties?.ipAddress ?? null, ipAllocationMethod: pip.properties?.publicIPAllocationMethod ?? null };
      if (pip.zones?.length) info.zone = pip.zones[0];
      network.publicIpAddresses.push(info);
    }
    out.push({ virtualMachine: { resourceGroup: vmGroup, name: vmName, network } });
  }
  return out;
}

export const resourceCommands: AzCommandDef[] = [
  azCommand({
    words: ['aro', 'list'],
    summary: 'List clusters.',
    args: [rgArg(false)],
    examples: [{ command: 'az aro list -o table', summary: 'List clusters.' }],
    shape: 'plain',
    table: (rs) => arr(rs).map(aroRow),
    fetch: async (a, az) => (await az.list(collectionPath(az, a.resource_group, ...ARO))).map(aroModel),
  }),
  azCommand({
    words: ['aro', 'show'],
    summary: 'Get the details of a cluster.',
    args: [rgArg(), nameArg('Microsoft.RedHatOpenShift/openShiftClusters', 'Name of cluster.')],
    examples: [{ command: 'az aro show --name MyCluster --resource-group MyResourceGroup', summary: 'Get the details of a cluster.' }],
    shape: 'plain',
    table: aroRow,
    fetch: async (a, az) => aroModel(await az.get(resourcePath(az, a.resource_group, ...ARO, a.name))),
  }),
  azCommand({
    words: ['vm', 'list'],
    summary: 'List details of Virtual Machines.',
    args: [rgArg(false), showDetailsArg],
    examples: [
      { command: 'az vm list', summary: 'List all VMs.' },
      { command: 'az vm list -g MyResourceGroup', summary: 'List all VMs by resource group.' },
      { command: 'az vm list -g MyResourceGroup -d', summary: 'List all VMs by resource group with details.' },
    ],
    shape: 'sdk',
    table: (rs) => arr(rs).map(vmRow),
    async fetch(a, az) {
      const vms = (await az.list(collectionPath(az, a.resource_group, ...VM))).map(vmModel);
      return a.show_details ? withDetails(vms, az) : vms;
    },
  }),
  azCommand({
    words: ['vm', 'show'],
    summary: 'Get the details of a VM.',
    args: [rgArg(true, 'sdk'), nameArg('Microsoft.Compute/virtualMachines', 'The name of the Virtual Machine.', undefined, undefined, 'sdk'), showDetailsArg],
    examples: [{ command: 'az vm show -n MyVm -g MyResourceGroup', summary: 'Show information about a VM.' }],
    shape: 'sdk',
    table: vmRow,
    async fetch(a, az) {
      const vm = vmModel(await az.get(resourcePath(az, a.resource_group, ...VM, a.name)));
      return a.show_details ? (await withDetails([vm], az))[0] : vm;
    },
  }),
  azCommand({
    words: ['vm', 'list-ip-addresses'],
    summary: 'List IP addresses associated with a VM.',
    args: [{ options: ['--name', '-n'], dest: 'name', help: 'The name of the Virtual Machine. You can configure the default using `az configure --defaults vm=<name>`.', complete: { type: 'Microsoft.Compute/virtualMachines' } }, rgArg(false)],
    examples: [{ command: 'az vm list-ip-addresses -n MyVm', summary: 'Get the IP addresses for a VM.' }],
    shape: 'plain',
    // compute's transform_ip_addresses (a column whose cells are all empty is left out).
    table: (rs) =>
      arr(rs).map((r) => {
        const vm = field(r, 'virtualMachine');
        const pub = arr(field(vm, 'network', 'publicIpAddresses')).map((p) => field(p, 'ipAddress')).filter(Boolean).join(',');
        return { virtualMachine: field(vm, 'name'), publicIPAddresses: pub || null, privateIPAddresses: arr(field(vm, 'network', 'privateIpAddresses')).join(',') || null };
      }),
    fetch: (a, az) => vmIpAddresses(az, a.resource_group, a.name),
  }),
  azCommand({
    words: ['group', 'list'],
    summary: 'List resource groups.',
    args: [],
    examples: [{ command: 'az group list --query "[?location==\'westus\']"', summary: 'List all resource groups located in the West US region.' }],
    shape: 'plain',
    table: (rs) => arr(rs).map((r) => ({ Name: field(r, 'name'), Location: field(r, 'location'), Status: field(r, 'properties', 'provisioningState') })),
    fetch: async (_a, az) => (await az.list(`${subscriptionPath(az)}/resourcegroups`)).map((g) => ({ managedBy: null, tags: null, ...obj(g) })),
  }),
  azCommand({
    words: ['group', 'show'],
    summary: 'Gets a resource group.',
    args: [{ options: ['--name', '--resource-group', '-n', '-g'], dest: 'name', help: 'Name of resource group.', required: true, complete: 'group' }],
    examples: [],
    shape: 'plain',
    // The resources SDK's ResourceGroup model prints every attribute, null when absent.
    fetch: async (a, az) => ({ managedBy: null, tags: null, ...obj(await az.get(`${subscriptionPath(az)}/resourcegroups/${quote(a.name)}`)) }),
  }),
  azCommand({
    words: ['group', 'exists'],
    summary: 'Check if a resource group exists.',
    args: [{ options: ['--name', '--resource-group', '-n', '-g'], dest: 'name', help: 'The name of the resource group to check.', required: true, complete: 'group' }],
    examples: [{ command: 'az group exists -n MyResourceGroup', summary: 'Check if a resource group exists.' }],
    shape: 'plain',
    async fetch(a, az) {
      const path = `${subscriptionPath(az)}/resourcegroups/${quote(a.name)}`;
      const answer = await az.world.arm(path);
      if (answer.failure) return az.get(path);
      return answer.status >= 200 && answer.status < 300;
    },
  }),
  azCommand({
    words: ['resource', 'list'],
    summary: 'List resources.',
    args: [
      rgArg(false),
      { options: ['--resource-type'], dest: 'resource_type', help: 'The resource type (e.g. Microsoft.Network/loadBalancers).' },
      { options: ['--name', '-n'], dest: 'name', help: 'The resource name.' },
    ],
    examples: [{ command: 'az resource list --resource-group MyResourceGroup', summary: 'List all the resources in a resource group.' }],
    shape: 'plain',
    // transform_resource_list: Status is properties.provisioningStatus, or ' ' when a list brings no properties.
    table: (rs) =>
      arr(rs).map((r) => {
        const properties = field(r, 'properties');
        return { Name: field(r, 'name'), ResourceGroup: field(r, 'resourceGroup'), Location: field(r, 'location'), Type: field(r, 'type'), Status: properties ? field(properties, 'provisioningStatus') : ' ' };
      }),
    async fetch(a, az) {
      const group = a.resource_group;
      const all = await az.list(group ? `${groupPath(az, group)}/resources` : `${subscriptionPath(az)}/resources`);
      const type = a.resource_type?.toLowerCase();
      const name = a.name;
      return all.filter((r) => (!type || String(field(r, 'type')).toLowerCase() === type) && (!name || field(r, 'name') === name)).map(genericResource);
    },
  }),
];
