// az's --query answers as Python's jmespath does: every query of cases.json against the answers
// Python's jmespath 1.0 gave (references.json, made by scripts/make-jmespath-references.sh).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileQuery, QueryCrash, QueryError } from '../../src/engine/query/jmespath.ts';
import { formatJson } from '../../src/engine/format/knack/json.ts';
import { PyFloat } from '../../src/engine/format/knack/python.ts';

interface Reference {
  document: string;
  query: string;
  json?: string;
  error?: 'parse' | 'jmespath' | 'python';
  message?: string;
}

const cases = JSON.parse(readFileSync(new URL('./cases.json', import.meta.url), 'utf8')) as { documents: Record<string, string>; queries: Array<[string, string]> };
const references = JSON.parse(readFileSync(new URL('./references.json', import.meta.url), 'utf8')) as Reference[];

/** json.loads: a number written with a point or an exponent is a float. */
const pythonLoads = (text: string) => JSON.parse(text, (_key, value, context?: { source?: string }) => (typeof value === 'number' && /[.eE]/.test(context?.source ?? '') ? new PyFloat(value) : value));

describe('az --query answers like Python jmespath', () => {
  it('has a reference for every query', () => {
    expect(references.map((r) => [r.document, r.query])).toEqual(cases.queries);
  });

  for (const ref of references) {
    it(`${ref.document}: ${ref.query}`, () => {
      if (ref.error === 'parse') {
        expect(() => compileQuery(ref.query)).toThrow();
        return;
      }
      const query = compileQuery(ref.query);
      const run = () => query.search(pythonLoads(cases.documents[ref.document]));
      if (ref.error) {
        expect(run).toThrow(ref.error === 'jmespath' ? QueryError : QueryCrash);
        expect(run).toThrow(ref.message);
        return;
      }
      expect(formatJson(run())).toBe(ref.json);
    });
  }
});
