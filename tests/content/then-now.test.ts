// <ThenNow> holds <Run> blocks inside its two slots: remark-run must find them there, in document
// order, and run each on its own lab, so both halves of a page print their lab's output.
import { createProcessor } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import { remarkRun, runBlocks, elements, attribute, type Node } from '../../src/site/remark-run.ts';
import { loadLab } from '../../src/node/labs.ts';

const page = `---
lab: aro2
---

Before.

<ThenNow>
<div slot="then">

The 2020 cluster:

<Run lab="aro2" cmd="echo $cluster_name" />

</div>
<div slot="now">

Today's:

<Run lab="aro-today" cmd="echo $cluster_name" />

</div>
</ThenNow>

<Run cmd="echo after" />
`;

const tree = () => createProcessor().parse(page) as unknown as Node;

describe('<Run> blocks inside <ThenNow>', () => {
  it('are found in document order with their own labs', () => {
    expect(runBlocks(tree(), 'aro2', 'page.mdx').map((b) => [b.lab, b.cmd])).toEqual([
      ['aro2', 'echo $cluster_name'],
      ['aro-today', 'echo $cluster_name'],
      ['aro2', 'echo after'],
    ]);
  });

  it("print each lab's own output into the page", async () => {
    const t = tree();
    await remarkRun()(t, { data: { astro: { frontmatter: { lab: 'aro2' } } }, path: 'page.mdx' });
    const outputs = [...elements(t, new Set(['Run']))].map((n) => JSON.parse(attribute(n, 'output') ?? '[]').map((c: { text: string }) => c.text).join(''));
    const names = await Promise.all(['aro2', 'aro-today'].map(async (name) => (await loadLab({ name })).info.session?.env?.cluster_name));
    // Each lab's cluster name, as its own session has it: not the page's lab twice.
    expect(outputs.slice(0, 2)).toEqual(names.map((n) => `${n}\n`));
    expect(outputs[0]).not.toEqual(outputs[1]);
  });
});
