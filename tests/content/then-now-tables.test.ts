// A table printed inside a <ThenNow> half must be narrow enough to read there: side by side each half
// is about half the page, and even stacked a table as wide as az's full `-o table` (a hundred
// characters and more) scrolls sideways and hides the column the prose talks about. The chapters
// select those columns with `--query '[].{Name:name, …}' -o table`; this holds every table-shaped
// output of a <ThenNow> block, on the lab it runs on, to WIDEST characters.
import { readdirSync, readFileSync } from 'node:fs';
import { createProcessor } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { Session } from '../../src/engine/session.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { attribute, elements, runBlocks, type Node } from '../../src/site/remark-run.ts';
import { frontmatterLabs } from '../../src/site/page-labs.ts';

/** About what the page's text column shows of a code block at 1280 × 800 when a <ThenNow> stacks its halves. */
const WIDEST = 80;

const chapters = new URL('../../content/chapters/', import.meta.url);
const pages = readdirSync(chapters).filter((f) => f.endsWith('.mdx')).sort();

/** A table as az, kubectl and oc print it: a header, then a line of dashes under it. */
const isTable = (text: string) => /^[^\n]+\n-{2,}[ -]*\n/m.test(text);

describe('tables inside <ThenNow>', () => {
  it.each(pages)('%s: each half shows its tables whole', async (page) => {
    const text = readFileSync(new URL(page, chapters), 'utf8');
    const tree = createProcessor().parse(text) as unknown as Node;
    const pageLab = frontmatterLabs(text).lab ?? 'aro2';
    const blocks = runBlocks(tree, pageLab, page);
    // The <Run> nodes inside a <ThenNow>, in the document order runBlocks also follows.
    const inside = new Set([...elements(tree, new Set(['ThenNow']))].flatMap((t) => [...elements(t, new Set(['Run']))]));
    const isInside = [...elements(tree, new Set(['Run']))].map((node) => inside.has(node) && attribute(node, 'cmd') !== undefined);
    const wide: string[] = [];
    for (const lab of new Set(blocks.filter((_, i) => isInside[i]).map((b) => b.lab))) {
      const session = new Session(createFixtureWorld(await loadLab({ name: lab })), { tty: false });
      for (const [i, block] of blocks.entries()) {
        if (block.lab !== pageLab && block.lab !== lab) continue;
        const { stdout } = await session.run(block.cmd);
        if (block.lab !== lab || !isInside[i] || !isTable(stdout)) continue;
        const width = Math.max(...stdout.split('\n').map((line) => line.length));
        if (width > WIDEST) wide.push(`${lab}: ${block.cmd} (${width} characters)`);
      }
    }
    expect(wide).toEqual([]);
  });
});
