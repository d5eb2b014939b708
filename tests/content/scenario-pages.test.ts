// Every fault scenario has a page that leads from the symptom to the cause: its story, the symptoms shown by
// blocks that run on the scenario, the tools to reach for, the exercises, then what fixed it and the packet walk,
// both behind a disclosure so they do not spoil the diagnosis. Each page is linked from a chapter, its blocks
// run on the broken world, and one of its exercises is answered by the cause itself, as the world holds it.
import { readdirSync, readFileSync } from 'node:fs';
import { createProcessor } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { loadCatalogue } from '../../src/node/exercises.ts';
import { Session } from '../../src/engine/session.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { expectedOutput } from '../../src/engine/exercises/check.ts';
import { canonical } from '../../src/engine/exercises/answers.ts';
import { WorldModel } from '../../src/engine/model/world-model.ts';
import { ingressTo } from '../../src/engine/model/ingress.ts';
import { OUTBOUND_PATHS, SNAT_HOLD_MINUTES, snatNow } from '../../src/engine/model/snat.ts';
import { ODBC_LOGIN_TIMEOUT_MS } from '../../src/engine/app/sqlapi.ts';
import { runBlocks, type Node } from '../../src/site/remark-run.ts';
import { frontmatterLabs } from '../../src/site/page-labs.ts';
import type { KubeObject, LabFile } from '../../src/engine/world/types.ts';

const root = new URL('../../', import.meta.url);
const scenarios = readdirSync(new URL('labs/scenarios/', root)).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
const pageText = (name: string) => readFileSync(new URL(`content/scenarios/${name}.mdx`, root), 'utf8');
const tree = (name: string) => createProcessor().parse(pageText(name).replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '')) as unknown as Node & { children: Array<Node & { depth?: number }> };
const entries = await loadCatalogue();

/** A heading's text, or an element's name: the page's outline at its top level. */
function outline(node: Node & { children: Node[] }): string[] {
  const text = (n: Node & { value?: string }): string => n.value ?? (n.children ?? []).map(text).join('');
  return node.children.flatMap((c) => (c.type === 'heading' ? [`## ${text(c)}`] : c.type === 'mdxJsxFlowElement' && c.name ? [`<${c.name}>`] : []));
}

function* all(node: Node, inside: string[] = []): Generator<{ node: Node; inside: string[] }> {
  yield { node, inside };
  const here = node.type === 'mdxJsxFlowElement' && node.name ? [...inside, node.name] : inside;
  for (const child of node.children ?? []) yield* all(child, here);
}

/** The sections every scenario page has, in this order, each with the element it must hold. */
const SECTIONS: Array<[string, string]> = [
  ['## Symptoms', '<Run>'],
  ['## What to look at', ''],
  ['## Exercises', '<Exercises>'],
  ['## What fixed it and what it teaches', '<details>'],
  ['## Where the packet stops', '<WalkDisclosure>'],
];

describe('fault scenario pages', () => {
  it('finds the six scenarios', () => {
    expect(scenarios).toEqual(['firewall-egress', 'nsg-blocks-web', 'router-down', 'snat-exhaustion', 'sql-networkpolicy', 'wrong-sql-fqdn']);
  });

  it('each scenario has a page on its own lab, listed in the index and linked from the chapter that prepares it', () => {
    const index = readFileSync(new URL('content/scenarios/index.mdx', root), 'utf8');
    const chapters = readdirSync(new URL('content/chapters/', root)).map((f) => readFileSync(new URL(`content/chapters/${f}`, root), 'utf8'));
    for (const name of scenarios) {
      expect(frontmatterLabs(pageText(name)).lab, name).toBe(name);
      expect(index, name).toContain(`(/scenarios/${name}/)`);
      expect(chapters.filter((c) => /\*\*Try it broken:\*\*[\s\S]*?\n\n/.exec(c)?.[0].includes(`(/scenarios/${name}/)`)).length, `a chapter's "Try it broken" line links ${name}`).toBeGreaterThan(0);
    }
  });

  it.each(scenarios)('%s: story, symptoms, what to look at, exercises, then the fix and the walk behind disclosures', (name) => {
    const page = tree(name);
    const lines = outline(page);
    expect(lines[0]).toBe('<Story>');
    // The terminal's note comes before the symptoms, on the first screen: the terminal starts by itself
    // once the page is interactive, ready for the symptoms' blocks.
    expect(lines.indexOf('<Terminal>'), `${name}: the terminal before the symptoms`).toBeGreaterThan(0);
    expect(lines.indexOf('<Terminal>'), `${name}: the terminal before the symptoms`).toBeLessThan(lines.indexOf('## Symptoms'));
    let at = 0;
    for (const [heading, element] of SECTIONS) {
      const h = lines.indexOf(heading);
      expect(h, `${name}: ${heading} after the previous section`).toBeGreaterThan(at);
      const next = lines.findIndex((l, i) => i > h && l.startsWith('## '));
      if (element) expect(lines.slice(h, next === -1 ? undefined : next), `${name}: ${heading} holds ${element}`).toContain(element);
      at = h;
    }
    // Nothing of the fix is outside its disclosure: the section holds the <details> and nothing else.
    const fix = page.children.findIndex((c) => outline({ type: 'root', children: [c] })[0] === '## What fixed it and what it teaches');
    const after = page.children.slice(fix + 1);
    const end = after.findIndex((c) => c.type === 'heading');
    expect(after.slice(0, end).map((c) => (c.type === 'mdxJsxFlowElement' ? c.name : c.type)), name).toEqual(['details']);
    // The walk is shown only inside the disclosure.
    const walks = [...all(page)].filter(({ node }) => node.name === 'PacketWalk');
    expect(walks.length, name).toBeGreaterThan(0);
    for (const { inside } of walks) expect(inside, name).toContain('WalkDisclosure');
    // The exercises are the scenario's own.
    const exercises = [...all(page)].find(({ node }) => node.name === 'Exercises')!.node;
    expect(exercises.attributes?.find((a) => a.name === 'chapter')?.value).toBe(`scenario-${name}`);
  });

  it.each(scenarios)('%s: every block of the page succeeds in page order on the scenario', async (name) => {
    const blocks = runBlocks(tree(name), name, name);
    expect(blocks.length, `${name} shows its symptoms with blocks`).toBeGreaterThan(0);
    const session = new Session(createFixtureWorld(await loadLab({ name })), { tty: false });
    const failures: string[] = [];
    for (const block of blocks) {
      const result = await session.run(block.cmd);
      if (block.expect === 'failure' ? result.status === 0 : result.status !== 0) failures.push(`${block.cmd}: status ${result.status}: ${result.stderr.split('\n')[0]}`);
      else if (block.expect !== 'nothing' && result.stdout === '' && !/^\w+=\$\(/.test(block.cmd)) failures.push(`${block.cmd}: printed nothing`);
    }
    expect(failures).toEqual([]);
  });

  it.each(scenarios)("%s: a page that says nothing answered shows curl's own timeout and its exit status 28", async (name) => {
    const text = pageText(name);
    const blocks = runBlocks(tree(name), name, name);
    const probe = blocks.find((b) => /curl -sS -m 5 .*; echo \$\?$/.test(b.cmd));
    if (!/Nothing answered|nothing answered at all/.test(text)) {
      expect(probe, `${name} does not claim a timeout, so it shows none`).toBeUndefined();
      return;
    }
    expect(probe, `${name} shows the timeout it talks about`).toBeDefined();
    const session = new Session(createFixtureWorld(await loadLab({ name })), { tty: false });
    let result = { status: 0, stdout: '', stderr: '' };
    for (const block of blocks.slice(0, blocks.indexOf(probe!) + 1)) result = await session.run(block.cmd);
    expect(result.stdout).toBe('28\n');
    expect(result.stderr).toMatch(/^curl: \(28\) (Connection|Operation) timed out after \d+ milliseconds/);
  });

  it.each(scenarios)('%s: at least three exercises, each with a wrong answer that fails, and one answered by the cause', async (name) => {
    const own = entries.filter((e) => e.chapter === `scenario-${name}`);
    expect(own.length).toBeGreaterThanOrEqual(3);
    for (const e of own) expect(e.labs, e.id).toEqual([name]);
    expect(own.some((e) => e.check.kind === 'value' && (e.check.wrong?.length ?? 0) > 0), `${name}: a wrong-answer rule says why a tempting answer is wrong`).toBe(true);
    const lab = await loadLab({ name });
    const { id, value } = CAUSES[name](lab, new WorldModel(lab));
    expect(value, `${name}: the world holds the cause`).toBeTruthy();
    const exercise = own.find((e) => e.id === id);
    expect(exercise, `${name}: exercise ${id}`).toBeDefined();
    const answer = await expectedOutput(createFixtureWorld(lab), exercise!);
    const kind = exercise!.check.kind === 'value' ? exercise!.check.answer : 'text';
    expect(canonical(kind, answer)).toBe(canonical(kind, value!));
  });
});

const kube = (lab: LabFile, kind: string) => lab.kube.filter((o) => o.kind === kind);
const labels = (o: KubeObject) => (o.metadata.labels ?? {}) as Record<string, string>;
const spec = (o: KubeObject) => (o.spec ?? {}) as Record<string, any>;
const status = (o: KubeObject) => (o.status ?? {}) as Record<string, any>;

/** The ingress of the route's host: a connection from the reader to the router's public frontend. */
function routerIngress(lab: LabFile, model: WorldModel) {
  const router = kube(lab, 'Service').find((s) => s.metadata.namespace === 'openshift-ingress' && spec(s).type === 'LoadBalancer')!;
  return ingressTo(model, status(router).loadBalancer.ingress[0].ip, 80);
}

/** For each scenario, the exercise that names the cause, and the cause read from the world by other means than
 * the exercise's own commands. */
const CAUSES: Record<string, (lab: LabFile, model: WorldModel) => { id: string; value: string | undefined }> = {
  'router-down': (lab) => {
    const ic = kube(lab, 'IngressController').find((o) => o.metadata.name === 'default');
    const secret = spec(ic!).defaultCertificate?.name as string | undefined;
    // The certificate it names is a Secret of the routers' namespace, and no router is ready.
    expect(kube(lab, 'Secret').some((s) => s.metadata.namespace === 'openshift-ingress' && s.metadata.name === secret)).toBe(true);
    return { id: 'router-down-cause', value: secret };
  },
  'nsg-blocks-web': (lab, model) => {
    const ingress = routerIngress(lab, model);
    expect(ingress.outcome).toBe('timeout');
    expect(ingress.stop?.stage).toBe('nsg');
    return { id: 'nsg-deciding-rule', value: ingress.nsg?.denied?.rule.name as string | undefined };
  },
  'firewall-egress': (lab, model) => {
    const ingress = routerIngress(lab, model);
    expect(ingress.stop?.stage).toBe('return');
    return { id: 'firewall-reply-next-hop', value: ingress.reply?.nextHopIpAddress };
  },
  'wrong-sql-fqdn': (lab) => {
    const running = kube(lab, 'Pod').filter((p) => labels(p).deploymentconfig === 'sqlapi' && status(p).phase === 'Running');
    expect(running.length).toBe(1);
    const env = (spec(running[0]).containers[0].env as Array<{ name: string; value?: string }>).find((e) => e.name === 'SQL_SERVER_FQDN')?.value;
    // The name it gives resolves to no service of the cluster.
    expect(kube(lab, 'Service').some((s) => env?.startsWith(`${s.metadata.name}.${s.metadata.namespace}.`))).toBe(false);
    return { id: 'fqdn-used', value: env };
  },
  'sql-networkpolicy': (lab) => {
    const server = kube(lab, 'Pod').find((p) => labels(p).app === 'server' && status(p).phase === 'Running')!;
    const policy = kube(lab, 'NetworkPolicy').find((np) => Object.entries(spec(np).podSelector?.matchLabels ?? {}).every(([k, v]) => labels(server)[k] === v));
    return { id: 'netpol-name', value: policy?.metadata.name };
  },
  'snat-exhaustion': (lab, model) => {
    const exhausted = kube(lab, 'Node').map((n) => snatNow(model, n.metadata.name)).filter((s) => s && s.minute.inUse >= s.backend.allocated);
    expect(exhausted.length).toBe(1);
    return { id: 'snat-exhausted-node', value: exhausted[0]!.backend.backendIp };
  },
};

// The SNAT page explains the exhaustion with the world's own numbers: the new connections a minute the exhausted
// node opens (every load of the app's that calls out, the campaign's and the visitors' usual ones), times the
// minutes a port stays taken. A number of the text that the world does not compute is a number the reader's
// terminal contradicts (the metric prints 906 where the text said 900).
describe('snat-exhaustion: the arithmetic of the page and its exercises is the world\'s', async () => {
  const lab = await loadLab({ name: 'snat-exhaustion' });
  const model = new WorldModel(lab);
  const exhausted = kube(lab, 'Node').map((n) => snatNow(model, n.metadata.name)).find((s) => s && s.minute.inUse >= s.backend.allocated)!;
  const perMinute = exhausted.minute.attempts;
  const loads = (lab.info.app.load ?? []).filter((l) => OUTBOUND_PATHS.has(l.path)).map((l) => l.perMinute);
  const texts = [pageText('snat-exhaustion'), ...entries.filter((e) => e.chapter === 'scenario-snat-exhaustion').map((e) => e.solution.explain)];
  const num = (s: string) => Number(s.replace(/,/g, ''));

  it('the loads that call out add up to what the node opens a minute', () => {
    expect(loads.length).toBeGreaterThan(0);
    expect(loads.reduce((a, b) => a + b, 0)).toBe(perMinute);
  });

  it('every "N × H = P" is the node\'s new connections a minute times the minutes a port is held', () => {
    const products = texts.flatMap((t) => [...t.matchAll(/(\d[\d,]*) × (\d+) = (\d[\d,]*)/g)]);
    expect(products.length).toBeGreaterThan(0);
    for (const [whole, n, h, p] of products) {
      expect([num(n), num(h), num(p)], whole).toEqual([perMinute, SNAT_HOLD_MINUTES, perMinute * SNAT_HOLD_MINUTES]);
    }
  });

  it('every count of connections or requests a minute is the total or one of the loads', () => {
    const counts = texts.flatMap((t) => [...t.matchAll(/\b(\d[\d,]*)(?: new connections| requests)? a minute\b|the campaign's (\d[\d,]*)|usual (\d[\d,]*)/g)]);
    expect(counts.length).toBeGreaterThan(0);
    for (const m of counts) expect([perMinute, ...loads], m[0]).toContain(num(m[1] ?? m[2] ?? m[3]));
  });
});

// "What to look at" names the commands a learner reaches for next. Each one the page writes out in full (a bullet's
// own command, or one with its flags; no placeholder such as NAME, POD or VNET left to fill in) runs on the
// scenario, after the page's own blocks and the assignments the section gives, and prints something: a tool the
// terminal cannot answer is a dead end for the diagnosis.
describe('the commands of "What to look at" run on their scenario', () => {
  /** The section's code spans that are commands: [assignments, commands]. */
  function named(name: string): [string[], string[]] {
    const text = pageText(name);
    const start = text.indexOf('## What to look at');
    const section = text.slice(start, text.indexOf('\n## ', start + 1));
    const spans = [...section.matchAll(/(^- )?`([^`]+)`/gm)].map((m) => ({ lead: Boolean(m[1]), code: m[2].replace(/\s+/g, ' ').trim() }));
    const assignments = spans.filter((s) => /^[a-z_]+=\$\(/.test(s.code)).map((s) => s.code);
    const commands = spans.filter((s) => /^(oc|kubectl|az|curl|nslookup) /.test(s.code) && (s.lead || /\s-|\$/.test(s.code))).map((s) => s.code);
    return [assignments, commands.filter((c) => !/\b[A-Z][A-Z_]{2,}\b|…/.test(c))];
  }

  it.each(scenarios)('%s', async (name) => {
    const [assignments, commands] = named(name);
    expect(commands.length, `${name} names commands to try`).toBeGreaterThan(0);
    const session = new Session(createFixtureWorld(await loadLab({ name })), { tty: false });
    // The diagnosis is made on the broken world: the page's "Fix it" steps come after it.
    for (const block of runBlocks(tree(name), name, name)) if (!block.step) await session.run(block.cmd);
    for (const line of assignments) expect((await session.run(line)).status, line).toBe(0);
    const failures: string[] = [];
    for (const command of commands) {
      const result = await session.run(command);
      if (result.status !== 0 || !result.stdout.trim()) failures.push(`${command}: status ${result.status}: ${result.stderr.split('\n')[0]}`);
    }
    expect(failures).toEqual([]);
  });
});

// The two SQL scenarios fail the same request in two ways that the wait tells apart: a name that does not resolve
// fails at once, a dropped connection after the ODBC driver's login timeout. Each page shows the wait with curl's
// time_total, and a number of seconds the text gives for it is the driver's.
describe('the SQL scenarios show how long the failing request takes', () => {
  async function shownWait(name: string): Promise<number> {
    const blocks = runBlocks(tree(name), name, name);
    const timed = blocks.find((b) => b.cmd.includes('%{time_total}') && b.cmd.includes('/api/sqlversion'));
    expect(timed, `${name} shows the wait`).toBeDefined();
    const session = new Session(createFixtureWorld(await loadLab({ name })), { tty: false });
    let out = '';
    for (const block of blocks.slice(0, blocks.indexOf(timed!) + 1)) out = (await session.run(block.cmd)).stdout;
    const seconds = /after (\d+(?:\.\d+)?) s/.exec(out);
    expect(seconds, out).not.toBeNull();
    return Number(seconds![1]);
  }
  const timeout = ODBC_LOGIN_TIMEOUT_MS / 1000;

  it('sql-networkpolicy waits for the login timeout, and says how long it is', async () => {
    expect(await shownWait('sql-networkpolicy')).toBeGreaterThanOrEqual(timeout);
    const stated = [...pageText('sql-networkpolicy').matchAll(/(\d+) seconds/g)].map((m) => Number(m[1]));
    expect(stated.length).toBeGreaterThan(0);
    for (const s of stated) expect(s).toBe(timeout);
  });

  it('wrong-sql-fqdn fails at once', async () => {
    expect(await shownWait('wrong-sql-fqdn')).toBeLessThan(timeout);
  });
});
