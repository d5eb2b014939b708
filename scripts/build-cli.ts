// Bundles the aro-labs CLI (src/node/cli.ts and what it imports) into plain JavaScript in
// build/cli/, so bin/aro-labs starts without stripping TypeScript from some 170 files each time.
// `npm install` runs it (the `prepare` script), and bin/aro-labs runs it again whenever a file the
// bundle was built from is newer than the bundle, so the CLI never runs code older than the sources.
//
// What it writes:
//   build/cli/aro-labs.mjs   the entry bin/aro-labs runs: it turns on Node's compile cache (in
//                            build/cli/.cache), then loads cli.mjs; written last, by a rename, so
//                            a reader sees a whole build
//   build/cli/cli.mjs        src/node/cli.ts and everything it needs on every start
//   build/cli/chunk-*.mjs    code loaded on first use (live mode, the bridge, snapshots…); named by
//                            content hash, so chunks of two builds never overwrite each other
//   build/cli/*.mjs.map      source maps, read only with ARO_LABS_DEBUG=1
//   build/cli/inputs.txt     the files the bundle was built from, one per line, for bin/aro-labs
//
// The entry's modification time is set to when the build started: a source saved while the build
// ran is newer than the bundle, and the next start builds again.
import { build, type Metafile } from 'esbuild';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const CLI_OUT = join(ROOT, 'build', 'cli');
const ENTRY = 'aro-labs.mjs';
const MAIN = 'cli.mjs';
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The entry stays this small so the compile cache is on before the bundle's megabyte is compiled:
 * V8's code for it is then read back instead of compiled again on every start.
 */
const LAUNCHER = `// Built by scripts/build-cli.ts; do not edit.
import { enableCompileCache } from 'node:module';
import { fileURLToPath } from 'node:url';
enableCompileCache(fileURLToPath(new URL('.cache/', import.meta.url)));
await import('./${MAIN}');
`;
const SELF = relative(ROOT, fileURLToPath(import.meta.url));

/**
 * Packages left for Node to load from node_modules: the live mode's SDKs are large and loaded only
 * with --live, bridge or snapshot (bundling them would add megabytes to parse for nothing), and
 * playwright-core is never part of the CLI. zod is bundled: the fixture's schema needs it on every
 * start, and one chunk parses faster than zod's many files resolved one by one.
 */
const EXTERNAL = ['@azure/*', '@kubernetes/client-node', 'playwright-core', 'playwright'];

/** The files a build read, relative to the project, with this script itself (its options shape the bundle). */
function inputsOf(metafile: Metafile): string[] {
  return [...Object.keys(metafile.inputs), SELF].sort();
}

/** Builds into a fresh folder beside build/cli and moves its files in, the entry last. */
export async function buildCli(outdir = CLI_OUT): Promise<{ inputs: string[]; files: string[] }> {
  const started = new Date();
  const staging = `${outdir}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  try {
    const result = await build({
      absWorkingDir: ROOT,
      entryPoints: { cli: 'src/node/cli.ts' },
      outdir: staging,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node22',
      external: EXTERNAL,
      chunkNames: 'chunk-[hash]',
      // src/node/labs.ts finds labs/ as '../../labs/' from import.meta.url: build/cli/ is as deep as src/node/.
      metafile: true,
      // Maps beside the bundle point ARO_LABS_DEBUG=1's stacks (bin/aro-labs adds --enable-source-maps) at the sources.
      sourcemap: 'linked',
      sourcesContent: false,
      legalComments: 'none',
      logLevel: 'warning',
    });
    const inputs = inputsOf(result.metafile);
    const files = readdirSync(staging).sort();
    mkdirSync(outdir, { recursive: true });
    writeFileSync(join(staging, 'inputs.txt'), `${inputs.join('\n')}\n`);
    writeFileSync(join(staging, ENTRY), LAUNCHER);
    for (const file of [...files.filter((f) => f !== ENTRY), 'inputs.txt', ENTRY]) renameSync(join(staging, file), join(outdir, file));
    utimesSync(join(outdir, ENTRY), started, started);
    // The compile cache keeps an entry per file ever run and never forgets one: start it afresh.
    rmSync(join(outdir, '.cache'), { recursive: true, force: true });
    // A chunk no build has referred to for a day goes; younger ones stay for a shell still running
    // the build before (a rename above refreshes the time of every chunk this build refers to).
    for (const file of readdirSync(outdir)) {
      const path = join(outdir, file);
      if (file.startsWith('chunk-') && !files.includes(file) && Date.now() - statSync(path).mtimeMs > DAY_MS) rmSync(path, { force: true });
    }
    return { inputs, files };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const outdir = process.argv[2] ?? CLI_OUT;
  mkdirSync(dirname(outdir), { recursive: true });
  try {
    await buildCli(outdir);
  } catch (error) {
    process.stderr.write(`aro-labs: could not build the CLI: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
