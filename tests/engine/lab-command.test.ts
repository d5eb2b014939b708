// The session's `lab` command: whether the world is the lab as loaded, which writes changed it,
// and the way back; in live mode there is nothing to reset.
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import type { LabChanges, RestWrite, World } from '../../src/engine/world/types.ts';
import { builtInLab } from '../helpers/built-in-labs.ts';
import { emptyWorld } from '../shell/fake-world.ts';

const aro2 = builtInLab('aro2');

/** A world whose changes are the given writes, kept as the fixture keeps them (a journal, a reset). */
function changedWorld(writes: RestWrite[]): World & { changes: LabChanges } {
  const fixture = createFixtureWorld(aro2);
  let journal = [...writes];
  const changes: LabChanges = {
    get count() {
      return journal.length;
    },
    journal: () => [...journal],
    current: () => aro2,
    reset: () => void (journal = []),
    replay: async (kept) => (journal = [...kept]).length,
    subscribe: () => () => undefined,
  };
  return { ...fixture, changes };
}

const deletePod: RestWrite = { method: 'DELETE', path: '/api/v1/namespaces/project1/pods/sqlapi-1-abcde' };
const putRouteTable: RestWrite = { method: 'PUT', path: '/subscriptions/s/resourceGroups/aro2/providers/Microsoft.Network/routeTables/rt', body: { location: 'northeurope' } };

async function run(world: World, ...lines: string[]) {
  const session = new Session(world);
  let last;
  for (const line of lines) last = await session.run(line);
  return last!;
}

describe('lab status', () => {
  it('says a lab just loaded is unchanged, with or without the word status', async () => {
    const world = createFixtureWorld(aro2);
    expect(await run(world, 'lab status')).toMatchObject({ status: 0, stdout: 'The lab aro2 is unchanged.\n', stderr: '' });
    expect((await run(world, 'lab')).stdout).toBe('The lab aro2 is unchanged.\n');
  });

  it('counts the changes and lists each write, oldest first', async () => {
    const one = await run(changedWorld([deletePod]), 'lab status');
    expect(one.stdout).toBe(`The lab aro2 has 1 change since it was loaded (lab reset undoes it):\n    1  DELETE ${deletePod.path}\n`);
    const two = await run(changedWorld([deletePod, putRouteTable]), 'lab status');
    expect(two.stdout.split('\n')[0]).toBe('The lab aro2 has 2 changes since it was loaded (lab reset undoes them):');
    expect(two.stdout.split('\n').slice(1, 3)).toEqual([`    1  DELETE ${deletePod.path}`, `    2  PUT    ${putRouteTable.path}`]);
  });
});

describe('lab reset', () => {
  it('undoes every change, says how many, and leaves the lab unchanged', async () => {
    const world = changedWorld([deletePod, putRouteTable]);
    const session = new Session(world);
    expect((await session.run('lab reset')).stdout).toBe('The lab aro2 is back as it was loaded: 2 changes undone.\n');
    expect(world.changes.count).toBe(0);
    expect((await session.run('lab status')).stdout).toBe('The lab aro2 is unchanged.\n');
    expect((await session.run('lab reset')).stdout).toBe('The lab aro2 is unchanged: there is nothing to reset.\n');
  });

  it('undoes a write az made: the route table it created is gone, and the world is the lab again', async () => {
    const world = createFixtureWorld(aro2);
    const session = new Session(world);
    expect(await session.run('az network route-table create -g $rg -n rt-reset -o none')).toMatchObject({ status: 0, stderr: '' });
    const list = 'az network route-table list -g $rg --query "[].name" -o tsv';
    expect((await session.run(list)).stdout).toBe('rt-reset\n');
    const [write] = world.changes!.journal();
    expect((await session.run('lab status')).stdout).toBe(`The lab aro2 has 1 change since it was loaded (lab reset undoes it):\n    1  ${write.method.padEnd(6)} ${write.path}\n`);
    expect(write.path).toMatch(/\/resourceGroups\/aro2\/providers\/Microsoft\.Network\/routeTables\/rt-reset$/);
    expect((await session.run('lab reset')).stdout).toBe('The lab aro2 is back as it was loaded: 1 change undone.\n');
    expect(world.changes!.current()).toEqual(aro2);
    expect((await session.run(list)).stdout).toBe('');
  });

  it('puts the fixture world back to the lab as loaded', async () => {
    const world = createFixtureWorld(aro2);
    expect(await run(world, 'lab reset')).toMatchObject({ status: 0, stdout: 'The lab aro2 is unchanged: there is nothing to reset.\n' });
    expect(world.changes?.current()).toBe(aro2);
  });
});

describe('lab in live mode and its usage', () => {
  it('says a live cluster is only read, so there is nothing to reset', async () => {
    const live: World = { ...emptyWorld(), source: 'live' };
    expect(await run(live, 'lab reset')).toMatchObject({ status: 0, stdout: 'Live mode: this terminal only reads your cluster, so it changed nothing and there is nothing to reset.\n' });
    expect((await run(live, 'lab status')).stdout).toBe('Live mode: this terminal only reads your cluster, so it changed nothing and there is nothing to report.\n');
  });

  it('-h prints its usage and commands; an unknown command or extra word is a usage error', async () => {
    const help = await run(createFixtureWorld(aro2), 'lab -h');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: lab status \| lab reset\n/);
    expect(help.stdout).toContain('  reset     Put the lab back as it was loaded');
    expect(await run(createFixtureWorld(aro2), 'lab undo')).toMatchObject({ status: 2, stdout: '', stderr: 'lab: unknown command "undo"\nUsage: lab status | lab reset\n' });
    expect(await run(createFixtureWorld(aro2), 'lab reset now')).toMatchObject({ status: 2, stderr: 'lab reset: unexpected argument "now"\nUsage: lab status | lab reset\n' });
  });

  it('completes its commands', async () => {
    const session = new Session(createFixtureWorld(aro2));
    expect((await session.complete('lab r', 5)).candidates).toEqual(['reset']);
    expect((await session.complete('lab ', 4)).candidates).toEqual(['reset', 'status']);
  });
});
