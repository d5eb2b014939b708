// The reader's changes to a lab kept in the browser: the world's journal stored per lab after each
// change and forgotten on reset, replayed when a page opens the same lab again; a kept write the
// lab no longer accepts is dropped with a word to the reader, and a full storage is said once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LabChanges, RestWrite, World } from '../../src/engine/world/types.ts';
import { emptyWorld } from '../shell/fake-world.ts';
import { fakeBrowser, type FakeBrowser } from './fake-browser.ts';

const notices: string[] = [];
vi.mock('../../src/site/storage.ts', async (importOriginal: () => Promise<typeof import('../../src/site/storage.ts')>) => ({
  ...(await importOriginal()),
  notify: (message: string) => void notices.push(message),
}));
// The lab names the build defines (choice.ts reads them at load).
vi.stubGlobal('__ARO_LABS__', { worlds: ['aro2'], scenarios: [] });
const { forgetChanges, isJournal, keepChanges, keptChanges } = await import('../../src/site/labs/kept-changes.ts');
const { changesKey } = await import('../../src/site/labs/choice.ts');

const KEY = (lab: string) => `aro-labs:v1:${changesKey(lab)}`;

/** A world whose changes follow the LabChanges contract: a write is kept when the lab accepts it
 * (here: any path but one under /refused/), a reset empties the journal, listeners hear both. */
function changeableWorld(): World & { changes: LabChanges; write(w: RestWrite): void } {
  let journal: RestWrite[] = [];
  const listeners = new Set<() => void>();
  const accepts = (w: RestWrite) => !w.path.includes('/refused/');
  const tell = () => listeners.forEach((l) => l());
  const changes: LabChanges = {
    get count() {
      return journal.length;
    },
    journal: () => structuredClone(journal),
    current: () => {
      throw new Error('not needed here');
    },
    reset: () => {
      journal = [];
      tell();
    },
    replay: async (kept) => {
      journal = kept.filter(accepts);
      tell();
      return journal.length;
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    ...emptyWorld(),
    changes,
    write(w) {
      if (!accepts(w)) return;
      journal.push(w);
      tell();
    },
  };
}

const deletePod: RestWrite = { method: 'DELETE', path: '/api/v1/namespaces/project1/pods/sqlapi-1-x' };
const putRoute: RestWrite = { method: 'PUT', path: '/subscriptions/s/resourceGroups/aro2/providers/Microsoft.Network/routeTables/rt', body: { location: 'northeurope' }, contentType: 'application/json' };

let browser: FakeBrowser;
beforeEach(() => {
  browser = fakeBrowser();
  notices.length = 0;
});
afterEach(() => vi.unstubAllGlobals());

describe('kept changes', () => {
  it('keep the journal of a lab after each change, and forget it when the lab is reset', async () => {
    const world = changeableWorld();
    await keepChanges(world, 'aro2');
    world.write(deletePod);
    expect(JSON.parse(browser.storage.getItem(KEY('aro2'))!)).toEqual([deletePod]);
    world.write(putRoute);
    expect(keptChanges('aro2')).toEqual([deletePod, putRoute]);
    world.changes.reset();
    expect(browser.storage.getItem(KEY('aro2'))).toBeNull();
    expect(keptChanges('aro2')).toEqual([]);
  });

  it('are replayed when the same lab is opened again, and only on that lab', async () => {
    const first = changeableWorld();
    await keepChanges(first, 'aro-today');
    first.write(putRoute);
    const again = changeableWorld();
    await keepChanges(again, 'aro-today');
    expect(again.changes.journal()).toEqual([putRoute]);
    const other = changeableWorld();
    await keepChanges(other, 'aro2');
    expect(other.changes.count).toBe(0);
    expect(notices).toEqual([]);
  });

  it('drop a kept write the lab no longer accepts, keep the others, and say so', async () => {
    browser.storage.setItem(KEY('aro2'), JSON.stringify([deletePod, { method: 'DELETE', path: '/refused/x' }]));
    const world = changeableWorld();
    await keepChanges(world, 'aro2');
    expect(world.changes.journal()).toEqual([deletePod]);
    expect(keptChanges('aro2')).toEqual([deletePod]);
    expect(notices).toEqual(['1 of your 2 changes to lab aro2 could not be made again on this version of the lab and was dropped.']);
  });

  it('start from the lab as loaded when replaying them fails, and say so', async () => {
    browser.storage.setItem(KEY('aro2'), JSON.stringify([deletePod, putRoute]));
    const world = changeableWorld();
    world.changes.replay = async () => {
      throw new TypeError('a write the engine cannot take');
    };
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await keepChanges(world, 'aro2');
    expect(world.changes.count).toBe(0);
    expect(keptChanges('aro2')).toEqual([]);
    expect(notices).toEqual(['2 of your 2 changes to lab aro2 could not be made again on this version of the lab and were dropped.']);
    expect(logged).toHaveBeenCalledTimes(1);
    logged.mockRestore();
  });

  it('set aside what is not a journal instead of replaying it', async () => {
    // The storage module tells of what it set aside on the page itself: a notice box that records it.
    const shown: string[] = [];
    const element = () => ({ dataset: {}, textContent: '', append() {}, addEventListener() {} });
    const box = { querySelectorAll: () => [], append: (notice: { textContent: string }) => void shown.push(notice.textContent) };
    vi.stubGlobal('document', { readyState: 'complete', querySelector: () => box, createElement: element });
    browser.storage.setItem(KEY('aro2'), JSON.stringify([{ method: 'GET', path: '/x' }]));
    const world = changeableWorld();
    await keepChanges(world, 'aro2');
    expect(world.changes.count).toBe(0);
    expect(browser.storage.getItem(KEY('aro2'))).toBeNull();
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatch(/^The saved changes to the lab could not be read; it was set aside as aro-labs:v1:set-aside:changes:aro2:/);
  });

  it('say once when the browser cannot keep them', async () => {
    browser.storage.quota = 10;
    const world = changeableWorld();
    await keepChanges(world, 'aro2');
    world.write(deletePod);
    world.write(putRoute);
    expect(notices).toEqual(['This browser did not keep your changes to lab aro2 (its storage is full or off): they last until the page is closed.']);
  });

  it('are forgotten for one lab when a lab file of that name is loaded anew, and kept for the others', async () => {
    browser.storage.setItem(KEY('file:mine'), JSON.stringify([deletePod]));
    browser.storage.setItem(KEY('aro2'), JSON.stringify([putRoute]));
    forgetChanges('file:mine');
    expect(keptChanges('file:mine')).toEqual([]);
    expect(keptChanges('aro2')).toEqual([putRoute]);
  });

  it('do nothing for a world that cannot be changed (live mode)', async () => {
    browser.storage.setItem(KEY('live'), JSON.stringify([deletePod]));
    await keepChanges({ ...emptyWorld(), source: 'live' }, 'live');
    expect(notices).toEqual([]);
  });
});

describe('a journal as stored', () => {
  it('is a list of writes with a method ARM or the API server takes and a path', () => {
    expect(isJournal([deletePod, putRoute])).toBe(true);
    expect(isJournal([])).toBe(true);
    expect(isJournal([{ method: 'GET', path: '/x' }])).toBe(false);
    expect(isJournal([{ method: 'PUT' }])).toBe(false);
    expect(isJournal({ 0: deletePod })).toBe(false);
    expect(isJournal([{ ...putRoute, contentType: 7 }])).toBe(false);
  });
});
