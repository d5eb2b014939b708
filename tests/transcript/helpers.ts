// Runs lines in a lab session the way a reader would, for the transcript and consistency tests.
import { readFile } from 'node:fs/promises';
import { loadLab } from '../../src/node/labs.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { Session } from '../../src/engine/session.ts';
import { transcriptLines } from '../../src/engine/transcript.ts';

export async function labSession(name: string): Promise<Session> {
  return new Session(createFixtureWorld(await loadLab({ name })));
}

export async function part2Lines(): Promise<string[]> {
  return transcriptLines(await readFile(new URL('../../labs/transcripts/part2.sh', import.meta.url), 'utf8'));
}

/** Runs a line that must succeed and returns its stdout. */
export async function out(session: Session, line: string): Promise<string> {
  const result = await session.run(line);
  if (result.status !== 0) {
    throw new Error(`"${line}" exited ${result.status}: ${result.stderr}`);
  }
  return result.stdout;
}

export async function json<T = any>(session: Session, line: string): Promise<T> {
  return JSON.parse(await out(session, line)) as T;
}

/** A session's record of lines: each line, what the terminal showed, and its exit status. */
export async function record(session: Session, lines: string[]): Promise<string> {
  let text = '';
  for (const line of lines) {
    const result = await session.run(line);
    text += `$ ${line}\n${result.chunks.map((c) => c.text).join('')}[exit ${result.status}]\n`;
  }
  return text;
}
