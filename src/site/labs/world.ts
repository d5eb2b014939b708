// Loads the world of the lab in effect (see choice.ts), once per page and lab: the terminal, the
// exercises and the packet walks share it, so they always agree, and the reader's changes kept for
// that lab (kept-changes.ts) are replayed on it first. Loaded lazily, with the engine.
import type { LabFile, World, ScenarioFile } from '../../engine/index.ts';
import { chooseLab, FILE_KEY, labChoice, labInEffect, scenarioNames } from './choice.ts';
import { readText, setAside } from '../storage.ts';

export interface LoadedLab {
  lab: LabFile;
  world: World;
}

/** By the key of the lab in effect, which names the lab the page loads (labInEffect). */
const labFiles = new Map<string, Promise<LabFile>>();
const loaded = new Map<string, Promise<LoadedLab>>();
let live: World | undefined;

/** While the terminal is connected to the reader's cluster, the page's exercises check there too. */
export function useLiveWorld(world: World | undefined): void {
  live = world;
}

export function liveWorld(): World | undefined {
  return live;
}

const byName = (glob: Record<string, () => Promise<unknown>>) => Object.entries(glob).map(([path, load]) => [path.replace(/\/world\.json$|\.json$/, '').split('/').at(-1)!, load] as const);

/** The built-in labs (world files) and fault scenarios (changes to a lab), by name: lazy loaders.
 * A Map: a name a reader typed (`constructor`) finds nothing rather than something inherited. */
const builtinWorlds = new Map<string, () => Promise<unknown>>([
  ...byName(import.meta.glob('../../../labs/*/world.json', { import: 'default' })),
  ...byName(import.meta.glob('../../../labs/scenarios/*.json', { import: 'default' })),
]);

async function builtin(name: string): Promise<LabFile> {
  const load = builtinWorlds.get(name);
  if (!load) throw new Error(`unknown lab ${name}`);
  // The built-in labs and scenarios are validated by the test suite.
  const data = (await load()) as LabFile | ScenarioFile;
  if (!('changes' in data)) return data;
  const { applyScenario } = await import('../engine/scenario.ts');
  return applyScenario(await builtin(data.base), data);
}

async function fromStorage(): Promise<LabFile | undefined> {
  const text = readText(FILE_KEY);
  if (text === undefined) return undefined;
  const { parseLabJson } = await import('../engine/lab-file.ts');
  try {
    return parseLabJson(text, 'the loaded lab file');
  } catch (error) {
    setAside(FILE_KEY, text, `the loaded lab file could not be used (${(error as Error).message})`);
    return undefined;
  }
}

async function load(pageLab: string): Promise<LabFile> {
  const choice = scenarioNames.has(pageLab) ? undefined : labChoice();
  let lab: LabFile | undefined;
  if (choice?.kind === 'builtin') lab = await builtin(choice.name);
  else if (choice?.kind === 'file') {
    lab = await fromStorage();
    if (!lab) chooseLab(undefined); // the file is gone or broken: back to the page's lab
  }
  return lab ?? builtin(pageLab);
}

/** The namespace of the lab in effect, which the terminal's prompt shows before the engine has
 * arrived: a built-in lab's is known to the page, so only a reader's own lab file is read for it. */
export async function labNamespace(pageLab: string): Promise<string> {
  const choice = scenarioNames.has(pageLab) ? undefined : labChoice();
  const name = choice?.kind === 'file' ? undefined : (choice?.name ?? pageLab);
  const known = name !== undefined && Object.hasOwn(__ARO_LAB_NAMESPACES__, name) ? __ARO_LAB_NAMESPACES__[name] : undefined;
  return known ?? (await loadLabFile(pageLab)).info.session.namespace;
}

/** The lab in effect as its file, as loaded (without the reader's changes). */
export function loadLabFile(pageLab: string): Promise<LabFile> {
  const key = labInEffect(pageLab).key;
  let file = labFiles.get(key);
  if (!file) labFiles.set(key, (file = load(pageLab)));
  return file;
}

/** The world of the lab in effect, with the changes the reader kept for it. */
export function loadLabWorld(pageLab: string): Promise<LoadedLab> {
  const key = labInEffect(pageLab).key;
  let world = loaded.get(key);
  // The fixture's code comes with the world, not with the lab's data.
  if (!world)
    loaded.set(
      key,
      (world = Promise.all([loadLabFile(pageLab), import('../engine/fixture.ts'), import('./kept-changes.ts')]).then(async ([lab, { createFixtureWorld }, { keepChanges }]) => {
        const fixture = createFixtureWorld(lab);
        await keepChanges(fixture, key);
        return { lab, world: fixture };
      })),
    );
  // A chunk the network lost: the next call tries again.
  world.catch(() => loaded.delete(key));
  return world;
}

/** Validates a file a reader picked or dropped; throws with the file name, the place and the reason. */
export async function readLabFile(file: File): Promise<{ lab: LabFile; text: string }> {
  const MAX_BYTES = 4 * 1024 * 1024;
  if (file.size > MAX_BYTES) throw new Error(`${file.name}: the file is ${(file.size / 1024 / 1024).toFixed(1)} MB; a lab file may have at most 4 MB`);
  const text = await file.text();
  const { parseLabJson } = await import('../engine/lab-file.ts');
  return { lab: parseLabJson(text, file.name), text };
}
