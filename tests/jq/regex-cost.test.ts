// What jq's regex builtins cost: a run compiles each pattern once, every step of matching and
// every compiled instruction count in the program's work budget, and a text is read once however
// many matches sub/gsub make, so no program keeps the terminal busy on regexes (`npm run bench`
// holds each program here to a second of CPU).
import { describe, expect, it } from 'vitest';
import { jq } from './run-jq.ts';
import { costly } from '../helpers/cost.ts';

const jqLine = (filter: string) => jq({ filter, flags: ['-n'], input: '' });

const WORK_LIMIT = 'jq: error: the lab stops programs that build or scan more than 32 MB of data\n';

describe("jq's regex builtins count their cost in the program's budget", () => {
  it('one pattern tested on 2,000 inputs is compiled once (6.7 s before)', async () => {
    const result = await costly(() => jqLine('[range(2000)|tostring|test("b{32767}")]|length'));
    expect(result).toEqual({ stdout: '2000\n', stderr: '', status: 0 });
  });

  it('gsub with a pattern of 100,000 states reads the text and compiles the pattern once (27 s before)', async () => {
    const result = await costly(() => jqLine('"a"*2000 | gsub("a|b{99999}";"x")|length'));
    expect(result).toEqual({ stdout: '2000\n', stderr: '', status: 0 });
  });

  it('gsub makes 100,000 replacements without reading the rest of the text again for each', async () => {
    const result = await costly(() => jqLine('"a"*100000 | gsub("a";"x") | length'));
    expect(result).toEqual({ stdout: '100000\n', stderr: '', status: 0 });
  });

  it('gsub matches the rest of the text with the text before it in sight, as jq 1.7.1 does', async () => {
    // jq 1.7.1 prints ["xab","xab","xab"]: look-behinds and anchors see the whole text (1.6 made
    // each rest a text of its own and printed "xxb").
    expect(await jq({ filter: '"aab" | [gsub("(?<!a)a";"x"), gsub("\\\\ba";"x"), gsub("^a";"x")]', flags: ['-nc'], input: '' })).toEqual({ stdout: '["xab","xab","xab"]\n', stderr: '', status: 0 });
  });

  it('2,000 different big patterns are each charged for compiling and stop at the work limit, exit 5', async () => {
    const result = await costly(() => jqLine('[range(2000)|tostring|test("b{32767}" + .)]|length'));
    expect(result).toEqual({ stdout: '', stderr: WORK_LIMIT, status: 5 });
  });

  it('matching that needs new automaton states at every character stops at the work limit, exit 5', async () => {
    const result = await costly(() => jqLine('"ab"*1000000 | test("([ab]{1,255}){1,255}[xy]")'));
    expect(result).toEqual({ stdout: '', stderr: WORK_LIMIT, status: 5 });
  });

  it('backtracking is limited per call as Oniguruma limits it, and its steps add up over the calls of a run', async () => {
    // Each call alone ends in Oniguruma's retry-limit error, which `try` catches; the run's work
    // budget ends the program before a hundred calls have spent a million steps each.
    const result = await costly(() => jqLine('[range(100)] | map("a"*300+"cb" | try test("(a*)*\\\\1b") catch "retry") | length'));
    expect(result).toEqual({ stdout: '', stderr: WORK_LIMIT, status: 5 });
    expect(await jqLine('[range(3)] | map("a"*300+"cb" | try test("(a*)*\\\\1b") catch .)')).toEqual({
      stdout: '[\n  "Regex failure: retry-limit-in-match over",\n  "Regex failure: retry-limit-in-match over",\n  "Regex failure: retry-limit-in-match over"\n]\n',
      stderr: '',
      status: 0,
    });
  });

  it('a text of a million characters with every Unicode property test answers', async () => {
    const result = await costly(() => jqLine('"é"*1000000 | [test("\\\\p{Greek}"), test("\\\\p{Latin}x"), test("\\\\bé")]'));
    expect(result).toEqual({ stdout: '[\n  false,\n  false,\n  true\n]\n', stderr: '', status: 0 });
  });
});
