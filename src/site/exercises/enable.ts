// A chapter's exercises once the page is interactive or first used (Exercises.astro loads this
// then): the cards' code (saved progress, hints, checks) and a `?lab=` deep link applied.
import { labChoice } from '../labs/choice.ts';
import { mountExercises } from './cards.ts';

export function enableExercises(hosts: Iterable<HTMLElement>): void {
  // Applied wherever the reader goes next, even a page of another lab.
  labChoice();
  for (const host of hosts) {
    mountExercises(host);
    host.dataset.ready = 'true';
  }
}
