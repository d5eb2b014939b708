// The diagrams' stored SVGs (src/site/diagrams/rendered/) against the pages: with no browser to be
// found, every Mermaid block of content/ comes from the store; every stored file belongs to one;
// a changed diagram stops the build with one line that says what to install.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { compile } from '@mdx-js/mdx';
import type { Element, Root } from 'hast';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ChromiumMissing, findChromium } from '../../src/node/chromium.ts';
import { DIAGRAM_OPTIONS } from '../../src/site/diagrams/diagram-options.ts';
import { DiagramNeedsBrowser, rehypeDiagramCache, type DiagramCacheOptions } from '../../src/site/diagrams/rehype-diagram-cache.ts';
import { DiagramStore } from '../../src/site/diagrams/diagram-store.ts';
import { ROOT } from '../helpers/site.ts';

const NO_BROWSER = join(tmpdir(), 'aro-labs-no-chromium', 'chrome');

const pagesOf = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? pagesOf(join(dir, entry.name)) : entry.name.endsWith('.mdx') ? [join(dir, entry.name)] : []));
const PAGES = pagesOf(join(ROOT, 'content')).map((path) => relative(ROOT, path));

/** What a page's Markdown step leaves: the diagrams' ids, and the Mermaid code blocks still unreplaced. */
interface PageDiagrams {
  files: string[];
  drawn: number;
  svgIds: string[];
  codeLeft: number;
}

const elements = (node: Root | Element): Element[] => node.children.flatMap((child) => (child.type === 'element' ? [child, ...elements(child)] : []));

/** Runs the page through MDX with the site's diagram step (and, after it, a look at the tree). */
async function diagramsOf(page: string, options: DiagramCacheOptions): Promise<PageDiagrams> {
  const seen: PageDiagrams = { files: [], drawn: 0, svgIds: [], codeLeft: 0 };
  const look = () => (tree: Root) => {
    const all = elements(tree);
    seen.svgIds = all.filter((e) => e.tagName === 'svg' && String(e.properties.id ?? '').startsWith('mermaid-')).map((e) => String(e.properties.id));
    seen.codeLeft = all.filter((e) => e.tagName === 'code' && String(e.properties.className ?? '').includes('language-mermaid')).length;
  };
  const onDiagram = ({ file, drawn }: { file: string; drawn: boolean }) => {
    seen.files.push(file);
    if (drawn) seen.drawn++;
  };
  await compile({ value: readFileSync(join(ROOT, page), 'utf8'), path: join(ROOT, page), cwd: ROOT }, { rehypePlugins: [[rehypeDiagramCache, { ...options, onDiagram }], look] });
  return seen;
}

/** The ```mermaid fences of a page, counted from its text alone. */
const fencesIn = (page: string) => (readFileSync(join(ROOT, page), 'utf8').match(/^```mermaid$/gm) ?? []).length;

describe('diagrams stored in the repository', () => {
  const found = new Map<string, PageDiagrams>();

  beforeAll(async () => {
    // Chromium made unfindable: the setting names a missing file, and findChromium then looks nowhere else.
    vi.stubEnv('ARO_LABS_CHROMIUM', NO_BROWSER);
    const { stop: _exits, ...throwing } = DIAGRAM_OPTIONS;
    for (const page of PAGES) found.set(page, await diagramsOf(page, throwing));
  });
  afterAll(() => vi.unstubAllEnvs());

  it('makes Chromium unfindable for the pages below', () => {
    expect(() => findChromium()).toThrow(ChromiumMissing);
  });

  it.each(PAGES.filter((page) => fencesIn(page) > 0))('%s gets every diagram from the store, numbered as rehype-mermaid numbers them, with no browser', (page) => {
    const diagrams = found.get(page)!;
    expect(diagrams.drawn).toBe(0);
    expect(diagrams.files).toHaveLength(fencesIn(page));
    expect(diagrams.svgIds).toEqual(Array.from({ length: fencesIn(page) }, (_, n) => `mermaid-${n}`));
    expect(diagrams.codeLeft).toBe(0);
  });

  it('keeps only SVGs that a diagram in content/ uses, so the folder never grows with old drawings', () => {
    const used = new Set([...found.values()].flatMap((diagrams) => diagrams.files));
    const stale = new DiagramStore(DIAGRAM_OPTIONS.store, DIAGRAM_OPTIONS.mermaid).files().filter((file) => !used.has(file));
    expect(stale, `stored SVGs no diagram uses: delete them from ${relative(ROOT, DIAGRAM_OPTIONS.store)}`).toEqual([]);
    expect(used.size).toBeGreaterThan(0);
  });

  it('stores each SVG with the id of a page’s first diagram and no other diagram’s id, so it can be renumbered exactly', () => {
    const store = new DiagramStore(DIAGRAM_OPTIONS.store, DIAGRAM_OPTIONS.mermaid);
    for (const file of store.files()) {
      const svg = readFileSync(join(store.dir, file), 'utf8');
      expect(svg.startsWith('<svg id="mermaid-0"'), file).toBe(true);
      expect(new Set(svg.match(/mermaid-[0-9]+(?![0-9])/g)), file).toEqual(new Set(['mermaid-0']));
    }
  });
});

describe('a diagram changed, with no browser', () => {
  const changedPage = (dir: string) => join(dir, 'content', 'chapters', '99-changed.mdx');
  const CHANGED = '# A page\n\n```mermaid\nflowchart LR\n  a[a diagram no store holds] --> b\n```\n';

  it('rejects the page with one line: the page, and findChromium’s advice', async () => {
    const store = mkdtempSync(join(tmpdir(), 'aro-labs-diagrams-'));
    const error = await compile(
      { value: CHANGED, path: changedPage(ROOT), cwd: ROOT },
      { rehypePlugins: [[rehypeDiagramCache, { ...DIAGRAM_OPTIONS, store, stop: undefined, browser: () => findChromium({ ARO_LABS_CHROMIUM: NO_BROWSER }) }]] },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiagramNeedsBrowser);
    expect((error as Error).message).toBe(
      `content/chapters/99-changed.mdx: a diagram changed and drawing it needs a browser. ARO_LABS_CHROMIUM is set to ${NO_BROWSER}, which does not exist: point it at a Chromium, Chrome or Edge executable.`,
    );
    expect(readdirSync(store)).toEqual([]);
    rmSync(store, { recursive: true, force: true });
  });

  it('ends the build with exit status 1 and that line alone on stderr, no stack trace', async () => {
    const store = mkdtempSync(join(tmpdir(), 'aro-labs-diagrams-'));
    // The build's own options (its `stop` included), in a process of its own since it exits.
    const script = [
      "import { compile } from '@mdx-js/mdx';",
      "import { DIAGRAM_OPTIONS } from './src/site/diagrams/diagram-options.ts';",
      "import { rehypeDiagramCache } from './src/site/diagrams/rehype-diagram-cache.ts';",
      `await compile({ value: ${JSON.stringify(CHANGED)}, path: ${JSON.stringify(changedPage(ROOT))} }, { rehypePlugins: [[rehypeDiagramCache, { ...DIAGRAM_OPTIONS, store: ${JSON.stringify(store)} }]] });`,
      "console.log('built');",
    ].join('\n');
    const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
      execFile(process.execPath, ['--disable-warning=ExperimentalWarning', '--input-type=module', '-e', script], { cwd: ROOT, env: { ...process.env, ARO_LABS_CHROMIUM: NO_BROWSER } }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
      ),
    );
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `content/chapters/99-changed.mdx: a diagram changed and drawing it needs a browser. ARO_LABS_CHROMIUM is set to ${NO_BROWSER}, which does not exist: point it at a Chromium, Chrome or Edge executable.\n`,
    });
    expect(readdirSync(store)).toEqual([]);
    rmSync(store, { recursive: true, force: true });
  });
});
