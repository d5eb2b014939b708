// The conformance corpus: every line prints, byte for byte, what the real tool printed for it
// (references made by scripts/make-conformance-references.ts), and the references are those of
// the corpus as it stands.
import { describe, expect, it } from 'vitest';
import { compare, corpusNames, readCorpus, readReferences } from './corpus.ts';

describe('conformance with the real tools', async () => {
  const names = corpusNames();
  const references = names.flatMap(readReferences);
  const outcomes = await compare(references);

  it('holds at least 300 lines over the three labs (and the SNAT scenario, for the metrics lines)', () => {
    expect(references.length).toBeGreaterThanOrEqual(300);
    expect(new Set(references.map((r) => r.lab))).toEqual(new Set(['aro2', 'aro-today', 'aro-private', 'snat-exhaustion']));
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
