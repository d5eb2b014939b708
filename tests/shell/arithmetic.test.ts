// $(( )) as bash 5.2 computes it: 64-bit wrap-around, every operator, bases, assignments and
// bash's error texts, over generated lines whose answers were recorded from bash
// (scripts/make-arithmetic-references.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session.ts';
import { emptyWorld } from './fake-world.ts';

interface Reference {
  line: string;
  stdout: string;
  stderr: string;
  exit: number;
}

const { cases } = JSON.parse(readFileSync(new URL('./arithmetic.references.json', import.meta.url), 'utf8')) as { cases: Reference[] };

describe('$(( )) against bash', () => {
  it(`prints what bash prints for all ${cases.length} recorded lines`, async () => {
    const differences: string[] = [];
    for (const c of cases) {
      // The lines were recorded by a non-interactive bash, which expands no history (`!`).
      const session = new Session(emptyWorld());
      await session.run('set +H');
      const result = await session.run(c.line);
      const got = { stdout: result.stdout, stderr: result.stderr, exit: result.status };
      const want = { stdout: c.stdout, stderr: c.stderr, exit: c.exit };
      if (JSON.stringify(got) !== JSON.stringify(want)) differences.push(`${c.line}\n  bash: ${JSON.stringify(want)}\n  lab:  ${JSON.stringify(got)}`);
    }
    expect(differences.slice(0, 10).join('\n'), `${differences.length} of ${cases.length} lines differ`).toBe('');
  });
});
