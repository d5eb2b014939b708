// `aro-labs exec` with no LINE reads standard input as bash reads a script: a command that is not
// complete yet (a here-document, a loop or an if over several lines, a quote left open, a line
// ending in a backslash) waits for the lines that complete it, then runs as one.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isIncomplete } from '../../src/engine/index.ts';
import { commandsOf } from '../../src/node/cli/script.ts';

const BIN = fileURLToPath(new URL('../../bin/aro-labs', import.meta.url));

function exec(input: string, args: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(BIN, ['exec', ...args], { encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as NodeJS.ErrnoException & { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    child.stdin?.end(input);
  });
}

async function commands(script: string): Promise<string[]> {
  const found: string[] = [];
  async function* lines() {
    yield* script.split('\n');
  }
  for await (const command of commandsOf(lines(), isIncomplete)) found.push(command);
  return found;
}

describe('the commands of a script', () => {
  it('are its lines, each a command when complete', async () => {
    expect(await commands('a=1\necho $a')).toEqual(['a=1', 'echo $a']);
  });

  it('join the lines of a here-document, a loop, an if, an open quote and a continued line', async () => {
    expect(await commands('cat <<EOF\none\nEOF\necho after')).toEqual(['cat <<EOF\none\nEOF', 'echo after']);
    expect(await commands('for i in 1 2\ndo\n  echo $i\ndone')).toEqual(['for i in 1 2\ndo\n  echo $i\ndone']);
    expect(await commands('if true; then\n  echo yes\nfi')).toEqual(['if true; then\n  echo yes\nfi']);
    expect(await commands('echo "a\nb"')).toEqual(['echo "a\nb"']);
    expect(await commands('echo a \\\nb')).toEqual(['echo a \\\nb']);
  });

  it('end with what is still open when the input ends, as it stands', async () => {
    expect(await commands('echo one\nwhile true\ndo echo x')).toEqual(['echo one', 'while true\ndo echo x']);
  });
});

describe('aro-labs exec reading a script', () => {
  it('runs here-documents and multi-line constructs as bash does, in one session', async () => {
    const script = ['cat <<EOF', 'cluster $cluster_name', 'EOF', 'for i in 1 2', 'do', '  echo n=$i', 'done', 'if [ "$rg" = aro2 ]; then', '  echo same group', 'fi', 'echo "a', 'b"', ''].join('\n');
    expect(await exec(script, ['--lab', 'aro2'])).toEqual({ code: 0, stdout: 'cluster aro2\nn=1\nn=2\nsame group\na\nb\n', stderr: '' });
  });

  it('ends at the script\'s own exit, with its status or the last one, printing nothing more', async () => {
    expect(await exec('echo a\nexit 3\necho b\n')).toEqual({ code: 3, stdout: 'a\n', stderr: '' });
    expect(await exec('false\nexit\necho b\n')).toEqual({ code: 1, stdout: '', stderr: '' });
  });

  it("answers a construct the input leaves open with the terminal's syntax error and status 2", async () => {
    const r = await exec('echo before\nfor i in 1\ndo echo $i\n');
    expect(r).toEqual({ code: 2, stdout: 'before\n', stderr: 'bash: syntax error: unexpected end of file\n' });
  });
});
