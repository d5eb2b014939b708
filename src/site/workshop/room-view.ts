// The room view: decodes pasted progress codes and counts, per exercise, the attendees who solved it.
import { decodeCode, type SharedProgress } from '../progress/store.ts';

export function tally(text: string): { attendees: SharedProgress[]; errors: string[] } {
  const attendees: SharedProgress[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((line, index) => {
    const code = line.trim();
    if (!code || seen.has(code)) return; // the same code pasted twice counts once
    seen.add(code);
    try {
      attendees.push(decodeCode(code));
    } catch (error) {
      errors.push(`Line ${index + 1}: ${(error as Error).message}.`);
    }
  });
  return { attendees, errors };
}

export function mountRoomView(host: HTMLElement): void {
  host.querySelector('[data-room-count]')!.addEventListener('click', () => {
    const { attendees, errors } = tally(host.querySelector<HTMLTextAreaElement>('[data-room-codes]')!.value);
    host.querySelector('[data-room-summary]')!.textContent = `${attendees.length} ${attendees.length === 1 ? 'attendee' : 'attendees'}${errors.length ? `, ${errors.length} unreadable ${errors.length === 1 ? 'line' : 'lines'}` : ''}.`;
    const list = host.querySelector('[data-room-errors]')!;
    list.replaceChildren(...errors.map((e) => Object.assign(document.createElement('li'), { textContent: e })));
    for (const row of host.querySelectorAll<HTMLElement>('[data-room-exercise]')) {
      const solvers = attendees.filter((a) => a.solved.includes(row.dataset.roomExercise!));
      row.querySelector('[data-room-solved]')!.textContent = `${solvers.length} of ${attendees.length}`;
      row.querySelector('[data-room-names]')!.textContent = solvers.map((a, i) => a.name || `attendee ${i + 1}`).join(', ');
    }
  });
}
