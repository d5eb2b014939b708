// jq cannot exhaust the page. Programs real jq answers (appending in a loop, values nested deeper
// than a call stack, input nested past jq's parser limit, the errors plain JavaScript would crash
// on) answer as Debian's jq 1.7.1 did (tests/jq/limits-references.json, made by
// scripts/make-jq-references.sh); programs real jq runs for minutes or that build gigabytes
// stop at a lab limit. Either way jq writes at most 4 MB and the session goes on (`npm run bench`
// holds each program here to a second of CPU).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session.ts';
import { emptyWorld } from '../shell/fake-world.ts';
import { caseName, jq, type JqReference } from './run-jq.ts';
import { costly } from '../helpers/cost.ts';
import { MAX_DEPTH } from '../../src/engine/commands/jq/evaluate.ts';

const MAX_OUTPUT = 4 * 1024 * 1024;
const STEPS = 'jq: error: the lab stops programs after 500000 steps\n';
const DATA = 'jq: error: the lab stops programs that build or scan more than 32 MB of data\n';
const CALLS = `jq: error: the lab stops programs nested deeper than ${MAX_DEPTH} calls\n`;
const OUTPUT = `jq: error: the lab stopped this output at ${MAX_OUTPUT} characters\n`;

const references: JqReference[] = JSON.parse(readFileSync(new URL('./limits-references.json', import.meta.url), 'utf8'));

describe('jq answers as jq 1.7.1 where the lab would otherwise copy quadratically, overflow its stack or crash', () => {
  for (const ref of references) {
    it(caseName(ref), async () => {
      const result = await costly(() => jq(ref));
      expect(result).toEqual({ stdout: ref.stdout, stderr: ref.stderr, status: ref.status });
    });
  }
});

// Real jq runs these for seconds to hours, or until memory runs out.
const LAB_LIMITS: Array<{ filter: string; stderr: string }> = [
  { filter: '[range(1e8)]', stderr: STEPS },
  { filter: '.[100000000]=1', stderr: DATA },
  { filter: '"x" * 1e8 | length', stderr: DATA },
  { filter: '"x" * 3.4e7', stderr: DATA },
  { filter: '"✓" * 2e7', stderr: DATA },
  { filter: '[range(6e4) | {key: "k\\(.)", value: .}] | from_entries as $o | [range(20) | $o | .x = .] | length', stderr: DATA },
  { filter: 'reduce range(30) as $i ([1]; . + .)', stderr: DATA },
  { filter: '[range(3e5)] as $a | reduce range(20) as $i ([]; . + $a) | length', stderr: DATA },
  { filter: 'reduce range(30) as $i (0; [., .]) | tostring', stderr: DATA },
  { filter: '"x" * 2e7 | @base64', stderr: DATA },
  { filter: '"x" * 1e7 | explode | implode', stderr: DATA },
  { filter: '[range(1e5) | "x" * 1000] | join(",")', stderr: DATA },
  { filter: '"x" * 1e7 as $s | reduce range(100) as $i (0; . + ($s | ltrimstr("y") | length))', stderr: DATA },
  { filter: 'reduce range(1e5) as $i (null; [.]) | [paths] | length', stderr: DATA },
  { filter: 'range(1e9) | select(. < 0)', stderr: STEPS },
  { filter: '[limit(1e9; range(1e9))] | length', stderr: STEPS },
  { filter: '[range(0; 1e9; 1)] | length', stderr: STEPS },
  { filter: 'reduce range(1e7) as $i (0; . + 1)', stderr: STEPS },
  { filter: '[range(2e6) | env] | length', stderr: STEPS },
  { filter: '[recurse(if . < 1e6 then . + 1 else empty end)] | length', stderr: STEPS },
  { filter: 'def f: f; f', stderr: CALLS },
];

describe('programs real jq runs for long or that build huge values stop at a lab limit', () => {
  for (const { filter, stderr } of LAB_LIMITS) {
    it(`jq -n '${filter}'`, async () => {
      const result = await costly(() => jq({ filter, flags: ['-n'], input: '' }));
      expect(result).toEqual({ stdout: '', stderr, status: 5 });
    });
  }

  it('a program nested past what the lab parses is a compile error, not a stack overflow', async () => {
    const filter = `${'['.repeat(20000)}${']'.repeat(20000)}`;
    const result = await costly(() => jq({ filter, flags: ['-n'], input: '' }));
    expect(result).toEqual({ stdout: '', stderr: `jq: error: the lab stops programs nested more than 500 levels deep at <top-level>, line 1:\n${filter}\njq: 1 compile error\n`, status: 3 });
  });

  it('a string interpolated inside itself past what the lab parses is a compile error too', async () => {
    const filter = `${'"\\('.repeat(3000)}1${')"'.repeat(3000)}`;
    const result = await jq({ filter, flags: ['-n'], input: '' });
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/^jq: error: the lab stops programs nested more than 500 levels deep at <top-level>/);
  });
});

describe('reduce appends in place, as jq 1.7.1 does, so long loops stay linear', () => {
  const loops: Array<[string, string]> = [
    ['reduce range(1e5) as $i ([]; . + [$i]) | length', '100000\n'],
    ['reduce range(1e5) as $i ([]; .[$i] = $i) | length', '100000\n'],
    ['reduce range(5e4) as $i ({}; .["k\\($i)"] = $i) | length', '50000\n'],
    ['reduce range(5e4) as $i ({}; . + {"k\\($i)": $i}) | length', '50000\n'],
  ];
  for (const [filter, stdout] of loops) {
    it(`jq -n '${filter}'`, async () => {
      const result = await costly(() => jq({ filter, flags: ['-n'], input: '' }));
      expect(result).toEqual({ stdout, stderr: '', status: 0 });
    });
  }
});

describe('jq stops writing at 4 MB instead of building a bigger text first', () => {
  it('one huge value: the first 4 MB of it, then the lab notice on a line of its own', async () => {
    const result = await costly(() => jq({ filter: '"x" * 1e7', flags: ['-n'], input: '' }));
    expect(result).toEqual({ stdout: `"${'x'.repeat(MAX_OUTPUT - 1)}`, stderr: `\n${OUTPUT}`, status: 5 });
  });

  it('many values: output up to exactly 4 MB', async () => {
    const result = await costly(() => jq({ filter: 'range(1e7) | tostring * 10', flags: ['-n'], input: '' }));
    expect(result.stdout.length).toBe(MAX_OUTPUT);
    expect(result.stdout.startsWith('"0000000000"\n"1111111111"\n')).toBe(true);
    expect(result.stderr).toMatch(new RegExp(`^\\n?${OUTPUT}$`));
    expect(result.status).toBe(5);
  });

  it('a raw string and an error message count too', async () => {
    const raw = await jq({ filter: '"y" * 1e7', flags: ['-n', '-r'], input: '' });
    expect(raw).toEqual({ stdout: 'y'.repeat(MAX_OUTPUT), stderr: `\n${OUTPUT}`, status: 5 });
    const error = await jq({ filter: '"z" * 1e7 | error', flags: ['-n'], input: '' });
    expect(error.stdout).toBe('');
    expect(error.stderr).toBe(`jq: error (at <unknown>): ${'z'.repeat(MAX_OUTPUT - 'jq: error (at <unknown>): '.length)}\n${OUTPUT}`);
    expect(error.status).toBe(5);
  });
});

describe('the session goes on after every limit', () => {
  it('after each line the next line works', async () => {
    const session = new Session(emptyWorld(), { tty: false });
    const lines = [...LAB_LIMITS.map(({ filter }) => `jq -n '${filter}'`), `jq -n '"x" * 1e7' | wc -c`, `A=$(jq -n 'range(1e7) | tostring * 10'); echo done`];
    for (const line of lines) {
      await costly(() => session.run(line), line);
      const next = await session.run(`jq -n '"still here"'`);
      expect(next.stdout, `after ${line}`).toBe('"still here"\n');
    }
  });
});
