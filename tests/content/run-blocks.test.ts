// Every <Run> block of every chapter works on every built-in lab the chapter is written for (its
// `labs`, by default every lab with a public cluster: src/site/page-labs.ts): a reader who picks
// another of those labs (?lab=aro-today) and presses "Run in terminal" on each block in turn gets an
// answer, not an error. A block meant to fail or to print nothing says so in the page
// (expect="failure" / expect="nothing"). A step of a "Change it" section (step="change") changes the
// lab: alone, it comes after the section's earlier steps, as a reader does them.
import { readdirSync, readFileSync } from 'node:fs';
import { createProcessor } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { Session } from '../../src/engine/session.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { parse } from '../../src/engine/shell/parser.ts';
import { blockNeeds, runBlocks, type Node } from '../../src/site/remark-run.ts';
import { builtinLabs } from '../../src/node/labs.ts';
import { frontmatterLabs, pageLabs } from '../../src/site/page-labs.ts';

const chapters = new URL('../../content/chapters/', import.meta.url);

const pages = readdirSync(chapters).filter((f) => f.endsWith('.mdx')).sort();
const labs = builtinLabs();
/** Each page with each lab it is written for. */
const pageOnLabs = pages.flatMap((page) => pageLabs(frontmatterLabs(readFileSync(new URL(page, chapters), 'utf8'))).map((lab) => [page, lab] as const));

/** A line whose every command only assigns variables prints nothing when it works. */
function onlyAssigns(cmd: string): boolean {
  return parse(cmd).items.every((p) => p.commands.every((c) => c.kind === 'simple' && c.words.length === 0 && c.assignments.length > 0));
}

function frontmatterLab(text: string): string {
  return frontmatterLabs(text).lab ?? 'aro2';
}

describe('chapter commands on every built-in lab a chapter is written for', () => {
  it('finds the chapters and at least two labs', () => {
    expect(pages).toEqual(
      expect.arrayContaining(['01-welcome.mdx', '02-infrastructure.mdx', '03-load-balancers.mdx', '04-outbound-rule.mdx', '05-router.mdx', '06-clusterip-to-sql.mdx', '07-api-server.mdx', '08-egress.mdx', '09-private-cluster.mdx']),
    );
    expect(labs).toEqual(expect.arrayContaining(['aro2', 'aro-today']));
  });

  it('checks every page on at least one lab, every built-in lab with at least one page, and only built-in labs', () => {
    expect(new Set(pageOnLabs.map(([page]) => page))).toEqual(new Set(pages));
    expect(new Set(pageOnLabs.map(([, lab]) => lab))).toEqual(new Set(labs));
  });

  it.each(pageOnLabs)('%s on %s: every block succeeds in page order', async (page, lab) => {
    const text = readFileSync(new URL(page, chapters), 'utf8');
    const tree = createProcessor().parse(text) as unknown as Node;
    const pageLab = frontmatterLab(text);
    const blocks = runBlocks(tree, pageLab, page);
    expect(blocks.length).toBeGreaterThan(0);
    const session = new Session(createFixtureWorld(await loadLab({ name: lab })), { tty: false });
    const failures: string[] = [];
    for (const block of blocks) {
      // A block on another lab than the page's (the other side of a <ThenNow>) has no button: it
      // always shows its own lab's output, so it is checked there only. So is a change step that
      // names its lab: the terminal offers it only while that lab is in effect (what a change does
      // differs between layouts).
      if (block.lab !== pageLab && block.lab !== lab) continue;
      if (block.step && block.named && block.lab !== lab) continue;
      const result = await session.run(block.cmd);
      const problem =
        block.expect === 'failure' ? (result.status === 0 ? 'was meant to fail and succeeded' : undefined)
        : block.expect === 'nothing' ? (result.status !== 0 || result.stdout !== '' ? `was meant to print nothing: status ${result.status}, ${JSON.stringify(result.stdout.slice(0, 200))}` : undefined)
        : result.status !== 0 ? `exit status ${result.status}: ${result.stderr.split('\n')[0]}`
        : result.stderr ? `wrote to stderr: ${result.stderr.split('\n')[0]}`
        : result.stdout === '' && !onlyAssigns(block.cmd) ? 'printed nothing'
        : undefined;
      if (problem) failures.push(`${block.cmd}\n    ${problem}`);
    }
    expect(failures).toEqual([]);
  });

  it.each(pageOnLabs)('%s on %s: each block alone, after the blocks it needs, as "Run in terminal" on a fresh page', async (page, lab) => {
    const text = readFileSync(new URL(page, chapters), 'utf8');
    const pageLab = frontmatterLab(text);
    const blocks = runBlocks(createProcessor().parse(text) as unknown as Node, pageLab, page);
    const needs = blockNeeds(blocks);
    const world = await loadLab({ name: lab });
    const failures: string[] = [];
    for (const [i, block] of blocks.entries()) {
      // Only blocks on the page's lab have the button.
      if (block.lab !== pageLab || block.expect) continue;
      const session = new Session(createFixtureWorld(world), { tty: false });
      // A step of the "Change it" section comes after the section's earlier steps, as the reader does
      // them in the terminal; each of those after the blocks it needs. As in the terminal, a block
      // that set a variable already is not run again (after a change it would set another value).
      const ran = new Set<string>();
      const run = async (cmd: string) => {
        if (ran.has(cmd)) return;
        ran.add(cmd);
        await session.run(cmd);
      };
      if (block.step) {
        for (const [j, earlier] of blocks.slice(0, i).entries()) {
          if (!earlier.step || earlier.lab !== block.lab) continue;
          for (const need of needs[j]) await run(need.cmd);
          await run(earlier.cmd);
        }
      }
      for (const need of needs[i]) await run(need.cmd);
      const result = await session.run(block.cmd);
      if (result.status !== 0 || result.stderr) failures.push(`${block.cmd}\n    status ${result.status}: ${result.stderr.split('\n')[0]}`);
    }
    expect(failures).toEqual([]);
  });
});
