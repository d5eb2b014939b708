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

  it.each(['aro2', 'aro-today'])('on %s claims no version the corpus never ran (the lab file\'s own list)', async (lab) => {
    const badge = await badgeOn(lab);
    const checked = new Set(VERIFIED_TOOLS.flatMap((t) => t.versions.map((v) => `${t.tool} ${v}`)));
    const { info } = await loadLab({ name: lab });
    for (const [tool, version] of Object.entries(info.tools)) {
      if (!checked.has(`${tool} ${version}`)) expect(badge).not.toContain(`${tool} ${version}`);
    }
  });
});
