// Any --query a reader types ends in a value, or in one of the errors az prints for a query: the
// interpreter never lets a JavaScript exception (a stack trace in the terminal) escape.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileQuery, QueryCrash, QueryError, QuerySyntaxError } from '../../src/engine/query/jmespath.ts';
import { formatJson } from '../../src/engine/format/knack/json.ts';
import { formatTable, TableUnavailable } from '../../src/engine/format/knack/table.ts';
import { formatTsv } from '../../src/engine/format/knack/tsv.ts';
import { formatYaml } from '../../src/engine/format/knack/yaml.ts';
import { PyFloat } from '../../src/engine/format/knack/python.ts';

// A fixed seed (fast-check prints it with any failure); FUZZ_SEED tries another.
const SEED = Number(process.env.FUZZ_SEED ?? 2026_12_05);

const FUNCTIONS = ['abs', 'avg', 'ceil', 'contains', 'ends_with', 'floor', 'join', 'keys', 'length', 'map', 'max', 'max_by', 'merge', 'min', 'min_by', 'not_null', 'reverse', 'sort', 'sort_by', 'starts_with', 'sum', 'to_array', 'to_number', 'to_string', 'type', 'values', 'nope'];
const ATOMS = ['a', 'b', 'c', 'name', 'total', '@', '*', '`1`', '`1.0`', '`"x"`', '`[1, 2.5]`', '`null`', "'raw'", '`{"k": 0.0}`', '&total', '&a'];
const JOINERS = ['.', '|', ' || ', ' && ', ' == ', ' != ', ' < ', ' >= ', '[0]', '[-1]', '[]', '[*]', '[?total > `0`]', '[::-1]', '[1:]'];

const expression: fc.Arbitrary<string> = fc.letrec((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...ATOMS),
    fc.tuple(tie('expr'), fc.constantFrom(...JOINERS), tie('expr')).map(([l, j, r]) => (j.startsWith('[') ? `${l}${j}` : `${l}${j}${r}`)),
    fc.tuple(fc.constantFrom(...FUNCTIONS), fc.array(tie('expr'), { maxLength: 3 })).map(([f, args]) => `${f}(${args.join(', ')})`),
    tie('expr').map((e) => `!${e}`),
    fc.tuple(tie('expr'), tie('expr')).map(([x, y]) => `{x: ${x}, y: ${y}}`),
    fc.tuple(tie('expr'), tie('expr')).map(([x, y]) => `[${x}, ${y}]`),
  ),
})).expr as fc.Arbitrary<string>;

const scalar = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => new PyFloat(d)), fc.constantFrom('x', '', 'é', 'name'), fc.boolean(), fc.constant(null));
const data = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(fc.constantFrom('a', 'b', 'c', 'name', 'total'), tie('value'), { maxKeys: 4 })),
})).value;

describe('hostile queries', () => {
  it(`3 000 generated queries on generated data (seed ${SEED}): a value every output prints, or a query error`, () => {
    fc.assert(
      fc.property(expression, data, (text, input) => {
        let query;
        try {
          query = compileQuery(text);
        } catch (error) {
          // az refuses it as "invalid jmespath_type value"
          expect(error, text).toBeInstanceOf(QuerySyntaxError);
          return;
        }
        let result: unknown;
        try {
          result = query.search(input);
        } catch (error) {
          expect(error instanceof QueryError || error instanceof QueryCrash, `${text}: ${(error as Error).stack}`).toBe(true);
          return;
        }
        expect(typeof formatJson(result)).toBe('string');
        expect(typeof formatYaml(result)).toBe('string');
        expect(typeof formatTsv(result)).toBe('string');
        try {
          formatTable(result, false);
        } catch (error) {
          expect(error).toBeInstanceOf(TableUnavailable);
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 3000), seed: SEED },
    );
  });

  it(`20 000 strings of JMESPath characters (seed ${SEED}): the parser answers a tree or a syntax error`, () => {
    const piece = fc.oneof(fc.constantFrom('a', 'b1', '_', '"q"', "'r'", '`1`', '`[1.5]`', '`x', '@', '*', '.', '[', ']', '[]', '[?', '{', '}', '(', ')', ',', ':', '|', '||', '&', '&&', '!', '!=', '==', '<', '<=', '>', '>=', '-', '-1', '0', '12', ' ', '\\', '='), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }).map((p) => p.join('')), (text) => {
        try {
          compileQuery(text);
        } catch (error) {
          expect(error, text).toBeInstanceOf(QuerySyntaxError);
        }
      }),
      { numRuns: 20000, seed: SEED },
    );
  });
});
