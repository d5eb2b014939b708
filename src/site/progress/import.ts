// Importing progress from a code or a progress file. What comes in is checked against the site's
// catalogue of exercises: unknown ids and entries of the wrong shape are left out and counted,
// merging keeps everything already saved (solved stays solved, counts take the larger), and the
// report says what storage really holds afterwards, since a browser may refuse to save.
import { CODE_PREFIX, decodeCode, MAX_NAME, UnreadableProgress } from './code.ts';
import { copyEntry, emptyProgress, exerciseProgress, isExerciseProgress, isProgressHeader, loadProgress, saveProgress, type Progress } from './store.ts';

/** The whole catalogue with every answer at its longest and JSON-escaped is about 1 MB; a text
 * or file longer than twice that is not a progress file, and is refused before it is parsed. */
export const MAX_IMPORT_CHARS = 2 * 1024 * 1024;

export interface Incoming {
  /** Only exercises of the catalogue, with entries of the right shape. */
  progress: Progress;
  /** Ids that are not exercises of this site. */
  unknown: number;
  /** Entries of a known exercise whose value is not progress. */
  malformed: number;
}

const kilobytes = (size: number) => `${Math.ceil(size / 1024)} KB`;

/** Refuses text (or a file, by its size in bytes) too large to be progress, before reading it. */
export function checkImportSize(size: number, what: 'text' | 'file'): void {
  if (size > MAX_IMPORT_CHARS) throw new UnreadableProgress(`the ${what} is ${kilobytes(size)} long; a progress file or code is at most ${kilobytes(MAX_IMPORT_CHARS)}`);
}

/** Reads a code or a progress file's text, keeping what the catalogue knows. Throws an
 * UnreadableProgress when the text as a whole is neither. */
export function readImport(text: string, catalogue: ReadonlySet<string>, now = new Date()): Incoming {
  const trimmed = text.trim();
  const progress = emptyProgress();
  let unknown = 0;
  let malformed = 0;
  if (trimmed.startsWith(CODE_PREFIX)) {
    const shared = decodeCode(trimmed);
    // Solved no later than the code was made (and not in the future, whatever the code says).
    const solved = new Date(Math.min((shared.time ?? now).getTime(), now.getTime())).toISOString();
    for (const id of shared.solved) {
      if (catalogue.has(id)) progress.exercises.set(id, { attempts: 0, hints: 0, solved });
      else unknown++;
    }
    if (shared.name) progress.name = shared.name;
    progress.attendee = shared.attendee;
    return { progress, unknown, malformed };
  }
  checkImportSize(trimmed.length, 'text');
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    throw new UnreadableProgress(`this is neither a progress file (JSON) nor a code starting with ${CODE_PREFIX}`);
  }
  if (!isProgressHeader(value)) throw new UnreadableProgress('this JSON is not a progress file of this site (schema aro-labs/progress, version 1)');
  for (const [id, entry] of Object.entries(value.exercises)) {
    if (!catalogue.has(id)) unknown++;
    else if (!isExerciseProgress(entry)) malformed++;
    else progress.exercises.set(id, copyEntry(entry));
  }
  if (value.name) progress.name = value.name.slice(0, MAX_NAME);
  progress.attendee = value.attendee;
  return { progress, unknown, malformed };
}

/** Adds `theirs` to `mine`: solved stays solved (the earlier time wins), counts take the larger,
 * an answer or name already saved is kept. */
export function mergeProgress(mine: Progress, theirs: Progress): void {
  mine.name ??= theirs.name;
  // Moving to another browser: it adopts the attendee id, so the room view still counts one person.
  mine.attendee ??= theirs.attendee;
  for (const [id, entry] of theirs.exercises) {
    const saved = exerciseProgress(mine, id);
    saved.attempts = Math.max(saved.attempts, entry.attempts);
    saved.hints = Math.max(saved.hints, entry.hints);
    saved.answer ??= entry.answer;
    if (entry.solutionShown) saved.solutionShown = true;
    if (entry.solved && (!saved.solved || Date.parse(entry.solved) < Date.parse(saved.solved))) saved.solved = entry.solved;
  }
}

export interface ImportReport {
  /** Exercises of the import that storage now holds. */
  imported: number;
  /** Of those, the ones solved (by the import or before it). */
  solved: number;
  unknown: number;
  malformed: number;
}

/** Merges a code or a progress file into the saved progress and reports what was saved.
 * Throws an UnreadableProgress when nothing could be imported, saying why. */
export function importProgress(text: string, catalogue: ReadonlySet<string>): ImportReport {
  const incoming = readImport(text, catalogue);
  const progress = loadProgress();
  mergeProgress(progress, incoming.progress);
  if (!saveProgress(progress)) throw new UnreadableProgress('this browser refused to save it (its storage is full or disabled); your saved progress is unchanged');
  const saved = loadProgress().exercises;
  const ids = [...incoming.progress.exercises.keys()].filter((id) => saved.has(id));
  return { imported: ids.length, solved: ids.filter((id) => saved.get(id)?.solved).length, unknown: incoming.unknown, malformed: incoming.malformed };
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "Imported 12 exercises, 10 solved; ignored 3 unknown exercise ids. Your other progress is kept." */
export function describeImport(report: ImportReport): string {
  const ignored = [
    report.unknown && count(report.unknown, 'unknown exercise id'),
    report.malformed && `${count(report.malformed, 'entry', 'entries')} that ${report.malformed === 1 ? 'is' : 'are'} not progress`,
  ].filter(Boolean);
  const what = `Imported ${count(report.imported, 'exercise')}, ${report.solved} solved${ignored.length ? `; ignored ${ignored.join(' and ')}` : ''}`;
  return `${what}. Your other progress is kept.`;
}
