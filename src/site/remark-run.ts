// Build-time outputs for <Run cmd="…"/>: runs every command of a page, in document order, in one
// lab session per (page, lab), and hands the output to Run.astro as props. It also tells
// <Terminal/> which lab the page uses and which tool versions the outputs are checked against, and <Exercises/>
// its chapter. Done here, not in the components, because Astro may render sibling components
// concurrently and the commands of a page depend on each other.
import { loadLab } from '../node/labs.ts';
import { FLOWS, isFlow, walk, Session, createFixtureWorld, variablesUsed, verifiedBadge, type LabFile } from '../engine/index.ts';
import { pageLabs } from './page-labs.ts';
// What a block needs is what the page's terminal runs first: one shape for both sides.
import type { Need } from './terminal/needs.ts';

interface JsxAttribute {
  type: 'mdxJsxAttribute';
  name: string;
  value: unknown;
}

export interface Node {
  type: string;
  name?: string;
  attributes?: JsxAttribute[];
  children?: Node[];
}

const labs = new Map<string, Promise<LabFile>>();
const lab = (name: string) => {
  if (!labs.has(name)) labs.set(name, loadLab({ name }));
  return labs.get(name)!;
};

export function* elements(node: Node, names: Set<string>): Generator<Node> {
  if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && names.has(node.name)) yield node;
  for (const child of node.children ?? []) yield* elements(child, names);
}

/** A string attribute, written `cmd="…"`, `cmd='…'`, or as a string or a template literal without
 * substitutions, `cmd={"…"}` / `cmd={`…`}` (read from the expression's syntax tree, so escapes mean
 * what JavaScript says: a command may hold both kinds of quotes). */
export function attribute(node: Node, name: string): string | undefined {
  const value = node.attributes?.find((a) => a.name === name)?.value;
  if (typeof value === 'string') return value;
  const body = (value as { data?: { estree?: { body?: Array<{ type: string; expression?: Expression }> } } } | undefined)?.data?.estree?.body;
  const expression = body?.length === 1 && body[0].type === 'ExpressionStatement' ? body[0].expression : undefined;
  if (expression?.type === 'Literal' && typeof expression.value === 'string') return expression.value;
  if (expression?.type === 'TemplateLiteral' && expression.expressions?.length === 0) return expression.quasis?.[0]?.value.cooked ?? undefined;
  return undefined;
}

interface Expression {
  type: string;
  value?: unknown;
  expressions?: unknown[];
  quasis?: Array<{ value: { cooked?: string | null } }>;
}

function setAttribute(node: Node, name: string, value: string): void {
  node.attributes = (node.attributes ?? []).filter((a) => a.name !== name);
  node.attributes.push({ type: 'mdxJsxAttribute', name, value });
}

/** A command block of a page, on its lab. */
export interface RunBlock {
  cmd: string;
  lab: string;
}


/** For each block, the earlier blocks it depends on, in the order they must run: for every variable
 * it reads without setting it, the nearest earlier block on the same lab that sets it, after that
 * block's own needs. Variables nobody on the page sets (the lab's `cluster_name`, `rg`) need none. */
export function blockNeeds(blocks: RunBlock[]): Need[][] {
  const used = blocks.map((b) => variablesUsed(b.cmd));
  const provider = (i: number, name: string): number | undefined => {
    for (let j = i - 1; j >= 0; j--) if (blocks[j].lab === blocks[i].lab && used[j].sets.includes(name)) return j;
    return undefined;
  };
  return blocks.map((_, i) => {
    const needs: Need[] = [];
    const done = new Set<number>();
    // Providers are always earlier blocks, so the walk ends.
    const visit = (k: number) => {
      for (const name of used[k].reads) {
        const j = provider(k, name);
        if (j === undefined || done.has(j)) continue;
        done.add(j);
        visit(j);
        needs.push({ name, cmd: blocks[j].cmd });
      }
    };
    visit(i);
    return needs;
  });
}

/** What a block's status is meant to be when it is not 0 with output: `expect="failure"` (the
 * command fails, and the page says why) or `expect="nothing"` (it succeeds and prints nothing,
 * as the post's query does on today's az). */
export const EXPECTATIONS = ['failure', 'nothing'] as const;
export type Expectation = (typeof EXPECTATIONS)[number];

export function expectation(node: Node, where: string): Expectation | undefined {
  const value = attribute(node, 'expect');
  if (value === undefined) return undefined;
  if (!(EXPECTATIONS as readonly string[]).includes(value)) throw new Error(`${where}: <Run expect="${value}"> must be one of ${EXPECTATIONS.join(', ')}`);
  return value as Expectation;
}

/** `step="change"`: the block is a step of the page's "Change it" section. It changes the lab or
 * shows a change, so it relies on the section's earlier steps having run in the same terminal (the
 * build prints every block of a page in one session, in page order, so its output shows them). */
export type Step = 'change';

function step(node: Node, where: string): Step | undefined {
  const value = attribute(node, 'step');
  if (value === undefined) return undefined;
  if (value !== 'change') throw new Error(`${where}: <Run step="${value}"> must be step="change"`);
  return value;
}

/** What a page says of a block besides its command and lab: what it is meant to do, whether it is a
 * change step, and whether that step names its lab (then it runs only on that lab, even the page's). */
export interface BlockTraits {
  expect?: Expectation;
  step?: Step;
  named?: true;
}

/** A <Run> block: its command, its lab (its own `lab`, else the page's) and what it is meant to do. */
function runBlock(node: Node, pageLab: string, where: string): RunBlock & BlockTraits {
  const cmd = attribute(node, 'cmd');
  if (cmd === undefined) throw new Error(`${where}: <Run> needs a cmd="…" attribute`);
  const lab = attribute(node, 'lab');
  const change = step(node, where);
  return { cmd, lab: lab ?? pageLab, expect: expectation(node, where), step: change, named: change && lab !== undefined ? true : undefined };
}

/** The page's <Run> blocks in document order. */
export function runBlocks(tree: Node, pageLab: string, where: string): Array<RunBlock & BlockTraits> {
  return [...elements(tree, new Set(['Run']))].map((node) => runBlock(node, pageLab, where));
}

export function remarkRun() {
  return async (tree: Node, file: { data: { astro?: { frontmatter?: Record<string, unknown> } }; path?: string }) => {
    const pageLab = String(file.data.astro?.frontmatter?.lab ?? 'aro2');
    const writtenFor = pageLabs(file.data.astro?.frontmatter ?? {}).join(' ');
    const sessions = new Map<string, Session>();
    const runs: Array<{ node: Node; own: boolean } & RunBlock> = [];
    for (const node of elements(tree, new Set(['Run', 'Terminal', 'Exercises', 'PacketWalk', 'Story', 'ThenNow']))) {
      if (node.name === 'ThenNow') {
        // A half links to the page on its lab only when the page is written for that lab.
        setAttribute(node, 'pageLabs', writtenFor);
        continue;
      }
      // A block that names its lab runs in the terminal only while that lab is in effect (Run.astro).
      const own = attribute(node, 'lab') !== undefined;
      const labName = attribute(node, 'lab') ?? pageLab;
      setAttribute(node, 'lab', labName);
      if (node.name === 'Exercises') {
        // A chapter's exercises are in labs/exercises/<the chapter's file name>.json.
        if (!attribute(node, 'chapter')) setAttribute(node, 'chapter', (file.path ?? '').replace(/^.*\//, '').replace(/\.mdx?$/, ''));
        continue;
      }
      if (node.name === 'Story') {
        setAttribute(node, 'story', (await lab(labName)).info.story ?? '');
        continue;
      }
      if (node.name === 'PacketWalk') {
        // The walk is computed from the lab like every output: prose, walk and terminal agree.
        const flow = attribute(node, 'flow') ?? '';
        if (!isFlow(flow)) throw new Error(`${file.path ?? 'a page'}: <PacketWalk> needs flow="${FLOWS.map((f) => f.name).join('|')}"`);
        setAttribute(node, 'walk', JSON.stringify(walk(await lab(labName), flow)));
        continue;
      }
      if (node.name === 'Terminal') {
        // The versions the outputs are checked against belong to the engine, the same on every lab.
        setAttribute(node, 'tools', verifiedBadge());
        // The labs the page is written for: the terminal says so when it runs another built-in lab.
        setAttribute(node, 'labs', writtenFor);
        continue;
      }
      const { cmd } = runBlock(node, pageLab, file.path ?? 'a page');
      runs.push({ node, cmd, lab: labName, own });
      if (own) setAttribute(node, 'ownLab', 'true');
      if (!sessions.has(labName)) // Printed into the page, not a terminal: no colour codes.
        sessions.set(labName, new Session(createFixtureWorld(await lab(labName)), { tty: false }));
      const result = await sessions.get(labName)!.run(cmd);
      setAttribute(node, 'pageLab', pageLab);
      setAttribute(node, 'pageLabs', writtenFor);
      setAttribute(node, 'output', JSON.stringify(result.chunks));
      setAttribute(node, 'status', String(result.status));
    }
    // "Run in terminal" runs first what a block depends on, on the block's lab: blocks on the page's lab
    // have the button, and so do blocks that name their lab, while it is the lab in effect.
    blockNeeds(runs).forEach((needs, i) => {
      if (needs.length && (runs[i].lab === pageLab || runs[i].own)) setAttribute(runs[i].node, 'needs', JSON.stringify(needs));
    });
  };
}
