// The sidebar's groups of pages, built from the files in content/ when the site is configured.
// Starlight's `autogenerate` only reads src/content/docs/, and the pages here live in content/
// (a glob loader), so each group lists its folder's pages as slug links: Starlight then takes the
// label (`sidebar.label`, else `title`) from the page itself, marks the current page and derives
// Previous/Next from this order. Nothing is kept by hand, so the sidebar cannot drift from the folder.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { comparePages, type OrderedPage } from './page-order.ts';

interface SidebarFrontmatter {
  title?: unknown;
  sidebar?: { order?: unknown; hidden?: unknown };
}

/** The pages of `root/folder` (not its subfolders), in the site's order, without hidden ones. */
export function folderPages(root: string, folder: string): OrderedPage[] {
  return readdirSync(join(root, folder), { withFileTypes: true })
    .filter((f) => f.isFile() && /^[^_].*\.mdx?$/.test(f.name))
    .map((f) => {
      const path = join(root, folder, f.name);
      const data = parseFrontmatter(readFileSync(path, 'utf8')).frontmatter as SidebarFrontmatter;
      if (typeof data.title !== 'string') throw new Error(`${path}: a page needs a title for the sidebar`);
      const order = data.sidebar?.order;
      const name = f.name.replace(/\.mdx?$/, '');
      // The glob loader gives a folder's index.mdx the folder's own id.
      const index = name === 'index';
      return { id: index ? folder : `${folder}/${name}`, index, order: typeof order === 'number' ? order : undefined, hidden: data.sidebar?.hidden === true };
    })
    .filter((page) => !page.hidden)
    .map(({ hidden: _hidden, ...page }) => page)
    .sort(comparePages);
}

/** Sidebar items for a folder: one link per page, labelled and marked current by Starlight. */
export function folderSidebarItems(root: string, folder: string): { slug: string }[] {
  return folderPages(root, folder).map((page) => ({ slug: page.id }));
}
