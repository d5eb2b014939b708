// The exercises in the browser: the same files the CLI reads (validated by the test suite).
import { catalogue, forLab, type CatalogueEntry } from '../../engine/exercises/catalogue.ts';
import type { ChapterExercises } from '../../engine/exercises/types.ts';

const files = Object.values(import.meta.glob<ChapterExercises>('../../../labs/exercises/*.json', { eager: true, import: 'default' }));
const all = catalogue(files);

/** The exercises a lab offers; `*` for every exercise of every lab. */
export function exercisesFor(lab: string): CatalogueEntry[] {
  return lab === '*' ? all : forLab(all, lab);
}

/** A chapter's exercise file (the build renders each chapter's cards from it). */
export function chapterExercises(chapter: string | undefined): ChapterExercises | undefined {
  return files.find((f) => f.chapter === chapter);
}

export function findExercise(id: string): CatalogueEntry | undefined {
  return all.find((e) => e.id === id);
}
