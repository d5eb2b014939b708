// The built-in worlds are generated: labs/<lab>/world.json is what its spec (labs/<lab>/spec.ts)
// gives through the shared builders of labs/builders/, byte for byte as `npm run labs` writes it. A
// hand edit of a world, or a builder or spec change that was not written out again, fails here.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { buildWorld, worldText } from '../../labs/builders/world.ts';
import { LAB_SPECS } from '../../labs/specs.ts';
import { parseJson } from '../../src/engine/world/json.ts';
import { builtinLabs } from '../../src/node/labs.ts';

const LABS = new URL('../../labs/', import.meta.url);

describe('the lab specs', () => {
  it('are one per built-in lab', () => {
    expect(LAB_SPECS.map((spec) => spec.info.name).sort()).toEqual(builtinLabs());
  });

  for (const spec of LAB_SPECS) {
    it(`write labs/${spec.info.name}/world.json as committed`, () => {
      const committed = readFileSync(new URL(`${spec.info.name}/world.json`, LABS), 'utf8');
      const built = worldText(buildWorld(spec));
      // The parsed worlds first, for a readable difference; then the text (key order, spacing).
      expect(parseJson(built)).toEqual(parseJson(committed));
      expect(built === committed).toBe(true);
    });
  }

  it('build the same world every time (nothing random, nothing from the machine clock)', () => {
    const [spec] = LAB_SPECS;
    expect(worldText(buildWorld(spec))).toBe(worldText(buildWorld(spec)));
  });

  it('leave the differences between labs to the specs: no builder names a lab', () => {
    const names = LAB_SPECS.map((spec) => spec.info.name);
    const builders = new URL('builders/', LABS);
    for (const file of readdirSync(builders).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(new URL(file, builders), 'utf8');
      for (const name of names) expect(source.includes(`'${name}'`), `${file} names the lab ${name}`).toBe(false);
    }
  });
});
