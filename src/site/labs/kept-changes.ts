// The reader's changes to a lab, kept in this browser until they reset it: the world's journal of
// writes, stored per lab (the key of the lab in effect: a built-in lab, a scenario or a loaded file)
// after every change, and replayed on the lab when a page opens it again. The engine's writes are
// deterministic (the lab's clock, its own ids), so the replayed world is the one the reader left.
import type { World } from '../../engine/index.ts';
import { notify, readJson, remove, writeJson } from '../storage.ts';
import { changesKey } from './choice.ts';

type RestWrite = Parameters<NonNullable<World['armWrite']>>[0];

const METHODS: ReadonlySet<unknown> = new Set(['PUT', 'PATCH', 'POST', 'DELETE']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A write as the journal holds it: a method, a path, and optionally a body and its content type. */
function isWrite(v: unknown): v is RestWrite {
  return isObject(v) && METHODS.has(v.method) && typeof v.path === 'string' && (v.contentType === undefined || typeof v.contentType === 'string');
}

export const isJournal = (v: unknown): v is RestWrite[] => Array.isArray(v) && v.every(isWrite);

/** The writes kept for a lab, oldest first (none when nothing is kept or storage is off). */
export function keptChanges(lab: string): RestWrite[] {
  return readJson(changesKey(lab), isJournal, 'changes to the lab') ?? [];
}

/** Forgets the changes kept for a lab: a lab file loaded anew starts as the file says. */
export function forgetChanges(lab: string): void {
  remove(changesKey(lab));
}

/** Keeps a journal, or forgets it once the lab is back as loaded; false when the browser refuses. */
function keep(lab: string, journal: readonly RestWrite[]): boolean {
  if (journal.length === 0) {
    remove(changesKey(lab));
    return true;
  }
  return writeJson(changesKey(lab), journal);
}

/**
 * Replays the changes kept for `lab` on its world, then keeps every later change (and forgets them
 * on reset). A kept write the lab no longer accepts is dropped, and the reader is told.
 */
export async function keepChanges(world: World, lab: string): Promise<void> {
  const changes = world.changes;
  if (!changes) return;
  const kept = keptChanges(lab);
  if (kept.length > 0) {
    let applied: number;
    try {
      applied = await changes.replay(kept);
    } catch (error) {
      // A kept write this version of the engine cannot take at all: the lab starts as loaded.
      changes.reset();
      applied = 0;
      console.error('replaying the kept changes failed', error);
    }
    if (applied < kept.length) {
      keep(lab, changes.journal());
      const lost = kept.length - applied;
      notify(`${lost} of your ${kept.length} changes to lab ${lab} could not be made again on this version of the lab and ${lost === 1 ? 'was' : 'were'} dropped.`);
    }
  }
  let warned = false;
  changes.subscribe(() => {
    if (keep(lab, changes.journal()) || warned) return;
    warned = true;
    notify(`This browser did not keep your changes to lab ${lab} (its storage is full or off): they last until the page is closed.`);
  });
}
