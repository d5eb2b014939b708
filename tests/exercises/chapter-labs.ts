// The exercises replayed on a lab: those the lab offers (forLab: a scenario's own, else the
// chapters'), of chapters written for that lab (a chapter page's `labs`, src/site/page-labs.ts).
// A chapter with no page (a scenario's exercises) is narrowed by forLab alone.
import { existsSync, readFileSync } from 'node:fs';
import { forLab, type CatalogueEntry } from '../../src/engine/exercises/catalogue.ts';
import { frontmatterLabs, pageLabs } from '../../src/site/page-labs.ts';

const CHAPTERS = new URL('../../content/chapters/', import.meta.url);

/** The labs a chapter's page is written for, or undefined when the chapter has no page. */
export function chapterLabs(chapter: string): string[] | undefined {
  const page = new URL(`${chapter}.mdx`, CHAPTERS);
  return existsSync(page) ? pageLabs(frontmatterLabs(readFileSync(page, 'utf8'))) : undefined;
}

export function exercisesOnLab(entries: CatalogueEntry[], lab: string): CatalogueEntry[] {
  return forLab(entries, lab).filter((e) => chapterLabs(e.chapter)?.includes(lab) ?? true);
}
