// az aro, vm, group and account: SDK-based commands with their own table transformers.
import type { AzCommandDef, AzContext } from './types.ts';
import { nameArg, rgArg } from './types.ts';
import { collectionPath, groupPath, quote, resourcePath, subscriptionPath } from './paths.ts';

const ARO = ['Microsoft.RedHatOpenShift', 'openShiftClusters'] as const;
const VM = ['Microsoft.Compute', 'virtualMachines'] as const;

function aroRow(r: any) {
  const parts = String(r.id ?? '').split('/');
  return {
    Name: r.name,
    ResourceGroup: parts[4],
    Location: r.location,
    ProvisioningState: r.provisioningState,
    WorkerCount: (r.workerProfiles ?? []).reduce((n: number, w: any) => n + (w.count ?? 0), 0),
    URL: r.consoleProfile?.url,
  };
}

// compute's transform_vm: None values are dropped, Zones only when the key exists.
function vmRow(r: any) {
  const row: Record<string, unknown> = { Name: r.name, ResourceGroup: r.resourceGroup };
  if (r.powerState != null) row.PowerState = r.powerState;
  if (r.publicIps != null) row.PublicIps = r.publicIps;
  if (r.fqdns != null) row.Fqdns = r.fqdns;
  row.Location = r.location;
  if ('zones' in r) row.Zones = (r.zones ?? []).join(',');
  return row;
}

// The ARO SDK's models (azure-mgmt-redhatopenshift 2.0.0, API 2023-11-22, as azure-cli 2.74 ships
// them): each model's attributes in order, the REST key each is read from and its type. az prints
// what the SDK deserialized: every attribute (null when ARM left it out), named after the
// attribute in camelCase (disk_size_gb prints as diskSizeGb, preconfigured_nsg as
// preconfiguredNsg), `properties` flattened, fields the model lacks dropped, times as Python's
// isoformat of what was parsed.
const ARO_MODELS: Record<string, Array<[attr: string, key: string, type: string]>> = {
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

/** azure-cli's to_camel_case of an attribute name. */
const camel = (attr: string) => attr.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** msrest's iso-8601 deserializer (fraction cut to microseconds) then Python's isoformat(). */
function pyIsoformat(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/i.exec(value);
  if (!m) return value;
  const micro = (m[3] ?? '').slice(0, 6).padEnd(6, '0');
  const zone = m[4].toUpperCase() === 'Z' ? '+00:00' : m[4];
  return `${m[1]}T${m[2]}${/^0+$/.test(micro) ? '' : `.${micro}`}${zone}`;
}

function readKey(value: any, key: string): unknown {
  let cur = value;
  for (const part of key.split('.')) cur = cur !== null && typeof cur === 'object' ? cur[part] : undefined;
  return cur;
}

function sdkValue(type: string, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (type.startsWith('[')) return Array.isArray(value) ? value.map((v) => sdkValue(type.slice(1, -1), v)) : null;
  if (type.startsWith('{') || type === 'str' || type === 'int') return value;
  if (type === 'iso-8601') return pyIsoformat(value);
  const model = ARO_MODELS[type];
  if (!model || typeof value !== 'object' || Array.isArray(value)) return null;
  const out: Record<string, unknown> = {};
  for (const [attr, key, t] of model) out[camel(attr)] = sdkValue(t, readKey(value, key));
  return out;
}

/** What the ARO SDK model makes of a cluster, as az prints it. */
function aroModel(cluster: any): any {
  return sdkValue('OpenShiftCluster', cluster);
}

/** The resources SDK's GenericResourceExpanded: the attributes `az resource list` prints, null when absent. */
function genericResource(r: any): any {
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
    ...r,
  };
}

const showDetailsArg = { options: ['--show-details', '-d'], dest: 'show_details', help: 'Show public ip address, FQDN, and power states. command will run slow.', flag: true };

/** `vm list/show -d`: what az adds from the instance view and the VM's NICs. */
async function withDetails(vms: any[], az: AzContext): Promise<any[]> {
  return Promise.all(
    vms.map(async (vm) => {
      const nics = await Promise.all(((vm.properties?.networkProfile?.networkInterfaces ?? []) as Array<{ id: string }>).map((n) => az.get(n.id)));
      const configs = nics.flatMap((n: any) => n.properties?.ipConfigurations ?? []);
      return {
        ...vm,
        fqdns: '',
        macAddresses: nics.map((n: any) => n.properties?.macAddress).join(','),
        powerState: 'VM running',
        privateIps: configs.map((c: any) => c.properties?.privateIPAddress).join(','),
        publicIps: '',
      };
    }),
  );
}

export const resourceCommands: AzCommandDef[] = [
  {
    words: ['aro', 'list'],
    summary: 'List clusters.',
    args: [rgArg(false)],
    examples: [{ command: 'az aro list -o table', summary: 'List clusters.' }],
    shape: 'plain',
    table: (rs: any[]) => rs.map(aroRow),
    fetch: async (a, az) => (await az.list(collectionPath(az, a.resource_group as string | undefined, ...ARO))).map(aroModel),
  },
  {
    words: ['aro', 'show'],
    summary: 'Get the details of a cluster.',
    args: [rgArg(), nameArg('Microsoft.RedHatOpenShift/openShiftClusters', 'Name of cluster.')],
    examples: [{ command: 'az aro show --name MyCluster --resource-group MyResourceGroup', summary: 'Get the details of a cluster.' }],
    shape: 'plain',
    table: aroRow,
    fetch: async (a, az) => aroModel(await az.get(resourcePath(az, a.resource_group as string, ...ARO, a.name as string))),
  },
  {
    words: ['vm', 'list'],
    summary: 'List details of Virtual Machines.',
    args: [rgArg(false), showDetailsArg],
    examples: [{ command: 'az vm list', summary: 'List all VMs.' }],
    shape: 'sdk',
    table: (rs: any[]) => rs.map(vmRow),
    async fetch(a, az) {
      const vms = await az.list(collectionPath(az, a.resource_group as string | undefined, ...VM));
      return a.show_details ? withDetails(vms, az) : vms;
    },
  },
  {
    words: ['vm', 'show'],
    summary: 'Get the details of a VM.',
    args: [rgArg(), nameArg('Microsoft.Compute/virtualMachines', 'The name of the Virtual Machine.', undefined, undefined, 'sdk'), showDetailsArg],
    examples: [{ command: 'az vm show -n MyVm -g MyResourceGroup', summary: 'Show information about a VM.' }],
    shape: 'sdk',
    table: vmRow,
    async fetch(a, az) {
      const vm = await az.get(resourcePath(az, a.resource_group as string, ...VM, a.name as string));
      return a.show_details ? (await withDetails([vm], az))[0] : vm;
    },
  },
  {
    words: ['group', 'list'],
    summary: 'List resource groups.',
    args: [],
    examples: [{ command: 'az group list --query "[?location==\'westus\']"', summary: 'List all resource groups located in the West US region.' }],
    shape: 'plain',
    table: (rs: any[]) => rs.map((r) => ({ Name: r.name, Location: r.location, Status: r.properties?.provisioningState })),
    fetch: async (_a, az) => (await az.list(`${subscriptionPath(az)}/resourcegroups`)).map((g) => ({ managedBy: null, tags: null, ...g })),
  },
  {
    words: ['group', 'show'],
    summary: 'Gets a resource group.',
    args: [{ options: ['--name', '--resource-group', '-n', '-g'], dest: 'name', help: 'Name of resource group.', required: true, complete: 'group' }],
    examples: [],
    shape: 'plain',
    // The resources SDK's ResourceGroup model prints every attribute, null when absent.
    fetch: async (a, az) => ({ managedBy: null, tags: null, ...(await az.get(`${subscriptionPath(az)}/resourcegroups/${quote(a.name as string)}`)) }),
  },
  {
    words: ['group', 'exists'],
    summary: 'Check if a resource group exists.',
    args: [{ options: ['--name', '--resource-group', '-n', '-g'], dest: 'name', help: 'The name of the resource group to check.', required: true, complete: 'group' }],
    examples: [{ command: 'az group exists -n MyResourceGroup', summary: 'Check if a resource group exists.' }],
    shape: 'plain',
    async fetch(a, az) {
      const path = `${subscriptionPath(az)}/resourcegroups/${quote(a.name as string)}`;
      const answer = await az.world.arm(path);
      if (answer.failure) return az.get(path);
      return answer.status >= 200 && answer.status < 300;
    },
  },
  {
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
    table: (rs: any[]) => rs.map((r) => ({ Name: r.name, ResourceGroup: r.resourceGroup, Location: r.location, Type: r.type, Status: r.properties ? r.properties.provisioningStatus : ' ' })),
    async fetch(a, az) {
      const group = a.resource_group as string | undefined;
      const all = await az.list(group ? `${groupPath(az, group)}/resources` : `${subscriptionPath(az)}/resources`);
      const type = (a.resource_type as string | undefined)?.toLowerCase();
      const name = a.name as string | undefined;
      return all.filter((r) => (!type || String(r.type).toLowerCase() === type) && (!name || r.name === name)).map(genericResource);
    },
  },
  {
    words: ['account', 'show'],
    summary: 'Get the details of a subscription.',
    args: [],
    examples: [{ command: 'az account show', summary: 'Get the details of the current subscription.' }],
    shape: 'plain',
    fetch: async (_a, az) => az.world.info.account,
  },
];
