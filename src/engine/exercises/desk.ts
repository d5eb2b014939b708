// The terminal's side of the exercises: `submit ID ANSWER` (or `submit ID` after a command, for
// exercises answered by a command's output) checks in the world the terminal runs on.
import type { ExerciseDesk, SubmitResult } from '../commands/types.ts';
import type { World } from '../world/types.ts';
import type { CatalogueEntry } from './catalogue.ts';
import { checkAnswer, checkPrintedOutput, checkWorld } from './check.ts';

/** What progress records as the answer of an exercise checked on the lab's state. */
export const STATE_ANSWER = '(the lab as changed)';

export function createDesk(world: World, exercises: CatalogueEntry[], onResult?: (result: SubmitResult) => void): ExerciseDesk {
  return {
    ids: () => exercises.map((e) => e.id),
    describe: (id) => exercises.find((e) => e.id === id),
    async submit(id, answer, previousOutput) {
      const exercise = exercises.find((e) => e.id === id);
      if (!exercise) return undefined;
      const verdict =
        answer === undefined
          ? exercise.check.kind === 'output'
            ? await checkPrintedOutput(world, exercise, previousOutput)
            : await checkWorld(world, exercise)
          : await checkAnswer(world, exercise, answer);
      // A change is its own answer: progress records it as the lab's state, not a previous output.
      const given = exercise.check.kind === 'state' ? STATE_ANSWER : (answer ?? previousOutput);
      const result: SubmitResult = { id, answer: given, verdict };
      onResult?.(result);
      return result;
    },
  };
}
