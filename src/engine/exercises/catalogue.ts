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

/** The exercises a lab offers: all but those written for other labs (scenarios). */
export function forLab(entries: CatalogueEntry[], lab: string): CatalogueEntry[] {
  return entries.filter((e) => !e.labs || e.labs.includes(lab));
}

export const summary = (e: CatalogueEntry): ExerciseSummary => ({ id: e.id, chapter: e.chapter, title: e.title });
