// The reader's progress, saved in this browser only: per exercise whether it is solved, the last
// answer given (never erased by showing the solution), attempts and hints seen. A versioned
// schema; unreadable data is set aside (see ../storage.ts). Export as a file or a short code,
// import merges, so nothing already saved is lost.
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

export interface Progress {
  schema: 'aro-labs/progress';
  version: 1;
  /** The display name an attendee chooses for the workshop's room view; optional. */
  name?: string;
  exercises: Record<string, ExerciseProgress>;
}

const KEY = 'progress';
const EVENT = 'aro-labs:progress';
const ID = /^[a-z0-9][a-z0-9-]*$/;
const MAX_TEXT = 4000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
const optional = (v: unknown, test: (x: unknown) => boolean) => v === undefined || test(v);
const isText = (v: unknown) => typeof v === 'string' && v.length <= MAX_TEXT;

function isExerciseProgress(v: unknown): v is ExerciseProgress {
  return (
    isObject(v) &&
    isCount(v.attempts) &&
    isCount(v.hints) &&
    optional(v.solved, (x) => typeof x === 'string' && !Number.isNaN(Date.parse(x))) &&
    optional(v.answer, isText) &&
    optional(v.solutionShown, (x) => typeof x === 'boolean')
  );
}

export function isProgress(v: unknown): v is Progress {
  return (
    isObject(v) &&
    v.schema === 'aro-labs/progress' &&
    v.version === 1 &&
    optional(v.name, isText) &&
    isObject(v.exercises) &&
    Object.entries(v.exercises).every(([id, e]) => ID.test(id) && isExerciseProgress(e))
  );
}

const empty = (): Progress => ({ schema: 'aro-labs/progress', version: 1, exercises: {} });

export function loadProgress(): Progress {
  return readJson(KEY, isProgress, 'progress') ?? empty();
}

function save(progress: Progress): void {
  writeJson(KEY, progress);
  document.dispatchEvent(new CustomEvent(EVENT));
}

/** Runs `fn` on the current progress and saves it; other parts of the page hear about it. */
export function updateProgress(fn: (progress: Progress) => void): Progress {
  const progress = loadProgress();
  fn(progress);
  save(progress);
  return progress;
}

export function exerciseProgress(progress: Progress, id: string): ExerciseProgress {
  return (progress.exercises[id] ??= { attempts: 0, hints: 0 });
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
    if (ids === 'all') p.exercises = {};
    else for (const id of ids) delete p.exercises[id];
  });
}

/** Calls `listener` when progress changes here or in another tab. */
export function onProgressChange(listener: () => void): void {
  document.addEventListener(EVENT, listener);
  window.addEventListener('storage', (e) => e.key?.endsWith(KEY) && listener());
}

// ---- export and import ----

const CODE_PREFIX = 'ARO1-';

/** The progress file: the whole record, pretty enough to read. */
export function exportFile(progress = loadProgress()): string {
  return `${JSON.stringify(progress, null, 2)}\n`;
}

/** A short code: display name and solved exercises only, safe to paste into a chat. */
export function exportCode(progress = loadProgress()): string {
  const solved = Object.entries(progress.exercises).filter(([, e]) => e.solved).map(([id]) => id).sort();
  const json = JSON.stringify({ n: progress.name ?? '', s: solved });
  const bytes = new TextEncoder().encode(json);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return CODE_PREFIX + btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export interface SharedProgress {
  name: string;
  solved: string[];
}

/** Reads a progress code; throws an Error saying what is wrong with it. */
export function decodeCode(code: string): SharedProgress {
  const text = code.trim();
  if (!text.startsWith(CODE_PREFIX)) throw new Error(`a progress code starts with ${CODE_PREFIX}`);
  let value: unknown;
  try {
    const binary = atob(text.slice(CODE_PREFIX.length).replace(/-/g, '+').replace(/_/g, '/'));
    value = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
  } catch {
    throw new Error('the code is damaged (was it copied whole?)');
  }
  if (!isObject(value) || typeof value.n !== 'string' || !Array.isArray(value.s) || !value.s.every((id) => typeof id === 'string' && ID.test(id))) {
    throw new Error('the code does not hold progress from this site');
  }
  return { name: value.n.slice(0, 80), solved: value.s as string[] };
}

/** Merges an exported file or a code into the saved progress: solved stays solved, counts add up to the larger. */
export function importProgress(text: string): { solved: number; exercises: number } {
  let incoming: Progress;
  const trimmed = text.trim();
  if (trimmed.startsWith(CODE_PREFIX)) {
    const shared = decodeCode(trimmed);
    const now = new Date().toISOString();
    incoming = { ...empty(), name: shared.name || undefined, exercises: Object.fromEntries(shared.solved.map((id) => [id, { attempts: 0, hints: 0, solved: now }])) };
  } else {
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      throw new Error(`this is neither a progress file (JSON) nor a code starting with ${CODE_PREFIX}`);
    }
    if (!isProgress(value)) throw new Error('this JSON is not a progress file of this site (schema aro-labs/progress, version 1)');
    incoming = value;
  }
  const merged = updateProgress((p) => {
    p.name ??= incoming.name;
    for (const [id, theirs] of Object.entries(incoming.exercises)) {
      const mine = exerciseProgress(p, id);
      mine.attempts = Math.max(mine.attempts, theirs.attempts);
      mine.hints = Math.max(mine.hints, theirs.hints);
      mine.answer ??= theirs.answer;
      mine.solutionShown ||= theirs.solutionShown;
      if (theirs.solved && (!mine.solved || theirs.solved < mine.solved)) mine.solved = theirs.solved;
    }
  });
  const entries = Object.keys(incoming.exercises);
  return { exercises: entries.length, solved: entries.filter((id) => merged.exercises[id]?.solved).length };
}
