// The built-in labs (labs/<name>/world.json), found on disk, so that tests which loop over them
// take in a new lab without being edited. Synchronous: describe() blocks need the names at once.
import { readFileSync } from 'node:fs';
import { parseLabJson } from '../../src/engine/world/schema/lab-file.ts';
import type { LabFile } from '../../src/engine/world/types.ts';
import { builtinLabs } from '../../src/node/labs.ts';

const LABS = new URL('../../labs/', import.meta.url);

/** The labs every test that loops over the built-in labs must at least see: a loop over a list
 * that lost them (a moved folder, a renamed file) would run nothing and pass. */
const EXPECTED = ['aro-private', 'aro-today', 'aro2'];

/** The names of the built-in labs, sorted: the folders of labs/ that hold a world.json; never fewer
 * than the expected ones. */
export function builtInLabs(): string[] {
  const names = builtinLabs();
  const missing = EXPECTED.filter((name) => !names.includes(name));
  if (missing.length > 0) throw new Error(`the built-in labs lack ${missing.join(', ')}: labs/<name>/world.json not found`);
  return names;
}

/** A built-in lab's file, validated as the terminal loads it. */
export function builtInLab(name: string): LabFile {
  return parseLabJson(readFileSync(new URL(`${name}/world.json`, LABS), 'utf8'), `labs/${name}/world.json`);
}
