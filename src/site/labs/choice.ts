// Which lab the page's terminal and exercises use. By default the page's own lab; a deep link
// (`?lab=aro-today`) or the labs page can choose a built-in lab, and the labs page can load a
// world file. The choice is remembered in this browser, so an instructor hands out one URL and
// every chapter then runs on that lab.
import { notify, readJson, remove, writeJson } from '../storage.ts';

export type LabChoice = { kind: 'builtin'; name: string } | { kind: 'file'; name: string; title: string };

/** Fault scenarios: a page written for one always runs on it, whatever lab the reader chose. */
export const scenarioNames: ReadonlySet<string> = new Set(__ARO_LABS__.scenarios);

/** The built-in labs and fault scenarios, by name; labs/world.ts loads them. */
export const builtinNames: ReadonlySet<string> = new Set([...__ARO_LABS__.worlds, ...__ARO_LABS__.scenarios]);

const KEY = 'lab';
export const FILE_KEY = 'lab-file';

function isChoice(v: unknown): v is LabChoice {
  const c = v as Partial<LabChoice> | null;
  return (
    typeof c === 'object' && c !== null && typeof c.name === 'string' &&
    ((c.kind === 'builtin' && builtinNames.has(c.name)) || (c.kind === 'file' && typeof (c as { title?: unknown }).title === 'string'))
  );
}

/** A name from the address, short enough for a notice whatever was put there. */
const shorten = (name: string) => (name.length > 60 ? `${name.slice(0, 60)}…` : name);

/** The notice for a `?lab=` that names no built-in lab. The address then changes nothing, so the
 * notice says what stays in effect, as the terminal's badge shows it: a scenario page's scenario,
 * else the lab chosen earlier in this browser, else the page's own lab. */
export function unknownLabNotice(wanted: string, kept: LabChoice | undefined, pageLab: string | undefined): string {
  const stays =
    pageLab && scenarioNames.has(pageLab) ? `this page keeps its scenario, ${pageLab}`
    : kept?.kind === 'builtin' ? `pages keep the lab you chose earlier, ${kept.name}`
    : kept?.kind === 'file' ? `pages keep the lab file you loaded earlier, ${kept.name}`
    : pageLab ? `this page keeps its own lab, ${pageLab}`
    : 'every page keeps its own lab';
  return `There is no built-in lab called "${shorten(wanted)}" (labs: ${[...builtinNames].join(', ')}); ${stays}.`;
}

/** The lab the page was written for, from its terminal or exercises (none on pages without them). */
const pageLabInDocument = () => document.querySelector<HTMLElement>('lab-terminal[data-lab], [data-exercises][data-lab]')?.dataset.lab;

/** Applies `?lab=NAME` once per page load. */
function applyDeepLink(): void {
  const wanted = new URLSearchParams(location.search).get('lab');
  if (wanted === null) return;
  if (builtinNames.has(wanted)) writeJson(KEY, { kind: 'builtin', name: wanted } satisfies LabChoice);
  else notify(unknownLabNotice(wanted, readJson(KEY, isChoice, 'lab choice'), pageLabInDocument()));
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
  const choice = scenarioNames.has(pageLab) ? undefined : labChoice();
  if (!choice) return { name: pageLab, key: pageLab, label: scenarioNames.has(pageLab) ? `Scenario ${pageLab}` : `Simulated lab ${pageLab}`, chosen: false };
  if (choice.kind === 'builtin') return { name: choice.name, key: choice.name, label: `Simulated lab ${choice.name} (your choice)`, chosen: choice.name !== pageLab };
  return { name: choice.name, key: `file:${choice.name}`, label: `Lab ${choice.name} loaded from a file`, chosen: true };
}

/** A link to this page on another lab, and the lab's name. */
export interface LabLink {
  lab: string;
  href: string;
}

/** The notice for a page whose terminal runs a built-in lab the page is not written for (a chapter
 * on public clusters opened on aro-private, chapter 9 on aro2): the labs it is written for, each a
 * link to this page on it. Undefined when the lab in effect is one of them, or is not a built-in
 * lab (a lab file or a live cluster: the reader knows what they loaded). */
export function writtenForNotice(inEffect: string, pageLabs: readonly string[], path: string): { text: string; links: LabLink[] } | undefined {
  if (!pageLabs.length || pageLabs.includes(inEffect) || !builtinNames.has(inEffect)) return undefined;
  const list = pageLabs.length === 1 ? pageLabs[0] : `${pageLabs.slice(0, -1).join(', ')} and ${pageLabs.at(-1)}`;
  return {
    text: `This page is written for ${list}, not ${inEffect}: open it on`,
    links: pageLabs.map((lab) => ({ lab, href: `${path}?lab=${encodeURIComponent(lab)}` })),
  };
}

/** Where this browser keeps the reader's changes to a lab (kept-changes.ts keeps and replays them). */
export const changesKey = (lab: string): string => `changes:${lab}`;
