// Which lab the page's terminal and exercises use. By default the page's own lab; a deep link
// (`?lab=aro-today`) or the labs page can choose a built-in lab, and the labs page can load a
// world file. The choice is remembered in this browser, so an instructor hands out one URL and
// every chapter then runs on that lab.
import { notify, readJson, remove, writeJson } from '../storage.ts';

export type LabChoice = { kind: 'builtin'; name: string } | { kind: 'file'; name: string; title: string };

/** The built-in labs, by name (lazy loaders; nothing is fetched here). */
export const builtinWorlds: Record<string, () => Promise<unknown>> = Object.fromEntries(
  Object.entries(import.meta.glob('../../../labs/*/world.json', { import: 'default' })).map(([path, load]) => [path.split('/').at(-2)!, load]),
);

const KEY = 'lab';
export const FILE_KEY = 'lab-file';

function isChoice(v: unknown): v is LabChoice {
  const c = v as Partial<LabChoice> | null;
  return (
    typeof c === 'object' && c !== null && typeof c.name === 'string' &&
    ((c.kind === 'builtin' && c.name in builtinWorlds) || (c.kind === 'file' && typeof (c as { title?: unknown }).title === 'string'))
  );
}

/** Applies `?lab=NAME` once per page load. */
function applyDeepLink(): void {
  const wanted = new URLSearchParams(location.search).get('lab');
  if (wanted === null) return;
  if (wanted in builtinWorlds) writeJson(KEY, { kind: 'builtin', name: wanted } satisfies LabChoice);
  else notify(`There is no built-in lab called "${wanted}" (labs: ${Object.keys(builtinWorlds).join(', ')}); this page keeps its own lab.`);
}

let deepLinkApplied = false;

/** The reader's choice, or undefined when the page's own lab applies. */
export function labChoice(): LabChoice | undefined {
  if (!deepLinkApplied) {
    deepLinkApplied = true;
    applyDeepLink();
  }
  return readJson(KEY, isChoice, 'lab choice');
}

export function chooseLab(choice: LabChoice | undefined): void {
  if (choice) writeJson(KEY, choice);
  else remove(KEY);
}

/** The name the terminal's prompt, history and badge use for the lab in effect. */
export function labInEffect(pageLab: string): { name: string; key: string; label: string; chosen: boolean } {
  const choice = labChoice();
  if (!choice) return { name: pageLab, key: pageLab, label: `Simulated lab ${pageLab}`, chosen: false };
  if (choice.kind === 'builtin') return { name: choice.name, key: choice.name, label: `Simulated lab ${choice.name} (your choice)`, chosen: choice.name !== pageLab };
  return { name: choice.name, key: `file:${choice.name}`, label: `Lab ${choice.name} loaded from a file`, chosen: true };
}
