// Every program of tests/jq/errors-cases.json fails as Debian trixie's jq 1.7.1 failed: runtime
// errors with and without input, compile errors and where jq places them, bad options and bad
// input, each with jq's words and exit status (tests/jq/errors-references.json).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseName, jq, type JqReference } from './run-jq.ts';

const references: JqReference[] = JSON.parse(readFileSync(new URL('./errors-references.json', import.meta.url), 'utf8'));

describe('jq fails as jq 1.7.1 fails', () => {
  for (const ref of references) {
    it(caseName(ref), async () => {
      expect(await jq(ref)).toEqual({ stdout: ref.stdout, stderr: ref.stderr, status: ref.status });
    });
  }
});
