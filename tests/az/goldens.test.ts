// Every golden line (tests/goldens/az/lines.txt, outputs of the real az in aro2.jsonl, made by
// scripts/make-az-goldens.sh) prints the same stdout, stderr and exit status in the lab.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { labSession } from '../transcript/helpers.ts';

interface Golden { cmd: string; stdout: string; stderr: string; exit: number }

const goldensOf = (lab: string): Golden[] =>
  readFileSync(new URL(`../goldens/az/${lab}.jsonl`, import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));

/** The golden lines were given to az as separate words; quote them back into one shell line. */
function shellLine(cmd: string): string {
  return cmd.replace(/ (\[[^ ]*|"[^"]*")/g, (m, word: string) => (word.startsWith('"') ? m : ` '${word}'`));
}

for (const [lab, minimum] of [['aro2', 40], ['aro-today', 10]] as const) {
describe(`az prints what the real az prints on ${lab}`, async () => {
  const goldens = goldensOf(lab);
  const session = await labSession(lab);
  it(`has at least ${minimum} golden lines`, () => expect(goldens.length).toBeGreaterThanOrEqual(minimum));
  for (const golden of goldens) {
    it(golden.cmd, async () => {
      const result = await session.run(shellLine(golden.cmd));
      expect({ stdout: result.stdout, stderr: result.stderr, exit: result.status }).toEqual({ stdout: golden.stdout, stderr: golden.stderr, exit: golden.exit });
    });
  }
});
}
