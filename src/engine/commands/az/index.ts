// `az`: one command whose subcommands are data (network-lb.ts, network.ts, resources.ts).
import type { Command, SessionState } from '../types.ts';
import { runAz } from './run.ts';
import { buildTree } from './tree.ts';
import { lbCommands } from './network-lb.ts';
import { networkCommands } from './network.ts';
import { privateNetworkCommands } from './network-private.ts';
import { routingCommands } from './network-routes.ts';
import { routeTableWriteCommands } from './network-route-table-writes.ts';
import { subnetUpdateCommands } from './network-subnet-update.ts';
import { natGatewayWriteCommands } from './network-nat-gateway.ts';
import { resourceCommands } from './resources.ts';
import { monitorCommands } from './monitor.ts';
import { accountCommands } from './account.ts';
import { nsgWriteCommands } from './network-nsg-writes.ts';
import { publicIpWriteCommands } from './network-public-ip-writes.ts';
import { aroUpdateCommands } from './aro-update.ts';
import { completeAz } from './complete.ts';

/** Every az command the lab has. */
export const azCommandDefs = [...lbCommands, ...networkCommands, ...privateNetworkCommands, ...routingCommands, ...routeTableWriteCommands, ...subnetUpdateCommands, ...natGatewayWriteCommands, ...resourceCommands, ...monitorCommands, ...accountCommands, ...nsgWriteCommands, ...publicIpWriteCommands, ...aroUpdateCommands];

const tree = buildTree(azCommandDefs);

export const azCommands: Command[] = [
  {
    name: 'az',
    summary: 'Azure CLI: read the lab\'s Azure resources (aro, network, vm, group, account) and load balancer metrics (monitor).',
    run: (ctx) => runAz(tree, ctx),
    complete: (words: string[], session: SessionState) => completeAz(tree, words, session),
  },
];
