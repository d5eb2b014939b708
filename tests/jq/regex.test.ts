// Every case of tests/jq/regex-cases.json through our jq prints what Debian's jq 1.7.1 printed
// (tests/jq/regex-references.json, made by scripts/make-jq-references.sh).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session.ts';
import { emptyWorld } from '../shell/fake-world.ts';
import { findCommand } from '../../src/engine/commands/registry.ts';
import { runCommand } from '../helpers/run-command.ts';
import { costly } from '../helpers/cost.ts';

interface Reference { filter: string; flags?: string[]; input: string; stdout: string; stderr: string; status: number }

const references: Reference[] = JSON.parse(readFileSync(new URL('./regex-references.json', import.meta.url), 'utf8'));

function jq(ref: Reference) {
  return runCommand(findCommand('jq')!, ['jq', ...(ref.flags ?? []), ref.filter], new Session(emptyWorld()), { stdin: ref.input });
}

describe("jq's regex builtins match jq 1.7.1", () => {
  for (const ref of references) {
    it(`jq ${(ref.flags ?? []).join(' ')} '${ref.filter}'`, async () => {
      expect(await jq(ref)).toEqual({ stdout: ref.stdout, stderr: ref.stderr, status: ref.status });
    });
  }
});

const jqLine = (filter: string) => runCommand(findCommand('jq')!, ['jq', '-n', filter], new Session(emptyWorld()));

describe('jq regexes that backtrack exponentially end quickly', () => {
  const cases: Array<[string, string]> = [
    ['("a"*30)+"!"', '(a+)+$'],
    ['("a"*5000)+"!"', '(a+)+$'],
    ['"a"*5000', '(a|a)*b'],
    ['"a"*5000', '(a*)*b'],
    ['("a"*19)+("b"*3000)', '(.*a){20}'],
    ['"x"*5000', '(x+x+)+y'],
  ];
  for (const [text, re] of cases) {
    it(`${text} | test("${re}") answers false`, async () => {
      const result = await costly(() => jqLine(`${text} | test("${re}")`));
      expect(result).toEqual({ stdout: 'false\n', stderr: '', status: 0 });
    });
  }

  it('a back-reference that needs every split stops with Oniguruma\'s own retry-limit error, as jq 1.7.1 does', async () => {
    const result = await costly(() => jqLine('("a"*300)+"cb" | test("(a*)*\\\\1b")'));
    // The same words jq 1.7.1 prints (where the error is reported from is the evaluator's business).
    expect(result.stderr).toMatch(/^jq: error \(at [^)]*\): Regex failure: retry-limit-in-match over\n$/);
    expect({ stdout: result.stdout, status: result.status }).toEqual({ stdout: '', status: 5 });
  });

  it('a back-reference on a short text still matches', async () => {
    expect(await jqLine('"xabcabcy" | [match("(abc)\\\\1").string, test("(?<w>b)c\\\\k<w>")]')).toEqual({ stdout: '[\n  "abcabc",\n  false\n]\n', stderr: '', status: 0 });
  });

  it('gsub with a pattern that matches empty puts the replacement between every character, as jq 1.7.1 does (1.6 ran out of memory)', async () => {
    // jq 1.7.1 prints "-a-b-a-b-".
    const result = await costly(() => jqLine('"abab" | gsub("x*";"-")'));
    expect(result).toEqual({ stdout: '"-a-b-a-b-"\n', stderr: '', status: 0 });
  });
});
