// What a card's status says: one source for the built page and the cards' code, so the page
// says the same before and after that code loads.
export const SOLVED = 'Solved';
export const TRIED = 'Not solved yet';
export const UNTRIED = 'Not tried yet';

/** The status of an exercise with this saved progress. */
export function statusWords(saved: { solved?: string; attempts?: number } | undefined): string {
  return saved?.solved ? SOLVED : saved?.attempts ? TRIED : UNTRIED;
}
