// The exercise cards of a chapter: answers are checked in the terminal's world (the checker and
// the engine load on first use), hints open one at a time, the solution shows the answer of the
// lab in effect, and everything is kept in the saved progress, which the terminal's `submit`
// updates too.
import { exerciseProgress, loadProgress, onProgressChange, recordAttempt, updateProgress } from '../progress/store.ts';
import { labChoice } from '../labs/choice.ts';
import { reportUnexpected } from '../errors.ts';

const checker = () => import('./checker.ts');

function hintLabel(shown: number, total: number): string {
  return shown >= total ? 'No more hints' : `Show a hint (${shown + 1} of ${total})`;
}

/** Brings a card in line with the saved progress. The answer box is only filled when empty. */
function render(card: HTMLElement): void {
  const id = card.dataset.exercise!;
  const saved = loadProgress().exercises.get(id);
  const status = card.querySelector<HTMLElement>('[data-status]')!;
  status.textContent = saved?.solved ? 'Solved' : saved?.attempts ? 'Not solved yet' : 'Not tried yet';
  card.classList.toggle('exercise--solved', Boolean(saved?.solved));
  const input = card.querySelector<HTMLInputElement>('input[name="answer"]')!;
  if (!input.value && saved?.answer) input.value = saved.answer;
  const hints = [...card.querySelectorAll<HTMLElement>('[data-hints] li')];
  const shown = Math.min(saved?.hints ?? 0, hints.length);
  hints.forEach((li, i) => (li.hidden = i >= shown));
  const button = card.querySelector<HTMLButtonElement>('[data-hint]')!;
  button.textContent = hintLabel(shown, hints.length);
  button.disabled = shown >= hints.length;
}

function showFeedback(card: HTMLElement, correct: boolean | undefined, message: string): void {
  const feedback = card.querySelector<HTMLElement>('[data-feedback]')!;
  feedback.textContent = message;
  feedback.dataset.result = correct === undefined ? 'pending' : correct ? 'right' : 'wrong';
}

export function mountExercises(host: HTMLElement): void {
  const pageLab = host.dataset.lab ?? 'aro2';
  labChoice(); // applies a `?lab=` deep link as soon as the chapter loads
  const cards = [...host.querySelectorAll<HTMLElement>('[data-exercise]')];
  for (const card of cards) {
    const id = card.dataset.exercise!;
    render(card);

    card.querySelector<HTMLFormElement>('[data-answer-form]')!.addEventListener('submit', async (event) => {
      event.preventDefault();
      const answer = card.querySelector<HTMLInputElement>('input[name="answer"]')!.value;
      showFeedback(card, undefined, 'Checking…');
      try {
        const verdict = await (await checker()).checkInPage(pageLab, id, answer);
        if (answer.trim()) recordAttempt(id, answer, verdict.correct);
        showFeedback(card, verdict.correct, verdict.message);
      } catch (error) {
        showFeedback(card, false, reportUnexpected('the answer could not be checked', error));
      }
    });

    card.querySelector<HTMLButtonElement>('[data-hint]')!.addEventListener('click', (event) => {
      const total = Number((event.currentTarget as HTMLElement).dataset.total);
      updateProgress((p) => {
        const e = exerciseProgress(p, id);
        e.hints = Math.min(e.hints + 1, total);
      });
      // The newly shown hint is announced by moving focus to it.
      const shown = [...card.querySelectorAll<HTMLElement>('[data-hints] li')].filter((li) => !li.hidden);
      const last = shown.at(-1);
      if (last) {
        last.tabIndex = -1;
        last.focus();
      }
    });

    const solution = card.querySelector<HTMLDetailsElement>('[data-solution]')!;
    solution.addEventListener('toggle', async () => {
      if (!solution.open) return;
      updateProgress((p) => void (exerciseProgress(p, id).solutionShown = true));
      const output = solution.querySelector('[data-solution-answer] output');
      if (!output) return;
      try {
        const { lab, answer } = await (await checker()).answerInPage(pageLab, id);
        output.textContent = answer;
        output.closest('p')!.firstChild!.textContent = `The answer in lab ${lab}: `;
      } catch (error) {
        output.textContent = reportUnexpected('the answer could not be worked out', error);
      }
    });

    for (const button of card.querySelectorAll<HTMLButtonElement>('.exercise__run')) {
      button.addEventListener('click', () => document.dispatchEvent(new CustomEvent('lab-run', { detail: { cmd: button.dataset.run } })));
    }
  }
  onProgressChange(() => cards.forEach(render));
}
