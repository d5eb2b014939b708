// The conformance corpus: command lines (corpus/*.txt, `@lab NAME` choosing the lab of the lines
// after it), the real tools' outputs for them (references/*.jsonl), and the comparison of the lab
// engine against those references. Used by the test suite and by `npm run conformance`.
import { readdirSync, readFileSync } from 'node:fs';
import { loadLab } from '../../src/node/labs.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { Session } from '../../src/engine/session.ts';
import type { World } from '../../src/engine/world/types.ts';

export const HERE = new URL('./', import.meta.url);

export interface CorpusLine {
  /** The corpus file it comes from (az, text, kubectl, …). */
  corpus: string;
  lab: string;
  line: string;
}

export interface Reference extends CorpusLine {
  stdout: string;
  stderr: string;
  exit: number;
}

export interface Outcome {
  reference: Reference;
  /** The tool a line exercises (see toolOf). */
  tool: string;
  identical: boolean;
  /** Where the engine first differs, in words, when it does. */
  difference?: string;
  actual: { stdout: string; stderr: string; exit: number };
}

export function readCorpus(name: string): CorpusLine[] {
  const lines: CorpusLine[] = [];
  let lab = 'aro2';
  // Lines between `@begin` and `@end` are one entry of several lines (a here-document, a loop typed over lines).
  let block: string[] | undefined;
  for (const raw of readFileSync(new URL(`corpus/${name}.txt`, HERE), 'utf8').split('\n')) {
    if (block) {
      if (raw === '@end') {
        lines.push({ corpus: name, lab, line: block.join('\n') });
        block = undefined;
      } else block.push(raw);
      continue;
    }
    if (raw === '@begin') {
      block = [];
      continue;
    }
    if (!raw.trim() || raw.startsWith('#')) continue;
    const directive = /^@lab\s+(\S+)\s*$/.exec(raw);
    if (directive) lab = directive[1];
    else lines.push({ corpus: name, lab, line: raw });
  }
  return lines;
}

export const corpusNames = (): string[] =>
  readdirSync(new URL('corpus/', HERE))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.replace(/\.txt$/, ''))
    .sort();

export function readReferences(name: string): Reference[] {
  return readFileSync(new URL(`references/${name}.jsonl`, HERE), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Reference);
}

/** The line split at unquoted `|` (not `||`): the segments of its pipeline, as typed. */
export function pipelineSegments(line: string): string[] {
  const segments: string[] = [];
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i++;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '\\') i++;
    else if (c === '|' && line[i + 1] !== '|' && line[i - 1] !== '|') {
      segments.push(line.slice(start, i).trim());
      start = i + 1;
    }
  }
  segments.push(line.slice(start).trim());
  return segments;
}

/** The tool a line exercises: bash for shell lines, the text tool at the end of a text pipeline,
 * otherwise the command the line starts with. */
export function toolOf(line: CorpusLine): string {
  if (line.corpus === 'shell') return 'bash';
  const segment = ['text', 'text-tools', 'shell-tools'].includes(line.corpus) ? pipelineSegments(line.line).at(-1)! : line.line;
  const word = segment.trim().split(/\s+/)[0];
  if (word === '[') return 'test';
  // A loop, an assignment, a function or a `[[ ]]` around the tools is the shell's line.
  return /^[a-z][a-z0-9.-]*$/.test(word) && !SHELL_WORDS.has(word) ? word : 'bash';
}

const SHELL_WORDS = new Set(['for', 'while', 'until', 'if', 'case', 'function', 'select', 'mapfile', 'readarray', 'read', 'declare', 'local', 'set', 'export', 'cd', 'echo']);

function firstDifference(label: string, expected: string, actual: string): string | undefined {
  if (expected === actual) return undefined;
  const e = expected.split('\n');
  const a = actual.split('\n');
  for (let i = 0; i < Math.max(e.length, a.length); i++) {
    if (e[i] !== a[i]) return `${label} line ${i + 1}: expected ${JSON.stringify(e[i] ?? '(end)')}, got ${JSON.stringify(a[i] ?? '(end)')}`;
  }
  return `${label}: differs`;
}

/** Runs every reference line in a fresh session on its lab (output to a pipe, as when the references were made);
 * a line that changed the lab leaves it as loaded for the next (an entry's writes are its own). */
export async function compare(references: Reference[]): Promise<Outcome[]> {
  const worlds = new Map<string, World>();
  const outcomes: Outcome[] = [];
  for (const reference of references) {
    if (!worlds.has(reference.lab)) worlds.set(reference.lab, createFixtureWorld(await loadLab({ name: reference.lab })));
    const result = await new Session(worlds.get(reference.lab)!, { tty: false }).run(reference.line);
    const actual = { stdout: result.stdout, stderr: result.stderr, exit: result.status };
    const difference =
      firstDifference('stdout', reference.stdout, actual.stdout) ??
      firstDifference('stderr', reference.stderr, actual.stderr) ??
      (reference.exit !== actual.exit ? `exit status: expected ${reference.exit}, got ${actual.exit}` : undefined);
    outcomes.push({ reference, tool: toolOf(reference), identical: !difference, difference, actual });
    const changes = worlds.get(reference.lab)!.changes;
    if (changes?.count) changes.reset();
  }
  return outcomes;
}
