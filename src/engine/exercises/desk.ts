// The terminal's side of the exercises: `submit ID ANSWER` (or `submit ID` after a command, for
// exercises answered by a command's output) checks in the world the terminal runs on.
import type { ExerciseDesk, SubmitResult } from '../commands/types.ts';
import type { World } from '../world/types.ts';
import type { CatalogueEntry } from './catalogue.ts';
import { checkAnswer, checkPrintedOutput } from './check.ts';

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
            : { correct: false, message: `Give the answer after the id: submit ${id} ANSWER` }
          : await checkAnswer(world, exercise, answer);
      const result: SubmitResult = { id, answer: answer ?? previousOutput, verdict };
      onResult?.(result);
      return result;
    },
  };
}
