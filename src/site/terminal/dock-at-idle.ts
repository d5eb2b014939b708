// What the dock shows once the page is idle rather than with its first script, which the budget
// keeps small: the labs the page is written for when another lab is in effect, whether the reader's
// kept changes make the lab a changed one, and the page's packet walks drawn anew when they were
// built from another lab or the lab is changed.
import { showWrittenFor } from '../labs/written-for.ts';
import { showKeptChanges } from './changes-badge.ts';

export function settleDock(terminal: HTMLElement, labKey: string): void {
  showWrittenFor(terminal);
  const changed = showKeptChanges(terminal, labKey) > 0;
  for (const walk of document.querySelectorAll<HTMLElement>('packet-walk'))
    if (changed || walk.dataset.lab !== labKey) walk.dispatchEvent(new Event('lab-walk'));
}
