// `npm run lint` holds the project's boundaries: each deliberate break below must fail the check
// that names it, and what the layers allow must pass. The import rules run on a small tree of
// their own (written to a temporary directory, never into src/) with the project's
// .dependency-cruiser.cjs; the type rules lint text at a path of the engine with eslint.config.js.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

/** Runs the project's import check on a tree of files (path → text) and returns what it refused. */
function cruise(tree: Record<string, string>): Violation[] {
  const dir = mkdtempSync(join(tmpdir(), 'boundary-probe-'));
  try {
    for (const [path, text] of Object.entries({ 'tsconfig.json': readFileSync(join(ROOT, 'tsconfig.json'), 'utf8'), ...tree })) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const bin = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs');
    const run = spawnSync(process.execPath, [bin, 'src', '--config', join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'json'], { cwd: dir, encoding: 'utf8' });
    const parsed: { summary: { violations: Violation[] } } = JSON.parse(run.stdout);
    return parsed.summary.violations;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const refused = (violations: Violation[]) => violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();

describe('the import boundaries', () => {
  it('refuse each break by the rule that names it, and let the layers import downwards', { timeout: 60000 }, () => {
    const violations = cruise({
      // Allowed: each layer over the ones below it, the site and the CLI through the public entry.
      'src/engine/world/types.ts': 'export interface World { name: string }\n',
      'src/engine/model/world-model.ts': "import type { World } from '../world/types.ts';\nexport const model = (w: World) => w.name;\n",
      'src/engine/app/router.ts': "import { model } from '../model/world-model.ts';\nexport const route = model;\n",
      'src/engine/sources/fixture/index.ts': "import { route } from '../../app/router.ts';\nexport const createFixtureWorld = () => route({ name: 'lab' });\n",
      'src/engine/commands/registry.ts': "import { model } from '../model/world-model.ts';\nexport const registry = [model];\n",
      'src/engine/index.ts': "export { createFixtureWorld } from './sources/fixture/index.ts';\nexport { registry } from './commands/registry.ts';\n",
      'src/site/page.ts': "import { createFixtureWorld } from '../engine/index.ts';\nexport const page = createFixtureWorld();\n",
      'src/node/cli.ts': "import { registry } from '../engine/index.ts';\nexport const cli = registry;\n",
      // Breaks, one for each rule; a circle is named once, by its first module.
      'src/engine/model/probe-up.ts': "import { registry } from '../commands/registry.ts';\nexport const up = registry;\n",
      'src/engine/world/probe-up.ts': "import { model } from '../model/world-model.ts';\nexport const up = model;\n",
      'src/engine/commands/probe-source.ts': "import { createFixtureWorld } from '../sources/fixture/index.ts';\nexport const made = createFixtureWorld();\n",
      'src/engine/probe-outside.ts': "import { page } from '../site/page.ts';\nexport const outside = page;\n",
      'src/engine/probe-node.ts': "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
      'src/site/probe-internal.ts': "import { registry } from '../engine/commands/registry.ts';\nexport const inside = registry;\n",
      'src/node/probe-internal.ts': "import { model } from '../engine/model/world-model.ts';\nexport const inside = model;\n",
      'src/engine/shell/probe-a.ts': "import { b } from './probe-b.ts';\nexport const a = () => b;\n",
      'src/engine/shell/probe-b.ts': "import { a } from './probe-a.ts';\nexport const b = () => a;\n",
      'src/engine/shell/probe-c.ts': "import type { D } from './probe-d.ts';\nexport interface C { d?: D }\n",
      'src/engine/shell/probe-d.ts': "import type { C } from './probe-c.ts';\nexport interface D { c?: C }\n",
    });
    expect(refused(violations)).toEqual([
      'engine-layer-model: src/engine/model/probe-up.ts → src/engine/commands/registry.ts',
      'engine-layer-world: src/engine/world/probe-up.ts → src/engine/model/world-model.ts',
      'engine-no-node-builtins: src/engine/probe-node.ts → fs',
      'engine-stands-alone: src/engine/probe-outside.ts → src/site/page.ts',
      'no-circular-types: src/engine/shell/probe-a.ts → src/engine/shell/probe-b.ts',
      'no-circular-types: src/engine/shell/probe-c.ts → src/engine/shell/probe-d.ts',
      'no-circular: src/engine/shell/probe-a.ts → src/engine/shell/probe-b.ts',
      'node-through-engine-entry: src/node/probe-internal.ts → src/engine/model/world-model.ts',
      'site-through-engine-entry: src/site/probe-internal.ts → src/engine/commands/registry.ts',
      'sources-only-from-wiring: src/engine/commands/probe-source.ts → src/engine/sources/fixture/index.ts',
    ]);
  });

  it('hold for the .astro components too, which the import check does not read', () => {
    const components = spawnSync('git', ['ls-files', 'src/site/**/*.astro'], { cwd: ROOT, encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
    expect(components.length).toBeGreaterThan(0);
    const internal = components.flatMap((file) =>
      [...readFileSync(join(ROOT, file), 'utf8').matchAll(/from\s+'([^']*\/engine\/[^']*)'|import\(\s*'([^']*\/engine\/[^']*)'\s*\)/g)]
        .map((m) => m[1] ?? m[2])
        .filter((path) => !path.endsWith('/engine/index.ts'))
        .map((path) => `${file}: ${path}`),
    );
    expect(internal).toEqual([]);
  });
});

describe('the engine’s type rules', () => {
  const eslint = new ESLint({ cwd: ROOT });
  const cast = 'export const width = (value: unknown) => (value as { width: number }).width;\n';
  const rulesAt = async (filePath: string, text: string) => (await eslint.lintText(text, { filePath: join(ROOT, filePath) }))[0].messages.map((m) => m.ruleId).sort();

  it('refuse an `any` and a type assertion in the engine', { timeout: 30000 }, async () => {
    expect(await rulesAt('src/engine/model/probe.ts', 'export const width = (value: any) => value.width;\n')).toEqual(['@typescript-eslint/no-explicit-any']);
    expect(await rulesAt('src/engine/model/probe.ts', `// JSON boundary: a reason does not excuse a cast outside the boundary.\n${cast}`)).toEqual(['@typescript-eslint/consistent-type-assertions']);
  });

  it('allow a type assertion at the JSON boundary with its reason, never an `any`', { timeout: 30000 }, async () => {
    expect(await rulesAt('src/engine/world/json.ts', cast)).toEqual(['json-boundary/cast-with-reason']);
    expect(await rulesAt('src/engine/world/json.ts', `// JSON boundary: the probe's value is an object with a width.\n${cast}`)).toEqual([]);
    expect(await rulesAt('src/engine/world/json.ts', 'export const width = (value: any) => value.width;\n')).toEqual(['@typescript-eslint/no-explicit-any']);
  });
});
