// What a chapter's exercises and diagrams need once the page is interactive (Exercises.astro loads
// this when the page is first idle): a `?lab=` deep link applied, the diagrams' full-screen
// buttons shown, and the cards' code (progress, hints, checks) loaded as they come near the
// screen or are first used.
import { labChoice } from '../labs/choice.ts';
import { enableDiagramZoom } from '../diagrams/zoom-buttons.ts';
import { once, onFirstUse, whenNear } from '../load-later.ts';

export function enableExercises(): void {
  // Applied wherever the reader goes next, even a page of another lab.
  labChoice();
  for (const host of document.querySelectorAll<HTMLElement>('[data-exercises]')) {
    const mount = once(() => void import('./cards.ts').then(({ mountExercises }) => mountExercises(host)));
    whenNear(host, mount, '50% 0px');
    onFirstUse(host, mount);
  }
  // Every chapter ends with exercises, and only chapters have diagrams: their full-screen
  // buttons are switched on here rather than by a script of their own.
  enableDiagramZoom();
}
