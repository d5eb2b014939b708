// A chapter's exercises once the page is interactive or first used (Exercises.astro loads this
// then): the cards' code (saved progress, hints, checks), a `?lab=` deep link applied, and the
// diagrams' full-screen buttons shown.
import { labChoice } from '../labs/choice.ts';
import { enableDiagramZoom } from '../diagrams/zoom-buttons.ts';
import { mountExercises } from './cards.ts';

export function enableExercises(hosts: Iterable<HTMLElement>): void {
  // Applied wherever the reader goes next, even a page of another lab.
  labChoice();
  for (const host of hosts) {
    mountExercises(host);
    host.dataset.ready = 'true';
  }
  // Every chapter ends with exercises, and only chapters have diagrams: their full-screen
  // buttons are switched on here rather than by a script of their own.
  enableDiagramZoom();
}
