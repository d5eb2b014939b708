// Which labs a page is written for (build time and tests; Node only). The rule, also stated in
// src/content.config.ts:
//   - a page's `labs` frontmatter lists them; its `lab` (the lab its terminal and blocks use) must
//     be one of them;
//   - without `labs`, a page is written for its `lab` and, when that lab's cluster is public (API
//     server and ingress both `Public` in its ARO cluster resource), for every built-in lab whose
//     cluster is public too. The chapters written for public clusters thus need no field, and a new
//     public lab joins them by itself; a page on a private cluster or a fault scenario is written
//     for its own lab alone unless it says otherwise.
// Every <Run> block of a page must work on each of its labs (tests/content/run-blocks.test.ts), and
// a chapter's exercises replay on them (tests/exercises/solutions.test.ts).
import { existsSync, readFileSync } from 'node:fs';
import { builtinLabs } from '../node/labs.ts';

const LABS = new URL('../../labs/', import.meta.url);

interface ClusterResource {
  type?: string;
  properties?: { apiserverProfile?: { visibility?: string }; ingressProfiles?: Array<{ visibility?: string }> };
}

/** True when a lab file's ARO cluster has a public API server and only public ingress. */
export function hasPublicCluster(lab: { arm?: unknown }): boolean {
  const arm = Array.isArray(lab.arm) ? (lab.arm as ClusterResource[]) : [];
  const cluster = arm.find((r) => r.type?.toLowerCase() === 'microsoft.redhatopenshift/openshiftclusters');
  const p = cluster?.properties;
  if (!p?.apiserverProfile) return false;
  return p.apiserverProfile.visibility === 'Public' && (p.ingressProfiles ?? []).every((i) => i.visibility === 'Public');
}

const publicCache = new Map<string, boolean>();

function isPublicLab(name: string): boolean {
  let known = publicCache.get(name);
  if (known === undefined) {
    const file = new URL(`${name}/world.json`, LABS);
    known = existsSync(file) && hasPublicCluster(JSON.parse(readFileSync(file, 'utf8')) as { arm?: unknown });
    publicCache.set(name, known);
  }
  return known;
}

/** The built-in labs whose cluster is public, by name. */
export function publicLabs(): string[] {
  return builtinLabs().filter(isPublicLab);
}

/** The labs a page is written for, from its frontmatter's `lab` and `labs` and the names of the
 * built-in labs with a public cluster (see the rule above). */
export function labsOfPage(frontmatter: { lab?: unknown; labs?: unknown }, publicNames: readonly string[]): string[] {
  const lab = typeof frontmatter.lab === 'string' ? frontmatter.lab : 'aro2';
  if (Array.isArray(frontmatter.labs)) {
    const labs = frontmatter.labs.map(String);
    if (!labs.includes(lab)) throw new Error(`the page's lab ${lab} is not among its labs (${labs.join(', ')})`);
    return labs;
  }
  return publicNames.includes(lab) ? [...new Set([lab, ...publicNames])] : [lab];
}

/** The same, with the built-in labs read from labs/ (the build's remark plugin and the tests). */
export function pageLabs(frontmatter: { lab?: unknown; labs?: unknown }): string[] {
  return labsOfPage(frontmatter, publicLabs());
}

/** `lab` and `labs` read from a page's text: a scalar and a one-line YAML list (`labs: [a, b]`). */
export function frontmatterLabs(text: string): { lab?: string; labs?: string[] } {
  const head = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  const lab = /^lab:\s*(\S+)\s*$/m.exec(head)?.[1];
  const list = /^labs:\s*(.*)$/m.exec(head)?.[1];
  if (list === undefined) return { lab };
  const flow = /^\[(.*)\]\s*$/.exec(list.trim());
  if (!flow) throw new Error(`labs: write the list on one line, as [aro2, aro-today] (found "${list.trim()}")`);
  return { lab, labs: flow[1].split(',').map((s) => s.trim().replace(/^(['"])(.*)\1$/, '$2')).filter(Boolean) };
}

const CHAPTERS = new URL('../../content/chapters/', import.meta.url);

/** The labs a chapter's page (content/chapters/<chapter>.mdx) is written for; undefined for an
 * exercise file with no chapter page (a fault scenario's, which its exercises' `labs` narrow). */
export function chapterLabs(chapter: string): string[] | undefined {
  const page = new URL(`${chapter}.mdx`, CHAPTERS);
  return existsSync(page) ? pageLabs(frontmatterLabs(readFileSync(page, 'utf8'))) : undefined;
}
