// No command changes the world it reads. The fixture hands out the lab's own objects (it copies
// nothing), az shapes only what it prints and kubectl prints from what it read: so the post's
// transcript, every <Run> block of the chapters and scenarios, every command of the exercises and
// every output format of az and kubectl are run against a deep-frozen lab, and against deep-frozen
// answers (a write to either throws, and would show as an internal error), and must print byte for
// byte what they print on a lab nobody froze.
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createProcessor } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { Session } from '../../src/engine/session.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { transcriptLines } from '../../src/engine/transcript.ts';
import type { World } from '../../src/engine/world/types.ts';
import { runBlocks, type Node } from '../../src/site/remark-run.ts';
import { deepFreeze } from '../helpers/deep-freeze.ts';


/** The world with every ARM and Kubernetes answer deep-frozen, as a live cache hands one answer to
 * every command that reads its path: whatever the fixture copies, a command cannot write to it. */
function frozenAnswers(world: World): World {
  return {
    ...world,
    arm: async (path) => deepFreeze(await world.arm(path)),
    kube: async (path) => deepFreeze(await world.kube(path)),
  };
}

/** Each line's terminal text and status, run in order in one session. */
async function transcript(world: World, lines: string[]): Promise<string[]> {
  const session = new Session(world, { tty: false });
  const out: string[] = [];
  for (const line of lines) {
    const result = await session.run(line);
    out.push(`$ ${line}\n${result.chunks.map((c) => c.text).join('')}[exit ${result.status}]\n`);
  }
  return out;
}

const content = new URL('../../content/', import.meta.url);
const pages = ['chapters', 'scenarios'].flatMap((dir) =>
  readdirSync(new URL(`${dir}/`, content))
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => `${dir}/${f}`),
);

/** A page's <Run> commands, grouped by the lab they run on, in page order. */
function pageLines(page: string): Array<[string, string[]]> {
  const text = readFileSync(new URL(page, content), 'utf8');
  const pageLab = /^lab:\s*(\S+)\s*$/m.exec(text.split(/^---$/m)[1] ?? '')?.[1] ?? 'aro2';
  const byLab = new Map<string, string[]>();
  for (const block of runBlocks(createProcessor().parse(text) as unknown as Node, pageLab, page)) {
    byLab.set(block.lab, [...(byLab.get(block.lab) ?? []), block.cmd]);
  }
  return [...byLab];
}

const NODE_RG = 'node_rg=$(az aro show -n $cluster_name -g $rg --query clusterProfile.resourceGroupId -o tsv | cut -d/ -f5)';
const AZ_LISTS = [
  'az network lb list -g $node_rg',
  'az network lb show -g $node_rg -n $(az network lb list -g $node_rg --query [0].name -o tsv)',
  'az network public-ip list',
  'az network nic list -g $node_rg',
  'az network nsg list',
  'az network vnet list -g $rg',
  'az network route-table list',
  'az aro list',
  'az aro show -n $cluster_name -g $rg',
  'az vm list -g $node_rg -d',
  'az group list',
  'az group show -n $rg',
  'az resource list -g $node_rg',
  'az account show',
];
/** Every output az has, over every kind of command (network with `properties` lifted, SDK models, plain). */
const AZ_LINES = [NODE_RG, ...AZ_LISTS.flatMap((cmd) => ['json', 'yaml', 'tsv', 'table'].map((o) => `${cmd} -o ${o}`)), ...AZ_LISTS.map((cmd) => `${cmd} --query '[].{n: name, p: keys(@)}' -o json`)];
const KUBE_LINES = ['pods', 'svc', 'routes', 'nodes', 'endpoints', 'deployments', 'namespaces'].flatMap((r) =>
  ['', ' -o wide', ' -o json', ' -o yaml', ' -o name', " -o jsonpath='{..name}'", ' -o custom-columns=N:.metadata.name,L:.metadata.labels', ' --show-labels'].map((o) => `kubectl get ${r} -A${o}`),
);

interface ExerciseFile {
  exercises: Array<{ setup?: string[]; solution?: { commands?: string[] }; check?: { expect?: string[]; wrong?: Array<{ find?: string[] }> } }>;
}

/** Every command of a chapter's or scenario's exercises (setup, solution, check, wrong answers), on its lab. */
function exerciseLines(): Array<[string, string, string[]]> {
  const dir = new URL('../../labs/exercises/', import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file): [string, string, string[]] => {
      const { exercises } = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as ExerciseFile;
      const lines = exercises.flatMap((e) => [...(e.setup ?? []), ...(e.solution?.commands ?? []), ...(e.check?.expect ?? []), ...(e.check?.wrong ?? []).flatMap((w) => w.find ?? [])]);
      return [`${file}'s exercises`, file.startsWith('scenario-') ? file.slice('scenario-'.length, -'.json'.length) : 'aro2', lines];
    });
}

async function cases(): Promise<Array<[string, string, string[]]>> {
  const part2 = transcriptLines(await readFile(new URL('../../labs/transcripts/part2.sh', import.meta.url), 'utf8'));
  return [
    ['the part 2 transcript', 'aro2', part2],
    ...pages.flatMap((page) => pageLines(page).map(([lab, lines]): [string, string, string[]] => [`${page}'s <Run> blocks`, lab, lines])),
    ...exerciseLines(),
    ...['aro2', 'aro-today'].map((lab): [string, string, string[]] => ['every az output format', lab, AZ_LINES]),
    ...['aro2', 'aro-today'].map((lab): [string, string, string[]] => ['every kubectl output format', lab, KUBE_LINES]),
  ];
}

const CASES = await cases();

describe('commands never change the world they read', () => {
  it.each(CASES)('%s on %s prints the same against a deep-frozen lab and deep-frozen answers, twice over', async (_what, labName, lines) => {
    // Twice over: what a first pass left behind (a value shaped, an index built) is read again.
    const twice = [...lines, ...lines];
    const open = await transcript(createFixtureWorld(await loadLab({ name: labName })), twice);
    const frozenLab = await transcript(createFixtureWorld(deepFreeze(await loadLab({ name: labName }))), twice);
    const frozenReads = await transcript(frozenAnswers(createFixtureWorld(await loadLab({ name: labName }))), twice);
    expect(frozenLab.join('') + frozenReads.join('')).not.toContain('internal error');
    expect(frozenLab).toEqual(open);
    expect(frozenReads).toEqual(open);
  });

  it('a write to the frozen lab would throw, so the comparison above can see one', () => {
    const lab = deepFreeze({ arm: [{ id: '/x', properties: { a: [1] } }] });
    expect(() => {
      (lab.arm[0].properties.a as number[]).push(2);
    }).toThrow(TypeError);
  });
});
