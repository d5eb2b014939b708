// The exercise files on disk (labs/exercises/<chapter>.json), validated, as one catalogue.
import { readdir, readFile } from 'node:fs/promises';
import { assertUniqueIds, ExerciseFileError, parseExerciseFile, catalogue, type CatalogueEntry, type ChapterExercises } from '../engine/index.ts';

const FOLDER = new URL('../../labs/exercises/', import.meta.url);

export async function loadExerciseFiles(): Promise<ChapterExercises[]> {
  const names = (await readdir(FOLDER)).filter((n) => n.endsWith('.json')).sort();
  const files = await Promise.all(
    names.map(async (name) => {
      const where = `labs/exercises/${name}`;
      let value: unknown;
      try {
        value = JSON.parse(await readFile(new URL(name, FOLDER), 'utf8'));
      } catch (error) {
        throw new ExerciseFileError(`${where}: ${(error as Error).message}`);
      }
      const file = parseExerciseFile(value, where);
      if (`${file.chapter}.json` !== name) throw new ExerciseFileError(`${where}: chapter: "${file.chapter}" does not match the file name`);
      return file;
    }),
  );
  assertUniqueIds(files);
  return files;
}

export async function loadCatalogue(): Promise<CatalogueEntry[]> {
  return catalogue(await loadExerciseFiles());
}
