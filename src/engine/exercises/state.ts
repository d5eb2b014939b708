// Checking an exercise that asks for a change: the reader changes the lab in the terminal, and the
// check looks at the world as it is now, through the same commands a reader would run, and says
// what is still wrong in this world's terms. Nothing here knows a lab: the conditions are data.
import type { World } from '../world/types.ts';
import type { Exercise, StateCheck, StateCondition, Verdict } from './types.ts';
import { preparedSession } from './run.ts';

/** What a condition's commands print: the last line's standard output, and whether it succeeded. */
async function observe(world: World, lines: string[], setup: string[] | undefined): Promise<{ stdout: string; ok: boolean }> {
  const session = await preparedSession(world, setup);
  let last = { stdout: '', ok: true };
  for (const line of lines) {
    const result = await session.run(line);
    last = { stdout: result.stdout, ok: result.status === 0 };
  }
  return last;
}

/** An output on one line, for feedback: its lines joined, blank ones left out. */
const oneLine = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(', ');

/** Whether the condition holds in this world; the feedback to show when it does not. */
async function unmet(world: World, exercise: Exercise, condition: StateCondition): Promise<string | undefined> {
  if ('wrote' in condition) {
    const path = new RegExp(condition.wrote.path);
    const done = world.changes?.journal().some((w) => w.method === condition.wrote.method && path.test(w.path)) ?? false;
    return done ? undefined : condition.say;
  }
  const { stdout } = await observe(world, condition.run, exercise.setup);
  const say = condition.say.replaceAll('{output}', oneLine(stdout) || 'nothing');
  if ('matches' in condition) return new RegExp(condition.matches, 'm').test(stdout) ? undefined : say;
  if ('lacks' in condition) return new RegExp(condition.lacks, 'm').test(stdout) ? say : undefined;
  // Some word it prints is one of the words `among` prints: a pod's address among the routers',
  // one of a policy's labels among a service's selector.
  const words = (text: string) => text.split(/\s+/).filter(Boolean);
  const allowed = new Set(words((await observe(world, condition.among, exercise.setup)).stdout));
  return words(stdout).some((w) => allowed.has(w)) ? undefined : say;
}

/** Right when every condition holds in the world as it is now; otherwise the first that does not,
 * in the file's order: conditions follow the task's steps, and the first step not done is the one
 * to say (the later ones usually fail because of it). */
export async function checkState(world: World, exercise: Exercise, check: StateCheck): Promise<Verdict> {
  if (!world.changes) return { correct: false, message: 'This exercise changes the lab, and this terminal only reads its cluster: do it in one of the labs.' };
  if (exercise.onlyOn && !exercise.onlyOn.includes(world.info.name)) {
    return { correct: false, message: `This exercise is written for ${exercise.onlyOn.length === 1 ? 'the lab' : 'the labs'} ${exercise.onlyOn.join(', ')}; this terminal runs ${world.info.name}.` };
  }
  for (const condition of check.conditions) {
    const problem = await unmet(world, exercise, condition);
    if (problem) return { correct: false, message: `Not yet: ${problem}` };
  }
  return { correct: true, message: `Right. ${exercise.solution.explain}` };
}
