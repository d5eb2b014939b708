// "Run in terminal" runs the blocks a command depends on first: remark-run computes them per block.
import { describe, expect, it } from 'vitest';
import { blockNeeds, type RunBlock } from '../../src/site/remark-run.ts';

const on = (lab: string, ...cmds: string[]): RunBlock[] => cmds.map((cmd) => ({ cmd, lab }));

describe('blockNeeds', () => {
  it('runs the chain that sets a variable, deepest first', () => {
    const blocks = on('aro2',
      "node_rg_id=$(az aro show -n $cluster_name -g $rg --query 'clusterProfile.resourceGroupId' -o tsv)",
      'node_rg_name=$(echo $node_rg_id | cut -d/ -f 5)',
      'az network lb list -g $node_rg_name -o table',
    );
    expect(blockNeeds(blocks)[2]).toEqual([
      { name: 'node_rg_id', cmd: blocks[0].cmd },
      { name: 'node_rg_name', cmd: blocks[1].cmd },
    ]);
  });

  it('needs nothing for variables no block sets (the lab sets cluster_name and rg)', () => {
    expect(blockNeeds(on('aro2', 'az aro show -n $cluster_name -g $rg'))).toEqual([[]]);
  });

  it('takes the nearest earlier block that sets a variable, never a later one', () => {
    const blocks = on('aro2', 'x=1', 'x=2', 'echo $x', 'x=3');
    expect(blockNeeds(blocks)[2]).toEqual([{ name: 'x', cmd: 'x=2' }]);
  });

  it('runs a shared dependency once', () => {
    const blocks = on('aro2', 'a=1', 'b=$a', 'c=$a', 'echo $b $c');
    expect(blockNeeds(blocks)[3].map((n) => n.cmd)).toEqual(['a=1', 'b=$a', 'c=$a']);
  });

  it('looks only at blocks on the same lab', () => {
    const blocks = [...on('aro-today', 'x=1'), ...on('aro2', 'echo $x')];
    expect(blockNeeds(blocks)[1]).toEqual([]);
  });
});
