// The shell's expansions that read the lab machine's tree: the home's manifests come from the
// world, so a fresh session must see them in globs, file tests and `$(< file)` on its first line.
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { loadLab } from '../../src/node/labs.ts';
import { listDirectory, prepareTree, readFile, READER_HOME } from '../../src/engine/commands/fs/tree.ts';

async function fresh() {
  const world = createFixtureWorld(await loadLab({ name: 'aro2' }));
  return new Session(world, { tty: false });
}

/** The project directory and its manifests, as the tree lists them. */
async function manifests() {
  const session = await fresh();
  await prepareTree(session);
  const project = `${READER_HOME}/${session.world.info.session.namespace}`;
  return { project, names: listDirectory(session, project)! };
}

describe('expansions on the tree', () => {
  it('expands a glob with a directory part to the manifests of the home on the first line', async () => {
    const { project, names } = await manifests();
    expect(names.length).toBeGreaterThan(0);
    const result = await (await fresh()).run(`for f in ${project}/*.yaml; do echo "\${f##*/}"; done`);
    expect(result.stdout).toBe(names.filter((n) => n.endsWith('.yaml')).map((n) => `${n}\n`).join(''));
  });

  it('matches a glob in a middle part of the path', async () => {
    const { project } = await manifests();
    const [, , user, dir] = project.split('/');
    expect((await (await fresh()).run(`echo /home/*/${dir}`)).stdout).toBe(`/home/${user}/${dir}\n`);
  });

  it('sees a manifest with [[ -e ]] in a fresh session', async () => {
    const { project, names } = await manifests();
    expect((await (await fresh()).run(`[[ -e ${project}/${names[0]} ]]; echo $?`)).stdout).toBe('0\n');
  });

  it('reads a file with $(< file) and says when it is missing', async () => {
    const session = await fresh();
    await prepareTree(session);
    const text = readFile(session, `${READER_HOME}/.bashrc`)!;
    expect((await (await fresh()).run('x="$(<~/.bashrc)"; echo ${#x}')).stdout).toBe(`${text.replace(/\n+$/, '').length}\n`);
    expect(await (await fresh()).run('echo "[$(< /nope)]"')).toMatchObject({ stdout: '[]\n', stderr: 'bash: /nope: No such file or directory\n' });
  });
});

describe('process substitution', () => {
  it('expands <(list) to /dev/fd/63, 62… as bash numbers them', async () => {
    expect((await (await fresh()).run('echo <(true) <(true)')).stdout).toBe('/dev/fd/63 /dev/fd/62\n');
  });

  it('gives the list\'s output to the command that reads the path, and to a redirection', async () => {
    const session = await fresh();
    expect((await session.run('cat <(echo a) <(echo b)')).stdout).toBe('a\nb\n');
    expect((await session.run('while read -r w; do echo "<$w>"; done < <(printf "x\\ny\\n")')).stdout).toBe('<x>\n<y>\n');
  });

  it('closes the path when its command ends', async () => {
    const result = await (await fresh()).run('cat <(echo x); cat /dev/fd/63');
    expect(result).toMatchObject({ stdout: 'x\n', stderr: 'cat: /dev/fd/63: No such file or directory\n' });
  });

  it('says that writing to a process substitution is not available, without running the line', async () => {
    const result = await (await fresh()).run('echo >(cat)');
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('not available in this lab');
  });
});

describe('aliases', () => {
  it('source ~/.bashrc defines the aliases the file holds, which work on the next line', async () => {
    const session = await fresh();
    await prepareTree(session);
    const defined = readFile(session, `${READER_HOME}/.bashrc`)!.split('\n').filter((l) => l.startsWith('alias ')).sort();
    expect(defined.length).toBeGreaterThan(0);
    const sourced = await session.run('source ~/.bashrc; alias');
    expect(sourced).toMatchObject({ stderr: '', stdout: defined.map((l) => `${l}\n`).join('') });
    const name = /^alias ([^=]+)=/.exec(defined[0])![1];
    expect((await session.run(`${name} -d ~`)).stderr).toBe('');
  });

  it('takes effect on the next line of a pasted text, not on its own', async () => {
    const result = await (await fresh()).run("alias hi='echo hello'; hi\nhi there");
    expect(result).toMatchObject({ stdout: 'hello there\n', stderr: 'bash: hi: command not found\n' });
  });
});
