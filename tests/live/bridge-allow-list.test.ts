// The bridge's allow-list is exactly what the engine reads: every ARM and Kubernetes path the
// commands send over the conformance corpus, the part 2 transcript and the exercises' solutions
// and checks passes it, and each resource type az and kubectl name is in it.
import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { Session } from '../../src/engine/session.ts';
import type { World } from '../../src/engine/world/types.ts';
import { apiResources, resourcePath } from '../../src/engine/world/kube-resources.ts';
import { armReadPath, kubeReadPath, PathRefusal } from '../../src/node/live/bridge-paths.ts';
import { lbCommands } from '../../src/engine/commands/az/network-lb.ts';
import { networkCommands } from '../../src/engine/commands/az/network.ts';
import { privateNetworkCommands } from '../../src/engine/commands/az/network-private.ts';
import { resourceCommands } from '../../src/engine/commands/az/resources.ts';
import { monitorCommands } from '../../src/engine/commands/az/monitor.ts';
import { corpusNames, readCorpus } from '../conformance/corpus.ts';
import { part2Lines } from '../transcript/helpers.ts';

interface Seen {
  arm: Set<string>;
  kube: Set<string>;
}

/** A fixture world that notes every path asked of it. */
function recording(world: World, seen: Seen): World {
  return {
    source: world.source,
    info: world.info,
    arm: (path) => (seen.arm.add(path), world.arm(path)),
    kube: (path) => (seen.kube.add(path), world.kube(path)),
    resolve: (host) => world.resolve(host),
    http: (req) => world.http(req),
  };
}

/** Every command line the project runs: corpus lines by lab, the transcript, exercise commands. */
async function linesByLab(): Promise<Map<string, string[]>> {
  const byLab = new Map<string, string[]>();
  const add = (lab: string, line: string) => byLab.set(lab, [...(byLab.get(lab) ?? []), line]);
  for (const name of corpusNames()) for (const { lab, line } of readCorpus(name)) add(lab, line);
  for (const line of await part2Lines()) add('aro2', line);
  const dir = new URL('../../labs/exercises/', import.meta.url);
  const commandsIn = (value: unknown): string[] => {
    if (typeof value === 'string') return /^(az|kubectl|oc) /.test(value) ? [value] : [];
    if (Array.isArray(value)) return value.flatMap(commandsIn);
    if (value && typeof value === 'object') return Object.values(value).flatMap(commandsIn);
    return [];
  };
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.json'))) {
    const chapter = JSON.parse(await readFile(new URL(file, dir), 'utf8')) as { exercises: Array<{ labs?: string[] }> };
    for (const exercise of chapter.exercises) for (const line of commandsIn(exercise)) for (const lab of exercise.labs ?? ['aro2', 'aro-today']) add(lab, line);
  }
  return byLab;
}

function refusal(check: (path: string) => string, path: string): string | undefined {
  try {
    check(path);
    return undefined;
  } catch (error) {
    if (error instanceof PathRefusal) return error.message;
    throw error;
  }
}

describe('the bridge reads what the engine reads', () => {
  it('lets through every path the commands send over the corpus, the transcript and the exercises', async () => {
    const seen: Seen = { arm: new Set(), kube: new Set() };
    let lines = 0;
    for (const [name, labLines] of await linesByLab()) {
      const session = new Session(recording(createFixtureWorld(await loadLab({ name })), seen), { tty: false });
      for (const line of labLines) {
        await session.run(line);
        lines += 1;
      }
    }
    const refused = [...[...seen.arm].map((p) => [p, refusal(armReadPath, p)]), ...[...seen.kube].map((p) => [p, refusal(kubeReadPath, p)])].filter(([, why]) => why);
    expect(refused).toEqual([]);
    expect(lines).toBeGreaterThan(500);
    expect(seen.arm.size).toBeGreaterThan(30);
    expect(seen.kube.size).toBeGreaterThan(30);
  }, 120_000);

  it("lets through a list and a get of every resource in kubectl's table", () => {
    for (const res of apiResources) {
      for (const path of [resourcePath(res, undefined), resourcePath(res, 'project1'), resourcePath(res, res.namespaced ? 'project1' : undefined, 'sqlapi-1')]) {
        expect(refusal(kubeReadPath, path), path).toBeUndefined();
      }
    }
  });

  it('lets through a list and a get of every resource type an az command names, and its metrics', () => {
    const group = '/subscriptions/e7da9914-9b05-4891-893c-546cb7b0422e/resourceGroups/aro2-resources';
    const types = new Set([...lbCommands, ...networkCommands, ...privateNetworkCommands, ...resourceCommands, ...monitorCommands].flatMap((def) => def.args.flatMap((a) => (typeof a.complete === 'object' ? [a.complete.type] : []))));
    expect(types.size).toBeGreaterThan(10);
    for (const type of types) {
      const [provider, parent, child] = type.split('/').slice(0, 3);
      const base = `${group}/providers/${provider}/${parent}`;
      const paths = child ? [`${base}/p/${child}`, `${base}/p/${child}/c`] : [base, `${base}/r`, `${base}/r/providers/Microsoft.Insights/metrics?metricnames=x&top=10`];
      for (const path of paths) expect(refusal(armReadPath, path), path).toBeUndefined();
    }
  });
});
