// az aro update (azure-cli's aro module, custom.py `aro_update`, through the ARO SDK of API
// 2023-11-22): a GET of the cluster, then a PATCH with what changes, and the cluster as the
// long-running operation leaves it, printed as `az aro show` prints it.
//   --load-balancer-managed-outbound-ip-count/--lb-ip-count N: 1 to 20 (the module's validator,
//     before any request); the PATCH carries networkProfile.loadBalancerProfile.managedOutboundIps;
//     ARO's resource provider then adds or removes outbound IPs on the public load balancer, or
//     refuses more than one on the 2020 layout.
//   The service principal options need the reader's Azure AD (Microsoft Graph and role
//     assignments), which the lab does not have: the lab says so in az's voice. Without them the
//     update checks the cluster's principals and their roles, and on a healthy cluster changes and
//     prints nothing there.
import type { AzCommandDef } from './types.ts';
import { argDef, CliError } from './types.ts';
import { resourcePath } from './paths.ts';
import { armWrite, azWriteCommand } from './writes.ts';
import { aroModel } from './resources.ts';
import type { JsonObject } from '../../world/json.ts';

const ARO = ['Microsoft.RedHatOpenShift', 'openShiftClusters'] as const;

const countArg = argDef({
  options: ['--load-balancer-managed-outbound-ip-count', '--lb-ip-count'],
  dest: 'load_balancer_managed_outbound_ip_count',
  help: 'The desired number of IPv4 outbound IPs created and managed by Azure for the cluster public load balancer.',
  // argparse's type=int.
  type: {
    name: 'int',
    convert(value: string): string {
      if (!/^\s*[-+]?\d+\s*$/.test(value)) throw new Error(value);
      return String(Number(value));
    },
  },
});

export const aroUpdateCommands: AzCommandDef[] = [
  azWriteCommand({
    words: ['aro', 'update'],
    summary: 'Update a cluster.',
    args: [
      { options: ['--resource-group', '-g'], dest: 'resource_group', help: 'Name of resource group. You can configure the default group using `az configure --defaults group=<name>`.', required: true, complete: 'group' },
      { options: ['--name', '-n'], dest: 'name', help: 'Name of cluster.', required: true, complete: { type: ARO.join('/') } },
      { options: ['--client-id'], dest: 'client_id', help: 'Client ID of cluster service principal.' },
      { options: ['--client-secret'], dest: 'client_secret', help: 'Client secret of cluster service principal.' },
      countArg,
      { options: ['--no-wait'], dest: 'no_wait', help: 'Do not wait for the long-running operation to finish.', flag: true },
      { options: ['--refresh-credentials'], dest: 'refresh_cluster_credentials', help: 'Refresh cluster application credentials.', flag: true },
    ],
    examples: [{ command: 'az aro update --name MyCluster --resource-group MyResourceGroup', summary: 'Update a cluster.' }],
    shape: 'plain',
    async fetch(a, az) {
      const count = a.load_balancer_managed_outbound_ip_count === undefined ? undefined : Number(a.load_balancer_managed_outbound_ip_count);
      if (count !== undefined && (count < 1 || count > 20)) throw new CliError('--load-balancer-managed-outbound-ip-count must be between 1 and 20 (inclusive).');
      const path = resourcePath(az, a.resource_group, ...ARO, a.name);
      await az.get(path);
      if (a.client_id !== undefined || a.client_secret !== undefined || a.refresh_cluster_credentials) {
        throw new CliError("The cluster's service principal lives in your Azure AD, which this lab does not have: --client-id, --client-secret and --refresh-credentials are not available in this lab terminal.");
      }
      const body: JsonObject = count === undefined ? {} : { properties: { networkProfile: { loadBalancerProfile: { managedOutboundIps: { count } } } } };
      const cluster = await armWrite(az, 'PATCH', path, body);
      return a.no_wait ? null : aroModel(cluster);
    },
  }),
];
