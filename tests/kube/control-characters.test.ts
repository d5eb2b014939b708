// kubectl with control characters in values (a pod's annotation): what kubectl v1.32 prints,
// recorded against tests/conformance/kube-api-server.ts serving the same lab (the expected texts
// below are its stdout/stderr). Tables and custom columns make ESC and CR visible (^[ and \r);
// -o json escapes as Go's encoding/json; -o yaml goes through go-yaml v2, whose reader refuses
// DEL and C1 controls and folds a raw NEL; jsonpath prints the value raw.
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { ESCAPES, POD, labWithText } from '../helpers/control-lab.ts';

async function kubectl(note: string, line: string) {
  const session = new Session(createFixtureWorld(labWithText(note)), { tty: false });
  const r = await session.run(line);
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

const YAML_ERROR = (problem: string) => ({ stdout: '', stderr: `error: error converting JSON to YAML: yaml: ${problem}\n`, status: 1 });
const annotation = (yaml: string) => /\n {2}annotations:\n {4}note: (.*(?:\n {6}.*|\n)*?)\n {2}creationTimestamp/.exec(yaml)?.[1];
const COLUMNS = 'kubectl get pods -o custom-columns=NOTE:.metadata.annotations.note,NAME:.metadata.name,AGAIN:.metadata.annotations.note,IP:.status.podIP';

describe('kubectl -o yaml with control characters', () => {
  it.each([
    ['DEL', 'x\x7fy'],
    ['a C1 control (CSI)', 'x\u009by'],
    ['U+FFFE', 'x\ufffey'],
  ])('fails as go-yaml v2 refuses %s in the JSON it reads back', async (_what, note) => {
    expect(await kubectl(note, `kubectl get pod ${POD} -o yaml`)).toEqual(YAML_ERROR('control characters are not allowed'));
    expect(await kubectl(note, 'kubectl get pods -o yaml')).toEqual(YAML_ERROR('control characters are not allowed'));
  });

  it('folds a raw NEL as a line break of a double-quoted scalar', async () => {
    expect(annotation((await kubectl('x\u0085y', `kubectl get pod ${POD} -o yaml`)).stdout)).toBe('x y');
    expect(annotation((await kubectl('a \u0085 \u0085\u0085 b\u0085c', `kubectl get pod ${POD} -o yaml`)).stdout)).toBe('|-\n      a\n\n      b c');
  });

  it('fails on a document marker that a NEL puts at the start of a line, counting lines by NELs', async () => {
    expect(await kubectl('p\u0085q\u0085r\u0085--- s', `kubectl get pod ${POD} -o yaml`)).toEqual(YAML_ERROR('line 4: found unexpected document indicator'));
  });

  it('writes escapes in double quotes as go-yaml does', async () => {
    const note = `${ESCAPES}\re\u202eh\x00i\x01j\tk\u2028l\u0085m\u00a0n\x1b\\o\ufeffp`;
    expect(annotation((await kubectl(note, `kubectl get pod ${POD} -o yaml`)).stdout)).toBe(
      '"a\\e]52;c;aGk=\\ab\\e]0;title\\ac\\e[2Jd\\re\u202eh\\0i\\x01j\\tk\\Ll m\u00a0n\\e\\\\o\\uFEFFp"',
    );
  });
});

describe('kubectl custom columns with line breaks in a value', () => {
  it('flushes the table at a line of one cell and keeps the widths it had (RememberWidths)', async () => {
    expect((await kubectl('A\nBBBBBBBBBBBBBBBBBBBBBBBB', COLUMNS)).stdout).toBe(
      'NOTE     NAME              AGAIN    IP\n<none>   server-1-deploy   <none>   10.131.0.18\n<none>   server-1-ppl25    <none>   10.129.2.14\nA\nBBBBBBBBBBBBBBBBBBBBBBBB   sqlapi-1-8jgx8    A\nBBBBBBBBBBBBBBBBBBBBBBBB   10.131.0.25\n<none>                     sqlapi-1-deploy   <none>   10.131.0.21\n',
    );
    expect((await kubectl('AAAAAAAAAAAAAAAAAAAAAA\nB', COLUMNS)).stdout).toBe(
      'NOTE     NAME              AGAIN    IP\n<none>   server-1-deploy   <none>   10.131.0.18\n<none>   server-1-ppl25    <none>   10.129.2.14\nAAAAAAAAAAAAAAAAAAAAAA\nB        sqlapi-1-8jgx8    AAAAAAAAAAAAAAAAAAAAAA\nB        10.131.0.25\n<none>   sqlapi-1-deploy   <none>   10.131.0.21\n',
    );
  });

  it('ends a line and flushes at a form feed, which it writes as a newline', async () => {
    expect((await kubectl('A\fBBBBBBBBBBBBBBBBBBBBBBBB', COLUMNS)).stdout).toBe(
      'NOTE     NAME              AGAIN    IP\n<none>   server-1-deploy   <none>   10.131.0.18\n<none>   server-1-ppl25    <none>   10.129.2.14\nA\nBBBBBBBBBBBBBBBBBBBBBBBB   sqlapi-1-8jgx8    A\nBBBBBBBBBBBBBBBBBBBBBBBB   10.131.0.25\n<none>                     sqlapi-1-deploy   <none>   10.131.0.21\n',
    );
  });

  it('ends a cell at a vertical tab', async () => {
    expect((await kubectl('A\vB', COLUMNS)).stdout).toBe(
      'NOTE     NAME              AGAIN            IP\n<none>   server-1-deploy   <none>           10.131.0.18\n<none>   server-1-ppl25    <none>           10.129.2.14\nA        B                 sqlapi-1-8jgx8   A     B     10.131.0.25\n<none>   sqlapi-1-deploy   <none>           10.131.0.21\n',
    );
  });

  it('shows ESC as ^[ and CR as \\r, and leaves BEL raw', async () => {
    expect((await kubectl('x\x1b]0;t\x07\ry', COLUMNS)).stdout).toBe(
      'NOTE          NAME              AGAIN         IP\n<none>        server-1-deploy   <none>        10.131.0.18\n<none>        server-1-ppl25    <none>        10.129.2.14\nx^[]0;t\x07\\ry   sqlapi-1-8jgx8    x^[]0;t\x07\\ry   10.131.0.25\n<none>        sqlapi-1-deploy   <none>        10.131.0.21\n',
    );
  });
});

describe('kubectl -o json and jsonpath with control characters', () => {
  it('escapes controls as Go does and leaves DEL, C1 and bidi raw in -o json', async () => {
    const json = (await kubectl(`${ESCAPES}\x7f\u009b\u202e\u2028<`, `kubectl get pod ${POD} -o json`)).stdout;
    expect(json).toContain('"note": "a\\u001b]52;c;aGk=\\u0007b\\u001b]0;title\\u0007c\\u001b[2Jd\x7f\u009b\u202e\\u2028\\u003c"');
  });

  it('prints the value raw with jsonpath, as kubectl does', async () => {
    expect((await kubectl(ESCAPES, `kubectl get pod ${POD} -o jsonpath='{.metadata.annotations.note}'`)).stdout).toBe(ESCAPES);
  });
});
