// Lab files on disk (Node only): the built-in labs in labs/<name>/world.json and any file a
// reader names with --lab-file.
import { existsSync, readdirSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseLabFile, parseLabJson, applyScenario, parseScenarioFile, type LabFile } from '../engine/index.ts';

const LABS = new URL('../../labs/', import.meta.url);
export const DEFAULT_LAB = 'aro2';

/** The built-in labs: the folders of labs/ that hold a world.json (transcripts and scenarios are
 * not labs; a scenario is a lab plus faults). */
export function builtinLabs(): string[] {
  return readdirSync(LABS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(new URL(`${entry.name}/world.json`, LABS)))
    .map((entry) => entry.name)
    .sort();
}

/** Fault scenarios: labs/scenarios/<name>.json, each a built-in lab plus changes. */
async function scenarioNames(): Promise<string[]> {
  try {
    return (await readdir(new URL('scenarios/', LABS))).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
  } catch {
    return [];
  }
}

async function loadScenario(name: string): Promise<LabFile> {
  const scenario = parseScenarioFile(JSON.parse(await readFile(new URL(`scenarios/${name}.json`, LABS), 'utf8')), `labs/scenarios/${name}.json`);
  return parseLabFile(applyScenario(await loadLab({ name: scenario.base }), scenario), `labs/scenarios/${name}.json`);
}

export interface LabSummary {
  name: string;
  title: string;
  summary: string;
}

/**
 * The built-in labs and scenarios by name, title and summary, read from their files' own fields:
 * listing them does not check and build every world (the tests load each one in full).
 */
export async function listLabs(): Promise<LabSummary[]> {
  const worlds = builtinLabs().map(async (name) => {
    const { info } = JSON.parse(await readFile(new URL(`${name}/world.json`, LABS), 'utf8')) as { info: LabSummary };
    return { name: info.name, title: info.title, summary: info.summary };
  });
  const scenarios = (await scenarioNames()).map(async (name) => {
    const scenario = parseScenarioFile(JSON.parse(await readFile(new URL(`scenarios/${name}.json`, LABS), 'utf8')), `labs/scenarios/${name}.json`);
    return { name: scenario.name, title: scenario.title, summary: scenario.summary };
  });
  return Promise.all([...worlds, ...scenarios]);
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
  const names = builtinLabs();
  const scenarios = await scenarioNames();
  if (scenarios.includes(name)) return loadScenario(name);
  if (!names.includes(name)) throw new Error(`unknown lab "${name}" (labs: ${[...names, ...scenarios].join(', ')})`);
  const file = fileURLToPath(new URL(`${name}/world.json`, LABS));
  return parseLabJson(await readFile(file, 'utf8'), `labs/${name}/world.json`);
}
