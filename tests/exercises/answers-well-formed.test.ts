// Every exercise's expected answer, on every lab it is replayed on, is a value a reader could type: not empty, and
// well formed for its kind (an address, a number, a name without an empty segment or a leading dot). A check whose
// commands find nothing (a filter that matches no object) prints only the text around it, which the solution test
// alone does not catch, since that text is also part of what the solution prints. So every value exercise of a
// fault scenario must also accept an answer its own solution prints, as a whole word of that output, the way a
// reader copies it.
import { describe, expect, it } from 'vitest';
import { loadLab, listLabs } from '../../src/node/labs.ts';
import { loadCatalogue } from '../../src/node/exercises.ts';
import { checkAnswer, expectedOutput } from '../../src/engine/exercises/check.ts';
import { isIpv4, listItems, printedValue, toNumber } from '../../src/engine/exercises/answers.ts';
import { runLines } from '../../src/engine/exercises/run.ts';
import type { AnswerKind } from '../../src/engine/exercises/types.ts';
import { Session } from '../../src/engine/session.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { exercisesOnLab } from './chapter-labs.ts';

const labs = await listLabs();
const entries = await loadCatalogue();

/** Why a value is not a well-formed answer of its kind, or undefined when it is one. */
function malformed(kind: AnswerKind, value: string): string | undefined {
  const text = value.trim();
  if (!text) return 'empty';
  switch (kind) {
    case 'ip':
      return isIpv4(text) ? undefined : 'not an IPv4 address';
    case 'number':
      return toNumber(text) === undefined ? 'not a number' : undefined;
    case 'list': {
      const items = listItems(text);
      return items.length ? items.map((item) => malformedName(item)).find(Boolean) : 'no item';
    }
    case 'name':
      return malformedName(text);
    case 'text':
      return /^[\s.,;:/-]|[\s,;:/-]$/.test(text) ? 'starts or ends with a separator' : undefined;
  }
}

function malformedName(name: string): string | undefined {
  if (/\s/.test(name)) return 'holds a blank';
  if (/^[.\-/:=]/.test(name)) return 'starts with a separator (an empty first segment)';
  if (/[.\-/:=]$/.test(name)) return 'ends with a separator (an empty last segment)';
  if (/[./:=]{2}/.test(name)) return 'has an empty segment';
  return undefined;
}

/** The words of an output a reader would copy as an answer: split at blanks, quotes, brackets and separators that
 * never belong to a name or an address, with a sentence's closing punctuation and an address's port left off. */
function words(output: string): string[] {
  const out = new Set<string>();
  for (const raw of output.split(/[\s"'`,;()[\]{}<>|=]+/)) {
    const word = raw.replace(/[.:]+$/, '');
    if (!word) continue;
    out.add(word);
    const port = /^(\d+(?:\.\d+){3}):\d+$/.exec(word);
    if (port) out.add(port[1]);
    const slash = word.split('/').pop()!;
    if (slash !== word && slash) out.add(slash);
  }
  return [...out];
}

describe('malformed', () => {
  it('refuses the value a check prints when its filter matches nothing', () => {
    expect(malformed('name', '.project1.svc.cluster.local')).toBeDefined();
    expect(malformed('name', 'server..svc.cluster.local')).toBeDefined();
    expect(malformed('name', '')).toBe('empty');
    expect(malformed('ip', '10.0.2.')).toBeDefined();
    expect(malformed('list', ', ,')).toBeDefined();
  });

  it('takes names, addresses, numbers and lists as the labs print them', () => {
    expect(malformed('name', 'server.project1.svc.cluster.local')).toBeUndefined();
    expect(malformed('name', 'aro2-p8bjm-worker-northeurope1-qt8l7')).toBeUndefined();
    expect(malformed('ip', '10.0.2.4')).toBeUndefined();
    expect(malformed('number', '906.0')).toBeUndefined();
    expect(malformed('list', 'a, b\nc')).toBeUndefined();
  });

  it("reads a reader's words out of an output, an address without its port", () => {
    expect(words('SQL_SERVER_FQDN:\tserver.project1.svc.cluster.local\n')).toContain('server.project1.svc.cluster.local');
    expect(words('10.0.2.4:43000 -> x')).toContain('10.0.2.4');
    expect(words('secret/custom-certs-default')).toContain('custom-certs-default');
    expect(words('{"app":"backup"}')).toContain('backup');
  });
});

describe.each(labs.map((l) => l.name))('expected answers on %s', async (labName) => {
  const world = createFixtureWorld(await loadLab({ name: labName }));
  const values = exercisesOnLab(entries, labName).filter((e) => e.check.kind === 'value');

  it.each(values.map((e) => [e.id, e] as const))('%s: the expected answer is not empty and well formed', async (_id, exercise) => {
    if (exercise.check.kind !== 'value') return;
    const expected = await expectedOutput(world, exercise);
    expect(malformed(exercise.check.answer, expected), `${exercise.id} on ${labName}: "${expected}"`).toBeUndefined();
  });

  // A wrong rule that finds nothing never fires: a filter on a field the world's objects do not have (a
  // service selected by app=server when its selector is deploymentconfig=server) leaves the tempting answer unnamed.
  const scenarioRules = values.filter((e) => e.chapter.startsWith('scenario-') && e.check.kind === 'value' && (e.check.wrong?.length ?? 0) > 0);
  it.each(scenarioRules.map((e) => [e.id, e] as const))('%s: every wrong-answer rule finds a value', async (_id, exercise) => {
    if (exercise.check.kind !== 'value') return;
    for (const rule of exercise.check.wrong ?? []) {
      const value = printedValue(exercise.check.answer, (await runLines(world, rule.find, exercise.setup)).stdout).trim();
      expect(malformed(exercise.check.answer, value), `${exercise.id} on ${labName}: ${rule.find.join('; ')} printed "${value}"`).toBeUndefined();
    }
  });

  const scenario = values.filter((e) => e.chapter.startsWith('scenario-') && e.check.kind === 'value' && e.check.answer !== 'list');
  it.each(scenario.map((e) => [e.id, e] as const))('%s: accepts an answer its own solution prints', async (_id, exercise) => {
    const session = new Session(world, { tty: false });
    for (const line of exercise.setup ?? []) await session.run(line);
    let printed = '';
    for (const line of exercise.solution.commands) printed += (await session.run(line)).stdout + '\n';
    const accepted: string[] = [];
    for (const word of words(printed)) if ((await checkAnswer(world, exercise, word)).correct) accepted.push(word);
    expect(accepted, `${exercise.id} on ${labName}: no word of the solution's output is accepted`).not.toEqual([]);
  });
});

// A wrong-answer rule reads its value from the world like a check does. Where no command can show the value in a
// scenario's world (HAProxy's 503 when no router answers the reader), the rule states it, and a comment line above
// the literal says why, so that nobody takes it for a shortcut.
describe("the scenarios' wrong-answer rules", () => {
  const literal = /^echo\s+(?:'[^'$`]*'|"[^"$`]*"|[^\s$`'"|;&]+)\s*$/;
  it.each(entries.filter((e) => e.chapter.startsWith('scenario-')).map((e) => [e.id, e] as const))('%s: a value stated, not found, says why', (_id, exercise) => {
    if (exercise.check.kind !== 'value') return;
    for (const rule of exercise.check.wrong ?? []) {
      const commands = rule.find.filter((line) => !line.trimStart().startsWith('#'));
      if (!commands.every((line) => literal.test(line.trim()))) continue;
      expect(rule.find.filter((line) => /^#\s*\S.{20,}/.test(line.trim())), `${exercise.id}: "${rule.find.join('; ')}" states its value without saying why`).not.toEqual([]);
    }
  });
});
