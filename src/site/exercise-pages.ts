// The chapter and scenario pages, in the sidebar's order, for the pages that list them at build
// time (progress, the instructor's answers, the room view).
import { getCollection, type CollectionEntry } from 'astro:content';
import { comparePages } from './page-order.ts';

const FOLDERS = ['chapters', 'scenarios'];

const byOrder = (a: CollectionEntry<'docs'>, b: CollectionEntry<'docs'>) => comparePages({ id: a.id, order: a.data.sidebar.order }, { id: b.id, order: b.data.sidebar.order });

/** Every chapter, then every fault scenario, without the folders' index pages. */
export async function exercisePages(): Promise<CollectionEntry<'docs'>[]> {
  const pages = await getCollection('docs', (entry) => FOLDERS.some((folder) => entry.id.startsWith(`${folder}/`)));
  return FOLDERS.flatMap((folder) => pages.filter((p) => p.id.startsWith(`${folder}/`)).sort(byOrder));
}
