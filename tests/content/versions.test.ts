// The terminal's badge names the versions the outputs were checked against (one module), on every lab.
import { describe, expect, it } from 'vitest';
import { remarkRun, type Node } from '../../src/site/remark-run.ts';
import { VERIFIED_TOOLS } from '../../src/engine/verified-versions.ts';
import { loadLab } from '../../src/node/labs.ts';

async function badgeOn(lab: string): Promise<string> {
  const terminal: Node = { type: 'mdxJsxFlowElement', name: 'Terminal', attributes: [] };
  await remarkRun()({ type: 'root', children: [terminal] }, { data: { astro: { frontmatter: { lab } } } });
  return String(terminal.attributes!.find((a) => a.name === 'tools')!.value);
}

describe('the terminal badge', () => {
  it.each(['aro2', 'aro-today'])('on %s names every version the conformance corpus checks for az, kubectl, curl and jq', async (lab) => {
    const badge = await badgeOn(lab);
    for (const t of VERIFIED_TOOLS.filter((t) => ['az', 'kubectl', 'curl', 'jq'].includes(t.tool))) {
      expect(badge).toContain(`${t.tool} ${t.versions.join('/')}`);
    }
  });

  it.each(['aro2', 'aro-today'])('on %s claims no tool or version the corpus never ran', async (lab) => {
    const badge = await badgeOn(lab);
    const pieces = badge.replace(/^checked against /, '').split(' · ');
    for (const piece of pieces) {
      const [tool, versions] = piece.split(' ');
      const verified = VERIFIED_TOOLS.find((t) => t.tool === tool);
      expect(verified, piece).toBeDefined();
      for (const version of versions.split('/')) expect(verified!.versions, piece).toContain(version);
    }
  });

  it.each(['aro2', 'aro-today'])('the %s lab file records the same versions', async (lab) => {
    const { info } = await loadLab({ name: lab });
    expect(Object.fromEntries(VERIFIED_TOOLS.map((t) => [t.tool, t.versions.join('/')]))).toEqual(info.tools);
  });
});
