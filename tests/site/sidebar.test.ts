// The order the site lists its chapters and scenarios in (sidebar, Previous/Next), built from the
// content folders' frontmatter.
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderPages, folderSidebarItems } from '../../src/site/sidebar.ts';

function contentFolder(pages: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'aro-labs-sidebar-'));
  mkdirSync(join(root, 'guide'));
  for (const [name, frontmatter] of Object.entries(pages)) writeFileSync(join(root, 'guide', name), `---\n${frontmatter}\n---\n\nText.\n`);
  return root;
}

describe('sidebar built from a content folder', () => {
  it('lists the index first, then pages by sidebar.order, then pages without an order by file name', () => {
    const root = contentFolder({
      'b-later.mdx': 'title: B',
      'a-earlier.md': 'title: A',
      'z-first.mdx': 'title: Z\nsidebar:\n  order: 1',
      'm-second.mdx': 'title: M\nsidebar:\n  order: 2',
      'index.mdx': 'title: Overview\nsidebar:\n  order: 9',
    });
    expect(folderSidebarItems(root, 'guide')).toEqual(['guide', 'guide/z-first', 'guide/m-second', 'guide/a-earlier', 'guide/b-later'].map((slug) => ({ slug })));
  });

  it('leaves out hidden pages and files starting with an underscore, as the content loader does', () => {
    const root = contentFolder({ 'shown.mdx': 'title: Shown', 'secret.mdx': 'title: Secret\nsidebar:\n  hidden: true', '_partial.mdx': 'title: Partial' });
    expect(folderPages(root, 'guide').map((p) => p.id)).toEqual(['guide/shown']);
  });

  it('refuses a page without a title rather than showing an empty link', () => {
    const root = contentFolder({ 'untitled.mdx': 'description: no title' });
    expect(() => folderPages(root, 'guide')).toThrow(/untitled\.mdx: a page needs a title/);
  });

  it("lists every file of the site's chapter and scenario folders", () => {
    for (const folder of ['chapters', 'scenarios']) {
      const files = readdirSync(join('content', folder)).filter((f) => f.endsWith('.mdx'));
      expect(folderPages('content', folder)).toHaveLength(files.length);
    }
  });
});
