// The badge's word for a changed lab, "changed (N)", and the "Reset lab" button beside it. Loaded
// once the page is idle (dock-at-idle.ts: the changes this browser keeps for the lab) or with the
// terminal (which follows its world's count), so the script that runs with the page stays small.
import { readJson } from '../storage.ts';
import { changesKey } from '../labs/choice.ts';

const changesWord = (n: number) => `${n} ${n === 1 ? 'change' : 'changes'}`;

/** The badge says the lab is changed, and by how many changes; "Reset lab" shows while it is. Live
 * mode changes nothing, so it shows neither. */
export function showChanges(host: HTMLElement, count: number): void {
  const changed = host.querySelector<HTMLElement>('[data-lab-changed]');
  if (changed) {
    changed.hidden = count === 0;
    changed.textContent = count === 0 ? '' : `changed (${count})`;
    changed.title = count === 0 ? '' : `You made ${changesWord(count)} to this lab; Reset lab (or lab reset in the terminal) undoes them.`;
  }
  const reset = host.querySelector<HTMLButtonElement>('[data-lab-reset-lab]');
  if (reset) {
    reset.hidden = count === 0;
    reset.setAttribute('aria-label', count === 0 ? 'Reset lab' : `Reset lab: undo your ${changesWord(count)}`);
    if (!reset.dataset.wired) {
      reset.dataset.wired = '';
      // `lab reset` runs in the terminal (the dock's "lab-run" request), where the reader sees what it undid; the button then
      // hides, so the keyboard goes on to the terminal.
      reset.addEventListener('click', () => {
        host.querySelector<HTMLElement>('[data-lab-terminal]')?.focus({ preventScroll: true });
        document.dispatchEvent(new CustomEvent('lab-run', { detail: { cmd: 'lab reset' } }));
      });
    }
  }
  host.dataset.labChanges = String(count);
}

const isList = (value: unknown): value is unknown[] => Array.isArray(value);

/** The changes kept for the lab in effect, unless the terminal's world has said its own count
 * (kept-changes.ts checks each write when the world loads; the badge only counts them). */
export function showKeptChanges(host: HTMLElement, labKey: string): number {
  if (host.dataset.labChanges === undefined) showChanges(host, readJson(changesKey(labKey), isList, 'changes to the lab')?.length ?? 0);
  return Number(host.dataset.labChanges);
}
