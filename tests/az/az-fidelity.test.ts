// What az prints for lines a reader types beyond the post's: SDK-shaped VMs, tsv key order, --ids,
// --subscription and the options az lists that the lab does not take.
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { loadLab } from '../../src/node/labs.ts';
import { COMPUTE_2024_11_01 } from '../../src/engine/commands/az/sdk-models.ts';
import { AZ_HELP } from '../../src/engine/commands/az/help-data.ts';
import { azCommandDefs } from '../../src/engine/commands/az/index.ts';
import { optionsNotInLab } from '../../src/engine/commands/az/help.ts';

async function lab(name = 'aro2') {
  const world = createFixtureWorld(await loadLab({ name }));
  return { world, run: (line: string) => new Session(world, { tty: false }).run(line) };
}

const camel = (attr: string) => attr.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

describe('az vm through the compute SDK model', () => {
  it('prints every attribute of the VirtualMachine model, in camelCase, null where ARM left it out', async () => {
    const { run } = await lab();
    const names = JSON.parse((await run('az vm list --query "[].[resourceGroup,name]"')).stdout) as string[][];
    const shown = JSON.parse((await run(`az vm show -g ${names[0][0]} -n ${names[0][1]}`)).stdout);
    const expected = [...COMPUTE_2024_11_01.VirtualMachine.map(([attr]) => camel(attr)), 'resourceGroup'].sort();
    expect(Object.keys(shown).sort()).toEqual(expected);
    // ARM's `diskSizeGB` is the model's disk_size_gb, printed diskSizeGb.
    expect(shown.storageProfile.osDisk).toHaveProperty('diskSizeGb');
    expect(shown.storageProfile.osDisk).not.toHaveProperty('diskSizeGB');
  });
});

describe('az -o tsv key order', () => {
  it('sorts the keys of a dict a path selects, and keeps the order of a multi-select hash', async () => {
    const { run } = await lab();
    const pool = JSON.parse((await run('az network lb list --query "[0].frontendIPConfigurations[0]"')).stdout) as Record<string, unknown>;
    const scalars = (keys: string[]) => keys.map((k) => (Array.isArray(pool[k]) ? String((pool[k] as unknown[]).length) : pool[k] !== null && typeof pool[k] === 'object' ? '' : String(pool[k]))).join('\t');
    expect((await run('az network lb list --query "[0].frontendIPConfigurations[0]" -o tsv')).stdout).toBe(`${scalars(Object.keys(pool).sort())}\n`);
    expect((await run('az network lb list --query "[0].frontendIPConfigurations[0].{z: name, a: id}" -o tsv')).stdout).toBe(`${pool.name}\t${pool.id}\n`);
  });
});

describe('az --ids and --subscription', () => {
  it('reads each id in its own subscription: an id of another subscription is ARM\'s SubscriptionNotFound', async () => {
    const { world, run } = await lab();
    const id = JSON.parse((await run('az network lb list --query "[0].id"')).stdout) as string;
    expect((await run(`az network lb show --ids ${id} --query id -o tsv`)).stdout).toBe(`${id}\n`);
    const other = id.replace(String(world.info.account.id), '00000000-0000-0000-0000-000000000000');
    const r = await run(`az network lb show --ids ${other}`);
    expect(r.stderr).toMatch(/^ERROR: \(SubscriptionNotFound\) The subscription '00000000-0000-0000-0000-000000000000' could not be found\./);
    expect(r.status).toBe(3);
  });

  it('takes the lab\'s subscription by name in any case, and warns about any other before ARM refuses it', async () => {
    const { world, run } = await lab();
    const name = String(world.info.account.name);
    const known = await run(`az network lb list --subscription "${name.toUpperCase()}" --query "length(@)"`);
    expect(known.stderr).toBe('');
    expect(known.status).toBe(0);
    const unknown = await run('az network lb list --subscription nope');
    expect(unknown.stderr).toMatch(/^WARNING: Subscription 'nope' not recognized\.\nERROR: \(SubscriptionNotFound\)/);
  });
});

describe('options az lists that the lab does not take', () => {
  it('are named as not available in this lab, never as unrecognized arguments', async () => {
    const { run } = await lab();
    const lacking = azCommandDefs.flatMap((def) => optionsNotInLab(def).filter((o) => o.startsWith('--')).map((o) => [def.words.join(' '), o] as const));
    expect(lacking.length).toBeGreaterThan(0);
    for (const [command, option] of lacking) {
      const r = await run(`az ${command} ${option} x`);
      expect(r.stderr, `${command} ${option}`).toMatch(new RegExp(`^ERROR: argument ${option}: not available in this lab\\n`));
      expect(r.status).toBe(2);
    }
  });

  it('every command of the help data is one the lab has', () => {
    const lab = new Set(azCommandDefs.map((d) => d.words.join(' ')));
    for (const command of Object.keys(AZ_HELP)) expect(lab.has(command), command).toBe(true);
  });
});
