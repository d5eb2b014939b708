// Build-time outputs for <Run cmd="…"/>: runs every command of a page, in document order, in one
// lab session per (page, lab), and hands the output to Run.astro as props. It also tells
// <Terminal/> which lab the page uses and which tool versions that lab imitates, and <Exercises/>
// its chapter. Done here, not in the components, because Astro may render sibling components
// concurrently and the commands of a page depend on each other.
import { loadLab } from '../node/labs.ts';
import { FLOWS, isFlow, walk } from '../engine/walk/walk.ts';
import { Session } from '../engine/session.ts';
import { createFixtureWorld } from '../engine/world/fixture/index.ts';
import type { LabFile } from '../engine/world/types.ts';

interface JsxAttribute {
  type: 'mdxJsxAttribute';
  name: string;
  value: unknown;
}

interface Node {
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

function* elements(node: Node, names: Set<string>): Generator<Node> {
  if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && names.has(node.name)) yield node;
  for (const child of node.children ?? []) yield* elements(child, names);
}

/** A string attribute, written either `cmd="…"` or as a plain template literal `cmd={`…`}`. */
function attribute(node: Node, name: string): string | undefined {
  const value = node.attributes?.find((a) => a.name === name)?.value;
  if (typeof value === 'string') return value;
  const expression = (value as { value?: unknown } | undefined)?.value;
  const literal = typeof expression === 'string' ? /^\s*`([^`$\\]*)`\s*$/.exec(expression) : null;
  return literal ? literal[1] : undefined;
}

function setAttribute(node: Node, name: string, value: string): void {
  node.attributes = (node.attributes ?? []).filter((a) => a.name !== name);
  node.attributes.push({ type: 'mdxJsxAttribute', name, value });
}

export function remarkRun() {
  return async (tree: Node, file: { data: { astro?: { frontmatter?: Record<string, unknown> } }; path?: string }) => {
    const pageLab = String(file.data.astro?.frontmatter?.lab ?? 'aro2');
    const sessions = new Map<string, Session>();
    for (const node of elements(tree, new Set(['Run', 'Terminal', 'Exercises', 'PacketWalk', 'Story']))) {
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
        const { info } = await lab(labName);
        setAttribute(node, 'tools', Object.entries(info.tools).map(([tool, version]) => `${tool} ${version}`).join(' · '));
        continue;
      }
      const cmd = attribute(node, 'cmd');
      if (cmd === undefined) throw new Error(`${file.path ?? 'a page'}: <Run> needs a cmd="…" attribute`);
      if (!sessions.has(labName)) // Printed into the page, not a terminal: no colour codes.
        sessions.set(labName, new Session(createFixtureWorld(await lab(labName)), { tty: false }));
      const result = await sessions.get(labName)!.run(cmd);
      setAttribute(node, 'pageLab', pageLab);
      setAttribute(node, 'output', JSON.stringify(result.chunks));
      setAttribute(node, 'status', String(result.status));
    }
  };
}
