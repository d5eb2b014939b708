// kubectl describe against outputs recorded from the real kubectl 1.32 (scripts/make-describe-goldens.ts)
// on hand-made objects that hold every field the describers print, which the labs' own objects
// do not: each recorded line replayed on the same world must match byte for byte.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { Session } from '../../src/engine/session.ts';
import { describeGoldenLab, describeInput, type DescribeGolden } from './describe-world.ts';

const goldens: DescribeGolden[] = JSON.parse(readFileSync(new URL('./goldens/describe-kubectl.json', import.meta.url), 'utf8'));
const world = createFixtureWorld(await describeGoldenLab());

describe('kubectl describe matches kubectl 1.32 on hand-made objects', () => {
  it('has a recording of every line', () => {
    expect(goldens.map((g) => g.line)).toEqual(describeInput.lines);
  });
  it.each(goldens.map((g) => [g.line, g] as const))('%s', async (_line, g) => {
    const result = await new Session(world, { tty: false }).run(g.line);
    expect({ stdout: result.stdout, stderr: result.stderr, exit: result.status }).toEqual({ stdout: g.stdout, stderr: g.stderr, exit: g.exit });
  });
});
