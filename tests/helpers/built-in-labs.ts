// The built-in labs (labs/<name>/world.json), found on disk, so that tests which loop over them
// take in a new lab without being edited. Synchronous: describe() blocks need the names at once.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { parseLabJson } from '../../src/engine/world/fixture/schema.ts';
import type { LabFile } from '../../src/engine/world/types.ts';

const LABS = new URL('../../labs/', import.meta.url);

/** The names of the built-in labs, sorted. */
export function builtInLabs(): string[] {
  return readdirSync(LABS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(new URL(`${entry.name}/world.json`, LABS)))
    .map((entry) => entry.name)
    .sort();
}

/** A built-in lab's file, validated as the terminal loads it. */
export function builtInLab(name: string): LabFile {
  return parseLabJson(readFileSync(new URL(`${name}/world.json`, LABS), 'utf8'), `labs/${name}/world.json`);
}
