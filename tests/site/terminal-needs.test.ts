// "Run in terminal" on a block that reads variables earlier blocks set: what the terminal runs first.
import { describe, expect, it } from 'vitest';
import { parseNeeds, runNeeds, type Need } from '../../src/site/terminal/needs.ts';

const NEEDS: Need[] = [
  { name: 'node_rg_id', cmd: "node_rg_id=$(az aro show -n $cluster_name -g $rg --query 'clusterProfile.resourceGroupId' -o tsv)" },
  { name: 'node_rg_name', cmd: 'node_rg_name=$(echo $node_rg_id | cut -d/ -f 5)' },
];

/** A session stand-in: typing `NAME=…` sets NAME (and `A=…; B=…` both). */
async function typed(needs: Need[], set: string[] = []) {
  const vars = new Set(set);
  const lines: string[] = [];
  await runNeeds(needs, (name) => vars.has(name), async (line) => {
    lines.push(line);
    for (const [, name] of line.matchAll(/(?:^|;\s*)(\w+)=/g)) vars.add(name);
  });
  return lines;
}

describe('data-needs', () => {
  it('reads the list the page renders on the button, in its order', () => {
    expect(parseNeeds(JSON.stringify(NEEDS))).toEqual(NEEDS);
  });

  it.each([undefined, '', '[]', 'not json', '{"name":"a","cmd":"a=1"}', '[{"name":1,"cmd":"x"}]'])('treats %j as no needs', (text) => {
    expect(parseNeeds(text)).toEqual([]);
  });

  it("runs each missing variable's block after a comment that says why, in order", async () => {
    expect(await typed(NEEDS)).toEqual([
      '# $node_rg_id is set by an earlier block: running it first',
      NEEDS[0].cmd,
      '# $node_rg_name is set by an earlier block: running it first',
      NEEDS[1].cmd,
    ]);
  });

  it('runs nothing for a variable the session already has', async () => {
    expect(await typed(NEEDS, ['node_rg_id'])).toEqual(['# $node_rg_name is set by an earlier block: running it first', NEEDS[1].cmd]);
    expect(await typed(NEEDS, ['node_rg_id', 'node_rg_name'])).toEqual([]);
  });

  it('runs a block that sets two needed variables once', async () => {
    const both = 'vnet_name=$(echo $id | cut -d/ -f 9); master_subnet=$(echo $id | cut -d/ -f 11)';
    const needs = [
      { name: 'vnet_name', cmd: both },
      { name: 'master_subnet', cmd: both },
    ];
    expect(await typed(needs)).toEqual(['# $vnet_name is set by an earlier block: running it first', both]);
  });

  it('does not run a block twice even when it leaves its variable empty', async () => {
    const needs = [
      { name: 'a', cmd: 'true' },
      { name: 'b', cmd: 'true' },
    ];
    expect(await typed(needs)).toEqual(['# $a is set by an earlier block: running it first', 'true']);
  });

  it('keeps its comments out of the history and the blocks in it', async () => {
    const typedLines: Array<[string, boolean]> = [];
    await runNeeds(NEEDS, () => false, async (line, remember) => void typedLines.push([line, remember]));
    expect(typedLines.filter(([, remember]) => remember).map(([line]) => line)).toEqual(NEEDS.map((n) => n.cmd));
    expect(typedLines.filter(([, remember]) => !remember).every(([line]) => line.startsWith('# '))).toBe(true);
  });
});
