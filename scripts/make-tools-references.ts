// References of the shell-tools and text-tools corpora (printf, test/[, cat, ls, tr, awk), made by
// the real tools: bash 5.2's builtins, GNU coreutils, and GNU awk run as `awk` (installed with
// apt-get when absent; a directory put first on PATH makes `awk` gawk whatever the alternatives say).
//   shell-tools: each line runs in bash as the lab's reader would run it, on the lab machine's own
//     file tree: the tree (fs/tree.ts) is written out, the home as a read-only ext4 image mounted on
//     /home and the /etc files bound over the machine's, in a mount namespace of its own, and bash
//     runs as uid 1000 (the tree's `reader`) in /home/reader with the session's environment. bash -c
//     names the line of an error (`bash: line 1: `); a terminal's bash does not, so that is dropped.
//   text-tools: as text.txt: the lab prints the input (everything before the first text tool), the
//     real tools run the rest of the pipeline on it.
// Needs root (unshare, mount) and e2fsprogs' mkfs.ext4, as on the machine the references were made.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLab } from '../src/node/labs.ts';
import { createFixtureWorld } from '../src/engine/sources/fixture/index.ts';
import { Session } from '../src/engine/session.ts';
import { prepareTree, readFile, READER_HOME, treeEntries } from '../src/engine/commands/fs/tree.ts';
import { TREE_AGE_MS } from '../src/engine/commands/text/ls.ts';
import { pipelineSegments, type CorpusLine, type Reference } from '../tests/conformance/corpus.ts';

const TOOLS = new Set(['jq', 'cut', 'grep', 'sort', 'uniq', 'head', 'tail', 'wc', 'awk', 'tr', 'cat']);
const READER_UID = 1000;
const work = mkdtempSync(join(tmpdir(), 'aro-labs-tools-'));

/** A directory whose `awk` is GNU awk, to put first on PATH. */
function gawkDirectory(): string {
  if (spawnSync('sh', ['-c', 'command -v gawk']).status !== 0) {
    execFileSync('sh', ['-c', 'apt-get update && apt-get install -y gawk'], { stdio: 'inherit' });
  }
  const dir = mkdtempSync(join(work, 'bin-'));
  symlinkSync(execFileSync('sh', ['-c', 'command -v gawk'], { encoding: 'utf8' }).trim(), join(dir, 'awk'));
  return dir;
}

/** The lab's tree on disk: an ext4 image of /home and the /etc files, owners and times as ls -l shows them in the lab. */
async function materialize(session: Session): Promise<{ image: string; etc: Array<[string, string]> }> {
  await prepareTree(session);
  const dir = mkdtempSync(join(work, 'tree-'));
  const homeRoot = join(dir, 'home');
  const etc: Array<[string, string]> = [];
  const time = new Date(session.now().getTime() - TREE_AGE_MS);
  const stamped: string[] = [];
  for (const [path, node] of treeEntries(session)) {
    const uid = node.owner === 'reader' ? READER_UID : 0;
    const mode = parseInt(node.mode.slice(1).replace(/[rwx]/g, '1').replace(/[-]/g, '0').replace(/t$/, '1'), 2);
    if (path.startsWith('/home/')) {
      const target = join(homeRoot, path.slice('/home/'.length));
      if (node.kind === 'directory') mkdirSync(target, { recursive: true });
      else writeFileSync(target, readFile(session, path)!);
      chownSync(target, uid, uid);
      execFileSync('chmod', [mode.toString(8), target]);
      stamped.push(target);
    } else if (path.startsWith('/etc/') && node.kind === 'file') {
      const target = join(dir, path.slice(1).replace(/\//g, '_'));
      writeFileSync(target, readFile(session, path)!);
      stamped.push(target);
      etc.push([target, path]);
    }
  }
  // Children first, so that writing a child does not move its directory's time again.
  for (const target of stamped.reverse()) utimesSync(target, time, time);
  const image = join(dir, 'home.img');
  execFileSync('truncate', ['-s', '16M', image]);
  execFileSync('mkfs.ext4', ['-q', '-F', '-b', '4096', '-d', homeRoot, image]);
  // /home as the lab has it: no lost+found, and the tree's time.
  const mountPoint = mkdtempSync(join(work, 'mnt-'));
  const seconds = Math.floor(time.getTime() / 1000);
  execFileSync('unshare', ['--mount', 'sh', '-c', `mount -o loop ${image} ${mountPoint} && rmdir ${mountPoint}/lost+found && touch -d @${seconds} ${mountPoint} && umount ${mountPoint}`]);
  return { image, etc };
}

export async function shellToolsReferences(lines: CorpusLine[]): Promise<Reference[]> {
  const bin = gawkDirectory();
  // Each lab's tree is written out once; the lines run in the corpus's order.
  const labs = new Map<string, { mounts: string; environment: Record<string, string>; variables: string }>();
  for (const lab of new Set(lines.map((l) => l.lab))) {
    const world = createFixtureWorld(await loadLab({ name: lab }));
    const session = new Session(world, { tty: false });
    const { image, etc } = await materialize(session);
    labs.set(lab, {
      mounts: [`mount -o loop,ro ${image} /home`, ...etc.map(([from, to]) => `mount --bind ${from} ${to} && mount -o remount,bind,ro ${to}`)].join(' && '),
      environment: Object.fromEntries(session.vars.environment()),
      variables: Object.entries(world.info.session.env).map(([k, v]) => `${k}='${v}'`).join('; '),
    });
  }
  const out: Reference[] = [];
  for (const l of lines) {
    const { mounts, environment, variables } = labs.get(l.lab)!;
    const script = `${mounts} && cd ${READER_HOME} && exec setpriv --reuid=${READER_UID} --regid=${READER_UID} --clear-groups bash --norc --noprofile -c "$1"`;
    const real = spawnSync('unshare', ['--mount', 'sh', '-c', script, 'sh', `${variables}; ${l.line}`], {
      encoding: 'utf8', input: '', env: { ...environment, PATH: `${bin}:${environment.PATH ?? '/usr/bin:/bin'}`, LANG: 'C.UTF-8' },
    });
    out.push({ ...l, stdout: real.stdout, stderr: real.stderr.replace(/^bash: line \d+: /gm, 'bash: '), exit: real.status ?? 1 });
  }
  return out;
}

export async function textToolsReferences(lines: CorpusLine[]): Promise<Reference[]> {
  const bin = gawkDirectory();
  const out: Reference[] = [];
  for (const l of lines) {
    const segments = pipelineSegments(l.line);
    const split = segments.findIndex((s) => TOOLS.has(s.split(/\s+/)[0]));
    if (split < 1) throw new Error(`${l.line}: needs a lab command before the first text tool`);
    const world = createFixtureWorld(await loadLab({ name: l.lab }));
    const produced = await new Session(world, { tty: false }).run(segments.slice(0, split).join(' | '));
    const real = spawnSync('bash', ['--norc', '--noprofile', '-c', segments.slice(split).join(' | ')], {
      input: produced.stdout, encoding: 'utf8', env: { PATH: `${bin}:/usr/bin:/bin`, LANG: 'C.UTF-8' },
    });
    out.push({ ...l, stdout: real.stdout, stderr: produced.stderr + real.stderr, exit: real.status ?? 1 });
  }
  return out;
}
