// The exercises replayed on a lab: those the lab offers (forLab: a scenario's own, else the
// chapters'), of chapters written for that lab (chapterLabs, from the chapter page's `labs`).
import { forLab, type CatalogueEntry } from '../../src/engine/exercises/catalogue.ts';
import { chapterLabs } from '../../src/site/page-labs.ts';

export function exercisesOnLab(entries: CatalogueEntry[], lab: string): CatalogueEntry[] {
  return forLab(entries, lab).filter((e) => chapterLabs(e.chapter)?.includes(lab) ?? true);
}
