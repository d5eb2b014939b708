// The built-in labs (labs/<name>/world.json), found on disk, so that tests which loop over them
// take in a new lab without being edited. Synchronous: describe() blocks need the names at once.
import { readFileSync } from 'node:fs';
import { parseLabJson } from '../../src/engine/world/schema/lab-file.ts';
import type { LabFile } from '../../src/engine/world/types.ts';
import { builtinLabs } from '../../src/node/labs.ts';

const LABS = new URL('../../labs/', import.meta.url);

/** The names of the built-in labs, sorted: the folders of labs/ that hold a world.json. */
export const builtInLabs = builtinLabs;

/** A built-in lab's file, validated as the terminal loads it. */
export function builtInLab(name: string): LabFile {
  return parseLabJson(readFileSync(new URL(`${name}/world.json`, LABS), 'utf8'), `labs/${name}/world.json`);
}
