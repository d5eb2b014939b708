// The conformance corpus: every line prints, byte for byte, what the real tool printed for it
// (references made by scripts/make-conformance-references.ts), and the references are those of
// the corpus as it stands.
import { describe, expect, it } from 'vitest';
import { compare, corpusNames, readCorpus, readReferences } from './corpus.ts';
import { builtinLabs, listLabs } from '../../src/node/labs.ts';

describe('conformance with the real tools', async () => {
  const names = corpusNames();
  const references = names.flatMap(readReferences);
  const outcomes = await compare(references);

  it('holds at least 300 lines over the three labs (and fault scenarios: the SNAT metrics, the faults described)', async () => {
    expect(references.length).toBeGreaterThanOrEqual(300);
    const labs = new Set(references.map((r) => r.lab));
    for (const lab of builtinLabs()) expect(labs).toContain(lab);
    const scenarios = (await listLabs()).filter((l) => !builtinLabs().includes(l.name)).map((l) => l.name);
    for (const lab of labs) expect([...builtinLabs(), ...scenarios]).toContain(lab);
  });

  for (const name of names) {
    it(`has a reference for every line of corpus/${name}.txt, in order`, () => {
      expect(readReferences(name).map((r) => `${r.lab} ${r.line}`)).toEqual(readCorpus(name).map((l) => `${l.lab} ${l.line}`));
    });
  }

  for (const outcome of outcomes) {
    it(`[${outcome.reference.lab}] ${outcome.reference.line}`, () => {
      expect(outcome.actual).toEqual({ stdout: outcome.reference.stdout, stderr: outcome.reference.stderr, exit: outcome.reference.exit });
    });
  }
});
