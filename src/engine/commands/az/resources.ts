// az aro, vm, group and account: SDK-based commands with their own table transformers.
import type { AzCommandDef, AzContext } from './types.ts';
import { nameArg, rgArg } from './types.ts';
import { collectionPath, resourcePath } from './paths.ts';

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
    fetch: (a, az) => az.list(collectionPath(az, a.resource_group as string | undefined, ...ARO)),
  },
  {
    words: ['aro', 'show'],
    summary: 'Get the details of a cluster.',
    args: [rgArg(), nameArg('Microsoft.RedHatOpenShift/openShiftClusters', 'Name of cluster.')],
    examples: [{ command: 'az aro show --name MyCluster --resource-group MyResourceGroup', summary: 'Get the details of a cluster.' }],
    shape: 'sdk',
    table: aroRow,
    fetch: (a, az) => az.get(resourcePath(az, a.resource_group as string, ...ARO, a.name as string)),
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
    args: [rgArg(), nameArg('Microsoft.Compute/virtualMachines', 'The name of the Virtual Machine.'), showDetailsArg],
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
    fetch: async (_a, az) => (await az.list(`/subscriptions/${az.subscription}/resourcegroups`)).map((g) => ({ managedBy: null, tags: null, ...g })),
  },
  {
    words: ['group', 'show'],
    summary: 'Gets a resource group.',
    args: [{ options: ['--name', '--resource-group', '-n', '-g'], dest: 'name', help: 'Name of resource group.', required: true, complete: 'group' }],
    examples: [],
    shape: 'plain',
    // The resources SDK's ResourceGroup model prints every attribute, null when absent.
    fetch: async (a, az) => ({ managedBy: null, tags: null, ...(await az.get(`/subscriptions/${az.subscription}/resourcegroups/${a.name as string}`)) }),
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
