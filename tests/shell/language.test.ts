// The shell's language beyond single commands: what the corpus cannot show (limits, state kept
// between lines, the terminal's question "is this line complete?"). Expected texts are bash 5.2's
// where bash has one, the lab's own message where the lab stops a line bash would run forever.
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session.ts';
import { isIncomplete } from '../../src/engine/shell/parser.ts';
import { MAX_COMMANDS_PER_LINE, MAX_FUNCTION_DEPTH } from '../../src/engine/limits.ts';
import { variablesUsed } from '../../src/engine/shell/variables-used.ts';
import { emptyWorld } from './fake-world.ts';
import { listDirectory } from '../../src/engine/commands/fs/tree.ts';

async function run(lines: string[]) {
  const session = new Session(emptyWorld());
  let last;
  for (const line of lines) last = await session.run(line);
  return last!;
}

describe('loops and recursion end', () => {
  it('stops `while true` at the lab\'s command budget with a message, and the session goes on', async () => {
    const session = new Session(emptyWorld());
    const stopped = await session.run('while true; do :; done; echo never');
    expect(stopped).toMatchObject({ status: 1, stdout: '', stderr: `bash: the lab runs at most ${MAX_COMMANDS_PER_LINE} commands per line\n` });
    expect((await session.run('echo next')).stdout).toBe('next\n');
  });

  it('stops unbounded recursion at the lab\'s depth, and honours FUNCNEST with bash\'s text', async () => {
    expect(await run(['f() { f; }; f; echo never'])).toMatchObject({ status: 1, stderr: `bash: f: the lab nests function calls at most ${MAX_FUNCTION_DEPTH} deep\n` });
    expect(await run(['FUNCNEST=3; f() { echo $1; f $(($1+1)); }; f 1; echo never'])).toMatchObject({ status: 1, stdout: '1\n2\n3\n', stderr: 'bash: f: maximum function nesting level exceeded (3)\n' });
  });

  it('runs a loop of a thousand turns whole', async () => {
    expect((await run(['n=0; for i in {1..1000}; do n=$((n+i)); done; echo $n'])).stdout).toBe('500500\n');
  });
});

describe('state between lines', () => {
  it('keeps functions, arrays and positional parameters for the next lines', async () => {
    expect((await run(['greet() { echo "hi $1"; }', 'a=(x y z)', 'set -- p q', 'greet ${a[2]} $2; echo $#'])).stdout).toBe('hi z\n2\n');
  });

  it('keeps a subshell\'s and a pipeline stage\'s changes to themselves', async () => {
    expect((await run(['x=outer; (x=inner; cd /tmp); echo $x $PWD'])).stdout).toBe('outer /home/reader\n');
    expect((await run(['echo value | read v; echo "[$v]"'])).stdout).toBe('[]\n');
    expect((await run(['f() { echo in; }; (unset -f f); f'])).stdout).toBe('in\n');
  });

  it('restores the variables a function made local, and set -u stays on for later lines', async () => {
    expect((await run(['v=1; f() { local v=2; g; }; g() { echo $v; }; f; echo $v'])).stdout).toBe('2\n1\n');
    expect(await run(['set -u', 'echo $undefined_here'])).toMatchObject({ status: 1, stderr: 'bash: undefined_here: unbound variable\n' });
  });
});

describe('a line that is not finished', () => {
  it('is incomplete while a quote, a construct or a here-document is open, and complete once closed', () => {
    for (const open of ['echo "abc', "echo 'x", 'for x in a b; do', 'if true; then echo', 'f() {', 'cat <<EOF\nline', 'echo a |', 'echo a &&', 'echo a \\', 'case x in', 'a=(1', 'echo $(echo', '{ echo a']) {
      expect(isIncomplete(open), open).toBe(true);
    }
    for (const done of ['echo "abc"', 'for x in a b; do echo $x; done', 'cat <<EOF\nline\nEOF', 'echo a | wc -l', 'f() { :; }', '']) {
      expect(isIncomplete(done), done).toBe(false);
    }
  });

  it('is no "incomplete" when it is a plain syntax error', () => {
    expect(isIncomplete('echo a; fi')).toBe(false);
    expect(isIncomplete('echo a | | b')).toBe(false);
  });
});

describe('variables a line reads', () => {
  it('looks inside loops, conditions, case and parameter operators, and counts a loop variable as set', () => {
    expect(variablesUsed('for n in $names; do echo ${n%.*} ${suffix:-x}; done')).toEqual({ reads: ['names', 'suffix'], sets: ['n'] });
    expect(variablesUsed('if [[ $a == b ]]; then echo ${c/x/$d}; fi').reads).toEqual(['a', 'c', 'd']);
  });
});

describe('pathname expansion', () => {
  it('matches the names of the lab\'s tree, hides dot files from `*`, and leaves a pattern that matches nothing', async () => {
    const session = new Session(emptyWorld());
    const hosts = (listDirectory(session, '/etc') ?? []).filter((n) => n.startsWith('host')).map((n) => `/etc/${n}`);
    expect(hosts.length).toBeGreaterThan(0);
    expect((await session.run('echo /etc/host*')).stdout).toBe(`${hosts.join(' ')}\n`);
    const home = listDirectory(session, '/home/reader') ?? [];
    const visible = home.filter((n) => !n.startsWith('.'));
    expect((await session.run('cd ~; echo *')).stdout).toBe(`${visible.length ? visible.join(' ') : '*'}\n`);
    expect((await session.run('echo "/etc/host*" /nowhere/*')).stdout).toBe('/etc/host* /nowhere/*\n');
  });
});

describe('help', () => {
  it('lists the builtins the shell runs itself beside the registry\'s commands', async () => {
    const listed = (await run(['help'])).stdout;
    for (const name of ['read', 'local', 'mapfile', 'type', 'set']) expect(listed).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    expect((await run(['help read'])).status).toBe(0);
  });
});

describe('history expansion', () => {
  it('runs !! and !$ as the lines they stand for, shows that line, and keeps it in history', async () => {
    const session = new Session(emptyWorld());
    await session.run('echo a b');
    expect(await session.run('echo !!')).toMatchObject({ stdout: 'echo a b\n', stderr: 'echo echo a b\n' });
    expect(await session.run('echo !$ x')).toMatchObject({ stdout: 'b x\n', stderr: 'echo b x\n' });
    expect(session.history).toEqual(['echo a b', 'echo echo a b', 'echo b x']);
    expect(await session.run('echo !nothing')).toMatchObject({ stdout: '', stderr: 'bash: !nothing: event not found\n' });
  });
});

describe('what the lab cannot do', () => {
  it('says so when read would wait for the reader to type, and reads a pipe or a here-string', async () => {
    const waiting = await run(['read answer']);
    expect(waiting.status).toBe(1);
    expect(waiting.stderr).toMatch(/^bash: read: reading from the terminal is not available in this lab/);
    expect((await run(['read answer <<< yes; echo $answer'])).stdout).toBe('yes\n');
  });

  it('names the bash builtins it does not run instead of calling them unknown commands', async () => {
    expect(await run(['trap "echo x" EXIT'])).toMatchObject({ status: 1, stderr: 'bash: trap: not available in this lab\n' });
    expect(await run(['set -e'])).toMatchObject({ status: 1, stderr: 'bash: set: -e: not available in this lab\n' });
  });
});

describe('patterns on long values', () => {
  it('removes and replaces on a value of a hundred thousand characters in one pass, with the same answers', async () => {
    const result = await run(['x=$(printf "%0100000d" 0)ab; y=${x#*0}; z=${x%%0*}; w=${x//0/}; v=${x%0*}; echo ${#y} "[$z]" $w ${#v}']);
    expect(result.stdout).toBe('100001 [] ab 99999\n');
  });
});

describe('declare', () => {
  it('refuses the attributes the lab does not keep rather than store a wrong value', async () => {
    expect(await run(['declare -A m'])).toMatchObject({ status: 1, stderr: 'bash: declare: -A: not available in this lab (-a, -i, -r, -x, -p, -f, -F and -g are)\n' });
    expect(await run(['declare -n r=x; echo "[$r]"'])).toMatchObject({ stdout: '[]\n' });
  });
});

describe('a here-document without its delimiter', () => {
  it('still asks for more input at the terminal', () => {
    expect(isIncomplete('cat <<EOF\n{"a":1}')).toBe(true);
  });

  it('runs with what was given once the input ends, after bash\'s warning naming the line', async () => {
    const result = await run(['echo a\ncat <<EOF | tr a-z A-Z\nhello']);
    expect(result).toMatchObject({ status: 0, stdout: 'a\nHELLO\n', stderr: "bash: warning: here-document at line 2 delimited by end-of-file (wanted `EOF')\n" });
  });
});

describe('older and indexed forms', () => {
  it('evaluates $[ ] as $(( ))', async () => {
    expect((await run(['x=4; echo $[x*2+1]'])).stdout).toBe('9\n');
  });

  it('places [i]=v elements of a compound assignment at their index, the next ones after it', async () => {
    expect((await run(['a=([2]=x [0]=y z); echo "${!a[@]}" "${a[@]}"'])).stdout).toBe('0 1 2 y z x\n');
  });
});

describe('attributes', () => {
  it('evaluates what is assigned to a declare -i name as arithmetic, += adding', async () => {
    expect((await run(['declare -i n=2*3; n+=4; echo $n'])).stdout).toBe('10\n');
  });

  it('refuses to change or unset a read-only name, in bash\'s words, for the rest of the session', async () => {
    expect(await run(['readonly r=1', 'r=2; echo not reached'])).toMatchObject({ stdout: '', stderr: 'bash: r: readonly variable\n' });
    expect(await run(['readonly r=1', 'unset r; echo $? $r'])).toMatchObject({ stdout: '1 1\n', stderr: 'bash: unset: r: cannot unset: readonly variable\n' });
  });
});

describe('what bash sets itself', () => {
  it('counts subshells and substitutions in $BASH_SUBSHELL', async () => {
    expect((await run(['echo $BASH_SUBSHELL $(echo $BASH_SUBSHELL) $( (echo $BASH_SUBSHELL) )'])).stdout).toBe('0 1 2\n');
  });

  it('lists the set -o options on in $SHELLOPTS as set changes them', async () => {
    const before = (await run(['echo $SHELLOPTS'])).stdout.trim().split(':');
    const after = (await run(['set -u; echo $SHELLOPTS'])).stdout.trim().split(':');
    expect(after).toEqual([...before, 'nounset']);
  });

  it('gives a sequence of characters through the backslash as bash does: an empty word', async () => {
    expect((await run(['printf "[%s]" {Z..a}'])).stdout).toBe('[Z][[][][]][^][_][`][a]');
  });
});
