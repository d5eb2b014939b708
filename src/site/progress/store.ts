// The reader's progress, saved in this browser only: per exercise whether it is solved, the last
// answer given (never erased by showing the solution), attempts and hints seen. A versioned
// schema; unreadable data is set aside (see ../storage.ts). Export as a file or a short code
// (./code.ts); import (./import.ts) merges, so nothing already saved is lost.
//
// In memory the exercises are a Map: ids come from files and codes readers paste, and an id such
// as `constructor` or `__proto__` must never reach an object's prototype.
import { readJson, writeJson } from '../storage.ts';

export interface ExerciseProgress {
  /** When it was first solved (ISO time). */
  solved?: string;
  attempts: number;
  /** The reader's last answer, kept so a reload or the solution never erases it. */
  answer?: string;
  hints: number;
  solutionShown?: boolean;
}

/** The saved form, in localStorage and in progress files: JSON, so exercises are keyed by id. */
export interface ProgressFile {
  schema: 'aro-labs/progress';
  version: 1;
  /** The display name an attendee chooses for the workshop's room view; optional. */
  name?: string;
  /** A random id made once per browser, carried in codes so the room view counts an attendee once. */
  attendee?: string;
  exercises: Record<string, ExerciseProgress>;
}

export interface Progress {
  name?: string;
  attendee?: string;
  exercises: Map<string, ExerciseProgress>;
}

const KEY = 'progress';
const EVENT = 'aro-labs:progress';
const EXERCISE_ID = /^[a-z0-9][a-z0-9-]*$/;
const MAX_TEXT = 4000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
const optional = (v: unknown, test: (x: unknown) => boolean) => v === undefined || test(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT;
/** A browser's attendee id, as codes carry it. */
export const ATTENDEE_ID = /^[A-Za-z0-9_-]{8,40}$/;

const isAttendee = (v: unknown) => typeof v === 'string' && ATTENDEE_ID.test(v);

export function isExerciseProgress(v: unknown): v is ExerciseProgress {
  return (
    isObject(v) &&
    isCount(v.attempts) &&
    isCount(v.hints) &&
    optional(v.solved, (x) => typeof x === 'string' && !Number.isNaN(Date.parse(x))) &&
    optional(v.answer, isText) &&
    optional(v.solutionShown, (x) => typeof x === 'boolean')
  );
}

/** A progress file whose own fields are right; its entries may still be anything (./import.ts sorts them). */
export function isProgressHeader(v: unknown): v is Omit<ProgressFile, 'exercises'> & { exercises: Record<string, unknown> } {
  return isObject(v) && v.schema === 'aro-labs/progress' && v.version === 1 && optional(v.name, isText) && optional(v.attendee, isAttendee) && isObject(v.exercises);
}

/** What this site saves: a wrong entry makes the whole record unreadable (it is then set aside). */
function isProgressFile(v: unknown): v is ProgressFile {
  return isProgressHeader(v) && Object.entries(v.exercises).every(([id, e]) => EXERCISE_ID.test(id) && isExerciseProgress(e));
}

/** A fresh copy holding the known fields only. */
export function copyEntry(e: ExerciseProgress): ExerciseProgress {
  const copy: ExerciseProgress = { attempts: e.attempts, hints: e.hints };
  if (e.solved !== undefined) copy.solved = e.solved;
  if (e.answer !== undefined) copy.answer = e.answer;
  if (e.solutionShown !== undefined) copy.solutionShown = e.solutionShown;
  return copy;
}

function fromFile(file: ProgressFile): Progress {
  return {
    name: file.name,
    attendee: file.attendee,
    exercises: new Map(Object.entries(file.exercises).map(([id, e]) => [id, copyEntry(e)])),
  };
}

function toFile(progress: Progress): ProgressFile {
  return {
    schema: 'aro-labs/progress',
    version: 1,
    ...(progress.name !== undefined && { name: progress.name }),
    ...(progress.attendee !== undefined && { attendee: progress.attendee }),
    // fromEntries defines own properties: whatever the id, no prototype changes.
    exercises: Object.fromEntries([...progress.exercises].map(([id, e]) => [id, copyEntry(e)])),
  };
}

export const emptyProgress = (): Progress => ({ exercises: new Map() });

export function loadProgress(): Progress {
  const saved = readJson(KEY, isProgressFile, 'progress');
  return saved ? fromFile(saved) : emptyProgress();
}

/** Saves; false when the browser refused (storage full or disabled), and then nothing changed. */
export function saveProgress(progress: Progress): boolean {
  const saved = writeJson(KEY, toFile(progress));
  if (saved) document.dispatchEvent(new CustomEvent(EVENT));
  return saved;
}

/** Runs `fn` on the current progress and saves it; other parts of the page hear about it.
 * False when the browser refused to save. */
export function updateProgress(fn: (progress: Progress) => void): boolean {
  const progress = loadProgress();
  fn(progress);
  return saveProgress(progress);
}

/** The entry of an exercise, made when there is none. */
export function exerciseProgress(progress: Progress, id: string): ExerciseProgress {
  let entry = progress.exercises.get(id);
  if (!entry) progress.exercises.set(id, (entry = { attempts: 0, hints: 0 }));
  return entry;
}

export function recordAttempt(id: string, answer: string, correct: boolean): void {
  updateProgress((p) => {
    const e = exerciseProgress(p, id);
    e.attempts += 1;
    e.answer = answer.slice(0, MAX_TEXT);
    if (correct) e.solved ??= new Date().toISOString();
  });
}

export function resetExercises(ids: string[] | 'all'): void {
  updateProgress((p) => {
    if (ids === 'all') p.exercises.clear();
    else for (const id of ids) p.exercises.delete(id);
  });
}

/** Calls `listener` when progress changes here or in another tab. */
export function onProgressChange(listener: () => void): void {
  document.addEventListener(EVENT, listener);
  window.addEventListener('storage', (e) => e.key?.endsWith(KEY) && listener());
}

// ---- export ----

/** The progress file: the whole record, pretty enough to read. */
export function exportFile(progress = loadProgress()): string {
  return `${JSON.stringify(toFile(progress), null, 2)}\n`;
}
