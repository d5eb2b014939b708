// Regenerates tests/conformance/references/*.jsonl from the real tools. Installs what it needs
// (Debian's azure-cli; jq 1.7.1 from Debian trixie, unpacked; coreutils and grep are there already). The test suite replays the
// committed references and needs none of these tools.
//   az lines:   the real az (azure-cli 2.45) offline through az-oracle, against the lab's ARM
//               resources as `aro-labs export --arm` prints them.
//   text lines: the lab prints the input (everything before the first jq/cut/grep/sort/uniq/head/
//               tail/wc of the pipeline); bash runs the rest with Debian's tools on it.
//   kubectl lines: the real kubectl against tests/conformance/kube-api-server.ts serving the lab.
//   shell lines: bash with the session's starting environment and variables.
//   net lines: the real curl, nslookup, dig and host as typed, in a network namespace holding the
//               lab's resolver and router addresses (tests/net/record-net.ts).
//   az-today lines: today's az (Debian trixie's azure-cli 2.74, fetched with apt-get download and
//               unpacked, not installed) offline against the lab's ARM and Azure Monitor on 127.0.0.1,
//               by scripts/make-az-today-references.py (which can also run alone).
// Usage: npm run conformance:references [-- ORACLE_DIR [CORPUS ...]]   (default ../shared/tools/az-oracle, all corpora)
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLab } from '../src/node/labs.ts';
import type { LabFile } from '../src/engine/world/types.ts';
import { prepareTree, readFile, READER_HOME, treeEntries } from '../src/engine/commands/fs/tree.ts';
import { createFixtureWorld } from '../src/engine/sources/fixture/index.ts';
import { exportArm } from '../src/engine/sources/fixture/export.ts';
import { Session } from '../src/engine/session.ts';
import { HERE, pipelineSegments, readCorpus, type CorpusLine, type Reference } from '../tests/conformance/corpus.ts';
import { startKubeApiServer } from '../tests/conformance/kube-api-server.ts';
import { recordNetLines } from '../tests/net/record-net.ts';
import { shellToolsReferences, textToolsReferences } from './make-tools-references.ts';

const TEXT_TOOLS = new Set(['jq', 'cut', 'grep', 'sort', 'uniq', 'head', 'tail', 'wc']);
const oracle = resolve(process.argv[2] ?? '../shared/tools/az-oracle');
const work = mkdtempSync(join(tmpdir(), 'aro-labs-conformance-'));

function ensure(command: string, debianPackage: string): void {
  if (spawnSync('sh', ['-c', `command -v ${command}`]).status === 0) return;
  execFileSync('sh', ['-c', `apt-get update && apt-get install -y ${debianPackage}`], { stdio: 'inherit' });
}

function write(name: string, references: Reference[]): void {
  writeFileSync(new URL(`references/${name}.jsonl`, HERE), references.map((r) => JSON.stringify(r)).join('\n') + '\n');
  console.log(`${name}: ${references.length} references`);
}

async function azReferences(lines: CorpusLine[]): Promise<Reference[]> {
  ensure('az', 'azure-cli');
  const out: Reference[] = [];
  for (const lab of [...new Set(lines.map((l) => l.lab))]) {
    const mine = lines.filter((l) => l.lab === lab);
    writeFileSync(join(work, `${lab}.json`), JSON.stringify(exportArm(await loadLab({ name: lab }))));
    writeFileSync(join(work, `${lab}.lines`), mine.map((l) => l.line.replace(/^az /, '')).join('\n') + '\n');
    execFileSync(join(oracle, 'make-golden.py'), [join(work, `${lab}.lines`), join(work, `${lab}.json`), join(work, `${lab}.jsonl`)], { stdio: 'inherit' });
    const results = readFileSync(join(work, `${lab}.jsonl`), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { stdout: string; stderr: string; exit: number });
    mine.forEach((l, i) => out.push({ ...l, stdout: results[i].stdout, stderr: results[i].stderr, exit: results[i].exit }));
  }
  return out;
}

async function textReferences(lines: CorpusLine[]): Promise<Reference[]> {
  // jq is Debian trixie's jq 1.7.1 (scripts/fetch-jq-1.7.1.sh), first on PATH, whatever jq the machine has.
  const bin = mkdtempSync(join(work, 'bin-'));
  symlinkSync(execFileSync('scripts/fetch-jq-1.7.1.sh', { encoding: 'utf8' }).trim(), join(bin, 'jq'));
  const out: Reference[] = [];
  for (const l of lines) {
    const segments = pipelineSegments(l.line);
    const split = segments.findIndex((s) => TEXT_TOOLS.has(s.split(/\s+/)[0]));
    if (split < 1) throw new Error(`${l.line}: needs a lab command before the first text tool`);
    const world = createFixtureWorld(await loadLab({ name: l.lab }));
    const produced = await new Session(world, { tty: false }).run(segments.slice(0, split).join(' | '));
    // --norc: bash would read ~/.bashrc, taking Node's socket stdin for a remote shell's.
    const real = spawnSync('bash', ['--norc', '--noprofile', '-c', segments.slice(split).join(' | ')], { input: produced.stdout, encoding: 'utf8', env: { PATH: `${bin}:/usr/bin:/bin`, LANG: 'C.UTF-8' } });
    out.push({ ...l, stdout: real.stdout, stderr: produced.stderr + real.stderr, exit: real.status ?? 1 });
  }
  return out;
}

/** kubectl runs asynchronously: the API server it talks to lives in this process. `client`: the
 * kubectl release to run, by name (the machine's `kubectl` is a dispatcher that picks a release by
 * the server's version; every corpus runs kubectl 1.32 by name, whatever the server reports). */
async function kubectlReferences(lines: CorpusLine[], client = '1.32', fresh = false): Promise<Reference[]> {
  ensure('kubectl', 'kubectl');
  const bin = mkdtempSync(join(work, 'bin-'));
  const release = execFileSync('sh', ['-c', `ls "$(dirname "$(readlink -f "$(command -v kubectl)")")/kubectl.${client}"`], { encoding: 'utf8' }).trim();
  symlinkSync(release, join(bin, 'kubectl'));
  const out: Reference[] = [];
  for (const lab of [...new Set(lines.map((l) => l.lab))]) {
    const world = await loadLab({ name: lab });
    const server = await startKubeApiServer(world);
    const home = mkdtempSync(join(work, 'home-'));
    const config = join(home, 'kubeconfig');
    writeFileSync(config, JSON.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: lab, cluster: { server: server.url } }],
      users: [{ name: 'reader', user: { token: 'sha256~conformance' } }],
      contexts: [{ name: lab, context: { cluster: lab, user: 'reader', namespace: world.info.session.namespace } }],
      'current-context': lab,
    }));
    // A corpus of writes reads the lab's own files (`-f sqlapi-service.yaml`): the reader's home,
    // as the session's tree holds it, is the working directory its lines run in.
    if (fresh) await readerHome(world, home);
    for (const l of lines.filter((x) => x.lab === lab)) {
      // A corpus of writes: each entry (its lines in order, in one bash) starts from the lab as loaded.
      if (fresh) server.reset();
      out.push({ ...l, ...(await bash(l.line, { HOME: home, KUBECONFIG: config, PATH: `${bin}:/usr/bin:/bin` }, fresh ? home : undefined)) });
    }
    await server.close();
  }
  return out;
}

/** The files of the lab session's home (/home/reader: the project's manifests…) written under `dir`. */
async function readerHome(lab: LabFile, dir: string): Promise<void> {
  const session = new Session(createFixtureWorld(lab), { tty: false });
  await prepareTree(session);
  for (const [path, node] of treeEntries(session)) {
    if (!path.startsWith(`${READER_HOME}/`)) continue;
    const target = join(dir, path.slice(READER_HOME.length + 1));
    if (node.kind === 'directory') mkdirSync(target, { recursive: true });
    else writeFileSync(target, readFile(session, path) ?? '');
  }
}

/** Runs a line in bash without blocking this process (the servers it talks to live here). */
function bash(line: string, env: Record<string, string>, cwd?: string): Promise<{ stdout: string; stderr: string; exit: number }> {
  return new Promise((resolve) =>
    execFile('bash', ['--norc', '--noprofile', '-c', line], { env: { PATH: '/usr/bin:/bin', LANG: 'C.UTF-8', ...env }, ...(cwd ? { cwd } : {}) }, (error, stdout, stderr) =>
      resolve({ stdout, stderr, exit: error ? Number((error as { code?: number }).code ?? 1) : 0 }),
    ),
  );
}

async function netReferences(lines: CorpusLine[]): Promise<Reference[]> {
  ensure('curl', 'curl');
  ensure('dig', 'bind9-dnsutils');
  return recordNetLines(lines);
}

/** bash with the lab session's starting state: its exported environment and its shell variables.
 * bash runs interactively (as the reader's terminal does: no "line 1:" in its messages, an error in
 * an expansion ends the line), reading the line on its standard input without line editing; the
 * messages an interactive bash prints about job control without a terminal, and its "exit" at the
 * end of its input, are not the line's. */
async function shellReferences(lines: CorpusLine[]): Promise<Reference[]> {
  const out: Reference[] = [];
  const rc = join(work, 'shell-rc');
  for (const l of lines) {
    const world = createFixtureWorld(await loadLab({ name: l.lab }));
    const session = new Session(world, { tty: false });
    const exported = Object.fromEntries(session.vars.environment());
    const variables = Object.entries(world.info.session.env).map(([k, v]) => `${k}='${v}'`).join('; ');
    writeFileSync(rc, `PS1=; PS2=; ${variables}\n`);
    const result = spawnSync('bash', ['--rcfile', rc, '--noprofile', '--noediting', '-i', '+m'], { input: `${l.line}\n`, encoding: 'utf8', cwd: '/', env: { PATH: '/usr/bin:/bin', LANG: 'C.UTF-8', ...exported } });
    const stderr = result.stderr
      .replace(/^bash: cannot set terminal process group \(\d+\): Inappropriate ioctl for device\n/, '')
      .replace(/^bash: no job control in this shell\n/, '')
      .replace(/exit\n$/, '');
    out.push({ ...l, stdout: result.stdout, stderr, exit: result.status ?? 1 });
  }
  return out;
}

/** az network and monitor lines, where 2.45 and today's az differ, and az's writes (az-writes,
 * az-writes-nsg: each entry on a fresh lab): azure-cli 2.74 through scripts/make-az-today-references.py. */
async function azTodayReferences(lines: CorpusLine[], name = 'az-today'): Promise<Reference[]> {
  const out = join(work, `${name}.jsonl`);
  const script = fileURLToPath(new URL('make-az-today-references.py', import.meta.url));
  execFileSync('/usr/bin/python3', [script, '--corpus', fileURLToPath(new URL(`corpus/${name}.txt`, HERE)), '--out', out], { stdio: 'inherit' });
  const made = readFileSync(out, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Reference);
  const key = (l: CorpusLine) => `${l.lab} ${l.line}`;
  if (made.map(key).join('\n') !== lines.map(key).join('\n')) throw new Error('make-az-today-references.py: its lines are not the corpus lines');
  return made;
}

const makers: Record<string, (lines: CorpusLine[]) => Promise<Reference[]>> = { az: azReferences, kubectl: (lines) => kubectlReferences(lines), 'kubectl-describe': (lines) => kubectlReferences(lines), 'kubectl-diagnose': (lines) => kubectlReferences(lines), 'kubectl-reader': (lines) => kubectlReferences(lines), 'kubectl-writes': (lines) => kubectlReferences(lines, '1.32', true), 'kubectl-workloads': (lines) => kubectlReferences(lines, '1.32', true), 'kubectl-cloud': (lines) => kubectlReferences(lines, '1.32', true), 'az-today': (lines) => azTodayReferences(lines), 'az-writes': (lines) => azTodayReferences(lines, 'az-writes'), 'az-writes-nsg': (lines) => azTodayReferences(lines, 'az-writes-nsg'), 'az-cloud': (lines) => azTodayReferences(lines, 'az-cloud'), net: netReferences, shell: shellReferences, text: textReferences, 'shell-tools': shellToolsReferences, 'shell-files': shellToolsReferences, 'text-tools': textToolsReferences };
const chosen = process.argv.slice(3);
// A corpus a part of the work has not written yet has no references to make.
for (const [name, make] of Object.entries(makers)) if ((!chosen.length || chosen.includes(name)) && existsSync(new URL(`corpus/${name}.txt`, HERE))) write(name, await make(readCorpus(name)));
