// The badge's words say what the outputs are checked against: a tool checked against more than one
// version names which commands each version checked, so two versions never stand unexplained.
import { describe, expect, it } from 'vitest';
import { VERIFIED_TOOLS, verifiedBadge } from '../../src/engine/verified-versions.ts';

describe('the verified-versions badge', () => {
  it('gives every tool with more than one version a use for each version, and names it in the badge', () => {
    const several = VERIFIED_TOOLS.filter((t) => t.versions.length > 1);
    expect(several.length).toBeGreaterThan(0);
    const badge = verifiedBadge();
    for (const tool of several) {
      expect(tool.uses?.map((u) => u.version).sort()).toEqual([...tool.versions].sort());
      for (const use of tool.uses!) {
        expect(use.for.length).toBeGreaterThan(0);
        expect(badge).toContain(`${use.version}: ${use.for}`);
      }
    }
  });

  it('says of each version what the conformance description of its tool says it checked', () => {
    for (const tool of VERIFIED_TOOLS.filter((t) => t.uses)) {
      for (const use of tool.uses!) {
        const sentence = tool.checked.split('; ').find((part) => part.includes(use.version));
        expect(sentence, `${tool.tool} ${use.version}`).toBeDefined();
        for (const command of use.for.split(', ')) expect(sentence).toContain(command);
      }
    }
  });
});
