// The progress page's behaviour. Import merges; resets ask first; nothing else deletes progress.
import { MAX_NAME, UnreadableProgress } from '../progress/code.ts';
import { checkImportSize, describeImport, importProgress } from '../progress/import.ts';
import { exportFile, loadProgress, onProgressChange, resetExercises, updateProgress } from '../progress/store.ts';
import { exportCode } from '../progress/code.ts';
import { reportUnexpected } from '../errors.ts';

export function mountProgressPanel(host: HTMLElement): void {
  const message = host.querySelector<HTMLElement>('[data-progress-message]')!;
  const say = (text: string, ok: boolean) => {
    message.textContent = text;
    message.dataset.result = ok ? 'right' : 'wrong';
  };
  const items = [...host.querySelectorAll<HTMLElement>('[data-progress-exercise]')];
  const name = host.querySelector<HTMLInputElement>('[data-progress-name]')!;
  // The site's exercises, written by the build: an import keeps these and no other id.
  const catalogue: ReadonlySet<string> = new Set((host.dataset.exerciseIds ?? '').split(' ').filter(Boolean));

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

  name.addEventListener('change', () => updateProgress((p) => (p.name = name.value.trim().slice(0, MAX_NAME) || undefined)));

  for (const button of host.querySelectorAll<HTMLButtonElement>('[data-reset-chapter]')) {
    button.addEventListener('click', () => {
      if (!confirm(`Reset your progress in "${button.dataset.chapterTitle}"? Your answers there are forgotten.`)) return;
      resetExercises(button.dataset.resetChapter!.split(' ').filter(Boolean));
      say(`Progress in "${button.dataset.chapterTitle}" reset.`, true);
    });
  }
  host.querySelector('[data-reset-all]')!.addEventListener('click', () => {
    if (!confirm('Reset all your progress? Consider downloading your progress file first.')) return;
    resetExercises('all');
    say('All progress reset.', true);
  });

  host.querySelector('[data-export-code]')!.addEventListener('click', () => {
    const code = host.querySelector<HTMLTextAreaElement>('[data-progress-code]')!;
    code.value = exportCode();
    code.focus();
    code.select();
    say('Your progress code is in the box above: copy it.', true);
  });
  host.querySelector('[data-export-file]')!.addEventListener('click', () => {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([exportFile()], { type: 'application/json' }));
    link.download = 'aro-labs-progress.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    say('Downloading aro-labs-progress.json.', true);
  });

  const importing = async (read: () => Promise<string> | string) => {
    try {
      say(describeImport(importProgress(await read(), catalogue)), true);
    } catch (error) {
      if (error instanceof UnreadableProgress) say(`Nothing imported: ${error.message}.`, false);
      else say(reportUnexpected('the import failed', error), false);
    }
  };
  host.querySelector('[data-import]')!.addEventListener('click', () => void importing(() => host.querySelector<HTMLTextAreaElement>('[data-import-text]')!.value));
  const file = host.querySelector<HTMLInputElement>('[data-import-file]')!;
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    file.value = '';
    if (!chosen) return;
    // Refused by its size before the browser reads it all.
    await importing(() => {
      checkImportSize(chosen.size, 'file');
      return chosen.text();
    });
  });
}
