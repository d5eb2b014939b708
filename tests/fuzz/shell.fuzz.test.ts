// Hostile lines never break the terminal: no exception escapes Session.run and every line
// finishes, whatever mix of quotes, substitutions, operators, flags and junk it holds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labSession } from '../transcript/helpers.ts';

// A fixed seed (fast-check prints it with any failure); FUZZ_SEED tries another.
const SEED = Number(process.env.FUZZ_SEED ?? 2026_12_05);

const COMMANDS = ['az', 'kubectl', 'oc', 'curl', 'nslookup', 'jq', 'cut', 'grep', 'head', 'tail', 'wc', 'sort', 'uniq', 'echo', 'env', 'export', 'unset', 'history', 'help', 'nope'];
const WORDS = [
  'network', 'lb', 'list', 'show', 'rule', 'address-pool', 'frontend-ip', 'public-ip', 'aro', 'vm', 'group', 'get', 'pods', 'svc', 'routes', 'nodes', 'project',
  '-g', '-n', '-o', '--query', '--lb-name', 'table', 'tsv', 'json', 'yaml', 'wide', '-A', '-l', 'jsonpath={.items[*].metadata.name}', "'[].name'", '"[?"', '.[]', '.a | keys',
  'http://sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io/api/ip', '-s', '-v', '-d/', '-f', '5', '$node_rg_name', '${x:-y}', '$?', '$(', ')', '`', "'", '"', '\\',
  '|', '||', '&&', ';', '&', '>', '2>&1', '>/dev/null', '#', '(', '{', '}', 'range(1e9)', 'repeat(.)', '[limit(5;repeat(1))]', '..', '[[[[[[[[', ']]]]', '\u0000', '\u001b[2J', 'é', '🙂',
];

const token = fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...COMMANDS), fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 }));
const line = fc.oneof(
  fc.array(token, { maxLength: 14 }).map((ws) => ws.join(' ')),
  fc.tuple(fc.constantFrom(...COMMANDS), fc.array(token, { maxLength: 8 })).map(([c, ws]) => [c, ...ws].join(' ')),
  fc.array(fc.constantFrom('$(', ')', '`', '"', "'", '|', ';', '&&', 'echo', 'a'), { maxLength: 40 }).map((ws) => ws.join('')),
  fc.nat({ max: 70000 }).map((n) => `echo ${'x'.repeat(n)}`),
);

function withinSeconds<T>(promise: Promise<T>, seconds: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`line did not finish within ${seconds} s`)), seconds * 1000))]);
}

describe('hostile lines', () => {
  it(`2 000 generated lines (seed ${SEED}): every one finishes with a status and text, none throws`, async () => {
    const session = await labSession('aro2');
    let ran = 0;
    await fc.assert(
      fc.asyncProperty(line, async (text) => {
        const result = await withinSeconds(session.run(text), 5);
        ran += 1;
        expect(Number.isInteger(result.status)).toBe(true);
        expect(result.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
        // An exception a command did not expect shows as this text: it would be an engine bug.
        expect(result.stderr).not.toContain('internal error in the lab engine');
      }),
      { numRuns: 2000, seed: SEED },
    );
    expect(ran).toBe(2000);
  }, 240_000);
});
