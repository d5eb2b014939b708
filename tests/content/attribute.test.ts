// remark-run reads a <Run cmd> written any way MDX allows a plain string, so a command may hold $, both quotes and backticks.
import { describe, expect, it } from 'vitest';
import { createProcessor } from '@mdx-js/mdx';
import { runBlocks, type Node } from '../../src/site/remark-run.ts';

const blocksOf = (mdx: string) => runBlocks(createProcessor().parse(mdx) as unknown as Node, 'aro2', 'test.mdx');

describe('<Run cmd> attributes', () => {
  it('reads a template literal holding $ variables and double quotes', () => {
    expect(blocksOf('<Run cmd={`curl -s "http://$app_host/api/ip"`} />')[0].cmd).toBe('curl -s "http://$app_host/api/ip"');
  });

  it('reads a string literal with escaped quotes, and a quoted attribute with backticks', () => {
    expect(blocksOf(`<Run cmd={"q=\\"[?a=='$b']\\""} />`)[0].cmd).toBe(`q="[?a=='$b']"`);
    expect(blocksOf("<Run cmd=\"az x --query '[?p==`1`]'\" />")[0].cmd).toBe("az x --query '[?p==`1`]'");
  });

  it('refuses a template literal with a substitution, which the page and the build would read differently', () => {
    expect(() => blocksOf('<Run cmd={`echo ${x}`} />')).toThrow(/needs a cmd/);
  });

  it('keeps the page lab unless the block names its own, and reads expect', () => {
    expect(blocksOf('<Run cmd="true" />\n\n<Run lab="aro-today" expect="nothing" cmd="true" />')).toEqual([
      { cmd: 'true', lab: 'aro2', expect: undefined },
      { cmd: 'true', lab: 'aro-today', expect: 'nothing' },
    ]);
    expect(() => blocksOf('<Run expect="maybe" cmd="true" />')).toThrow(/failure, nothing/);
  });
});
