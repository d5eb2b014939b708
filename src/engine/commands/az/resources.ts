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

/**
 * What the ARO SDK model makes of a cluster: every attribute of its profiles, null when ARM left
 * it out, named after the model's attributes (disk_size_gb prints as diskSizeGb).
 */
function aroModel(cluster: any): any {
  // Copies of the levels it changes only: the answer it read is the world's (or a live cache's).
  const c = { ...cluster, systemData: cluster.systemData ?? null };
  if (c.properties === null || typeof c.properties !== 'object' || Array.isArray(c.properties)) return c;
  const p = (c.properties = { ...c.properties });
  if (p.clusterProfile) p.clusterProfile = { pullSecret: null, ...p.clusterProfile };
  if (p.masterProfile) p.masterProfile = { diskEncryptionSetId: null, ...p.masterProfile };
  if (p.servicePrincipalProfile) p.servicePrincipalProfile = { clientSecret: null, ...p.servicePrincipalProfile };
  if (Array.isArray(p.workerProfiles)) {
    p.workerProfiles = p.workerProfiles.map(({ diskSizeGB, ...worker }: any) => ({ diskEncryptionSetId: null, ...worker, ...(diskSizeGB !== undefined ? { diskSizeGb: diskSizeGB } : {}) }));
  }
  return c;
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
    shape: 'sdk',
    table: (rs: any[]) => rs.map(aroRow),
    fetch: async (a, az) => (await az.list(collectionPath(az, a.resource_group as string | undefined, ...ARO))).map(aroModel),
  },
  {
    words: ['aro', 'show'],
    summary: 'Get the details of a cluster.',
    args: [rgArg(), nameArg('Microsoft.RedHatOpenShift/openShiftClusters', 'Name of cluster.')],
    examples: [{ command: 'az aro show --name MyCluster --resource-group MyResourceGroup', summary: 'Get the details of a cluster.' }],
    shape: 'sdk',
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
