// A real az command the lab does not simulate is not called a typo; real typos keep az's own error.
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { loadLab } from '../../src/node/labs.ts';
import { REAL_AZ_COMMANDS } from '../../src/engine/commands/az/real-commands.ts';

async function run(line: string) {
  return new Session(createFixtureWorld(await loadLab({ name: 'aro2' })), { tty: false }).run(line);
}

describe('az commands the lab does not simulate', () => {
  it('says plainly that a real subcommand is not in the lab, and lists what the group has', async () => {
    const result = await run('az network vnet subnet list-available-ips -g aro2 --vnet-name v -n s');
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("ERROR: 'az network vnet subnet list-available-ips' is not available in this lab terminal.\nThe lab has these under 'az network vnet subnet': list, show, update\n");
    expect(result.stderr).not.toContain('misspelled');
  });

  it('does the same for a real top-level group, listing the groups the lab has', async () => {
    const result = await run('az aks list');
    expect(result.stderr).toMatch(/^ERROR: 'az aks' is not available in this lab terminal\.\nThe lab has these under 'az': account, aro, group, /);
  });

  it('keeps az\'s misspelling error, suggestion and examples for a real typo', async () => {
    const result = await run('az network lb lsit');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^ERROR: 'lsit' is misspelled or not recognized by the system\.\nDid you mean 'list' \?\n/);
  });

  it('records where the list of real commands comes from, and it holds every group the lab simulates', () => {
    expect(REAL_AZ_COMMANDS.source).toMatch(/^azure-cli 2\.45\.0/);
    for (const command of ['network route-table route list', 'network lb list', 'monitor metrics list', 'aro show']) expect(REAL_AZ_COMMANDS.commands).toContain(command);
  });
});
