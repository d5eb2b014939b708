// bin/aro-labs runs the CLI as bundled JavaScript (build/cli/, made by scripts/build-cli.ts) and
// never runs a bundle older than the sources: a copy of the project shows it building on its first
// start, building again when a source changed or went, and running the sources, saying so, when
// it cannot build. In the checkout itself, the bundle prints byte for byte what the sources print.
import { execFile } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SUMMARY = 'Runs the ARO Packet Labs terminal outside the browser.';
const FALLBACK_NOTE = 'aro-labs: running the TypeScript sources instead of the bundle\n';
/** Builds and runs from the sources take seconds of CPU; on a busy machine, more than vitest's default. */
const SLOW = { timeout: 180_000 };

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[], options: { cwd?: string; input?: string } = {}): Promise<Result> {
  return new Promise((resolve) => {
    const child = execFile(file, args, { cwd: options.cwd ?? ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as NodeJS.ErrnoException & { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    child.stdin?.end(options.input ?? '');
  });
}

describe('bin/aro-labs in a copy of the project', SLOW, () => {
  let copy: string;
  const bin = () => join(copy, 'bin', 'aro-labs');
  const built = (file: string) => join(copy, 'build', 'cli', file);
  const source = () => join(copy, 'src', 'node', 'cli.ts');

  beforeAll(() => {
    copy = mkdtempSync(join(tmpdir(), 'aro-labs-bundle-'));
    for (const path of ['src', 'bin/aro-labs', 'scripts/build-cli.ts', 'package.json', 'tsconfig.json']) cpSync(join(ROOT, path), join(copy, path), { recursive: true });
    for (const path of ['node_modules', 'labs']) symlinkSync(join(ROOT, path), join(copy, path));
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('builds the bundle on its first start, when there is none, and runs it', async () => {
    expect(existsSync(built('aro-labs.mjs'))).toBe(false);
    const r = await run(bin(), ['labs'], { cwd: copy });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^aro2 +The cluster of the post/m);
    expect(existsSync(built('aro-labs.mjs'))).toBe(true);
    expect(readFileSync(built('inputs.txt'), 'utf8').split('\n')).toContain('src/node/cli.ts');
  });

  it('dates the bundle from when its build started, so a source saved during a build is newer', () => {
    expect(statSync(built('aro-labs.mjs')).mtimeMs).toBeLessThan(statSync(built('cli.mjs')).mtimeMs);
  });

  it('runs the bundle, not the sources, while no source is newer than it', async () => {
    const main = readFileSync(built('cli.mjs'), 'utf8');
    expect(main).toContain(SUMMARY);
    writeFileSync(built('cli.mjs'), main.replace(SUMMARY, 'Printed by the bundle.'));
    const r = await run(bin(), ['--help'], { cwd: copy });
    expect(r.stdout).toContain('Printed by the bundle.');
    expect(r.stdout).not.toContain(SUMMARY);
  });

  it('builds again before it runs when a source changed, so no old code runs', async () => {
    writeFileSync(source(), readFileSync(source(), 'utf8').replace(SUMMARY, 'Changed in the sources.'));
    const r = await run(bin(), ['--help'], { cwd: copy });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('Changed in the sources.');
    expect(r.stdout).not.toContain('Printed by the bundle.');
  });

  it('builds again when a file the bundle was built from is gone', async () => {
    writeFileSync(built('cli.mjs'), readFileSync(built('cli.mjs'), 'utf8').replace('Changed in the sources.', 'Printed by the bundle.'));
    appendFileSync(built('inputs.txt'), 'src/node/removed-since.ts\n');
    const r = await run(bin(), ['--help'], { cwd: copy });
    expect(r.stdout).toContain('Changed in the sources.');
    expect(readFileSync(built('inputs.txt'), 'utf8')).not.toContain('removed-since');
  });

  it('runs the sources, saying so in one line, when the bundle is stale and cannot be built', async () => {
    writeFileSync(join(copy, 'scripts', 'build-cli.ts'), 'process.exitCode = 1;\n');
    writeFileSync(source(), readFileSync(source(), 'utf8').replace('Changed in the sources.', 'Changed again.'));
    const r = await run(bin(), ['--help'], { cwd: copy });
    expect(r).toMatchObject({ code: 0, stderr: FALLBACK_NOTE });
    expect(r.stdout).toContain('Changed again.');
  });
});

describe('the bundle prints what the sources print', SLOW, () => {
  const node = join(ROOT, 'node_modules', '.bin', 'node');
  const fromSources = (args: string[], input?: string) => run(node, ['--disable-warning=ExperimentalWarning', join(ROOT, 'src/node/cli.ts'), ...args], { input });
  const fromBundle = (args: string[], input?: string) => run(join(ROOT, 'bin', 'aro-labs'), args, { input });
  const part2 = readFileSync(join(ROOT, 'labs/transcripts/part2.sh'), 'utf8');

  it.each<[string, string[], string | undefined]>([
    ['exec --lab aro2 < labs/transcripts/part2.sh', ['exec', '--lab', 'aro2'], part2],
    ['labs', ['labs'], undefined],
    ['exercises --json', ['exercises', '--json'], undefined],
    ['walk --lab firewall-egress egress', ['walk', '--lab', 'firewall-egress', 'egress'], undefined],
    ['export --lab aro-today --k8s', ['export', '--lab', 'aro-today', '--k8s'], undefined],
    ['a failing line', ['exec', 'az network lb list -g nope', 'nope'], undefined],
    ['an unknown command', ['nope'], undefined],
  ])('%s', async (_name, args, input) => {
    const [bundle, sources] = await Promise.all([fromBundle(args, input), fromSources(args, input)]);
    expect(bundle.stdout.length + bundle.stderr.length).toBeGreaterThan(0);
    expect(bundle).toEqual(sources);
  });
});

describe('what the bundle loads on every start', SLOW, () => {
  /** The modules a file imports statically (not import()), as esbuild writes them. */
  const staticImports = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^import\s*(?:[^;'"]*?\sfrom\s*)?["']([^"']+)["'];?$/gm)].map((m) => m[1]);

  it('leaves the live mode SDKs to their first use', async () => {
    await run(join(ROOT, 'bin', 'aro-labs'), ['exec', 'true']); // builds the bundle if a source changed
    const seen = new Set<string>();
    const queue = ['aro-labs.mjs'];
    for (let file = queue.shift(); file; file = queue.shift()) {
      if (seen.has(file)) continue;
      seen.add(file);
      const text = readFileSync(join(ROOT, 'build', 'cli', file), 'utf8');
      const dynamic = file === 'aro-labs.mjs' ? [...text.matchAll(/import\(["']\.\/([^"']+)["']\)/g)].map((m) => m[1]) : [];
      for (const spec of [...staticImports(join(ROOT, 'build', 'cli', file)).filter((s) => s.startsWith('./')).map((s) => s.slice(2)), ...dynamic]) queue.push(spec);
    }
    const packages = [...seen].flatMap((file) => staticImports(join(ROOT, 'build', 'cli', file))).filter((s) => !s.startsWith('./') && !s.startsWith('node:'));
    expect(seen.size).toBeGreaterThan(1);
    expect(packages).toEqual([]);
  });
});
