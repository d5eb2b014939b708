// Every exercise is replayed on every built-in lab it is for (the labs its chapter is written for,
// narrowed by its own `labs`; see chapterLabs): its check finds an answer in that world, its
// solution's commands run and lead to that answer, the answer passes, and wrong answers (the
// counterexamples and each named distractor) fail with their feedback. An exercise that asks for a
// change is replayed on a fresh world of its own: its check fails on the lab as loaded (so it checks
// something), passes once the solution's commands have run, and fails again after the lab is reset.
import { describe, expect, it } from 'vitest';
import { loadLab, listLabs } from '../../src/node/labs.ts';
import { loadCatalogue } from '../../src/node/exercises.ts';
import { checkAnswer, checkWorld, expectedOutput, solutionAnswer } from '../../src/engine/exercises/check.ts';
import { canonical, listItems, printedValue } from '../../src/engine/exercises/answers.ts';
import { CheckUnavailable, runLines } from '../../src/engine/exercises/run.ts';
import type { AnswerKind } from '../../src/engine/exercises/types.ts';
import { Session } from '../../src/engine/session.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { exercisesOnLab } from './chapter-labs.ts';

const labs = await listLabs();
const entries = await loadCatalogue();

it('replays every exercise that asks for a change on at least one built-in lab', () => {
  const replayed = new Set(labs.flatMap((l) => exercisesOnLab(entries, l.name)).map((e) => e.id));
  expect(entries.filter((e) => e.check.kind === 'state' && !replayed.has(e.id)).map((e) => e.id)).toEqual([]);
});

describe.each(labs.map((l) => l.name))('exercises on %s', async (labName) => {
  const world = createFixtureWorld(await loadLab({ name: labName }));

  const changes = exercisesOnLab(entries, labName).filter((e) => e.check.kind === 'state');
  describe.each(changes.map((e) => [e.id, e] as const))('%s (a change)', (_id, exercise) => {
    it("fails on the lab as loaded, passes after the solution's commands, and fails again after a reset", async () => {
      const changed = createFixtureWorld(await loadLab({ name: labName }));
      const before = await checkWorld(changed, exercise);
      expect(before.correct, before.message).toBe(false);
      expect(before.message).toMatch(/^Not yet: /);
      const session = new Session(changed, { tty: false });
      for (const line of [...(exercise.setup ?? []), ...exercise.solution.commands]) {
        const result = await session.run(line);
        expect(result.status, `${line}: ${result.stderr}`).toBe(0);
      }
      expect(changed.changes?.count, 'the solution changes the lab').toBeGreaterThan(0);
      expect(await checkWorld(changed, exercise)).toEqual({ correct: true, message: `Right. ${exercise.solution.explain}` });
      changed.changes?.reset();
      expect((await checkWorld(changed, exercise)).correct).toBe(false);
    });
  });

  const questions = exercisesOnLab(entries, labName).filter((e) => e.check.kind !== 'state');
  describe.each(questions.map((e) => [e.id, e] as const))('%s', (_id, exercise) => {
    /** What a wrong rule prints in this world; undefined where it fails or prints nothing (check.ts skips it then). */
    async function distractorValue(find: string[], setup: string[] | undefined, kind: AnswerKind): Promise<string | undefined> {
      try {
        const value = printedValue(kind, (await runLines(world, find, setup)).stdout).trim();
        return value || undefined;
      } catch (error) {
        if (error instanceof CheckUnavailable) return undefined;
        throw error;
      }
    }

    it('finds an answer in this world', async () => {
      expect((await expectedOutput(world, exercise)).trim()).not.toBe('');
    });

    it("its solution's commands run and lead to the answer, which passes", async () => {
      const session = new Session(world, { tty: false });
      for (const line of exercise.setup ?? []) expect((await session.run(line)).status).toBe(0);
      const outputs: string[] = [];
      for (const line of exercise.solution.commands) {
        const result = await session.run(line);
        expect(result.status, `${line}: ${result.stderr}`).toBe(0);
        outputs.push(result.stdout);
      }
      if (exercise.check.kind === 'output') {
        const verdict = await checkAnswer(world, exercise, exercise.solution.commands.at(-1)!);
        expect(verdict.message).toMatch(/^Right/);
        expect(verdict.correct).toBe(true);
        return;
      }
      if (exercise.check.kind !== 'value') return;
      const answer = await solutionAnswer(world, exercise);
      const printed = outputs.join('\n').toLowerCase();
      const items = exercise.check.answer === 'list' ? listItems(answer) : [printedValue(exercise.check.answer, answer).trim().toLowerCase()];
      for (const item of items) expect(printed, `the solution's output shows ${item}`).toContain(item);
      const verdict = await checkAnswer(world, exercise, answer);
      expect(verdict).toEqual({ correct: true, message: `Right. ${exercise.solution.explain}` });
    });

    it('fails wrong answers with feedback', async () => {
      const expected = await expectedOutput(world, exercise);
      for (const wrong of exercise.counterexamples ?? []) {
        const verdict = await checkAnswer(world, exercise, wrong);
        expect(verdict.correct, `${wrong} must fail`).toBe(false);
        expect(verdict.message).not.toMatch(/^Right|cannot be checked/);
      }
      if (exercise.check.kind !== 'value') return;
      for (const distractor of exercise.check.wrong ?? []) {
        const value = await distractorValue(distractor.find, exercise.setup, exercise.check.answer);
        if (value === undefined || value === expected) continue; // checked below
        const verdict = await checkAnswer(world, exercise, value);
        expect(verdict.correct).toBe(false);
        expect(verdict.message).toContain(distractor.say.replaceAll('{answer}', value));
      }
    });

    // A wrong rule whose value is the right answer can never fire here, and its text would be false
    // if it did ("0 is what your own resource group holds" when 0 is right): it is a slip unless the
    // rule lists this lab in sameAsAnswerOn (aro-today's API and egress share one IP, say).
    it('names no wrong answer that is the right one here, unless its rule says so', async () => {
      if (exercise.check.kind !== 'value') return;
      const expected = await expectedOutput(world, exercise);
      const answerKind = exercise.check.answer;
      const same: string[] = [];
      const listed: string[] = [];
      for (const distractor of exercise.check.wrong ?? []) {
        const value = await distractorValue(distractor.find, exercise.setup, answerKind);
        const equal = value !== undefined && canonical(answerKind, value) === canonical(answerKind, expected);
        if (equal) same.push(distractor.say);
        if (distractor.sameAsAnswerOn?.includes(labName)) listed.push(distractor.say);
      }
      expect(same, `wrong rules equal to the answer ${expected.trim()} on ${labName}`).toEqual(listed);
    });
  });
});
