// Lines written to exhaust the terminal: catastrophic regular expressions, jq programs that build
// huge values, variables that double, deep arithmetic, month-long metric queries, names of
// Object.prototype members. Each must end with the real tool's answer or a clear lab limit, leave
// the session usable (the next line works), and keep the session's own data under 64 MB; `npm run
// bench` holds each line to a second of CPU. The generated lines use a fixed seed, printed with
// any failure.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { loadLab } from '../../src/node/labs.ts';
import { costly } from '../helpers/cost.ts';

const SEED = 13_2026;
const SESSION_DATA_LIMIT = 64 * 1024 * 1024;
const LB = '/subscriptions/e7da9914-9b05-4891-893c-546cb7b0422e/resourceGroups/aro2-resources/providers/Microsoft.Network/loadBalancers/aro2-p8bjm';
const A30 = 'a'.repeat(30);

/** What a session holds of its own: variables, history and the last output (UTF-16, 2 bytes a character). */
function sessionBytes(session: Session): number {
  let chars = session.previousOutput.length;
  for (const name of session.vars.names()) chars += name.length + (session.vars.get(name) ?? '').length;
  for (const line of session.history) chars += line.length;
  return chars * 2;
}

/** Output into a pipe, as in a script: jq prints no colours. */
const labSession = async (name: string) => new Session(createFixtureWorld(await loadLab({ name })), { tty: false });

async function expectUsable(session: Session, context: string): Promise<void> {
  const next = await session.run('echo still-here');
  expect(next.stdout, `the session after ${context}`).toBe('still-here\n');
}

// Each reproduction with what it must print (a part of stdout or stderr) and its status.
const REPRODUCTIONS: Array<{ line: string; stdout?: string | RegExp; stderr?: string | RegExp; status?: number }> = [
  { line: `echo ${A30}! | grep -E '(a+)+$'`, stdout: '', status: 1 },
  { line: `echo ${A30} | grep -E '(a+)+$'`, stdout: `${A30}\n`, status: 0 },
  { line: "echo abcd | grep -oE 'ab|abcd'", stdout: 'abcd\n', status: 0 },
  { line: `jq -n '"${A30}!" | test("(a+)+$")'`, stdout: 'false\n', status: 0 },
  { line: "jq -n '[range(1e8)]'", stderr: /jq: error/, status: 5 },
  { line: "jq -n '.[100000000]=1'", stderr: /jq: error/, status: 5 },
  { line: `jq -n '"x" * 1e8 | length'`, stderr: /jq: error/, status: 5 },
  { line: "jq -n 'reduce range(5e4) as $i ([]; . + [$i]) | length'", stdout: /^(50000\n)?$/ },
  { line: "jq -n 'reduce range(30) as $i ([1]; . + .) | length'", stderr: /jq: error/, status: 5 },
  { line: `A=x; ${Array.from({ length: 24 }, () => 'A=$A$A').join('; ')}; echo \${#A}`, stdout: /^\d+\n$/, stderr: /the lab holds values of at most \d+ characters/ },
  { line: 'echo $((9223372036854775807+1))', stdout: '-9223372036854775808\n', status: 0 },
  { line: `echo $((${'('.repeat(20000)}1${')'.repeat(20000)}))`, stderr: /nested at most \d+ levels/, status: 1 },
  { line: `echo $((${'-'.repeat(30000)}1))`, stderr: /nested at most \d+ levels/, status: 1 },
  // Each variable holds the next twice: 2^25 terms.
  { line: `${'abcdefghijklmnopqrstuvwxy'.split('').map((v, i) => `${v}='${'bcdefghijklmnopqrstuvwxyz'[i]}+${'bcdefghijklmnopqrstuvwxyz'[i]}'`).join('; ')}; z=1; echo $((a))`, stderr: /the lab reads at most \d+ tokens in one expansion/, status: 1 },
  { line: `az monitor metrics list --resource ${LB} --metrics SnatConnectionCount --offset 30d --interval PT1H -o tsv`, status: 0 },
  { line: `az monitor metrics list --resource ${LB} --metrics SnatConnectionCount --offset 90d --interval PT1M -o json`, stderr: /at most 50000 points/, status: 1 },
  // A command whose output outgrows a pipe stops there, and says so once (kubectl adds no "error:" of its own).
  { line: `kubectl get pods -A -o custom-columns=${Array.from({ length: 200 }, (_, i) => `C${i}:..`).join(',')} | wc -c`, stdout: '4194304\n', stderr: 'bash: the lab stopped this output at 4194304 characters\n' },
  { line: 'constructor=5; echo "$constructor"', stdout: '5\n', status: 0 },
  { line: 'echo "[$toString][$__proto__][$hasOwnProperty]"', stdout: '[][][]\n', status: 0 },
  { line: "az network public-ip list --query 'constructor(@)'", stderr: /Unknown function: constructor\(\)/, status: 1 },
  { line: `jq -n '{"__proto__": 1} | keys'`, stdout: '[\n  "__proto__"\n]\n', status: 0 },
  { line: "jq -n '{} | .constructor'", stdout: 'null\n', status: 0 },
];

describe('hostile lines', () => {
  it('each reproduction ends with the tool\'s answer or a lab limit, and the session goes on', async () => {
    const session = await labSession('aro2');
    for (const r of REPRODUCTIONS) {
      const name = r.line.length > 100 ? `${r.line.slice(0, 100)}…` : r.line;
      const result = await costly(() => session.run(r.line), name);
      expect(result.stderr, name).not.toContain('internal error');
      if (r.status !== undefined) expect(result.status, `${name}\n${result.stderr}`).toBe(r.status);
      if (typeof r.stdout === 'string') expect(result.stdout, name).toBe(r.stdout);
      else if (r.stdout) expect(result.stdout, name).toMatch(r.stdout);
      if (typeof r.stderr === 'string') expect(result.stderr, name).toBe(r.stderr);
      else if (r.stderr) expect(result.stderr, name).toMatch(r.stderr);
      await expectUsable(session, name);
    }
    expect(sessionBytes(session)).toBeLessThan(SESSION_DATA_LIMIT);
  }, 120_000);

  // Pieces that cost: growth, repetition, backtracking, recursion, size.
  const JQ = ['range(1e7)', '[range(1e6)]', 'repeat(.)', '[limit(1e6; repeat(1))]', '"x" * 1e7', '. as $x | [$x,$x,$x,$x]', 'tostring * 1000', '[.[]?] | add',
    'recurse', '[paths]', 'reduce range(1e5) as $i (.; . + 1)', 'until(. > 1e9; . * 2)', 'test("(a|a)*b")', 'gsub("a*"; "bb")', '@base64 * 100', 'tojson | fromjson',
    '{"__proto__": 1} | .__proto__', '.constructor', 'has("toString")', 'to_entries', 'splits("a*")', '[.[] | . * 100000]', 'implode', 'ltrimstr("a")', 'getpath(["a","b"])'];
  const GREP = ['-E "(a+)+$"', '-E "(a|aa)*c"', '"\\(a*\\)*\\1b"', '-E "(.*)*x"', '-oE "a{1,1000}"', '-E "((a{1,10}){1,10}){1,10}$"', '-w "a*"', '-c .', '-E "[[:alpha:]]+"'];
  const ATOMS = ['$A', '${#A}', '$((2**62*4))', '$(( (((1))) ))', '$(echo $A$A)', '"$A$A$A$A"', '$constructor', '$__proto__', `${'a'.repeat(40)}!`, '\x1b]0;t\x07', '\x1b[2J', '🙂é', '$((x++))'];

  const line = fc.oneof(
    fc.tuple(fc.constantFrom(...ATOMS), fc.constantFrom(...JQ)).map(([a, p]) => `echo "${a}" | jq -R '${p}'`),
    fc.tuple(fc.constantFrom(...JQ), fc.constantFrom(...JQ)).map(([p, q]) => `jq -n '${p} | ${q}' | head -c 200`),
    fc.tuple(fc.constantFrom(...ATOMS), fc.constantFrom(...GREP)).map(([a, g]) => `echo ${a} ${a} | grep ${g}`),
    fc.array(fc.constantFrom(...ATOMS), { minLength: 1, maxLength: 8 }).map((as) => `A=${as.join('')}`),
    fc.array(fc.constantFrom(...ATOMS), { minLength: 1, maxLength: 6 }).map((as) => `echo ${as.join(' ')} | wc -c`),
    fc.tuple(fc.constantFrom('1d', '7d', '30d', '92d', '400d'), fc.constantFrom('PT1M', 'PT5M', 'PT1H', 'P1D')).map(([o, i]) => `az monitor metrics list --resource ${LB} --metrics UsedSnatPorts --offset ${o} --interval ${i} -o tsv | tail -n 1`),
    fc.constantFrom("az network lb list --query '[].{a: constructor(@)}'", "az network lb list --query '[].{__proto__: name}' -o tsv", "kubectl get pods -A -o jsonpath='{..constructor}'", 'kubectl get pods -A -o json | jq -c "[..]|length"', 'A=$A$A'),
  );

  it(`2 000 generated lines (seed ${SEED}) each end with a status and no internal error, and the session stays usable and under 64 MB`, async () => {
    const session = await labSession('aro2');
    const lines = fc.sample(line, { seed: SEED, numRuns: 2000 });
    for (const text of lines) {
      const result = await costly(() => session.run(text), text);
      expect(Number.isInteger(result.status), text).toBe(true);
      expect(result.stderr, `seed ${SEED}: ${text}`).not.toContain('internal error');
      await expectUsable(session, text);
    }
    expect(sessionBytes(session)).toBeLessThan(SESSION_DATA_LIMIT);
  }, 600_000);
});
