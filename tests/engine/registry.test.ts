// The command registry knows every command by name and summary without loading it, and a
// command's first use loads its own module only. Every command module (and the heavy libraries
// only some commands need) is watched: its mock records that it was evaluated, then hands back the
// real module, so a static import from one command's module into another's would show here.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { registry, type CommandModule } from '../../src/engine/commands/registry.ts';
import { emptyWorld } from '../shell/fake-world.ts';
import { escapeRegExp } from '../helpers/escape-regexp.ts';

const evaluated = new Set<string>();
// Every command module, and libraries only some commands need: az's --query, kubectl's -o yaml and
// jsonpath, grep's and jq's regexes (paths under src/engine/).
const WATCHED = [
  'commands/builtins/echo.ts',
  'commands/builtins/env.ts',
  'commands/builtins/variables.ts',
  'commands/builtins/session-builtins.ts',
  'commands/builtins/cd.ts',
  'commands/builtins/lab.ts',
  'commands/builtins/test.ts',
  'commands/builtins/printf.ts',
  'commands/text/cat.ts',
  'commands/text/ls.ts',
  'commands/text/tr.ts',
  'commands/text/awk/index.ts',
  'commands/text/cut.ts',
  'commands/text/grep.ts',
  'commands/text/head-tail.ts',
  'commands/text/wc.ts',
  'commands/text/sort-uniq.ts',
  'commands/text/seq.ts',
  'commands/text/tac.ts',
  'commands/text/rev.ts',
  'commands/text/basename-dirname.ts',
  'commands/az/index.ts',
  'commands/kube/index.ts',
  'commands/net/curl.ts',
  'commands/net/nslookup.ts',
  'commands/net/dig.ts',
  'commands/net/host.ts',
  'commands/jq/index.ts',
  'commands/exercises/submit.ts',
  'query/jmespath.ts',
  'format/kube/yaml.ts',
  'format/kube/jsonpath.ts',
  'regex/index.ts',
];

/** The file each of the registry's modules loads (a Record, so a module added to the registry must be named here). */
const MODULE_FILES: Record<CommandModule, string> = {
  echo: 'builtins/echo.ts',
  env: 'builtins/env.ts',
  variables: 'builtins/variables.ts',
  session: 'builtins/session-builtins.ts',
  cd: 'builtins/cd.ts',
  lab: 'builtins/lab.ts',
  test: 'builtins/test.ts',
  printf: 'builtins/printf.ts',
  cat: 'text/cat.ts',
  ls: 'text/ls.ts',
  tr: 'text/tr.ts',
  awk: 'text/awk/index.ts',
  cut: 'text/cut.ts',
  grep: 'text/grep.ts',
  'head-tail': 'text/head-tail.ts',
  wc: 'text/wc.ts',
  'sort-uniq': 'text/sort-uniq.ts',
  seq: 'text/seq.ts',
  tac: 'text/tac.ts',
  rev: 'text/rev.ts',
  'basename-dirname': 'text/basename-dirname.ts',
  az: 'az/index.ts',
  kube: 'kube/index.ts',
  curl: 'net/curl.ts',
  nslookup: 'net/nslookup.ts',
  dig: 'net/dig.ts',
  host: 'net/host.ts',
  jq: 'jq/index.ts',
  submit: 'exercises/submit.ts',
};
const COMMAND_FILES = new Set(Object.values(MODULE_FILES));

const fresh = async () => ({
  ...(await import('../../src/engine/commands/registry.ts')),
  ...(await import('../../src/engine/session.ts')),
});

/** Every command the areas define, from their own indexes (which the registry does not read). */
async function areaCommands() {
  const lists = await Promise.all([
    import('../../src/engine/commands/builtins/index.ts').then((m) => m.builtinCommands),
    import('../../src/engine/commands/text/index.ts').then((m) => m.textCommands),
    import('../../src/engine/commands/net/index.ts').then((m) => m.netCommands),
    import('../../src/engine/commands/jq/index.ts').then((m) => m.jqCommands),
    import('../../src/engine/commands/az/index.ts').then((m) => m.azCommands),
    import('../../src/engine/commands/kube/index.ts').then((m) => m.kubeCommands),
    import('../../src/engine/commands/exercises/submit.ts').then((m) => [m.submit]),
  ]);
  return lists.flat();
}

// Mocks are registered afresh for each test, after forgetting every module, so each test sees
// which modules it evaluated itself.
beforeEach(() => {
  vi.resetModules();
  evaluated.clear();
  for (const path of WATCHED) {
    vi.doMock(`../../src/engine/${path}`, async (importOriginal: () => Promise<object>) => {
      evaluated.add(path.replace(/^commands\//, ''));
      return importOriginal();
    });
  }
});

/** What a fresh session evaluated of the watched modules: the shell's own imports. */
async function freshSession() {
  const loaded = await fresh();
  const session = new loaded.Session(emptyWorld());
  return { ...loaded, session, shell: new Set(evaluated) };
}
const since = (shell: Set<string>) => [...evaluated].filter((f) => !shell.has(f)).sort();

describe('the command registry', () => {
  it('lists every command the areas define, with the summary each command gives itself', async () => {
    const { registry } = await fresh();
    const commands = await areaCommands();
    expect([...registry.keys()].sort()).toEqual(commands.map((c) => c.name).sort());
    for (const command of commands) expect(registry.get(command.name)?.summary, command.name).toBe(command.summary);
  });

  it("starts a session with cd's module alone, whose directory tree gives the session its home", async () => {
    const { loadedModules, shell } = await freshSession();
    expect(loadedModules()).toEqual([]);
    expect([...shell]).toEqual([MODULE_FILES.cd]);
  });

  it('completes command names with every command, loading none of them', async () => {
    const { registry, session, loadedModules, shell } = await freshSession();
    expect((await session.complete('', 0)).candidates).toEqual([...registry.keys()].sort());
    expect((await session.complete('echo hi | c', 11)).candidates).toEqual([...registry.keys()].filter((n) => n.startsWith('c')).sort());
    expect(loadedModules()).toEqual([]);
    expect(since(shell)).toEqual([]);
  });

  it('lists every command in help, loading only the module of help', async () => {
    const { registry, session, loadedModules, shell } = await freshSession();
    const result = await session.run('help');
    for (const [name, command] of registry) expect(result.stdout).toMatch(new RegExp(`^  ${escapeRegExp(name)} +${escapeRegExp(command.summary)}$`, 'm'));
    expect(loadedModules()).toEqual(['session']);
    expect(since(shell)).toEqual([MODULE_FILES.session]);
  });

  it.each([...registry.keys()])('loads %s with its own module and no other command module', async (name) => {
    const { loadCommand, loadedModules, shell } = await freshSession();
    expect((await loadCommand(name))?.name).toBe(name);
    const loaded = loadedModules();
    expect(loaded).toHaveLength(1);
    const own = MODULE_FILES[loaded[0]];
    expect(evaluated).toContain(own);
    expect(since(shell).filter((f) => COMMAND_FILES.has(f) && f !== own)).toEqual([]);
  });

  it.each(['echo', 'cd', 'export', 'help', 'cut', 'head', 'sort', 'wc', 'submit'])('loads %s without the libraries of az, kubectl, jq or grep', async (name) => {
    const { loadCommand, shell } = await freshSession();
    await loadCommand(name);
    expect(since(shell).filter((f) => !COMMAND_FILES.has(f))).toEqual([]);
  });

  it('runs a line loading only the commands it names', async () => {
    const { session, loadedModules, shell } = await freshSession();
    const result = await session.run('echo hello | cut -c1-4');
    expect(result.stdout).toBe('hell\n');
    expect(loadedModules().sort()).toEqual(['cut', 'echo']);
    expect(since(shell)).toEqual([MODULE_FILES.cut, MODULE_FILES.echo].sort());
  });

  it("completes a command's words as the command itself does, loading its module then", async () => {
    const { session, loadCommand, loadedModules } = await freshSession();
    const candidates = (await session.complete('oc pro', 6)).candidates;
    expect(loadedModules()).toEqual(['kube']);
    const oc = await loadCommand('oc');
    expect(candidates).toEqual((await oc!.complete!(['oc', 'pro'], session)).filter((c) => c.startsWith('pro')).sort());
    expect(candidates.length).toBeGreaterThan(0);
  });

  it('loads a module again after its load failed, and says which command could not load', async () => {
    const { session } = await freshSession();
    vi.doMock('../../src/engine/commands/text/wc.ts', () => {
      throw new Error('the network lost it');
    });
    const failed = await session.run('echo a | wc -l');
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('bash: wc: ');
    vi.doUnmock('../../src/engine/commands/text/wc.ts');
    const again = await session.run('echo a | wc -l');
    expect({ stdout: again.stdout, status: again.status }).toEqual({ stdout: '1\n', status: 0 });
  });
});
