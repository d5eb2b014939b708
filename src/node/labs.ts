// Lab files on disk (Node only): the built-in labs in labs/<name>/world.json and any file a
// reader names with --lab-file.
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseLabJson } from '../engine/world/fixture/schema.ts';
import type { LabFile } from '../engine/world/types.ts';

const LABS = new URL('../../labs/', import.meta.url);
export const DEFAULT_LAB = 'aro2';

async function labNames(): Promise<string[]> {
  const entries = await readdir(LABS, { withFileTypes: true });
  const names: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    try {
      await readFile(new URL(`${entry.name}/world.json`, LABS));
      names.push(entry.name);
    } catch {
      // a folder without a world (transcripts, scenarios) is not a lab
    }
  }
  return names.sort();
}

export async function listLabs(): Promise<Array<{ name: string; title: string; summary: string }>> {
  const labs = await Promise.all((await labNames()).map((name) => loadLab({ name })));
  return labs.map((lab) => ({ name: lab.info.name, title: lab.info.title, summary: lab.info.summary }));
}

export async function loadLab(choice: { name?: string; file?: string }): Promise<LabFile> {
  if (choice.file) {
    let text: string;
    try {
      text = await readFile(choice.file, 'utf8');
    } catch (error) {
      throw new Error(`${choice.file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
    }
    return parseLabJson(text, choice.file);
  }
  const name = choice.name ?? DEFAULT_LAB;
  const names = await labNames();
  if (!names.includes(name)) throw new Error(`unknown lab "${name}" (labs: ${names.join(', ')})`);
  const file = fileURLToPath(new URL(`${name}/world.json`, LABS));
  return parseLabJson(await readFile(file, 'utf8'), `labs/${name}/world.json`);
}
