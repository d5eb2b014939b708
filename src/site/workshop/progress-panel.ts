// The progress page's behaviour: the saved progress shown as soon as the page loads; the controls
// (resets, which ask first, export, import, which merges: progress-controls.ts) load once the page
// is interactive. Nothing else deletes progress.
import { loadProgress, onProgressChange } from '../progress/store.ts';
import { once, onFirstUse, whenIdle } from '../load-later.ts';

export function mountProgressPanel(host: HTMLElement): void {
  const items = [...host.querySelectorAll<HTMLElement>('[data-progress-exercise]')];
  const name = host.querySelector<HTMLInputElement>('[data-progress-name]')!;
  function render() {
    const progress = loadProgress();
    let solved = 0;
    for (const item of items) {
      const e = progress.exercises.get(item.dataset.progressExercise!);
      if (e?.solved) solved++;
      item.querySelector('[data-progress-status]')!.textContent = e?.solved
        ? `solved on ${new Date(e.solved).toLocaleDateString()}`
        : e?.attempts
          ? `not solved yet (${e.attempts} ${e.attempts === 1 ? 'attempt' : 'attempts'})`
          : 'not tried yet';
      item.classList.toggle('workshop__solved', Boolean(e?.solved));
    }
    host.querySelector('[data-progress-summary]')!.textContent = `${solved} of ${items.length} exercises solved.`;
    if (document.activeElement !== name) name.value = progress.name ?? '';
  }
  render();
  onProgressChange(render);

  // The controls load once the page is idle, or at the first press, key or focus in the panel if
  // that comes sooner; a click that arrives while they load is handed to them once they are in.
  let missed: HTMLElement | undefined;
  const remember = (event: Event) => (missed = (event.target as Element).closest<HTMLElement>('button, input[type="file"]') ?? missed);
  host.addEventListener('click', remember, true);
  const controls = once(() =>
    void import('./progress-controls.ts').then(({ mountProgressControls }) => {
      host.removeEventListener('click', remember, true);
      mountProgressControls(host);
      missed?.click();
    }),
  );
  onFirstUse(host, controls);
  whenIdle(controls);
}
