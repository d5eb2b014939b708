// The pages of a built site, each with its type, so the budget can speak of every page and print
// one line per type with the worst one.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export type PageType = 'home' | 'chapter' | 'scenario' | 'workshop' | 'about' | 'not found';

export interface SitePage {
  path: string;
  type: PageType;
}

const WORKSHOP = new Set(['progress', 'labs', 'instructor', 'handout']);

export function pageType(path: string): PageType {
  const [first] = path.split('/').filter(Boolean);
  if (first === undefined) return 'home';
  if (first === 'chapters') return 'chapter';
  if (first === 'scenarios') return 'scenario';
  if (first === 'about') return 'about';
  if (WORKSHOP.has(first)) return 'workshop';
  return 'not found';
}

/** Every page the build wrote (folders holding an index.html, and 404.html), sorted by path. */
export function sitePages(dist: string): SitePage[] {
  const paths: string[] = [];
  const walk = (folder: string, path: string) => {
    if (existsSync(join(folder, 'index.html'))) paths.push(path);
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      // Built assets and the search index are not pages.
      if (entry.isDirectory() && entry.name !== '_astro' && entry.name !== 'pagefind') walk(join(folder, entry.name), `${path}${entry.name}/`);
    }
  };
  walk(dist, '/');
  if (existsSync(join(dist, '404.html'))) paths.push('/404.html');
  return paths.sort().map((path) => ({ path, type: path === '/404.html' ? 'not found' : pageType(path) }));
}
