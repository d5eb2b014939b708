// Keys named like Object.prototype members (__proto__, constructor, toString, valueOf…) are
// ordinary keys to jq: every case of tests/jq/prototype-cases.json — construction, lookups,
// assignment, paths, entries, merges, grouping, --arg/--argjson names, $ENV — prints what
// Debian's jq 1.7.1 printed (tests/jq/prototype-references.json, made by
// scripts/make-jq-references.sh), and no program changes Object.prototype itself.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { caseName, jq, type JqReference } from './run-jq.ts';

const references: JqReference[] = JSON.parse(readFileSync(new URL('./prototype-references.json', import.meta.url), 'utf8'));
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

describe('jq treats keys named like Object.prototype members as jq 1.7.1 does', () => {
  it('has at least 40 recorded programs', () => {
    expect(references.length).toBeGreaterThanOrEqual(40);
  });

  for (const ref of references) {
    it(`${caseName(ref)}${ref.env ? ` with ${Object.keys(ref.env).join(', ')} exported` : ''}`, async () => {
      expect(await jq(ref)).toEqual({ stdout: ref.stdout, stderr: ref.stderr, status: ref.status });
    });
  }

  afterAll(() => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
