// Every golden line (tests/goldens/az/lines.txt, outputs of the real az in aro2.jsonl, made by
// scripts/make-az-goldens.sh) prints the same stdout, stderr and exit status in the lab.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { labSession } from '../transcript/helpers.ts';

interface Golden { cmd: string; stdout: string; stderr: string; exit: number }

const goldens: Golden[] = readFileSync(new URL('../goldens/az/aro2.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line));

/** The golden lines were given to az as separate words; quote them back into one shell line. */
function shellLine(cmd: string): string {
  return cmd.replace(/ (\[[^ ]*|"[^"]*")/g, (m, word: string) => (word.startsWith('"') ? m : ` '${word}'`));
}

describe('az prints what the real az prints', async () => {
  const session = await labSession('aro2');
  it('has at least 40 golden lines', () => expect(goldens.length).toBeGreaterThanOrEqual(40));
  for (const golden of goldens) {
    it(golden.cmd, async () => {
      const result = await session.run(shellLine(golden.cmd));
      expect({ stdout: result.stdout, stderr: result.stderr, exit: result.status }).toEqual({ stdout: golden.stdout, stderr: golden.stderr, exit: golden.exit });
    });
  }
});
