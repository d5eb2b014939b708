// az's --query reads what it is given and never writes to it: a query's value is the shaped view
// of the world (or, for a table transformer, what a command built), so every query of the JMESPath
// corpus runs against a deep-frozen document and must answer what Python's jmespath answered.
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

const cases = JSON.parse(readFileSync(new URL('../query/cases.json', import.meta.url), 'utf8')) as { documents: Record<string, string> };
const references = JSON.parse(readFileSync(new URL('../query/references.json', import.meta.url), 'utf8')) as Reference[];

/** json.loads: a number written with a point or an exponent is a float. */
const pythonLoads = (text: string) => JSON.parse(text, (_key, value, context?: { source?: string }) => (typeof value === 'number' && /[.eE]/.test(context?.source ?? '') ? new PyFloat(value) : value));

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** What a query answers, or how it fails, in words to compare. */
function answer(query: string, document: unknown): string {
  try {
    return formatJson(compileQuery(query).search(document));
  } catch (error) {
    if (error instanceof QueryError || error instanceof QueryCrash) return `${error.constructor.name}: ${error.message}`;
    return `unexpected ${String(error)}`;
  }
}

const byDocument = Object.keys(cases.documents).map((name) => [name, references.filter((r) => r.document === name && r.error !== 'parse')] as const);

describe('az --query never writes to what it reads', () => {
  it.each(byDocument.filter(([, refs]) => refs.length > 0))('every query of the corpus on %s answers the same on the document deep-frozen', (name, refs) => {
    const frozen = deepFreeze(pythonLoads(cases.documents[name]));
    for (const ref of refs) {
      const expected = ref.error ? `${ref.error === 'jmespath' ? 'QueryError' : 'QueryCrash'}: ${ref.message}` : ref.json;
      expect(answer(ref.query, frozen), ref.query).toBe(expected);
    }
  });
});
