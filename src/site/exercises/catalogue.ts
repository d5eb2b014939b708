// The exercises in the browser: the same files the CLI reads (validated by the test suite).
import { catalogue, forLab, type CatalogueEntry, type ChapterExercises } from '../../engine/index.ts';

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

/** Where an exercise lives: a chapter's key is its file name (`05-router`), a fault scenario's is
 * `scenario-NAME` and its page is scenarios/NAME. */
export interface ExercisePage {
  /** The page's collection id and path below the site's base: `chapters/05-router`, `scenarios/router-down`. */
  id: string;
  /** How the instructor's pages name it: `Chapter 5`, `Scenario router-down`. */
  label: string;
}

export function exercisePage(chapter: string): ExercisePage {
  const scenario = /^scenario-(.+)$/.exec(chapter)?.[1];
  if (scenario) return { id: `scenarios/${scenario}`, label: `Scenario ${scenario}` };
  const number = /^(\d+)-/.exec(chapter)?.[1];
  return { id: `chapters/${chapter}`, label: number ? `Chapter ${Number(number)}` : `Chapter ${chapter}` };
}

/** Exercises in the order of their pages (`pageIds`, as the sidebar lists them); the catalogue's
 * own order (by file name) within a page and for pages not listed. */
export function inPageOrder<T extends { chapter: string }>(exercises: T[], pageIds: string[]): T[] {
  const rank = (e: T) => {
    const at = pageIds.indexOf(exercisePage(e.chapter).id);
    return at < 0 ? pageIds.length : at;
  };
  return [...exercises].sort((a, b) => rank(a) - rank(b)); // a stable sort keeps the catalogue's order within a page
}
