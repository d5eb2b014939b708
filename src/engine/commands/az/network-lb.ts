// az network lb and its child collections (address-pool, frontend-ip, rule, probe, outbound-rule,
// inbound-nat-rule). Today's az generates them from the REST specs: REST casing, no transformers.
import type { AzCommandDef, AzContext } from './types.ts';
import { argDef, azCommand, CliError, nameArg, rgArg } from './types.ts';
import { childPath, collectionPath, quote, resourcePath } from './paths.ts';
import { childItems, namedChild } from './child.ts';

const LB = ['Microsoft.Network', 'loadBalancers'] as const;

export const lbCommands: AzCommandDef[] = [
  azCommand({
    words: ['network', 'lb', 'list'],
    summary: 'List load balancers.',
    args: [rgArg(false)],
    examples: [{ command: 'az network lb list -g MyResourceGroup', summary: 'List load balancers.' }],
    shape: 'aaz',
    fetch: (a, az) => az.list(collectionPath(az, a.resource_group, ...LB)),
  }),
  azCommand({
    words: ['network', 'lb', 'show'],
    summary: 'Get the details of a load balancer.',
    args: [rgArg(true, 'aaz'), nameArg('Microsoft.Network/loadBalancers', 'The load balancer name.', undefined, undefined, 'aaz')],
    examples: [{ command: 'az network lb show -g MyResourceGroup -n MyLb', summary: 'Get the details of a load balancer.' }],
    shape: 'aaz',
    fetch: (a, az) => az.get(resourcePath(az, a.resource_group, ...LB, a.name)),
  }),
];

interface Child {
  group: string;
  collection: string;
  noun: string;
  listSummary: string;
  showSummary?: string;
  /** aaz reads this collection's own REST path (`…/loadBalancers/LB/backendAddressPools[/NAME]`), so a
   * missing load balancer is ARM's ParentResourceNotFound and a missing child its NotFound; the other
   * collections' list and show read the load balancer and select from it (aaz `network/lb/<sub>/_list.py`). */
  ownPath?: boolean;
}

const CHILDREN: Child[] = [
  { group: 'address-pool', collection: 'backendAddressPools', noun: 'MyAddressPool', listSummary: 'List address pools.', showSummary: 'Get the details of an address pool.', ownPath: true },
  { group: 'frontend-ip', collection: 'frontendIPConfigurations', noun: 'MyFrontendIp', listSummary: 'List frontend IP addresses.', showSummary: 'Get the details of a frontend IP address.' },
  { group: 'rule', collection: 'loadBalancingRules', noun: 'MyLbRule', listSummary: 'List load balancing rules.', showSummary: 'Get the details of a load balancing rule.' },
  { group: 'probe', collection: 'probes', noun: 'MyProbe', listSummary: 'List probes.', showSummary: 'Get the details of a probe.' },
  { group: 'outbound-rule', collection: 'outboundRules', noun: 'MyOutboundRule', listSummary: 'List outbound rules.', showSummary: 'Get the details of an outbound rule.' },
  { group: 'inbound-nat-rule', collection: 'inboundNatRules', noun: 'MyNatRule', listSummary: 'List inbound NAT rules.', showSummary: 'Get the details of an inbound NAT rule.' },
];

const lbNameArg = argDef({ options: ['--lb-name'], dest: 'lb_name', help: 'The load balancer name.', required: true, complete: { type: 'Microsoft.Network/loadBalancers' } });

/** The load balancer named, and the one in it: its dest and its group's. */
interface LbArgs {
  resource_group: string;
  lb_name: string;
}

/** The load balancer's items of a collection (a missing load balancer is ARM's ResourceNotFound for it). */
async function childrenOf(a: LbArgs, az: AzContext, collection: string) {
  return childItems(await az.get(resourcePath(az, a.resource_group, ...LB, a.lb_name)), collection);
}

for (const child of CHILDREN) {
  const collection = (a: LbArgs, az: AzContext) => childPath(az, a.resource_group, ...LB, a.lb_name, child.collection);
  lbCommands.push(azCommand({
    words: ['network', 'lb', child.group, 'list'],
    summary: child.listSummary,
    // In the order az declares them (argparse names the missing ones in it).
    args: [lbNameArg, rgArg()],
    examples: [{ command: `az network lb ${child.group} list -g MyResourceGroup --lb-name MyLb${child.group === 'rule' || child.group === 'address-pool' ? ' -o table' : ''}`, summary: child.listSummary }],
    shape: 'aaz',
    async fetch(a, az) {
      if (child.ownPath) return az.list(collection(a, az));
      return [...(await childrenOf(a, az, child.collection))];
    },
  }));
  if (child.showSummary) {
    lbCommands.push(azCommand({
      words: ['network', 'lb', child.group, 'show'],
      summary: child.showSummary,
      // address-pool show checks its id parts itself (aaz); the others are argparse's, in az's order.
      args: child.ownPath
        ? [rgArg(true, 'aaz'), { ...lbNameArg, idPart: 'aaz' }, nameArg(`Microsoft.Network/loadBalancers/${child.collection}`, `The name of the ${child.group.replace('-', ' ')}.`, 'lb_name', 'Microsoft.Network/loadBalancers', 'aaz')]
        : [lbNameArg, rgArg(), nameArg(`Microsoft.Network/loadBalancers/${child.collection}`, `The name of the ${child.group.replace('-', ' ')}.`, 'lb_name', 'Microsoft.Network/loadBalancers')],
      idCheckOrder: child.ownPath ? ['name', 'lb_name', 'resource_group'] : undefined,
      examples: [{ command: `az network lb ${child.group} show -g MyResourceGroup --lb-name MyLb -n ${child.noun}`, summary: child.showSummary }],
      shape: 'aaz',
      // az reads the load balancer and picks the child by name: a missing one is its bare ResourceNotFoundError.
      async fetch(a, az) {
        if (child.ownPath) return az.get(`${collection(a, az)}/${quote(a.name)}`);
        const found = namedChild(await childrenOf(a, az, child.collection), a.name);
        if (!found) throw new CliError('ResourceNotFoundError');
        return found;
      },
    }));
  }
}
