// az's commands for a private cluster and egress lockdown, read from whatever the lab holds:
// private endpoints, private DNS zones, VNet peerings and routes, with the fields aaz drops gone,
// and az's own answer for `az network firewall`, a command of an extension a fresh az lacks.
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import type { ArmResource, LabFile } from '../../src/engine/world/types.ts';
import { builtInLab, builtInLabs } from '../helpers/built-in-labs.ts';

const run = async (lab: LabFile, line: string) => {
  const { status, stdout, stderr } = await new Session(createFixtureWorld(lab)).run(line);
  return { status, stdout, stderr };
};
const ofType = (lab: LabFile, type: string): ArmResource[] => lab.arm.filter((r) => r.type.toLowerCase() === type.toLowerCase());
const groupOf = (r: ArmResource) => r.id.split('/')[4];

describe.each(builtInLabs())('on %s', (name) => {
  const lab = builtInLab(name);

  it('lists the private endpoints of the subscription and of each group, without the resourceGuid aaz does not know', async () => {
    const endpoints = ofType(lab, 'Microsoft.Network/privateEndpoints');
    const all = await run(lab, 'az network private-endpoint list');
    expect(all.status).toBe(0);
    const listed = JSON.parse(all.stdout) as Array<Record<string, unknown>>;
    expect(listed.map((e) => e.name)).toEqual(endpoints.map((e) => e.name));
    for (const e of listed) expect(e).not.toHaveProperty('resourceGuid');
    for (const e of endpoints) {
      const shown = await run(lab, `az network private-endpoint show -g ${groupOf(e)} -n ${e.name} --query id -o tsv`);
      expect(shown).toEqual({ status: 0, stdout: `${e.id}\n`, stderr: '' });
    }
  });

  it('lists the peerings of every VNet and the routes of every route table', async () => {
    for (const vnet of ofType(lab, 'Microsoft.Network/virtualNetworks')) {
      const peerings = ((vnet.properties?.virtualNetworkPeerings ?? []) as Array<{ name: string }>).map((p) => p.name);
      const r = await run(lab, `az network vnet peering list -g ${groupOf(vnet)} --vnet-name ${vnet.name} --query '[].name' -o tsv`);
      expect(r).toEqual({ status: 0, stdout: peerings.map((p) => `${p}\n`).join(''), stderr: '' });
    }
    for (const table of ofType(lab, 'Microsoft.Network/routeTables')) {
      const routes = (table.properties?.routes ?? []) as Array<{ name: string; properties: { nextHopIpAddress?: string } }>;
      const r = await run(lab, `az network route-table route list -g ${groupOf(table)} --route-table-name ${table.name} --query '[].[name,nextHopIpAddress]' -o tsv`);
      expect(r.stdout).toBe(routes.map((x) => `${x.name}\t${x.properties.nextHopIpAddress ?? ''}\n`).join(''));
    }
  });

  it('lists private DNS zones with the privatedns table transformer', async () => {
    const zones = ofType(lab, 'Microsoft.Network/privateDnsZones');
    const r = await run(lab, 'az network private-dns zone list -o table');
    expect(r.status).toBe(0);
    // az prints an empty line for an empty table (checked with azure-cli 2.74).
    if (zones.length === 0) expect(r.stdout).toBe('\n');
    else {
      expect(r.stdout.split('\n')[0]).toMatch(/^ZoneName +ResourceGroup +RecordSets +MaxRecordSets +VirtualNetworkLinks /);
      for (const z of zones) expect(r.stdout).toContain(z.name);
    }
  });
});

describe.each(builtInLabs())('private DNS record sets on %s', (name) => {
  const lab = builtInLab(name);

  it("lists a zone's A record sets, read from the lab, and says the table is unavailable as az does when they carry no metadata", async () => {
    for (const zone of ofType(lab, 'Microsoft.Network/privateDnsZones')) {
      const records = lab.arm.filter((r) => r.type === 'Microsoft.Network/privateDnsZones/A' && r.id.toLowerCase().startsWith(`${zone.id.toLowerCase()}/a/`));
      const r = await run(lab, `az network private-dns record-set a list -g ${groupOf(zone)} -z ${zone.name} --query '[].[name, aRecords[0].ipv4Address]' -o tsv`);
      expect(r).toEqual({
        status: 0,
        stdout: records.map((x) => `${x.name}\t${(x.properties as { aRecords: Array<{ ipv4Address: string }> }).aRecords[0].ipv4Address}\n`).join(''),
        stderr: '',
      });
      if (records.every((x) => (x.properties as Record<string, unknown>).metadata === undefined)) {
        expect(await run(lab, `az network private-dns record-set a list -g ${groupOf(zone)} -z ${zone.name} -o table`)).toEqual({
          status: 1,
          stdout: '',
          stderr: 'ERROR: Table output unavailable. Use the --query option to specify an appropriate query. Use --debug for more info.\n',
        });
      }
    }
  });
});

describe('az network firewall', () => {
  const lab = builtInLab(builtInLabs()[0]);
  const NEEDS = "ERROR: The command requires the extension azure-firewall. Unable to prompt for extension install confirmation as no tty available. Run 'az config set extension.use_dynamic_install=yes_without_prompt' to allow installing extensions without prompt.\n";

  it("answers a command of the azure-firewall extension as az does when the extension is not installed and it cannot ask", async () => {
    expect(await run(lab, 'az network firewall list -g hub-rg')).toEqual({ status: 2, stdout: '', stderr: NEEDS });
    expect(await run(lab, 'az network firewall ip-config list -g hub-rg -f hub-fw')).toEqual({ status: 2, stdout: '', stderr: NEEDS });
    expect((await run(lab, 'az network firewall -h')).stderr).toBe(NEEDS);
  });

  it('keeps the misspelling error for a bare group, which is no complete extension command', async () => {
    expect((await run(lab, 'az network firewall')).stderr).toMatch(/^ERROR: 'firewall' is misspelled or not recognized by the system\.\n/);
  });
});
