// The exercise cards of a chapter: answers are checked in the terminal's world (the checker and
// the engine load on first use), hints open one at a time, the solution shows the answer of the
// lab in effect, and everything is kept in the saved progress, which the terminal's `submit`
// updates too.
import { exerciseProgress, loadProgress, onProgressChange, recordAttempt, updateProgress } from '../progress/store.ts';
import { labChoice } from '../labs/choice.ts';
import { reportUnexpected } from '../errors.ts';
import { statusWords } from './status-words.ts';

const checker = () => import('./checker.ts');

function hintLabel(shown: number, total: number): string {
  return shown >= total ? 'No more hints' : `Show a hint (${shown + 1} of ${total})`;
}

/** Brings a card in line with the saved progress. The answer box is only filled when empty. */
function render(card: HTMLElement): void {
  const id = card.dataset.exercise!;
  const saved = loadProgress().exercises.get(id);
  const status = card.querySelector<HTMLElement>('[data-status]')!;
  status.textContent = statusWords(saved);
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

    // Checks can finish out of order (the first waits for the checker's code, a wrong answer may
    // take longer): each is recorded in the order it was submitted, and only the last submitted
    // one's verdict is shown, so the feedback is always about the answer in the box.
    let submitted = 0;
    let recorded: Promise<void> = Promise.resolve();
    card.querySelector<HTMLFormElement>('[data-answer-form]')!.addEventListener('submit', (event) => {
      event.preventDefault();
      const answer = card.querySelector<HTMLInputElement>('input[name="answer"]')!.value;
      const submission = ++submitted;
      showFeedback(card, undefined, 'Checking…');
      // Settled to a value at once, so a failure waiting its turn is never an unhandled rejection.
      const checked = checker()
        .then(({ checkInPage }) => checkInPage(pageLab, id, answer))
        .catch((error: unknown) => ({ correct: false, message: reportUnexpected('the answer could not be checked', error), failed: true }));
      recorded = recorded.then(async () => {
        const verdict = await checked;
        if (answer.trim() && !('failed' in verdict)) recordAttempt(id, answer, verdict.correct);
        if (submission === submitted) showFeedback(card, verdict.correct, verdict.message);
      });
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
