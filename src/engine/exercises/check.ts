// Checking an answer against the world the terminal uses. The expected value is whatever the
// check's commands print in that world, so the same exercise works on every lab and on a live
// cluster; the feedback names what a wrong answer is instead of only saying "no".
import type { World } from '../world/types.ts';
import type { Exercise, OutputCheck, ValueCheck, Verdict } from './types.ts';
import { checkState } from './state.ts';
import { canonical, isIpv4, listItems, printedValue, toNumber, unquote } from './answers.ts';
import { identifyAddress } from './identify.ts';
import { CheckUnavailable, firstLine, preparedSession, runLines } from './run.ts';

// Expected values per world and commands, so repeated attempts do not rerun the reference commands.
const expectedCache = new WeakMap<World, Map<string, Promise<string>>>();

function cached(world: World, key: string, compute: () => Promise<string>): Promise<string> {
  let perWorld = expectedCache.get(world);
  if (!perWorld) {
    expectedCache.set(world, (perWorld = new Map()));
    // A world the reader changes answers anew after each change and each reset.
    const forget = world.changes?.subscribe(() => {
      expectedCache.delete(world);
      forget?.();
    });
  }
  let value = perWorld.get(key);
  if (!value) {
    value = compute();
    perWorld.set(key, value);
    value.catch(() => perWorld.delete(key)); // a failure (live world offline) is retried next time
  }
  return value;
}

/** What the check's reference prints in this world: the value, or for output checks the output.
 * An exercise that asks for a change has no reference: its answer is the change itself. */
export function expectedOutput(world: World, exercise: Exercise): Promise<string> {
  const check = exercise.check;
  if (check.kind === 'state') return Promise.resolve(exercise.solution.commands.join('\n'));
  const lines = check.kind === 'value' ? check.expect : check.reference;
  const stdout = cached(world, JSON.stringify([exercise.setup, lines]), async () => (await runLines(world, lines, exercise.setup)).stdout);
  return check.kind === 'value' ? stdout.then((out) => printedValue(check.answer, out).trim()) : stdout;
}

/** The answer in this world as the solution shows it. */
export async function solutionAnswer(world: World, exercise: Exercise): Promise<string> {
  const expected = await expectedOutput(world, exercise);
  return exercise.check.kind === 'value' && exercise.check.answer === 'list' ? listItems(expected).join(', ') : expected.trimEnd();
}

export async function checkAnswer(world: World, exercise: Exercise, answer: string): Promise<Verdict> {
  // An exercise that asks for a change is checked on the world; anything typed with it is not read.
  if (exercise.check.kind === 'state') return checkWorld(world, exercise);
  if (!answer.trim()) return { correct: false, message: exercise.check.kind === 'output' ? 'Type a command first.' : 'Type an answer first.' };
  try {
    return exercise.check.kind === 'value'
      ? await checkValue(world, exercise, exercise.check, answer)
      : await checkOutput(world, exercise, exercise.check, { command: answer });
  } catch (error) {
    if (error instanceof CheckUnavailable) return { correct: false, message: `This exercise cannot be checked in this world: ${error.message}` };
    throw error;
  }
}

/** An exercise that asks for a change, checked on the world as the reader left it. */
export async function checkWorld(world: World, exercise: Exercise): Promise<Verdict> {
  if (exercise.check.kind !== 'state') return { correct: false, message: `Give the answer after the id: submit ${exercise.id} ANSWER` };
  try {
    return await checkState(world, exercise, exercise.check);
  } catch (error) {
    if (error instanceof CheckUnavailable) return { correct: false, message: `This exercise cannot be checked in this world: ${error.message}` };
    throw error;
  }
}

// Colours a tool added on the terminal (jq does) are not part of the output being compared.
const ANSI_COLOUR = /\x1b\[[0-9;]*m/g;

/** An output check against output the reader already has (the terminal's previous command). */
export async function checkPrintedOutput(world: World, exercise: Exercise, output: string): Promise<Verdict> {
  if (exercise.check.kind !== 'output') return checkAnswer(world, exercise, output);
  try {
    return await checkOutput(world, exercise, exercise.check, { output: output.replace(ANSI_COLOUR, '') });
  } catch (error) {
    if (error instanceof CheckUnavailable) return { correct: false, message: `This exercise cannot be checked in this world: ${error.message}` };
    throw error;
  }
}

async function checkValue(world: World, exercise: Exercise, check: ValueCheck, answer: string): Promise<Verdict> {
  const withPort = check.answer === 'ip' ? /^(\d+(?:\.\d+){3}):(\d+)$/.exec(unquote(answer)) : null;
  if (withPort) {
    const verdict = await checkValue(world, exercise, check, withPort[1]);
    return verdict.correct
      ? { correct: false, message: `The address is right; give it alone, without the port :${withPort[2]}.` }
      : { correct: false, message: `${verdict.message} (And give the address alone, without a port.)` };
  }
  const expected = await expectedOutput(world, exercise);
  const mine = canonical(check.answer, answer);
  if (mine === canonical(check.answer, expected)) return { correct: true, message: `Right. ${exercise.solution.explain}` };
  const shown = unquote(answer);
  // Every named mistake the answer matches: one address can play two parts (API and egress).
  const named: string[] = [];
  for (const distractor of check.wrong ?? []) {
    let value: string;
    try {
      value = printedValue(check.answer, (await runLines(world, distractor.find, exercise.setup)).stdout);
    } catch {
      continue; // a distractor that does not exist in this world cannot be what the reader meant
    }
    if (value.trim() && canonical(check.answer, value) === mine) named.push(distractor.say.replaceAll('{answer}', shown));
  }
  if (named.length) return { correct: false, message: named.join(' ') };
  return { correct: false, message: await generalFeedback(world, exercise, check, answer, expected) };
}

async function generalFeedback(world: World, exercise: Exercise, check: ValueCheck, answer: string, expected: string): Promise<string> {
  const shown = unquote(answer);
  const noun = check.noun ?? 'value';
  switch (check.answer) {
    case 'ip': {
      if (!isIpv4(shown)) return `"${shown}" is not an IPv4 address: the answer is one address, such as 192.0.2.1.`;
      const what = await identifyAddress(world, shown);
      return what ? `${shown} is ${what}, not the address asked for.` : `${shown} does not appear in this world: look it up with the commands of the hints.`;
    }
    case 'number': {
      const mine = toNumber(answer);
      const want = toNumber(expected);
      if (mine === undefined) return `"${shown}" is not a number.`;
      return want !== undefined && mine > want ? `${mine} is too high.` : `${mine} is too low.`;
    }
    case 'list': {
      const want = listItems(expected);
      const mine = listItems(answer);
      const extra = mine.filter((x) => !want.includes(x));
      const missing = want.filter((x) => !mine.includes(x)).length;
      const right = mine.length - extra.length;
      const parts = [`${right} of your ${mine.length} ${mine.length === 1 ? 'item' : 'items'} ${right === 1 ? 'is' : 'are'} right`];
      if (extra.length) parts.push(`${extra.map((x) => `"${x}"`).join(', ')} ${extra.length === 1 ? 'does' : 'do'} not belong`);
      if (missing) parts.push(`${missing} ${missing === 1 ? 'is' : 'are'} missing`);
      return `${parts.join('; ')}.`;
    }
    case 'name':
    case 'text': {
      if (check.among) {
        const candidates = (await runLines(world, check.among, exercise.setup)).stdout.split('\n').map((l) => canonical(check.answer, l)).filter(Boolean);
        if (candidates.includes(canonical(check.answer, answer))) return `${shown} is a ${noun} of this world, but not the one asked for.`;
        return `There is no ${noun} called "${shown}" in this world: check the spelling against the command's output.`;
      }
      return `"${shown}" is not the answer.`;
    }
  }
}

async function checkOutput(world: World, exercise: Exercise, check: OutputCheck, given: { command: string } | { output: string }): Promise<Verdict> {
  const reference = await expectedOutput(world, exercise);
  let output: string;
  if ('command' in given) {
    const result = await (await preparedSession(world, exercise.setup)).run(given.command);
    if (result.status !== 0 && !result.stdout) return { correct: false, message: `Your command failed (exit status ${result.status}): ${firstLine(result.stderr)}` };
    output = result.stdout;
  } else output = given.output;
  if (output === reference) return { correct: true, message: `Right: your command prints exactly what the reference prints. ${exercise.solution.explain}` };
  return { correct: false, message: describeDifference(output, reference) };
}

/** Which part of an output differs from the reference, without printing the reference. */
function describeDifference(output: string, reference: string): string {
  const mine = output.replace(/\n$/, '').split('\n');
  const want = reference.replace(/\n$/, '').split('\n');
  if (!output.trim()) return 'Your command printed nothing.';
  const bare = (lines: string[]) => lines.map((l) => l.replace(/^\s*"(.*)",?$/, '$1').trim()).filter((l) => !/^[[\]]$/.test(l));
  if (bare(mine).join('\n') === want.join('\n')) return 'Same values, but quoted or as a JSON array: -o tsv (or jq -r) prints them bare, one per line.';
  if ([...mine].sort().join('\n') === [...want].sort().join('\n')) return 'Same lines, in another order: keep the order the tool lists them in.';
  if (mine.length !== want.length) return `Yours prints ${mine.length} ${mine.length === 1 ? 'line' : 'lines'}, the reference ${want.length}.`;
  const index = mine.findIndex((line, i) => line !== want[i]);
  const columns = (line: string) => line.split('\t').length;
  if (columns(mine[index]) !== columns(want[index])) return `Line ${index + 1} has ${columns(mine[index])} tab-separated columns, the reference ${columns(want[index])}.`;
  return `Line ${index + 1} differs from the reference: yours is "${mine[index]}".`;
}
