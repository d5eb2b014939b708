// az account show, list and set: the login profile's one subscription, the lab's account
// (azure-cli's Profile reads azureProfile.json; nothing goes to ARM).
import type { AzCommandDef, AzContext } from './types.ts';
import { azCommand, CliError } from './types.ts';
import { arr, field, type Json, type JsonObject } from '../../world/json.ts';

/** The profile's subscription named by id or name, as Profile matches them (case aside). */
function find(az: AzContext, typed: string): JsonObject | undefined {
  const account = az.world.info.account;
  return [account.id, account.name].some((known) => String(known ?? '').toLowerCase() === typed.toLowerCase()) ? account : undefined;
}

/** account show's and set's own --subscription (az names it --subscription/-s/--name/-n). */
const subscriptionArg = <R extends boolean>(required: R) => ({ options: ['--subscription', '-s', '--name', '-n'], dest: 'subscription' as const, help: 'Name or ID of subscription.', required });

/** `az account list`: each subscription with environmentName renamed cloudName. */
function listed(account: JsonObject): Record<string, Json | undefined> {
  const { environmentName, ...rest } = account;
  return { cloudName: environmentName, ...rest };
}

export const accountCommands: AzCommandDef[] = [
  azCommand({
    words: ['account', 'show'],
    summary: 'Get the details of a subscription.',
    args: [subscriptionArg(false)],
    examples: [],
    shape: 'plain',
    ownSubscription: true,
    fetch: async (a, az) => {
      if (a.subscription === undefined) return az.world.info.account;
      const account = find(az, a.subscription);
      if (!account) throw new CliError(`Subscription '${a.subscription}' not found. Check the spelling and casing and try again.`);
      return account;
    },
  }),
  azCommand({
    words: ['account', 'list'],
    summary: 'Get a list of subscriptions for the logged in account. By default, only \'Enabled\' subscriptions from the current cloud is shown.',
    args: [
      { options: ['--all'], dest: 'all', help: 'List all subscriptions from all clouds, rather than just \'Enabled\' ones.', flag: true },
      { options: ['--refresh'], dest: 'refresh', help: 'Retrieve up-to-date subscriptions from server.', flag: true },
    ],
    examples: [],
    shape: 'plain',
    ownSubscription: true,
    // azure-cli's transform_account_list.
    table: (rs) => arr(rs).map((r) => ({ Name: field(r, 'name'), CloudName: field(r, 'cloudName'), SubscriptionId: field(r, 'id'), TenantId: field(r, 'tenantId'), State: field(r, 'state'), IsDefault: field(r, 'isDefault') })),
    fetch: async (_a, az) => [listed(az.world.info.account)],
  }),
  azCommand({
    words: ['account', 'set'],
    summary: 'Set a subscription to be the current active subscription.',
    args: [subscriptionArg(true)],
    examples: [],
    shape: 'plain',
    ownSubscription: true,
    // The lab has one subscription: setting it changes nothing, and az prints nothing.
    fetch: async (a, az) => {
      if (!find(az, a.subscription)) throw new CliError(`The subscription of '${a.subscription}' doesn't exist in cloud '${az.world.info.account.environmentName ?? 'AzureCloud'}'.`);
      return null;
    },
  }),
];
