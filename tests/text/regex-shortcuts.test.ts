// The matcher's shortcuts answer exactly as its Pike VM does: the lazy DFA that decides whether a
// line matches, the search for a required literal first, and the scan for a fixed run of
// characters. Patterns in both dialects (grep's ERE, jq's Oniguruma) and texts are generated with
// a fixed seed; every window of a text and every starting position is compared.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { needsBacktracking, seq, type AssertKind, type Node } from '../../src/engine/regex/ast.ts';
import { grepWord } from '../../src/engine/regex/chars.ts';
import { Regex, Subject } from '../../src/engine/regex/index.ts';
import { Budget } from '../../src/engine/regex/limits.ts';
import { parseOniguruma } from '../../src/engine/regex/oniguruma.ts';
import { Automaton } from '../../src/engine/regex/pike.ts';
import { parsePosix } from '../../src/engine/regex/posix.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20260601);

const posixAtom = fc.constantFrom('a', 'b', 'ab', '.', '[ab]', '[^a]', '\\w', '\\W', '\\b', '\\B', '\\<', '\\>', '^', '$', ' ', 'é', '_', '[[:alpha:]]');
const onigAtom = fc.constantFrom('a', 'b', 'ab', '.', '[ab]', '[^a]', '\\w', '\\W', '\\b', '\\B', '^', '$', '\\A', '\\z', ' ', 'é', '_', '\\n', '\\p{Latin}');

function pattern(atom: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      atom,
      fc.tuple(tie('node'), tie('node')).map(([x, y]) => x + y),
      fc.tuple(tie('node'), tie('node')).map(([x, y]) => `(${x}|${y})`),
      fc.tuple(tie('node'), fc.constantFrom('*', '+', '?', '{2}', '{1,3}', '{0,2}')).map(([x, q]) => `(${x})${q}`),
    ),
  })).node;
}

const texts = fc.array(fc.array(fc.constantFrom('a', 'b', ' ', '\n', 'é', '_', 'x'), { maxLength: 12 }).map((a) => a.join('')), { minLength: 1, maxLength: 4 });

/** grep's -w and -x edges around a pattern, as grep adds them. */
function edged(node: Node, edges: number): Node {
  const edge = (kind: AssertKind): Node => ({ type: 'assert', kind, word: grepWord });
  if (edges === 1) return seq([edge('not-after-word'), node, edge('not-before-word')]);
  if (edges === 2) return seq([edge('text-start'), node, edge('text-end')]);
  return node;
}

/** Every window of each text (a line, a rest), from each position in it. */
function* searches(all: string[], seed: number): Generator<{ subject: Subject; from: number }> {
  for (const text of all) {
    const whole = new Subject(text);
    const start = seed % (whole.end + 1);
    const end = start + ((seed >> 4) % (whole.end - start + 1));
    for (const subject of [whole, whole.window(start, end)]) for (let from = subject.start; from <= subject.end; from++) yield { subject, from };
  }
}

function compareWithVm(node: Node, groups: number, all: string[], seed: number, where: string): void {
  if (needsBacktracking(node)) return;
  const vm = new Automaton(node, 0, false);
  const regex = new Regex(node, groups);
  const budget = new Budget(Number.MAX_SAFE_INTEGER, false);
  for (const { subject, from } of searches(all, seed)) {
    const expected = vm.search(subject, from, 'longest', budget);
    const at = `${where} on ${JSON.stringify(subject.text)} [${subject.start}, ${subject.end}) from ${from}`;
    expect(vm.exists(subject, from, budget), `DFA: ${at}`).toBe(expected !== null);
    expect(regex.test(subject, from), `test: ${at}`).toBe(expected !== null);
    const found = regex.search(subject, from, 'longest', false);
    expect(found && [found[0], found[1]], `search: ${at}`).toEqual(expected && [expected[0], expected[1]]);
  }
}

describe("the matcher's shortcuts answer as its Pike VM does", () => {
  it(`on grep's extended patterns, with and without -w and -x edges (seed ${SEED})`, () => {
    fc.assert(
      fc.property(pattern(posixAtom), texts, fc.nat(), fc.integer({ min: 0, max: 2 }), (source, all, seed, edges) => {
        let parsed;
        try {
          parsed = parsePosix(source, true, false);
        } catch {
          return;
        }
        compareWithVm(edged(parsed.node, edges), parsed.groups, all, seed, `grep -E ${JSON.stringify(source)} edges ${edges}`);
      }),
      { numRuns: 1500, seed: SEED },
    );
  });

  it(`on jq's Oniguruma patterns, single-line and multi-line (seed ${SEED})`, () => {
    fc.assert(
      fc.property(pattern(onigAtom), texts, fc.nat(), fc.boolean(), (source, all, seed, dotAll) => {
        let parsed;
        try {
          parsed = parseOniguruma(source, { ignoreCase: false, extended: false, dotAll });
        } catch {
          return;
        }
        compareWithVm(parsed.node, parsed.groups, all, seed, `jq ${JSON.stringify(source)} dotAll ${dotAll}`);
      }),
      { numRuns: 1500, seed: SEED },
    );
  });
});
