// Queries written to exhaust the terminal (the security review's reproductions): a value shared a
// million ways, lists that double, queries nested past the call stack. Each ends with az's answer,
// or with a lab limit in az's frame for query errors (never a JavaScript message or an internal
// error), and the session goes on; `npm run bench` holds each to a second of CPU.
import { beforeAll, describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { loadLab } from '../../src/node/labs.ts';
import { MAX_OUTPUT } from '../../src/engine/format/knack/printer.ts';
import { MAX_QUERY_DEPTH, MAX_STEPS } from '../../src/engine/query/budget.ts';
import { costly } from '../helpers/cost.ts';

const QUERY_HELP = "To learn more about --query, please visit: 'https://learn.microsoft.com/cli/azure/query-azure-cli'\n";
const queryLimit = (message: string) => `ERROR: Invalid jmespath query supplied for \`--query\`: ${message}\n${QUERY_HELP}`;

const repeat = (piece: string, times: number, separator = '|') => Array.from({ length: times }, () => piece).join(separator);
/** `{a:@,b:@}` twenty times: one list of load balancers held 2^20 times. */
const SHARED = repeat('{a:@,b:@}', 20);

let session: Session;

beforeAll(async () => {
  session = new Session(createFixtureWorld(await loadLab({ name: 'aro2' })), { tty: false });
});

/** Runs a line, its CPU recorded for the bench. */
const timed = (line: string) => costly(() => session.run(line), line.length > 100 ? `${line.slice(0, 100)}…` : line);

async function expectUsable(): Promise<void> {
  expect((await session.run('echo still-here')).stdout).toBe('still-here\n');
}

describe('az --query cannot exhaust the terminal', () => {
  it('a value shared a million ways prints as json up to the output bound, then says the lab stopped it', async () => {
    const r = await timed(`az network lb list -g aro2-resources --query "${SHARED}" -o json | wc -c`);
    expect(r.stdout).toBe(`${MAX_OUTPUT}\n`);
    expect(r.stderr).toBe(`\nERROR: the lab stopped this output at ${MAX_OUTPUT} characters\n`);
    const head = await timed(`az network lb list -g aro2-resources --query "${SHARED}" -o json | head -c 40`);
    expect(head.stdout).toMatch(/^\{\n {2}"a": \{\n {4}"a": \{\n {6}"a": \{/);
    await expectUsable();
  });

  it('the same value as yaml stops at the same bound instead of overflowing the stack', async () => {
    const r = await timed(`az network lb list -g aro2-resources --query "${SHARED}" -o yaml | wc -c`);
    expect(r.stdout).toBe(`${MAX_OUTPUT}\n`);
    expect(r.stderr).toBe(`\nERROR: the lab stopped this output at ${MAX_OUTPUT} characters\n`);
    expect(r.stderr).not.toContain('internal error');
    await expectUsable();
  });

  it('tsv, table and none print what az prints for it (a row of two nested dicts) without walking the copies', async () => {
    const tsv = await timed(`az network lb list -g aro2-resources --query "${SHARED}" -o tsv`);
    expect({ stdout: tsv.stdout, stderr: tsv.stderr, status: tsv.status }).toEqual({ stdout: '\t\n', stderr: '', status: 0 });
    const table = await timed(`az network lb list -g aro2-resources --query "${SHARED}" -o table`);
    // A row whose values are all dicts has no column: knack prints an empty line (today's az does so
    // for `az network nsg create … -o table` in the az-writes-nsg corpus, a dict of one dict).
    expect({ stdout: table.stdout, stderr: table.stderr, status: table.status }).toEqual({ stdout: '\n', stderr: '', status: 0 });
    const none = await timed(`az network lb list -g aro2-resources --query "${SHARED}" -o none`);
    expect({ stdout: none.stdout, stderr: none.stderr, status: none.status }).toEqual({ stdout: '', stderr: '', status: 0 });
  });

  it('lists that double twenty-two times, then flattened as often, stop at the step budget', async () => {
    const r = await timed(`az network lb list -g aro2-resources --query "${repeat('[@,@]', 22)}|${repeat('[]', 22, '')}|length(@)"`);
    expect(r.stderr).toBe(queryLimit(`the lab stops queries after ${MAX_STEPS} steps`));
    expect(r.status).toBe(1);
    await expectUsable();
  });

  it('a value compared with itself is equal at once, as in Python, however many times it holds itself', async () => {
    const r = await timed(`az network lb list -g aro2-resources --query "${repeat('[@,@]', 30)}|@ == @"`);
    expect({ stdout: r.stdout, status: r.status }).toEqual({ stdout: 'true\n', status: 0 });
  });

  it('comparing two equal copies that are not the same object stops at the work budget', async () => {
    // Built twice, the two halves share nothing: Python compares them element by element, 2^30 times.
    const doubled = `@|${repeat('[@,@]', 30)}`;
    const r = await timed(`az network lb list -g aro2-resources --query "[${doubled}, ${doubled}]|[0] == [1]"`);
    expect(r.stderr).toBe(queryLimit('the lab stops queries that build or compare more than 32 MB of data'));
  });

  it('an error message that quotes a value shared a million ways stops at the work budget', async () => {
    const r = await timed(`az network lb list -g aro2-resources --query "${repeat('[@,@]', 20)}|abs(@)"`);
    expect(r.stderr).toBe(queryLimit('the lab stops queries that build or compare more than 32 MB of data'));
  });

  it('20 000 steps of .a read as Python reads them (one subexpression), and answer null', async () => {
    const r = await timed(`az network lb list -g aro2-resources --query "a${'.a'.repeat(20000)}"`);
    expect({ stdout: r.stdout, stderr: r.stderr, status: r.status }).toEqual({ stdout: '', stderr: '', status: 0 });
  });

  it('a query nested past the bound is refused in az\'s frame, never with a JavaScript message', async () => {
    for (const query of [`${'('.repeat(20000)}a${')'.repeat(20000)}`, `${'!'.repeat(20000)}a`, repeat('@', 5000), `${'['.repeat(5000)}@${']'.repeat(5000)}`]) {
      // Single quotes: in double quotes the terminal, as bash, would expand `!` from its history.
      const r = await timed(`az network lb list -g aro2-resources --query '${query}'`);
      expect(r.stderr, query.slice(0, 20)).toBe(queryLimit(`the lab reads queries nested at most ${MAX_QUERY_DEPTH} levels deep`));
      expect(r.status).toBe(1);
    }
    await expectUsable();
  });

  it('values nested deeper than the printers go (a balanced tree of pipes) stop with the lab\'s depth limit', async () => {
    // Parentheses keep the query shallow while each `[@]` nests the value once more: 600 levels.
    let query = '[@]';
    for (let levels = 1; levels < 600; levels *= 2) query = `(${query})|(${query})`;
    const r = await timed(`az network lb list -g aro2-resources --query "${query}" -o json`);
    expect(r.stderr).toMatch(/^\nERROR: the lab prints values nested at most \d+ levels deep\n$/);
    expect(r.status).toBe(1);
    const compared = await timed(`az network lb list -g aro2-resources --query "[${query}, ${query}]|[0] == [1]"`);
    expect(compared.stderr).toMatch(/the lab stops queries on values nested more than \d+ levels deep/);
  });
});
