// Every case of tests/jq/cases.json through our jq prints what Debian's jq 1.7.1 printed
// (tests/jq/references.json, made by scripts/make-jq-references.sh).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session.ts';
import { emptyWorld } from '../shell/fake-world.ts';
import { findCommand } from '../../src/engine/commands/registry.ts';
import { runCommand } from '../helpers/run-command.ts';

interface Reference { filter: string; flags?: string[]; input: string; stdout: string; stderr: string; status: number }

const references: Reference[] = JSON.parse(readFileSync(new URL('./references.json', import.meta.url), 'utf8'));

function jq(ref: Reference) {
  return runCommand(findCommand('jq')!, ['jq', ...(ref.flags ?? []), ref.filter], new Session(emptyWorld()), { stdin: ref.input });
}

describe('jq matches jq 1.7.1', () => {
  for (const ref of references) {
    it(`jq ${(ref.flags ?? []).join(' ')} '${ref.filter}'`, async () => {
      expect(await jq(ref)).toEqual({ stdout: ref.stdout, stderr: ref.stderr, status: ref.status });
    });
  }
});
