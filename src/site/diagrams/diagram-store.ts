// The rendered SVG of each diagram, kept in the repo (rendered/) so a build needs no browser unless
// a diagram's source changed. A file is named by a hash of everything that changes the drawing:
// the source, the renderer's options and the versions of rehype-mermaid, mermaid-isomorphic and
// mermaid. Its SVG is stored as drawn for the first diagram of a page (id "mermaid-0"); a page's
// n-th diagram gets "mermaid-n" the way rehype-mermaid numbers them.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RehypeMermaidOptions } from 'rehype-mermaid';

/** The id rehype-mermaid gives the n-th diagram of a page (its option `prefix` unset). */
export const diagramId = (n: number) => `mermaid-${n}`;

const STORED_ID = diagramId(0);

/** The package.json of a package as the module at `from` would load it (node:module's findPackageJSON needs Node 22.14). */
function manifestOf(name: string, from: string): string {
  let dir = dirname(createRequire(from).resolve(name));
  while (dirname(dir) !== dir) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name) return manifest;
    dir = dirname(dir);
  }
  throw new Error(`${name} is not installed: run npm install.`);
}

/** The packages whose code draws the SVG, each found from the one that loads it. */
function rendererVersions(): Record<string, string> {
  const versions: Record<string, string> = {};
  let from = fileURLToPath(import.meta.url);
  for (const name of ['rehype-mermaid', 'mermaid-isomorphic', 'mermaid']) {
    from = manifestOf(name, from);
    versions[name] = (JSON.parse(readFileSync(from, 'utf8')) as { version: string }).version;
  }
  return versions;
}

/** Renames every use of one diagram id (`mermaid-1`, `mermaid-1_flowchart-v2-pointEnd`, `#mermaid-1 .node`) to another. */
export function retarget(svg: string, from: string, to: string): string {
  return svg.replace(new RegExp(`${from}(?![0-9])`, 'g'), to);
}

/** The kind of diagram its source starts with (flowchart, sequenceDiagram), to make file names readable. */
function kindOf(source: string): string {
  const first = source.split('\n').find((line) => line.trim() && !line.trim().startsWith('%%')) ?? '';
  return /^\s*([A-Za-z][A-Za-z0-9-]*)/.exec(first)?.[1] ?? 'diagram';
}

export class DiagramStore {
  readonly dir: string;
  private readonly drawing: string;

  /** Options that only say how to start the browser (launchOptions, browserType) do not change the drawing. */
  constructor(dir: string, options: RehypeMermaidOptions) {
    this.dir = dir;
    const { launchOptions: _launch, browserType: _browser, errorFallback: _fallback, ...drawingOptions } = options;
    this.drawing = JSON.stringify({ options: drawingOptions, versions: rendererVersions() });
  }

  /** The file that holds the SVG of a diagram with this source, drawn with this store's settings. */
  fileName(source: string): string {
    const hash = createHash('sha256').update(this.drawing).update('\0').update(source).digest('hex').slice(0, 16);
    return `${kindOf(source)}-${hash}.svg`;
  }

  has(source: string): boolean {
    return existsSync(join(this.dir, this.fileName(source)));
  }

  /** The stored SVG for a page's diagram at position `n`, or undefined when it was never rendered. */
  read(source: string, n: number): string | undefined {
    const path = join(this.dir, this.fileName(source));
    return existsSync(path) ? retarget(readFileSync(path, 'utf8').replace(/\n$/, ''), STORED_ID, diagramId(n)) : undefined;
  }

  /**
   * Keeps an SVG rendered as the page's diagram `n`. Written to a temporary name and renamed, so a
   * build running beside this one never reads half a file.
   */
  write(source: string, n: number, svg: string): void {
    const foreign = [...new Set(svg.match(/mermaid-[0-9]+(?![0-9])/g) ?? [])].filter((id) => id !== diagramId(n));
    if (foreign.length) throw new Error(`The SVG of diagram ${diagramId(n)} also names ${foreign.join(', ')}, so its id cannot be renumbered safely.`);
    mkdirSync(this.dir, { recursive: true });
    const path = join(this.dir, this.fileName(source));
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, `${retarget(svg, diagramId(n), STORED_ID)}\n`);
    renameSync(partial, path);
  }

  /** Every stored file name. */
  files(): string[] {
    return existsSync(this.dir) ? readdirSync(this.dir).filter((name) => name.endsWith('.svg')).sort() : [];
  }
}
