// Which labs a page is written for: its `labs`, or by default its lab and, for a public cluster,
// every built-in lab with a public cluster (src/site/page-labs.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinLabs } from '../../src/node/labs.ts';
import { frontmatterLabs, hasPublicCluster, labsOfPage, pageLabs, publicLabs } from '../../src/site/page-labs.ts';

const LABS = new URL('../../labs/', import.meta.url);
const world = (name: string) => JSON.parse(readFileSync(new URL(`${name}/world.json`, LABS), 'utf8')) as { arm?: unknown };
const cluster = (api: string, ...ingress: string[]) => ({
  arm: [{ type: 'Microsoft.RedHatOpenShift/openShiftClusters', properties: { apiserverProfile: { visibility: api }, ingressProfiles: ingress.map((visibility) => ({ visibility })) } }],
});

describe('a public cluster', () => {
  it('has a public API server and only public ingress', () => {
    expect(hasPublicCluster(cluster('Public', 'Public'))).toBe(true);
    expect(hasPublicCluster(cluster('Private', 'Public'))).toBe(false);
    expect(hasPublicCluster(cluster('Public', 'Public', 'Private'))).toBe(false);
    expect(hasPublicCluster({ arm: [] })).toBe(false);
  });

  it('is read from each built-in lab world', () => {
    const expected = builtinLabs().filter((name) => hasPublicCluster(world(name)));
    expect(publicLabs()).toEqual(expected);
    expect(publicLabs()).toEqual(expect.arrayContaining(['aro2', 'aro-today']));
  });
});

describe("a page's labs", () => {
  it('are, without a labs field, every public lab for a page on a public lab', () => {
    for (const lab of publicLabs()) expect(new Set(pageLabs({ lab }))).toEqual(new Set(publicLabs()));
    expect(pageLabs({})).toEqual(expect.arrayContaining(publicLabs()));
  });

  it('are, without a labs field, its own lab alone for a page on a lab that is not a public built-in one', () => {
    for (const lab of builtinLabs().filter((l) => !publicLabs().includes(l))) expect(pageLabs({ lab })).toEqual([lab]);
    expect(pageLabs({ lab: 'router-down' })).toEqual(['router-down']);
  });

  it('follow the same rule from any list of public labs (the instructor page passes the worlds it loaded)', () => {
    expect(labsOfPage({ lab: 'b' }, ['a', 'b'])).toEqual(['b', 'a']);
    expect(labsOfPage({ lab: 'c' }, ['a', 'b'])).toEqual(['c']);
    expect(labsOfPage({ lab: 'c', labs: ['c', 'a'] }, ['a', 'b'])).toEqual(['c', 'a']);
  });

  it('are the labs field when there is one, which must hold the page lab', () => {
    expect(pageLabs({ lab: 'aro-today', labs: ['aro-today'] })).toEqual(['aro-today']);
    expect(() => pageLabs({ lab: 'aro2', labs: ['aro-today'] })).toThrow("the page's lab aro2 is not among its labs (aro-today)");
  });

  it('are read from the frontmatter of a page, as a one-line list', () => {
    expect(frontmatterLabs('---\ntitle: T\nlab: aro2\n---\n\nlab: nope\n')).toEqual({ lab: 'aro2' });
    expect(frontmatterLabs("---\nlab: aro-private\nlabs: [aro-private, 'aro2']\n---\n")).toEqual({ lab: 'aro-private', labs: ['aro-private', 'aro2'] });
    expect(() => frontmatterLabs('---\nlabs:\n  - aro2\n---\n')).toThrow(/write the list on one line/);
  });
});
