// az network public-ip create|delete:
//   create   azure-cli's custom `create_public_ip` (validator process_public_ip_create_namespace:
//            the group's location by default, and a warning of the coming zone default for a
//            Standard address without --zone), then aaz's PublicIPCreate (API 2022-11-01): PUT of
//            the address, Standard and static by default; prints {"publicIp": address}
//            (transform_public_ip_create_output)
//   delete   aaz, DELETE of the address; prints nothing
import type { AzCommandDef } from './types.ts';
import { argDef, nameArg, rgArg } from './types.ts';
import { resourcePath } from './paths.ts';
import { armWrite, azWriteCommand, groupLocation, locationArg, noWaitArg, tagsArg, tagsValue } from './writes.ts';
import type { JsonObject } from '../../world/json.ts';

const N = 'Microsoft.Network';
const PIP = `${N}/publicIPAddresses`;

// azure-cli network/custom.py remove_basic_option_msg, with "--sku standard".
const BASIC_WARNING = "It's recommended to create with `--sku standard`. Please be aware that Basic option will be removed in the future.";
// network/_validators.py _inform_coming_breaking_change_for_public_ip.
const ZONE_WARNING =
  '[Coming breaking change] In the coming release, the default behavior will be changed as follows when sku is Standard and zone is not provided: For zonal regions, you will get a zone-redundant IP indicated by zones:["1","2","3"]; For non-zonal regions, you will get a non zone-redundant IP indicated by zones:null.';

const idleTimeoutArg = argDef({
  options: ['--idle-timeout'],
  dest: 'idle_timeout',
  help: 'Idle timeout in minutes.',
  type: {
    name: 'int',
    convert(value: string): string {
      if (!/^\s*[-+]?\d+\s*$/.test(value)) throw new Error(value);
      return String(Number(value));
    },
  },
});

export const publicIpWriteCommands: AzCommandDef[] = [
  azWriteCommand({
    words: ['network', 'public-ip', 'create'],
    summary: 'Create a public IP address.',
    args: [
      rgArg(),
      { options: ['--name', '-n'], dest: 'name', help: 'The name of the public IP address.', required: true },
      { options: ['--allocation-method'], dest: 'allocation_method', help: 'IP address allocation method.', choices: ['Dynamic', 'Static'] },
      { options: ['--dns-name'], dest: 'dns_name', help: 'Globally unique DNS entry.' },
      idleTimeoutArg,
      locationArg,
      { options: ['--sku'], dest: 'sku', help: 'Name of a public IP address SKU.', choices: ['Basic', 'Standard'] },
      tagsArg,
      { options: ['--tier'], dest: 'tier', help: 'Tier of a public IP address SKU and Global tier is only supported for standard SKU public IP addresses.', choices: ['Global', 'Regional'] },
      { options: ['--version'], dest: 'version', help: 'IP address type.', choices: ['IPv4', 'IPv6'] },
      { options: ['--zone', '-z'], dest: 'zone', help: 'Space-separated list of availability zones into which to provision the resource.', nargs: '+' },
    ],
    examples: [
      { command: 'az network public-ip create -g MyResourceGroup -n MyIp', summary: 'Create a basic public IP resource.' },
      { command: 'az network public-ip create -g MyResourceGroup -n MyIp --zone 2', summary: 'Create a public IP resource in an availability zone in the current resource group region.' },
    ],
    shape: 'sdk',
    async fetch(a, az) {
      const location = a.location ?? (await groupLocation(az, a.resource_group));
      const sku = a.sku ?? 'Standard';
      if (sku === 'Standard' && !a.zone) az.warn(ZONE_WARNING);
      if (sku === 'Basic') az.warn(BASIC_WARNING);
      const properties: JsonObject = { idleTimeoutInMinutes: Number(a.idle_timeout ?? '4'), publicIPAllocationMethod: a.allocation_method ?? (sku === 'Standard' ? 'Static' : 'Dynamic') };
      if (a.version !== undefined) properties.publicIPAddressVersion = a.version;
      if (a.dns_name !== undefined) properties.dnsSettings = { domainNameLabel: a.dns_name };
      const body: JsonObject = {};
      if (location !== undefined) body.location = location;
      body.properties = properties;
      body.sku = a.tier === undefined ? { name: sku } : { name: sku, tier: a.tier };
      const tags = tagsValue(a.tags);
      if (tags) body.tags = tags;
      if (a.zone) body.zones = a.zone;
      return { publicIp: await armWrite(az, 'PUT', resourcePath(az, a.resource_group, N, 'publicIPAddresses', a.name), body) };
    },
  }),
  azWriteCommand({
    words: ['network', 'public-ip', 'delete'],
    summary: 'Delete a public IP address.',
    args: [nameArg(PIP, 'The name of the public IP address.', undefined, undefined, 'aaz'), rgArg(true, 'aaz'), noWaitArg],
    examples: [{ command: 'az network public-ip delete -g MyResourceGroup -n MyIp', summary: 'Delete a public IP address.' }],
    shape: 'aaz',
    async fetch(a, az) {
      await armWrite(az, 'DELETE', resourcePath(az, a.resource_group, N, 'publicIPAddresses', a.name));
      return null;
    },
  }),
];
