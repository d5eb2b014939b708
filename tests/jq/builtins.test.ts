// Every program of tests/jq/builtins-cases.json (jq 1.7.1's builtins, number literals, paths,
// streams, dates, destructuring, foreach, label, options) prints what Debian trixie's jq 1.7.1
// printed (tests/jq/builtins-references.json, made by scripts/make-jq-references.sh).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseName, jq, type JqReference } from './run-jq.ts';

const references: JqReference[] = JSON.parse(readFileSync(new URL('./builtins-references.json', import.meta.url), 'utf8'));

describe("jq's builtins, syntax and options print what jq 1.7.1 prints", () => {
  for (const ref of references) {
    it(caseName(ref), async () => {
      expect(await jq(ref)).toEqual({ stdout: ref.stdout, stderr: ref.stderr, status: ref.status });
    });
  }
});
