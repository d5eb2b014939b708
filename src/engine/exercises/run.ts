// Runs a check's lines in a fresh session on the reader's world, apart from the reader's own
// terminal: their variables and history are never touched.
import { Session } from '../session.ts';
import type { World } from '../world/types.ts';

export interface LinesResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** A line the exercise itself relies on failed: this world cannot answer the exercise. */
export class CheckUnavailable extends Error {}

/** A session with the setup lines run; a failing setup line makes the exercise unavailable. */
export async function preparedSession(world: World, setup: string[] = []): Promise<Session> {
  const session = new Session(world, { tty: false });
  for (const line of setup) {
    const result = await session.run(line);
    if (result.status !== 0) throw new CheckUnavailable(`\`${line}\` failed in this world: ${firstLine(result.stderr) || `exit status ${result.status}`}`);
  }
  return session;
}

/** Runs the lines after the setup and returns the last one's result; every line must succeed. */
export async function runLines(world: World, lines: string[], setup: string[] = []): Promise<LinesResult> {
  const session = await preparedSession(world, setup);
  let result: LinesResult = { status: 0, stdout: '', stderr: '' };
  for (const line of lines) {
    result = await session.run(line);
    if (result.status !== 0) throw new CheckUnavailable(`\`${line}\` failed in this world: ${firstLine(result.stderr) || `exit status ${result.status}`}`);
  }
  return result;
}

export const firstLine = (text: string) => text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
