// jq's clock is the lab's: now, and every date builtin fed by it, read the session's clock (the
// lab world's), so they agree with each other and with what the terminal's other commands read.
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session.ts';
import { findCommand } from '../../src/engine/commands/registry.ts';
import { emptyWorld } from '../shell/fake-world.ts';
import { runCommand } from '../helpers/run-command.ts';

async function jqLines(session: Session, program: string): Promise<string[]> {
  const { stdout, status } = await runCommand(findCommand('jq')!, ['jq', '-nr', program], session);
  expect(status).toBe(0);
  return stdout.trimEnd().split('\n');
}

describe("jq's date builtins read the session's clock", () => {
  it('now is the session clock in seconds, and todate, gmtime|mktime, localtime|mktime and strftime print that instant', async () => {
    // A clock of its own, not the world's, so the test shows jq reads the session's.
    const at = new Date('2031-02-03T04:05:06Z');
    const session = new Session(emptyWorld(), { now: () => new Date(at) });
    const iso = at.toISOString().replace(/\.\d+Z$/, 'Z');
    const lines = await jqLines(session, 'now, (now|todate), (now|gmtime|mktime|todate), (now|localtime|mktime|todate), (now|strftime("%Y-%m-%dT%H:%M:%SZ")), (now|gmtime|todate)');
    expect(Number(lines[0])).toBe(at.getTime() / 1000);
    expect(lines.slice(1)).toEqual([iso, iso, iso, iso, iso]);
  });
});
