// Escapes in command output are shown, not obeyed, wherever the output meets a terminal (the
// browser's xterm and `aro-labs shell`/`exec` on a TTY); to a pipe or a file `exec` writes the
// bytes the tools printed. SGR colours (jq -C) pass, and so does curl's CRLF.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { visibleControls } from '../../src/engine/format/visible-controls.ts';
import { Session } from '../../src/engine/session.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { ESCAPES, POD, ROUTE_URL, labWithText } from '../helpers/control-lab.ts';

const BIN = fileURLToPath(new URL('../../bin/aro-labs', import.meta.url));
/** What a terminal would obey: any ESC or C1 control not starting an SGR colour, BEL, a lone CR. */
const OBEYED = /\x1b(?!\[[0-9;:]*m)|[\x07\x80-\x9f]|\r(?!\n)/;

function run(file: string, args: string[], input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(file, args, { encoding: 'utf8', env: { ...process.env, TERM: 'xterm' } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as NodeJS.ErrnoException & { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    child.stdin?.end(input);
  });
}

/** `aro-labs ARGS` with a pseudo-terminal as its standard streams (util-linux `script`). */
function onTty(args: string[], input = '') {
  const quoted = [BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  return run('script', ['-qec', quoted, '/dev/null'], input);
}

async function labFile(): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'aro-labs-escapes-')), 'escapes.json');
  await writeFile(file, JSON.stringify(labWithText()));
  return file;
}

describe('visibleControls', () => {
  it.each([
    ['OSC 52 clipboard write', '\x1b]52;c;aGk=\x07', '^[]52;c;aGk=^G'],
    ['OSC 0 title', '\x1b]0;title\x07', '^[]0;title^G'],
    ['OSC 8 link ended by ST', '\x1b]8;;http://x/\x1b\\link\x1b]8;;\x1b\\', '^[]8;;http://x/^[\\link^[]8;;^[\\'],
    ['CSI clear screen', '\x1b[2J', '^[[2J'],
    ['CSI cursor move', '\x1b[10;1H', '^[[10;1H'],
    ['DCS', '\x1bP1$r\x1b\\', '^[P1$r^[\\'],
    ['APC', '\x1b_x\x1b\\', '^[_x^[\\'],
    ['C1 CSI', '\u009b2J', 'M-^[2J'],
    ['C1 OSC', '\u009d0;t\u009c', 'M-^]0;tM-^\\'],
    ['a lone CR that would overwrite the line', 'safe\rEVIL', 'safe^MEVIL'],
    ['backspace, NUL and DEL', 'a\b\x00\x7f', 'a^H^@^?'],
  ])('shows %s', (_what, text, shown) => {
    expect(visibleControls(text)).toBe(shown);
  });

  it('keeps SGR colours, tabs, newlines and CRLF', () => {
    const text = '\x1b[1;39m{\x1b[0m\n\t\x1b[34;1m"a"\x1b[0m\x1b[38:5:1m\x1b[m\r\nHTTP/1.1 200 OK\r\n';
    expect(visibleControls(text)).toBe(text);
  });

  it("keeps jq's own colours on a terminal", async () => {
    const session = new Session(createFixtureWorld(labWithText('plain')), { tty: true });
    const coloured = (await session.run(`echo '{"a":[1,"x",null,true]}' | jq .`)).stdout;
    expect(coloured).toContain('\x1b[');
    expect(visibleControls(coloured)).toBe(coloured);
  });
});

describe('aro-labs exec and shell with escapes in the lab', () => {
  const lines = [
    `curl -s ${ROUTE_URL}/api/sqlversion | jq -r .sql_output`,
    `curl -s ${ROUTE_URL}/api/printenv | jq -r .NOTE`,
    `kubectl get pod ${POD} -o jsonpath='{.metadata.annotations.note}'`,
    'az network public-ip show -g aro2-resources -n aro2-p8bjm-pip-v4 --query tags.note -o tsv',
  ];

  it('writes the bytes the tools printed to a pipe', async () => {
    const r = await run(BIN, ['exec', '--lab-file', await labFile(), ...lines]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${ESCAPES}\n`.repeat(2) + ESCAPES + `${ESCAPES}\n`);
  });

  it('shows the escapes on a terminal and never writes one', async () => {
    const r = await onTty(['exec', '--lab-file', await labFile(), ...lines]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(OBEYED);
    expect(r.stdout).toContain('a^[]52;c;aGk=^Gb^[]0;title^Gc^[[2Jd');
  });

  it("shell on a terminal shows the lab's title and the output visibly, and keeps jq's colours", async () => {
    const r = await onTty(['shell', '--lab-file', await labFile()], `curl -s ${ROUTE_URL}/api/printenv | jq .NOTE\nexit\n`);
    expect(r.stdout).toContain('ARO Packet Labs: Escapes a^[]52;c;aGk=^Gb^[]0;title^Gc^[[2Jd');
    // jq -C on a terminal: the string's colour stays, the JSON escapes are jq's own text.
    expect(r.stdout).toMatch(/\x1b\[0;32m"a\\u001b\]52;c;aGk=\\u0007b/);
    // readline moves its own cursor (ESC [ 1 G, ESC [ 0 J); no OSC, clear screen or BEL gets through.
    expect(r.stdout).not.toMatch(/\x1b\]|\x1b\[2J|[\x07\x80-\x9f]/);
  });

  it('refuses a lab file with ESC in a pod name, naming the file and the path, without the raw ESC', async () => {
    const lab = labWithText('plain');
    const i = lab.kube.findIndex((o) => o.metadata.name === POD);
    lab.kube[i].metadata.name = 'sqlapi\x1b]0;owned\x07';
    const file = join(await mkdtemp(join(tmpdir(), 'aro-labs-escapes-')), 'broken.json');
    await writeFile(file, JSON.stringify(lab));
    const r = await run(BIN, ['exec', '--lab-file', file, 'true']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`aro-labs exec: ${file}: kube[${i}].metadata.name: names may not contain control characters (found U+001B)\n`);
    expect(await readFile(file, 'utf8')).toContain('\\u001b');
  });
});
