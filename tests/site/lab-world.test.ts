// The page's world of a lab: one per lab in effect, shared by the terminal, the exercises and the
// walks, with the reader's kept changes replayed on it and every later change kept, on the real
// engine: a route table az created on an earlier visit is there again, and a reset forgets it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Session } from '../../src/engine/session.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import type { RestWrite } from '../../src/engine/world/types.ts';
import { builtInLab, builtInLabs } from '../helpers/built-in-labs.ts';
import { fakeBrowser, type FakeBrowser } from './fake-browser.ts';

const KEY = 'aro-labs:v1:changes:aro2';
const LIST = 'az network route-table list -g $rg --query "[].name" -o tsv';

/** The writes az makes for a route table, as an earlier visit's terminal kept them. */
async function routeTableWrites(): Promise<RestWrite[]> {
  const world = createFixtureWorld(builtInLab('aro2'));
  await new Session(world).run('az network route-table create -g $rg -n rt-earlier -o none');
  return world.changes!.journal();
}

let browser: FakeBrowser;
beforeEach(() => {
  browser = fakeBrowser();
  vi.stubGlobal('__ARO_LABS__', { worlds: builtInLabs(), scenarios: [] });
  vi.stubGlobal('__ARO_LAB_NAMESPACES__', {});
  vi.stubGlobal('location', { search: '' });
  vi.resetModules();
});
afterEach(() => vi.unstubAllGlobals());

describe("the page's world of a lab", () => {
  it('replays the changes kept on an earlier visit, and keeps the next ones', async () => {
    const kept = await routeTableWrites();
    browser.storage.setItem(KEY, JSON.stringify(kept));
    const { loadLabWorld } = await import('../../src/site/labs/world.ts');
    const { world } = await loadLabWorld('aro2');
    expect(world.changes?.journal()).toEqual(kept);
    const session = new Session(world);
    expect((await session.run(LIST)).stdout).toBe('rt-earlier\n');
    await session.run('az network route-table create -g $rg -n rt-now -o none');
    expect(JSON.parse(browser.storage.getItem(KEY)!)).toHaveLength(kept.length * 2);
    await session.run('lab reset');
    expect(browser.storage.getItem(KEY)).toBeNull();
    expect((await session.run(LIST)).stdout).toBe('');
  });

  it('is one world for one lab, whoever asks (terminal, exercises, walks), and another for another lab', async () => {
    const { loadLabWorld } = await import('../../src/site/labs/world.ts');
    const [terminal, exercises] = await Promise.all([loadLabWorld('aro2'), loadLabWorld('aro2')]);
    expect(exercises.world).toBe(terminal.world);
    expect((await loadLabWorld('aro-today')).world).not.toBe(terminal.world);
    expect((await loadLabWorld('aro2')).world).toBe(terminal.world);
  });
});
