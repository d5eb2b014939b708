// Checks answers given in the page, in the world of the lab in effect (the terminal's world).
// Loaded on first use, with the engine.
import { checkAnswer, solutionAnswer, CheckUnavailable, type Verdict } from '../../engine/index.ts';
import { liveWorld, loadLabWorld } from '../labs/world.ts';
import { findExercise } from './catalogue.ts';
import { reportUnexpected } from '../errors.ts';

export async function checkInPage(pageLab: string, id: string, answer: string): Promise<Verdict> {
  const exercise = findExercise(id);
  if (!exercise) return { correct: false, message: `No exercise "${id}" on this site.` };
  const world = liveWorld() ?? (await loadLabWorld(pageLab)).world;
  try {
    return await checkAnswer(world, exercise, answer);
  } catch (error) {
    return { correct: false, message: reportUnexpected('the check could not run in this lab', error) };
  }
}

/** The answer in the lab in effect, for the solution panel. */
export async function answerInPage(pageLab: string, id: string): Promise<{ lab: string; answer: string }> {
  const exercise = findExercise(id);
  const world = liveWorld() ?? (await loadLabWorld(pageLab)).world;
  const name = world.info.name;
  if (!exercise) return { lab: name, answer: '' };
  try {
    return { lab: name, answer: await solutionAnswer(world, exercise) };
  } catch (error) {
    // A lab without what the exercise asks about is expected (a loaded file, say); anything else is a bug.
    if (error instanceof CheckUnavailable) return { lab: name, answer: `(this lab cannot answer it: ${error.message})` };
    return { lab: name, answer: `(${reportUnexpected('this lab cannot answer it', error)})` };
  }
}
