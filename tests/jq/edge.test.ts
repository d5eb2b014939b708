// Every program of tests/jq/edge-cases.json (edges of string, path, date, number and
// assignment builtins, destructuring, labels, exit statuses) prints what Debian trixie's jq 1.7.1
// printed (tests/jq/edge-references.json, made by scripts/make-jq-references.sh).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseName, jq, type JqReference } from './run-jq.ts';

const references: JqReference[] = JSON.parse(readFileSync(new URL('./edge-references.json', import.meta.url), 'utf8'));

describe('jq edge cases print what jq 1.7.1 prints', () => {
  for (const ref of references) {
    it(caseName(ref), async () => {
      expect(await jq(ref)).toEqual({ stdout: ref.stdout, stderr: ref.stderr, status: ref.status });
    });
  }
});
