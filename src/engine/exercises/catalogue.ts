// The exercises of every chapter as one list, in chapter order, and the ones a lab offers.
import type { ChapterExercises, Exercise, ExerciseSummary } from './types.ts';

export interface CatalogueEntry extends Exercise {
  chapter: string;
}

export function catalogue(files: ChapterExercises[]): CatalogueEntry[] {
  return [...files]
    .sort((a, b) => a.chapter.localeCompare(b.chapter))
    .flatMap((file) => file.exercises.map((exercise) => ({ ...exercise, chapter: file.chapter })));
}

/** The exercises a lab offers: a fault scenario offers its own diagnosis exercises; any other lab
 * the chapters' exercises (those written for no lab in particular), but for those only some other
 * labs can do. */
export function forLab(entries: CatalogueEntry[], lab: string): CatalogueEntry[] {
  const own = entries.filter((e) => e.labs?.includes(lab));
  return own.length ? own : entries.filter((e) => !e.labs && (!e.onlyOn || e.onlyOn.includes(lab)));
}

export const summary = (e: CatalogueEntry): ExerciseSummary => ({ id: e.id, chapter: e.chapter, title: e.title });
