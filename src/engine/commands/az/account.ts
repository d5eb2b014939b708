// az account show, list and set: the login profile's one subscription, the lab's account
// (azure-cli's Profile reads azureProfile.json; nothing goes to ARM).
import type { ArgDef, AzCommandDef, AzContext } from './types.ts';
import { CliError } from './types.ts';

type Account = Record<string, unknown>;

/** The profile's subscription named by id or name, as Profile matches them (case aside). */
function find(az: AzContext, typed: string): Account | undefined {
  const account = az.world.info.account as Account;
  return [account.id, account.name].some((known) => String(known ?? '').toLowerCase() === typed.toLowerCase()) ? account : undefined;
}

/** account show's and set's own --subscription (az names it --subscription/-s/--name/-n). */
const subscriptionArg = (required: boolean): ArgDef => ({ options: ['--subscription', '-s', '--name', '-n'], dest: 'subscription', help: 'Name or ID of subscription.', required });

/** `az account list`: each subscription with environmentName renamed cloudName. */
function listed(account: Account): Account {
  const { environmentName, ...rest } = account;
  return { cloudName: environmentName, ...rest };
}

export const accountCommands: AzCommandDef[] = [
  {
    words: ['account', 'show'],
    summary: 'Get the details of a subscription.',
    args: [subscriptionArg(false)],
    examples: [],
    shape: 'plain',
    ownSubscription: true,
    fetch: async (a, az) => {
      if (a.subscription === undefined) return az.world.info.account;
      const account = find(az, String(a.subscription));
      if (!account) throw new CliError(`Subscription '${a.subscription}' not found. Check the spelling and casing and try again.`);
      return account;
    },
  },
  {
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
    table: (rs: Account[]) => rs.map((r) => ({ Name: r.name, CloudName: r.cloudName, SubscriptionId: r.id, TenantId: r.tenantId, State: r.state, IsDefault: r.isDefault })),
    fetch: async (_a, az) => [listed(az.world.info.account as Account)],
  },
  {
    words: ['account', 'set'],
    summary: 'Set a subscription to be the current active subscription.',
    args: [subscriptionArg(true)],
    examples: [],
    shape: 'plain',
    ownSubscription: true,
    // The lab has one subscription: setting it changes nothing, and az prints nothing.
    fetch: async (a, az) => {
      if (!find(az, String(a.subscription))) throw new CliError(`The subscription of '${a.subscription}' doesn't exist in cloud '${az.world.info.account.environmentName ?? 'AzureCloud'}'.`);
      return null;
    },
  },
];
